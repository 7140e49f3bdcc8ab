// Staff's ranking: the live preview of what would be published (counting
// the reports the study's rule counts), and the publication: publish with the
// time from which it is public, or withdraw it (docs/publication.md).
import { ApiProblem } from "../../api/client";
import * as api from "../../api/endpoints";
import type { Publication } from "../../api/types";
import { problemSlot } from "../../components/problem";
import { h, onClick } from "../../dom";
import { localTime } from "../../format";
import { countsNote, fill, t } from "../../i18n";
import { refresh, type ViewContext } from "../../router";
import { rankingSections } from "../public/ranking-document";

async function currentPublication(): Promise<Publication | null> {
  try {
    return await api.publication();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) return null;
    throw e;
  }
}

function publicationState(p: Publication | null): HTMLElement {
  if (!p) return h("p", { "data-testid": "publication-state" }, t("publicationNone"));
  const when = localTime(p.publish_at);
  return h(
    "p",
    { "data-testid": "publication-state" },
    fill(t(p.public ? "publicationPublic" : "publicationScheduled"), { at: when }),
    p.changed_since ? h("span", { class: "meta" }, ` ${t("publicationChanged")}`) : null,
    " ",
    h("a", { href: "#/published", "data-testid": "open-published" }, t("openPublished")),
  );
}

// studyNow: the study's local time (the server's clock in the study's zone),
// offered when nothing is published yet.
function publicationCard(p: Publication | null, studyNow: string): HTMLElement {
  const at = h("input", {
    type: "datetime-local",
    value: p?.publish_at ?? studyNow,
    required: true,
    "data-testid": "publish-at",
  });
  const problem = problemSlot("publication-problem");
  const publish = h("button", { type: "button", "data-testid": "publish" }, t("publishButton"));
  const withdraw = h("button", { type: "button", "data-testid": "withdraw" }, t("withdrawButton"));
  onClick(
    publish,
    async () => {
      publish.disabled = true;
      try {
        await api.publish(at.value);
        await refresh();
      } finally {
        publish.disabled = false;
      }
    },
    (e) => problem.show(e),
  );
  onClick(
    withdraw,
    async () => {
      await api.withdrawPublication();
      await refresh();
    },
    (e) => problem.show(e),
  );
  return h(
    "section",
    { class: "card", "data-testid": "publication" },
    h("h2", {}, t("publication")),
    publicationState(p),
    h("label", {}, t("publishAt"), at),
    problem.element,
    h("p", {}, publish, " ", p ? withdraw : null),
  );
}

export async function rankingView({ scope, mount }: ViewContext): Promise<void> {
  const [r, publication] = await Promise.all([api.ranking(), currentPublication()]);
  mount(
    h("h1", {}, t("ranking")),
    h("p", { class: "meta", "data-testid": "counts" }, countsNote(r.counts.approved, r.counts.provisional)),
    publicationCard(publication, r.study_now ?? ""),
    ...rankingSections(scope, r),
  );
}
