// What happened to a contact once started: a live timer while the shopper
// waits, the unanswered outcomes the channel has, another attempt while the
// study allows one, submitting an unanswered contact (it scores 0, and the
// shopper confirms that first), and making a returned contact again. The
// rules (which outcomes, how many attempts, when giving up is allowed) are
// the server's (src/domain/fieldwork_service.h); this shows what it says.
// Every write goes through `visit.write` (the outbox: it works offline).
import type { Contact } from "../../api/types";
import { h, onClick } from "../../dom";
import { t, type TextKey } from "../../i18n";
import type { Visit } from "./timing";

export function outcomeLabel(outcome: string): string {
  return t(`outcome_${outcome}` as TextKey);
}

// "m:ss" (or "h:mm:ss") of whole seconds.
function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

// A timer counting from `since` while the element is on the page; it stops
// by itself once the view has replaced it.
function liveTimer(since: string): HTMLElement {
  const element = h("p", { class: "timer", "data-testid": "timer", role: "timer" });
  const start = Date.parse(since);
  const tick = () => {
    element.textContent = `${t("waiting")} ${clockText((Date.now() - start) / 1000)}`;
  };
  tick();
  const timer = window.setInterval(() => {
    if (!element.isConnected) window.clearInterval(timer);
    else tick();
  }, 1000);
  return element;
}

function lastAttempt(contact: Contact) {
  return contact.attempts.length ? contact.attempts[contact.attempts.length - 1] : undefined;
}

// Whether the latest attempt went unanswered (it is over: no answer button).
export function attemptOver(contact: Contact): boolean {
  const last = lastAttempt(contact);
  return !!last && last.outcome !== "pending" && last.outcome !== "answered";
}

// The outcome card. `changed` receives every contact the server returns;
// `submitted` is called once an unanswered contact is submitted.
export function outcomeCard(
  visit: Visit,
  changed: (contact: Contact) => void,
  submitted: () => void,
): { card: HTMLElement; render(): void } {
  const card = h("div", { class: "card outcome", "data-testid": "outcome" });

  const action = (testid: string, label: string, kind: string, body: Record<string, unknown>, primary = false) => {
    const button = h("button", { type: "button", class: primary ? "primary" : "", "data-testid": testid }, label);
    onClick(
      button,
      async () => {
        await visit.write(kind, body);
        changed(visit.contact);
        render();
      },
      (e) => visit.show(e),
    );
    return button;
  };

  function submitUnanswered(): HTMLElement {
    const button = h("button", { type: "button", class: "primary", "data-testid": "submit-unanswered" });
    button.textContent = t("submitUnanswered");
    onClick(
      button,
      async () => {
        if (!window.confirm(t("confirmUnanswered"))) return;
        await visit.write("submit", {});
        submitted();
      },
      (e) => visit.show(e),
    );
    return button;
  }

  function render(): void {
    const { contact, editable } = visit;
    const last = lastAttempt(contact);
    const parts: HTMLElement[] = [];
    // The attempts so far, and how many the study still allows.
    contact.attempts.forEach((attempt, index) => {
      parts.push(
        h(
          "p",
          { class: "attempt", "data-testid": `attempt-${index + 1}` },
          `${t("attempt")} ${index + 1}: ${outcomeLabel(attempt.outcome)}`,
        ),
      );
    });
    if (editable && contact.started_at && !contact.answered_at) {
      if (!last || last.outcome === "pending") {
        parts.push(liveTimer(contact.started_at));
        parts.push(h("p", { class: "label" }, t("outcomeTitle")));
        // The channel's outcomes, as the server says them (fieldwork_service.h).
        for (const outcome of contact.outcomes) {
          parts.push(action(`outcome-${outcome}`, outcomeLabel(outcome), "outcome", { outcome }));
        }
      } else {
        if (contact.attempts_left > 0) {
          parts.push(h("p", { "data-testid": "attempts-left" }, `${contact.attempts_left} ${t("attemptsLeft")}`));
          parts.push(action("try-again", t("tryAgain"), "start", {}, true));
        }
        parts.push(submitUnanswered());
      }
    }
    // A returned contact can be made again once its last attempt is over.
    if (editable && contact.status === "returned" && last && last.outcome !== "pending") {
      parts.push(action("restart", t("restart"), "restart", {}));
    }
    card.hidden = parts.length === 0;
    card.replaceChildren(...parts);
  }

  return { card, render };
}
