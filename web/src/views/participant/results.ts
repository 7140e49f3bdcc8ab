// One participant's results against its industry (staff may open any; a
// participant only its own, which the server enforces).
import * as api from "../../api/endpoints";
import type { ParticipantResult } from "../../api/types";
import { barChart } from "../../components/chart";
import { exportLinks } from "../../components/export-links";
import { h } from "../../dom";
import { fixed } from "../../format";
import { channelLabel, countsNote, language, t } from "../../i18n";
import type { ViewContext } from "../../router";

// NPS, CSAT and CES on one line; empty when the study asks none of them.
function customerExperience(p: ParticipantResult): string {
  return [
    p.nps ? `NPS ${fixed(p.nps.value, 0)} (${fixed(p.nps.ci?.[0], 0)} – ${fixed(p.nps.ci?.[1], 0)})` : null,
    p.csat ? `CSAT ${fixed(p.csat.value, 0)} %` : null,
    p.ces ? `CES ${fixed(p.ces.mean, 2)}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

function kpi(label: string, value: HTMLElement, note: string | HTMLElement): HTMLElement {
  return h(
    "div",
    { class: "card kpi" },
    h("span", {}, label),
    value,
    typeof note === "string" ? h("small", {}, note) : note,
  );
}

export async function resultsView({ params, scope, mount }: ViewContext): Promise<void> {
  const id = params.id;
  const r = await api.participantResults(id);
  const p = r.participant;
  const areaIds = Object.keys(p.areas);
  const channels = Object.keys(p.channels);
  const cx = customerExperience(p);
  mount(
    h("h1", {}, p.name),
    h("p", { class: "meta", "data-testid": "counts" }, countsNote(p.n_approved, p.n_provisional)),
    r.industry.winner_clear ? h("p", { class: "badge", "data-testid": "best-in-test" }, t("bestInTest")) : h("span"),
    h(
      "div",
      { class: "kpis" },
      kpi(
        t("score"),
        h("strong", { "data-testid": "score" }, fixed(p.score)),
        p.ci ? `${fixed(p.ci[0])} – ${fixed(p.ci[1])}` : "",
      ),
      kpi(
        t("rank"),
        h("strong", { "data-testid": "rank" }, p.rank ? `${p.rank} / ${r.industry.participants}` : "–"),
        p.rank_ci ? `${p.rank_ci[0]}–${p.rank_ci[1]}` : "",
      ),
      kpi(t("industryMean"), h("strong", {}, fixed(r.industry.mean)), `${t("industryBest")} ${fixed(r.industry.best)}`),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("areas")),
      barChart(
        scope,
        "areas-chart",
        areaIds.map((area) => r.area_labels[area] ?? area),
        [
          { name: p.name, values: areaIds.map((area) => p.areas[area]) },
          { name: t("industryMean"), values: areaIds.map((area) => r.industry.areas?.[area] ?? null) },
        ],
        { horizontal: true, max: 100 },
      ),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("channels")),
      barChart(
        scope,
        "channels-chart",
        channels.map(channelLabel),
        [
          { name: p.name, values: channels.map((c) => p.channels[c].score) },
          { name: t("industryMean"), values: channels.map((c) => r.industry.channels?.[c] ?? null) },
        ],
        { max: 100 },
      ),
    ),
    cx ? h("p", { class: "card", "data-testid": "cx" }, cx) : h("span"),
    h(
      "p",
      {},
      h("a", { href: api.reportUrl(id, "pdf", language()), "data-testid": "report-pdf" }, t("downloadReport")),
      " · ",
      h("a", { href: api.reportUrl(id, "html", language()), "data-testid": "report-html" }, t("downloadHtml")),
    ),
    exportLinks(t("exportOwnNote")),
  );
}
