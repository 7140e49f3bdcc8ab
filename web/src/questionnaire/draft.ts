// Saving the draft at every change: one save at a time, in order, so the last
// change is the one that stays on the server. Which questions are asked is
// the server's to say (`asked` in every contact it returns); the form keeps no
// relevance rule of its own, only which question names which in its condition.
import * as api from "../api/endpoints";
import type { Answer, Contact, Question, Report } from "../api/types";
import type { FieldNamer, ProblemSlot } from "../components/problem";
import { t } from "../i18n";
import type { FormState } from "./form";

// Names "/answers/3/number" by the label of the question sent fourth.
export function answerFieldNamer(sent: Answer[], questions: Question[]): FieldNamer {
  return (field) => {
    const index = /^\/answers\/(\d+)/.exec(field)?.[1];
    const id = index === undefined ? undefined : sent[Number(index)]?.question;
    return id === undefined ? undefined : (questions.find((q) => q.id === id)?.label ?? id);
  };
}

// The questions whose condition names one of `changed`, directly or through
// a chain of conditions.
function dependents(changed: ReadonlySet<string>, questions: Question[]): Set<string> {
  const found = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const q of questions) {
      const on = q.relevance?.question;
      if (on !== undefined && !found.has(q.id) && (changed.has(on) || found.has(on))) {
        found.add(q.id);
        grew = true;
      }
    }
  }
  return found;
}

export function draftSaver(
  id: string,
  state: FormState,
  questions: Question[],
  saveState: HTMLElement,
  problem: ProblemSlot,
  saved: (contact: Contact) => void,
): { save(question?: string): void; settled(): Promise<void> } {
  let saving: Promise<void> = Promise.resolve();
  // Questions whose answer changed since the server last said what is asked.
  const unsettled = new Set<string>();

  // The server refuses answers to questions that are not asked. So the save
  // sends the answers to questions asked in its last reply, less those whose
  // condition names a changed answer: whether they are still asked is this
  // save's reply. The rest stay in `state`, hidden, and are sent again once a
  // reply asks their question (a chain of conditions takes a round per link).
  function report(changed: ReadonlySet<string>): Report {
    const held = dependents(changed, questions);
    return {
      answers: [...state.answers.values()].filter((a) => state.asked.has(a.question) && !held.has(a.question)),
      comments: [...state.comments].map(([area, text]) => ({ area, text })),
    };
  }

  async function send(rounds: number): Promise<void> {
    const changed = new Set(unsettled);
    const sent = report(changed);
    try {
      const contact = await api.saveDraft(id, sent);
      for (const question of changed) unsettled.delete(question);
      state.asked = new Set(contact.asked);
      saved(contact);
      const ids = new Set(sent.answers.map((a) => a.question));
      const waiting = [...state.answers.keys()].some((q) => state.asked.has(q) && !ids.has(q));
      if (waiting && rounds > 0) return await send(rounds - 1);
      saveState.textContent = t("saved");
      problem.clear();
    } catch (e) {
      saveState.textContent = "";
      problem.show(e, answerFieldNamer(sent.answers, questions));
    }
  }

  return {
    save(question) {
      saveState.textContent = t("saving");
      if (question !== undefined) unsettled.add(question);
      // The answers are read when this save's turn comes, after the replies before it.
      saving = saving.then(() => send(questions.length));
    },
    settled: () => saving,
  };
}
