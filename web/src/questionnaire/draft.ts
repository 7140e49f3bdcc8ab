// Saving the draft at every change: one save at a time, in order, so the last
// change is the one that stays on the server.
import * as api from "../api/endpoints";
import type { Answer, Contact, Question } from "../api/types";
import type { FieldNamer, ProblemSlot } from "../components/problem";
import { t } from "../i18n";
import type { FormState } from "./form";
import { isRelevant } from "./relevance";

// Names "/answers/3/number" by the label of the question sent fourth.
export function answerFieldNamer(sent: Answer[], questions: Question[]): FieldNamer {
  return (field) => {
    const index = /^\/answers\/(\d+)/.exec(field)?.[1];
    const id = index === undefined ? undefined : sent[Number(index)]?.question;
    return id === undefined ? undefined : (questions.find((q) => q.id === id)?.label ?? id);
  };
}

export function draftSaver(
  id: string,
  state: FormState,
  questions: Question[],
  saveState: HTMLElement,
  problem: ProblemSlot,
  saved: (contact: Contact) => void,
): { save(): void; settled(): Promise<void> } {
  let saving: Promise<void> = Promise.resolve();
  return {
    save() {
      saveState.textContent = t("saving");
      const report = {
        // The server refuses answers to questions that are not asked now
        // (after a condition answer changed): they stay on screen, unsent.
        answers: [...state.answers.values()].filter((answer) => {
          const question = questions.find((q) => q.id === answer.question);
          return question === undefined || isRelevant(question, questions, state.answers);
        }),
        comments: [...state.comments].map(([area, text]) => ({ area, text })),
      };
      saving = saving.then(async () => {
        try {
          saved(await api.saveDraft(id, report));
          saveState.textContent = t("saved");
          problem.clear();
        } catch (e) {
          saveState.textContent = "";
          problem.show(e, answerFieldNamer(report.answers, questions));
        }
      });
    },
    settled: () => saving,
  };
}
