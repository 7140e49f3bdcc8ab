// The one pager of every list the server pages (QA queue, audit trail,
// users): previous and next, "page 2 of 86 (4 262)", both ends disabled
// where there is nothing more.
import { h, onClick } from "../dom";
import { locale, t } from "../i18n";

export interface PageInfo {
  page: number;
  pages: number;
  total: number;
}

export function pager(info: PageInfo, go: (page: number) => void, testid = "pager"): HTMLElement {
  const previous = h(
    "button",
    { type: "button", "data-testid": `${testid}-previous`, disabled: info.page <= 1 },
    "‹ " + t("previousPage"),
  );
  const next = h(
    "button",
    { type: "button", "data-testid": `${testid}-next`, disabled: info.page >= info.pages },
    t("nextPage") + " ›",
  );
  onClick(previous, () => go(info.page - 1));
  onClick(next, () => go(info.page + 1));
  const where = h(
    "span",
    { "data-testid": `${testid}-where` },
    `${t("page")} ${info.page} ${t("pageOf")} ${Math.max(info.pages, 1)} (${info.total.toLocaleString(locale())})`,
  );
  return h("nav", { class: "pager", "aria-label": t("page"), "data-testid": testid }, previous, where, next);
}
