// The public ranking, as every logged-in user may see it: per industry the
// ranked participants, the best per channel, chat by a person or a chatbot.
import * as api from "../../api/endpoints";
import type { Ranking } from "../../api/types";
import { barChart } from "../../components/chart";
import { h } from "../../dom";
import { fixed } from "../../format";
import { channelLabel, countsNote, t } from "../../i18n";
import type { ViewContext } from "../../router";

function industrySection(industry: Ranking["industries"][number]): HTMLElement {
  const winnerMark = (id: string) => {
    if (id !== industry.winner) return "";
    return industry.winner_clear ? h("span", { class: "badge small" }, ` ${t("bestInTest")}`) : ` (${t("notClear")})`;
  };
  const table = h(
    "table",
    { class: "answers" },
    h("tr", {}, h("th", {}, t("rank")), h("th", {}, t("company")), h("th", {}, t("score")), h("th", {}, "95 %")),
    ...industry.ranked.map((p) =>
      h(
        "tr",
        { class: p.id === industry.winner ? "winner" : "" },
        h("td", {}, p.rank === null ? "–" : String(p.rank)),
        h("td", {}, p.name, winnerMark(p.id)),
        h("td", {}, fixed(p.score)),
        h("td", {}, p.ci ? `${fixed(p.ci[0])} – ${fixed(p.ci[1])}` : "–"),
      ),
    ),
  );
  return h(
    "section",
    { class: "card ranking", "data-testid": `ranking-${industry.id}` },
    h("h2", {}, industry.name),
    industry.ranked.length === 0 ? h("p", { class: "meta" }, t("noneRanked")) : table,
  );
}

export async function rankingView({ scope, mount }: ViewContext): Promise<void> {
  const r = await api.ranking();
  const channels = Object.keys(r.channels);
  const bestPerChannel = channels.flatMap((c) => {
    const best = r.channels[c].best;
    return best ? [h("li", {}, `${channelLabel(c)}: ${best.name} (${fixed(best.score)})`)] : [];
  });
  mount(
    h("h1", {}, t("ranking")),
    h("p", { class: "meta", "data-testid": "counts" }, countsNote(r.counts.approved, r.counts.provisional)),
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("channels")),
      barChart(
        scope,
        "channel-chart",
        channels.map(channelLabel),
        [
          { name: t("industryMean"), values: channels.map((c) => r.channels[c].mean) },
          { name: t("industryBest"), values: channels.map((c) => r.channels[c].best?.score ?? null) },
        ],
        { max: 100 },
      ),
      h("ul", {}, ...bestPerChannel),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "Chat"),
      barChart(
        scope,
        "chat-chart",
        [t("person"), t("chatbot")],
        [{ name: t("score"), values: [r.chat.person.mean, r.chat.chatbot.mean] }],
        { horizontal: true, max: 100 },
      ),
    ),
    ...r.industries.map(industrySection),
  );
}
