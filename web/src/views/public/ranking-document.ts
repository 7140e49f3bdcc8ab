// The ranking document (results/public_ranking.h) as readers see it: staff's
// live preview and the published page are this one rendering, so what is
// previewed is what is published. Every interval and rank range is said in
// words with its n; each industry's winner gets one sentence a journalist can
// quote.
import type { Ranking, RankedIndustry, RankedParticipant } from "../../api/types";
import { barChart } from "../../components/chart";
import { h } from "../../dom";
import { fixed } from "../../format";
import { channelLabel, fill, t } from "../../i18n";
import type { Scope } from "../../scope";

function percent(share: number | null): string {
  return share === null ? "–" : `${fixed(share * 100, 0)} %`;
}

function probableRank(p: RankedParticipant, of: number): string {
  if (!p.rank_range) return "–";
  return fill(t("probableRankOf"), { from: p.rank_range[0], to: p.rank_range[1], n: of });
}

// One sentence on the winner: clear when its lead over number 2 is larger
// than the margin of error (the bootstrap interval of the lead excludes 0).
export function winnerSentence(industry: RankedIndustry): string | null {
  if (!industry.winner_name) return null;
  const runner = industry.ranked.find((p) => p.id === industry.runner_up);
  if (!runner) return fill(t("winnerAlone"), { winner: industry.winner_name });
  const values = { winner: industry.winner_name, runner: runner.name };
  return fill(t(industry.winner_clear ? "winnerClear" : "winnerUnclear"), values);
}

function industrySection(industry: RankedIndustry): HTMLElement {
  const of = industry.ranked.length;
  const head = [t("rank"), t("company"), t("score"), t("interval95"), t("rankRange"), t("chanceBest"), t("contactsN")];
  const table = h(
    "table",
    { class: "answers" },
    h("tr", {}, ...head.map((label) => h("th", {}, label))),
    ...industry.ranked.map((p) =>
      h(
        "tr",
        { class: p.id === industry.winner ? "winner" : "" },
        h("td", {}, p.rank === null ? "–" : String(p.rank)),
        h("td", {}, p.name),
        h("td", {}, fixed(p.score)),
        h("td", {}, p.ci ? `${fixed(p.ci[0])} – ${fixed(p.ci[1])}` : "–"),
        h("td", {}, probableRank(p, of)),
        h("td", {}, percent(p.p_best)),
        h("td", {}, String(p.n)),
      ),
    ),
  );
  return h(
    "section",
    { class: "card ranking", "data-testid": `ranking-${industry.id}` },
    h("h2", {}, industry.name),
    h(
      "p",
      { class: industry.winner_clear ? "badge" : "meta", "data-testid": "winner-sentence" },
      winnerSentence(industry),
    ),
    of === 0 ? h("p", { class: "meta" }, t("noneRanked")) : table,
  );
}

export function methodNote(r: Ranking): string {
  return fill(t("methodNote"), {
    contacts: r.method.contacts,
    companies: r.method.companies,
    industries: r.method.industries,
    from: r.method.fieldwork.from ?? "–",
    to: r.method.fieldwork.to ?? "–",
    resamples: r.method.resamples,
    min: r.method.min_contacts_for_ranking,
  });
}

export function rankingSections(scope: Scope, r: Ranking): HTMLElement[] {
  const channels = Object.keys(r.channels);
  const bestPerChannel = channels.flatMap((c) => {
    const best = r.channels[c].best;
    return best ? [h("li", {}, `${channelLabel(c)}: ${best.name} (${fixed(best.score)})`)] : [];
  });
  return [
    ...r.industries.map(industrySection),
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
        [`${t("person")} (n = ${r.chat.person.n})`, `${t("chatbot")} (n = ${r.chat.chatbot.n})`],
        [{ name: t("score"), values: [r.chat.person.mean, r.chat.chatbot.mean] }],
        { horizontal: true, max: 100 },
      ),
    ),
  ];
}
