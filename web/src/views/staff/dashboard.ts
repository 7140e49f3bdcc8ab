// The manager's overview of fieldwork: done against planned, the QA backlog,
// progress per week, scores per industry, channels, the participants furthest
// behind and the shoppers' workload. main.ts refreshes it every 30 seconds;
// its charts go with each rendering's scope.
import * as api from "../../api/endpoints";
import type { ProgressRow, StudyResults } from "../../api/types";
import { barChart } from "../../components/chart";
import { exportLinks } from "../../components/export-links";
import { h } from "../../dom";
import { channelLabel, t } from "../../i18n";
import type { ViewContext } from "../../router";
import type { Scope } from "../../scope";

function progressTable(rows: ProgressRow[], label: (key: string) => string, testid: string): HTMLElement {
  return h(
    "table",
    { class: "answers", "data-testid": testid },
    h("tr", {}, h("th", {}, ""), h("th", {}, t("planned")), h("th", {}, t("done")), h("th", {}, t("qaBacklog"))),
    ...rows.map((row) =>
      h(
        "tr",
        {},
        h("td", {}, label(row.key)),
        h("td", {}, String(row.total)),
        h("td", {}, String(row.done)),
        h("td", {}, String(row.submitted)),
      ),
    ),
  );
}

function plannedAndDone(
  scope: Scope,
  id: string,
  rows: ProgressRow[],
  label: (row: ProgressRow) => string,
  horizontal: boolean,
) {
  return barChart(
    scope,
    id,
    rows.map(label),
    [
      { name: t("planned"), values: rows.map((row) => row.total) },
      { name: t("done"), values: rows.map((row) => row.done) },
    ],
    { horizontal },
  );
}

function industryScores(scope: Scope, results: StudyResults): HTMLElement {
  const industries = results.industries.filter((i) => i.mean !== null);
  return h(
    "section",
    { class: "card" },
    h("h2", {}, t("scoresByIndustry")),
    barChart(
      scope,
      "industry-chart",
      industries.map((i) => i.name),
      [
        { name: t("industryMean"), values: industries.map((i) => i.mean) },
        { name: t("industryBest"), values: industries.map((i) => i.best) },
      ],
      { horizontal: true, max: 100 },
    ),
  );
}

export async function dashboardView({ scope, mount }: ViewContext): Promise<void> {
  const [progress, counts, results] = await Promise.all([
    api.progress(),
    // The backlog's count alone: the queue itself is never downloaded here.
    api.qaCounts(),
    // No results yet (nothing approved) is not a failure of the dashboard.
    api.studyResults().catch(() => null),
  ]);
  const total = progress.total?.[0] ?? { total: 0, done: 0 };
  const weeks = [...(progress.week ?? [])].sort((x, y) => Number(x.key) - Number(y.key));
  const shoppers = [...(progress.shopper ?? [])].sort((x, y) => y.total - x.total).slice(0, 20);
  const behind = [...(progress.participant ?? [])].sort((x, y) => x.done / x.total - y.done / y.total).slice(0, 15);
  mount(
    h("h1", {}, t("dashboard")),
    h(
      "div",
      { class: "kpis" },
      h(
        "div",
        { class: "card kpi" },
        h("span", {}, t("done")),
        h("strong", { "data-testid": "done" }, `${total.done} / ${total.total}`),
      ),
      h(
        "div",
        { class: "card kpi" },
        h("span", {}, t("qaBacklog")),
        h("a", { href: "#/qa", "data-testid": "qa-backlog" }, h("strong", {}, String(counts.status.submitted))),
      ),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("progress")),
      plannedAndDone(scope, "progress-chart", weeks, (w) => `${t("week")} ${w.key}`, false),
    ),
    results ? industryScores(scope, results) : null,
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("channels")),
      progressTable(progress.channel ?? [], channelLabel, "progress-channels"),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("furthestBehind")),
      progressTable(
        behind.map((row) => ({ ...row, key: row.label ?? row.key })),
        (key) => key,
        "progress-participants",
      ),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("shopperWorkload")),
      plannedAndDone(scope, "workload-chart", shoppers, (s) => s.key, true),
    ),
    exportLinks(),
  );
}
