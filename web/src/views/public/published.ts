// The published ranking ("Best i test"): readable by anyone, logged in or
// not, from its publication time on; printable. It shows only what the
// contest publishes: names and figures, with a method note in plain words.
import { ApiProblem } from "../../api/client";
import * as api from "../../api/endpoints";
import { renderHeader } from "../../components/header";
import { problemCard } from "../../components/problem";
import { h, onClick } from "../../dom";
import { localTime } from "../../format";
import { t } from "../../i18n";
import type { ViewContext } from "../../router";
import { methodNote, rankingSections } from "./ranking-document";

export async function publishedView({ scope, mount }: ViewContext): Promise<void> {
  renderHeader();
  let r;
  try {
    r = await api.publicRanking();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      mount(h("p", { class: "card", "data-testid": "not-published" }, t("notPublished")));
      return;
    }
    mount(problemCard(e, "published-problem"));
    return;
  }
  const print = h("button", { type: "button", class: "no-print", "data-testid": "print" }, t("printPage"));
  onClick(print, () => window.print());
  mount(
    h("h1", { "data-testid": "published-title" }, `${r.study.name}: ${t("publishedRanking")}`),
    h("p", { class: "meta" }, `${t("publishedFrom")} ${r.published_at ? localTime(r.published_at) : ""}`, " ", print),
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("methodTitle")),
      h("p", { "data-testid": "method-note" }, methodNote(r)),
    ),
    ...rankingSections(scope, r),
  );
}
