// How a change waiting in the outbox shows on the phone until the server has
// answered it: only what the shopper sees (times, attempts, status, the
// draft's answers). Whether the change is allowed, what it measures and what
// it scores stay the server's (src/domain/fieldwork_service.h): once every
// change of an assignment is sent, the server's reply replaces this picture,
// and a change it refuses is shown as refused (status.ts), never as made.
import type { Attempt, Contact, Responder, UnansweredOutcome } from "../api/types";

function last(contact: Contact): Attempt | undefined {
  return contact.attempts[contact.attempts.length - 1];
}

function over(attempt: Attempt | undefined): boolean {
  return !!attempt && attempt.outcome !== "pending" && attempt.outcome !== "answered";
}

function newAttempt(contact: Contact, round: number, at: string): Contact {
  return {
    ...contact,
    started_at: at,
    attempts: [...contact.attempts, { round, started_at: at, ended_at: null, outcome: "pending" }],
  };
}

function start(contact: Contact, at: string): Contact {
  const previous = last(contact);
  if (contact.started_at && !over(previous)) return contact;
  const next = newAttempt(contact, previous?.round ?? 0, at);
  next.attempts_left = Math.max(0, contact.attempts_left - 1);
  if (next.status === "planned") next.status = "started";
  return next;
}

function answered(contact: Contact, at: string, responder?: Responder): Contact {
  if (!contact.started_at || contact.answered_at || over(last(contact))) return contact;
  const attempts = contact.attempts.map((a, i) =>
    i === contact.attempts.length - 1 ? { ...a, outcome: "answered" as const, ended_at: at } : a,
  );
  const wait = (Date.parse(at) - Date.parse(contact.started_at)) / 1000;
  return { ...contact, attempts, answered_at: at, wait_s: wait, responder: responder ?? contact.responder };
}

function outcome(contact: Contact, at: string, value: UnansweredOutcome): Contact {
  const attempts = contact.attempts.map((a, i) =>
    i === contact.attempts.length - 1 && a.outcome === "pending" ? { ...a, outcome: value, ended_at: at } : a,
  );
  return { ...contact, attempts };
}

// A new round: the attempts the channel allows are those of the last round.
function restart(contact: Contact, at: string, measured: ReadonlySet<string>): Contact {
  const previous = last(contact);
  const round = previous?.round ?? 0;
  const allowed = contact.attempts_left + contact.attempts.filter((a) => a.round === round).length;
  const next = newAttempt(contact, previous ? round + 1 : 0, at);
  next.attempts_left = Math.max(0, allowed - 1);
  next.answered_at = null;
  next.wait_s = null;
  next.answers = contact.answers.filter((a) => !measured.has(a.question));
  return next;
}

// `contact` after one change of `kind` made at `at` with `body`; `measured`
// holds the questions the server measures (a draft leaves them as they are).
export function predict(
  contact: Contact,
  kind: string,
  at: string,
  body: Record<string, unknown>,
  measured: ReadonlySet<string>,
): Contact {
  switch (kind) {
    case "start":
      return start(contact, at);
    case "answered":
      return answered(contact, at, body.responder as Responder | undefined);
    case "outcome":
      return outcome(contact, at, body.outcome as UnansweredOutcome);
    case "restart":
      return restart(contact, at, measured);
    case "draft": {
      const draft = body as { answers?: Contact["answers"]; comments?: Contact["comments"] };
      return {
        ...contact,
        answers: [...contact.answers.filter((a) => measured.has(a.question)), ...(draft.answers ?? [])],
        comments: draft.comments ?? contact.comments,
        status: contact.status === "planned" ? "started" : contact.status,
      };
    }
    case "submit":
      return { ...contact, status: "submitted" };
    default:
      return contact;
  }
}
