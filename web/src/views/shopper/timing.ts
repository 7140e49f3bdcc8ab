// Timing a contact: "start" when the shopper dials, sends or opens the chat,
// "answered" when the company answers (by a person or a chatbot on chat and
// Messenger). Each tap goes to the outbox first. Online the server records
// both times and measures the wait; a tap made offline (or while earlier
// changes still wait to be sent) carries the phone's time as `device_at`,
// which the server records as device time for quality assurance.
import type { Contact, Responder } from "../../api/types";
import { h, onClick } from "../../dom";
import { fixed } from "../../format";
import { statusLabel, t } from "../../i18n";
import { enqueue, queued } from "../../offline/outbox";

// What the assignment view shares with its parts: the contact as the server
// last returned it, and where a failure goes.
export interface Visit {
  id: string;
  contact: Contact;
  editable: boolean;
  show: (error: unknown) => void;
}

function responders(contact: Contact): [Exclude<Responder, "unknown"> | undefined, string][] {
  if (contact.channel === "chat" || contact.channel === "messenger") {
    return [
      ["person", t("person")],
      ["chatbot", t("chatbot")],
    ];
  }
  return [[undefined, t("answered")]];
}

// The contact as the phone sees it after a tap at `at` (until the server's reply).
export function applyTap(contact: Contact, kind: string, at: string, responder?: Responder): Contact {
  const next = { ...contact };
  if (kind === "start" && !next.started_at) {
    next.started_at = at;
    if (next.status === "planned") next.status = "started";
  }
  if (kind === "answered" && next.started_at && !next.answered_at) {
    next.answered_at = at;
    next.wait_s = (Date.parse(at) - Date.parse(next.started_at)) / 1000;
    if (responder) next.responder = responder;
  }
  return next;
}

// The status badge and the timing card; `answered` receives the contact with
// the measured wait as an answer of its own.
export function timing(
  visit: Visit,
  answered: (contact: Contact) => void,
): { badge: HTMLElement; card: HTMLElement; render(): void } {
  const badge = h("span", { "data-testid": "status" });
  const card = h("div", { class: "card timing" });

  // The tap's time is taken now, on the phone; sent only when it will not
  // reach the server at once.
  const tap = async (kind: "start" | "answered", body: Record<string, unknown>) => {
    const now = new Date().toISOString();
    const late = !navigator.onLine || (await queued(visit.id)).length > 0;
    await enqueue({
      scope: visit.id,
      kind,
      method: "POST",
      path: `/assignments/${encodeURIComponent(visit.id)}/${kind}`,
      body: late ? { ...body, device_at: now } : body,
    });
    visit.contact = applyTap(visit.contact, kind, now, body.responder as Responder | undefined);
  };

  const action = (testid: string, label: string, run: () => Promise<void>) => {
    const button = h("button", { type: "button", class: "primary", "data-testid": testid }, label);
    onClick(
      button,
      async () => {
        await run();
        if (visit.contact.answered_at) answered(visit.contact);
        render();
      },
      (e) => visit.show(e),
    );
    return button;
  };

  function render(): void {
    const { contact, editable } = visit;
    badge.className = `status ${contact.status}`;
    badge.textContent = statusLabel(contact.status);
    const parts: HTMLElement[] = [];
    if (!contact.started_at && editable) {
      parts.push(action("start", t("start"), () => tap("start", {})));
    } else if (contact.started_at && !contact.answered_at && editable) {
      for (const [responder, label] of responders(contact)) {
        const testid = responder ? `answered-${responder}` : "answered";
        parts.push(action(testid, label, () => tap("answered", responder ? { responder } : {})));
      }
    }
    if (contact.wait_s !== null) {
      parts.push(h("p", { "data-testid": "wait" }, `${t("answeredAfter")} ${fixed(contact.wait_s, 0)} s`));
    }
    card.replaceChildren(...parts);
  }

  return { badge, card, render };
}
