// A shopper's worklist: the server's order (returned, overdue and open
// contacts first, then upcoming ones by date; src/domain/worklist.h), each
// with its company, channel, time window and deadline, how to reach the
// company and the role play; done ones behind a filter.
import * as api from "../../api/endpoints";
import type { WorklistRow } from "../../api/types";
import { h } from "../../dom";
import { localClock, localTime } from "../../format";
import { channelLabel, statusLabel, t, type TextKey } from "../../i18n";
import type { ViewContext } from "../../router";

// A link that opens the way to reach the company: a phone number to call,
// an e-mail address to write to, a page to open.
function reachLink(row: WorklistRow): HTMLElement | null {
  const reach = row.reach;
  if (!reach) return null;
  const href =
    row.channel === "phone"
      ? `tel:${reach.replace(/[^+\d]/g, "")}`
      : reach.includes("@") && !reach.startsWith("http")
        ? `mailto:${reach}`
        : reach;
  const external = href.startsWith("http") ? { target: "_blank", rel: "noopener" } : {};
  return h(
    "p",
    { class: "reach" },
    `${t("reach")}: `,
    h("a", { href, "data-testid": `reach-${row.id}`, ...external }, reach),
  );
}

function item(row: WorklistRow): HTMLElement {
  const { window } = row;
  return h(
    "li",
    { class: `work ${row.group}` },
    h(
      "a",
      {
        href: `#/assignment/${encodeURIComponent(row.id)}`,
        class: "assignment",
        "data-testid": `assignment-${row.id}`,
      },
      h("strong", {}, row.company),
      h("span", {}, `${channelLabel(row.channel)} · ${localTime(row.planned_at)}`),
      h("span", { class: `status ${row.status}` }, statusLabel(row.status)),
    ),
    h(
      "p",
      { class: "meta", "data-testid": `window-${row.id}` },
      `${t("window")}: ${localTime(window.from)}–${localClock(window.to)} · ${t("deadline")}: ${localTime(window.deadline)}`,
    ),
    reachLink(row),
    row.scenario
      ? h("details", {}, h("summary", {}, `${t("scenario")}: ${row.scenario.title}`), h("p", {}, row.scenario.script))
      : null,
  );
}

// The first assignment still to do other than `current`, by the server's order.
export async function nextAssignment(current: string): Promise<WorklistRow | undefined> {
  const { assignments } = await api.listAssignments();
  return (
    assignments.find((a) => a.id !== current && a.group !== "done" && a.group !== "upcoming") ??
    assignments.find((a) => a.id !== current && a.group !== "done")
  );
}

// The one-tap way on after a report is in; without the list (offline, say)
// only the way back.
export async function nextAssignmentLink(current: string): Promise<HTMLElement | null> {
  let next: WorklistRow | undefined;
  try {
    next = await nextAssignment(current);
  } catch {
    return null;
  }
  if (!next) return h("p", { "data-testid": "no-next" }, t("noMoreAssignments"));
  return h(
    "a",
    { href: `#/assignment/${encodeURIComponent(next.id)}`, class: "button primary", "data-testid": "next-assignment" },
    `${t("nextAssignment")}: ${next.company} (${channelLabel(next.channel)})`,
  );
}

export async function assignmentsView({ mount }: ViewContext): Promise<void> {
  const { assignments } = await api.listAssignments();
  const list = h("div");
  const showDone = h("input", { type: "checkbox", id: "show-done", "data-testid": "show-done" });
  const render = () => {
    const rows = assignments.filter((a) => showDone.checked || a.group !== "done");
    const sections: HTMLElement[] = [];
    // One heading per group, in the server's order.
    for (const group of ["returned", "overdue", "open", "upcoming", "done"] as const) {
      const inGroup = rows.filter((a) => a.group === group);
      if (!inGroup.length) continue;
      sections.push(
        h("h2", { "data-testid": `group-${group}` }, t(`group_${group}` as TextKey)),
        h("ul", { class: "list" }, ...inGroup.map(item)),
      );
    }
    list.replaceChildren(...(sections.length ? sections : [h("p", {}, t("noAssignments"))]));
  };
  showDone.addEventListener("change", render);
  render();
  mount(
    h("h1", {}, t("assignments")),
    h("p", { class: "filter" }, showDone, h("label", { for: "show-done" }, t("showDone"))),
    list,
  );
}
