// Apache ECharts, only the parts we use (bar charts on canvas). Loaded on
// demand by ./chart.ts, so screens without charts never download it.
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { BarOptions, Series } from "./chart";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Draws into `box` and returns what releases the chart and its observer.
export function drawBarChart(
  box: HTMLElement,
  categories: string[],
  series: Series[],
  options: BarOptions,
): () => void {
  const { horizontal = false, max } = options;
  const chart = echarts.init(box, undefined, { renderer: "canvas" });
  const valueAxis = { type: "value" as const, max };
  const categoryAxis = {
    type: "category" as const,
    data: categories,
    axisLabel: { width: 110, overflow: "truncate" as const },
  };
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { show: series.length > 1, top: 0 },
    grid: { left: horizontal ? 120 : 40, right: 16, top: series.length > 1 ? 32 : 12, bottom: 28 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({ type: "bar", name: s.name, data: s.values })),
  });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(box);
  return () => {
    observer.disconnect();
    chart.dispose();
  };
}
