// The audit trail: every change, newest first, a page at a time.
import * as api from "../../api/endpoints";
import { pager } from "../../components/pager";
import { h } from "../../dom";
import { instant } from "../../format";
import { t } from "../../i18n";
import { currentQuery, go, type ViewContext } from "../../router";

export async function auditView({ mount }: ViewContext): Promise<void> {
  const page = Math.max(1, Number(currentQuery().get("page") ?? "1") || 1);
  const audit = await api.auditTrail(page);
  const rows = audit.entries.map((e) =>
    h(
      "tr",
      {},
      h("td", {}, instant(e.at)),
      h("td", {}, e.actor),
      h("td", {}, `${e.entity_id} ${e.field}`),
      h("td", {}, `${e.old} → ${e.new}`),
      h("td", {}, e.reason),
    ),
  );
  mount(
    h("h1", {}, t("audit")),
    h("table", { class: "card answers", "data-testid": "audit-rows" }, ...rows),
    pager(audit, (n) => go(`#/audit?page=${n}`), "audit-pager"),
  );
}
