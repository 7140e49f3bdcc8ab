// A bar chart in a box of its own; horizontal bars suit long labels on a phone.
// ECharts is imported only when a chart is drawn (a chunk of its own), and the
// chart is disposed of with the view's scope: the dashboard re-renders every
// 30 seconds and must not pile up chart instances.
import { h } from "../dom";
import { t } from "../i18n";
import type { Scope } from "../scope";

export interface Series {
  name: string;
  values: (number | null)[];
}

export interface BarOptions {
  horizontal?: boolean;
  max?: number;
}

export function barChart(
  scope: Scope,
  id: string,
  categories: string[],
  series: Series[],
  options: BarOptions = {},
): HTMLElement {
  const box = h("div", { class: "chart", "data-testid": id });
  import("./echarts-bar")
    .then(({ drawBarChart }) => {
      // Drawn once the box is in the page and laid out.
      requestAnimationFrame(() => {
        if (scope.active) scope.own(drawBarChart(box, categories, series, options));
      });
    })
    .catch(() => {
      box.textContent = t("chartUnavailable");
    });
  return box;
}
