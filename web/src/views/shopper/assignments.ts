// A shopper's own assignments.
import * as api from "../../api/endpoints";
import { h } from "../../dom";
import { localTime } from "../../format";
import { channelLabel, statusLabel, t } from "../../i18n";
import type { ViewContext } from "../../router";

export async function assignmentsView({ mount }: ViewContext): Promise<void> {
  const { assignments } = await api.listAssignments();
  const items = assignments.map((a) =>
    h(
      "li",
      {},
      h(
        "a",
        { href: `#/assignment/${encodeURIComponent(a.id)}`, class: "assignment", "data-testid": `assignment-${a.id}` },
        h("strong", {}, a.company),
        h("span", {}, `${channelLabel(a.channel)} · ${localTime(a.planned_at)}`),
        h("span", { class: `status ${a.status}` }, statusLabel(a.status)),
      ),
    ),
  );
  mount(
    h("h1", {}, t("assignments")),
    items.length ? h("ul", { class: "list" }, ...items) : h("p", {}, t("noAssignments")),
  );
}
