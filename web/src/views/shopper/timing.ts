// Timing a contact: "start" when the shopper dials, sends or opens the chat,
// "answered" when the company answers (by a person or a chatbot on chat and
// Messenger). Each tap goes through `visit.write` (the outbox, then the
// server): online the server records both times and measures the wait; a tap
// made offline carries the phone's time, recorded as device time for QA.
import type { Contact, Responder } from "../../api/types";
import { h, onClick } from "../../dom";
import { fixed } from "../../format";
import { statusLabel, t } from "../../i18n";
import { attemptOver } from "./outcome";

// What the assignment view shares with its parts: the contact as the phone
// has it, how a change is made, and where a failure goes.
export interface Visit {
  id: string;
  contact: Contact;
  editable: boolean;
  show: (error: unknown) => void;
  // Makes a change of `kind` ("start", "answered", "outcome", "restart",
  // "submit"): stored on the phone, sent when it can be, and laid over
  // `contact` until the server answers. Resolves once it is on the phone.
  write: (kind: string, body: Record<string, unknown>) => Promise<void>;
  // Called after every change made here (the outcome card follows it).
  changed?: (contact: Contact) => void;
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

// The status badge and the timing card; `answered` receives the contact with
// the measured wait as an answer of its own.
export function timing(
  visit: Visit,
  answered: (contact: Contact) => void,
): { badge: HTMLElement; card: HTMLElement; render(): void } {
  const badge = h("span", { "data-testid": "status" });
  const card = h("div", { class: "card timing" });

  const action = (testid: string, label: string, kind: string, body: Record<string, unknown>) => {
    const button = h("button", { type: "button", class: "primary", "data-testid": testid }, label);
    onClick(
      button,
      async () => {
        await visit.write(kind, body);
        if (visit.contact.answered_at) answered(visit.contact);
        visit.changed?.(visit.contact);
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
      parts.push(action("start", t("start"), "start", {}));
    } else if (contact.started_at && !contact.answered_at && editable && !attemptOver(contact)) {
      for (const [responder, label] of responders(contact)) {
        const testid = responder ? `answered-${responder}` : "answered";
        parts.push(action(testid, label, "answered", responder ? { responder } : {}));
      }
    }
    if (contact.wait_s !== null) {
      parts.push(h("p", { "data-testid": "wait" }, `${t("answeredAfter")} ${fixed(contact.wait_s, 0)} s`));
    }
    card.replaceChildren(...parts);
  }

  return { badge, card, render };
}
