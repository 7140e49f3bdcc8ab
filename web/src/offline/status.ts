// What the outbox holds, said to the user: per assignment and in the header,
// "saved on the phone, will be sent" / "sent" / "could not be sent: why".
import { h, onClick } from "../dom";
import { t } from "../i18n";
import { discard, queued, rebase, subscribe, type QueuedOperation } from "./outbox";

// Why the server refused an operation, for the user: a conflict (the report
// changed on the server meanwhile) in our words, with the server's detail.
export function whyRefused(failure: NonNullable<QueuedOperation["failure"]>): string {
  if (failure.status === 409 && failure.field === "base_version") {
    return `${t("conflictChanged")} (${failure.detail})`;
  }
  return failure.detail;
}

function describe(ops: QueuedOperation[]): { text: string; failure?: QueuedOperation["failure"] } {
  const failed = ops.find((op) => op.failure);
  if (failed?.failure) return { text: `${t("outboxFailed")}: ${whyRefused(failed.failure)}`, failure: failed.failure };
  if (ops.length) return { text: t("outboxWaiting") };
  return { text: t("outboxSent") };
}

// The status of one assignment's changes. `reload` gives the server's
// current version of the assignment, for sending the phone's changes again on
// it. `testId` names the line (its buttons are `testId`-rebase and -discard
// unless it is the assignment's own "save-state"); `rebase: false` offers
// only discarding (a refused file is refused again, whatever it is sent on).
export function scopeStatus(
  scope: string,
  reload: () => Promise<number>,
  resolved: () => void,
  { testId = "save-state", rebase: offerRebase = true }: { testId?: string; rebase?: boolean } = {},
): { element: HTMLElement; refresh(): Promise<void>; stop(): void } {
  const own = testId === "save-state";
  const line = h("span", { "data-testid": testId });
  const actions = h("span", { class: "outbox-actions" });
  const element = h("p", { class: "outbox card", role: "status" }, line, actions);

  async function refresh(): Promise<void> {
    const ops = await queued(scope);
    const { text, failure } = describe(ops);
    line.textContent = text;
    element.className = `outbox card ${failure ? "failed" : ops.length ? "waiting" : "sent"}`;
    if (!failure) {
      actions.replaceChildren();
      return;
    }
    const again = h(
      "button",
      { type: "button", "data-testid": own ? "outbox-rebase" : `${testId}-rebase` },
      t("rebase"),
    );
    onClick(again, async () => rebase(scope, await reload()));
    const drop = h(
      "button",
      { type: "button", "data-testid": own ? "outbox-discard" : `${testId}-discard` },
      t("discard"),
    );
    onClick(drop, async () => {
      await discard(scope);
      resolved();
    });
    actions.replaceChildren(...(offerRebase ? [again] : []), drop);
  }

  const stop = subscribe((changed) => {
    if (changed === scope || changed === null) void refresh();
  });
  return { element, refresh, stop };
}

// The header's summary: nothing when everything is sent.
export function outboxBadge(): HTMLElement {
  const badge = h("span", { class: "outbox-badge", "data-testid": "outbox-badge", role: "status" });
  const refresh = async () => {
    const ops = await queued();
    badge.textContent = ops.length ? describe(ops).text.split(":")[0] + ` (${ops.length})` : "";
  };
  subscribe(() => void refresh());
  void refresh();
  return badge;
}
