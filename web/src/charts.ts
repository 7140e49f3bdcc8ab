// Apache ECharts, only the parts we use (bar charts on canvas).
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { h } from "./dom";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  values: (number | null)[];
}

// A bar chart in a box of its own; horizontal bars suit long labels on a phone.
export function barChart(id: string, categories: string[], series: Series[], horizontal = false, max?: number): HTMLElement {
  const box = h("div", { class: "chart", "data-testid": id });
  requestAnimationFrame(() => {
    const chart = echarts.init(box, undefined, { renderer: "canvas" });
    const valueAxis = { type: "value" as const, max };
    const categoryAxis = { type: "category" as const, data: categories, axisLabel: { width: 110, overflow: "truncate" as const } };
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { show: series.length > 1, top: 0 },
      grid: { left: horizontal ? 120 : 40, right: 16, top: series.length > 1 ? 32 : 12, bottom: 28 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series.map((s) => ({ type: "bar", name: s.name, data: s.values })),
    });
    new ResizeObserver(() => chart.resize()).observe(box);
  });
  return box;
}
