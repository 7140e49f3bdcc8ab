// The quality-assurance queue: one page of the submitted reports, oldest
// first, filtered, sorted and searched on the server. The filter and page
// live in the hash ("#/qa?channel=chat&page=2"), so reload and back keep
// them and a report opened from here knows which queue it belongs to.
import * as api from "../../api/endpoints";
import type { ContactRow, QaCounts } from "../../api/types";
import { pager } from "../../components/pager";
import { h } from "../../dom";
import { instant, localTime, minutesSeconds } from "../../format";
import { channelLabel, statusLabel, t, type TextKey } from "../../i18n";
import { currentQuery, go, type ViewContext } from "../../router";

// The query parameters that make a queue filter (GET /qa takes them all);
// `flag` is passed on for when the server offers it.
const filterKeys = [
  "status",
  "participant",
  "industry",
  "shopper",
  "channel",
  "answered",
  "q",
  "sort",
  "order",
  "flag",
];

// The filter of `query` without its page.
export function queueFilter(query: URLSearchParams): URLSearchParams {
  const filter = new URLSearchParams();
  for (const key of filterKeys) {
    const value = query.get(key);
    if (value) filter.set(key, value);
  }
  return filter;
}

// The hash of the queue with `filter` (and `page` beyond the first).
export function queueHash(filter: URLSearchParams, page = 1): string {
  const query = new URLSearchParams(filter);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `#/qa?${text}` : "#/qa";
}

function select(testid: string, value: string, options: [string, string][], change: (value: string) => void) {
  const element = h(
    "select",
    { "data-testid": testid },
    ...options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)),
  );
  element.addEventListener("change", () => change(element.value));
  return element;
}

function filterBar(filter: URLSearchParams, counts: QaCounts): HTMLElement {
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(filter);
    if (value) next.set(key, value);
    else next.delete(key);
    go(queueHash(next));
  };
  const participants: [string, string][] = [
    ["", t("allParticipants")],
    ...[...counts.submitted_by_participant]
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((p): [string, string] => [p.key, `${p.label} (${p.submitted})`]),
  ];
  const channels: [string, string][] = [
    ["", t("allChannels")],
    ...["phone", "email_form", "chat", "messenger"].map((c): [string, string] => [c, channelLabel(c)]),
  ];
  const answered: [string, string][] = [
    ["", t("answeredAny")],
    ["yes", t("answeredYes")],
    ["no", t("answeredNo")],
  ];
  const statuses: [string, string][] = [
    ["", statusLabel("submitted")],
    ["approved", statusLabel("approved")],
    ["returned", statusLabel("returned")],
    ["any", t("anyStatus")],
  ];
  const sorts: [string, TextKey][] = [
    ["", "sortOldest"],
    ["desc", "sortNewest"],
    ["participant", "sortParticipant"],
    ["shopper", "sortShopper"],
  ];
  const sortValue = filter.get("order") === "desc" ? "desc" : (filter.get("sort") ?? "");
  const sort = select(
    "qa-sort",
    sortValue,
    sorts.map(([v, key]) => [v, t(key)]),
    (value) => {
      const next = new URLSearchParams(filter);
      next.delete("sort");
      next.delete("order");
      if (value === "desc") next.set("order", "desc");
      else if (value) next.set("sort", value);
      go(queueHash(next));
    },
  );
  const search = h("input", {
    type: "search",
    "data-testid": "qa-search",
    placeholder: t("search"),
    "aria-label": t("search"),
    value: filter.get("q") ?? "",
  });
  search.addEventListener("change", () => set("q", search.value.trim()));
  return h(
    "div",
    { class: "card filters", "data-testid": "qa-filters" },
    search,
    select("qa-participant", filter.get("participant") ?? "", participants, (v) => set("participant", v)),
    select("qa-channel", filter.get("channel") ?? "", channels, (v) => set("channel", v)),
    select("qa-answered", filter.get("answered") ?? "", answered, (v) => set("answered", v)),
    select("qa-status", filter.get("status") ?? "", statuses, (v) => set("status", v)),
    sort,
  );
}

function row(c: ContactRow, filter: URLSearchParams): HTMLElement {
  const query = filter.toString();
  const wait = c.wait_s === null ? t("noAnswer") : `${t("wait")} ${minutesSeconds(c.wait_s)}`;
  return h(
    "li",
    {},
    h(
      "a",
      {
        href: `#/qa/${encodeURIComponent(c.id)}${query ? "?" + query : ""}`,
        class: "assignment",
        "data-testid": `qa-${c.id}`,
      },
      h("strong", {}, c.company),
      h(
        "span",
        {},
        `${channelLabel(c.channel)} · ${c.shopper} · ${localTime(c.planned_at)} · ${wait} · ${t("submittedAt")} ${instant(c.submitted_at)}`,
      ),
    ),
  );
}

export async function qaQueueView({ mount }: ViewContext): Promise<void> {
  const query = currentQuery();
  const filter = queueFilter(query);
  const asked = new URLSearchParams(filter);
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  asked.set("page", String(page));
  const [queue, counts] = await Promise.all([api.qaQueue(asked), api.qaCounts()]);
  const items = queue.queue.map((c) => row(c, filter));
  mount(
    h("h1", {}, `${t("qa")} (`, h("span", { "data-testid": "qa-total" }, String(queue.total)), ")"),
    filterBar(filter, counts),
    items.length
      ? h("ul", { class: "list", "data-testid": "qa-list" }, ...items)
      : h("p", { class: "meta", "data-testid": "qa-empty" }, t("noReports")),
    pager(queue, (n) => go(queueHash(filter, n)), "qa-pager"),
  );
}
