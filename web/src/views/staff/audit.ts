// The audit trail: every change, newest first.
import * as api from "../../api/endpoints";
import { h } from "../../dom";
import { t } from "../../i18n";
import type { ViewContext } from "../../router";

export async function auditView({ mount }: ViewContext): Promise<void> {
  const { entries } = await api.auditTrail();
  const rows = entries
    .slice(0, 300)
    .map((e) =>
      h(
        "tr",
        {},
        h("td", {}, e.at),
        h("td", {}, e.actor),
        h("td", {}, `${e.entity_id} ${e.field}`),
        h("td", {}, `${e.old} → ${e.new}`),
        h("td", {}, e.reason),
      ),
    );
  mount(h("h1", {}, t("audit")), h("table", { class: "card answers" }, ...rows));
}
