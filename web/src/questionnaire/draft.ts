// Saving the draft at every change, device first: each change puts the whole
// draft in the outbox (src/offline/outbox.ts), which keeps it on the phone and
// sends it when it can; a newer draft replaces one not yet on its way. Which
// questions are asked is the server's to say (`asked` in every contact it
// returns); until its reply, the phone looks the answers up in the links the
// server sent (./asked.ts), so a question that follows from an answer given offline
// appears at once. Answers to questions not asked stay in `state` (shown again
// if asked again) but are not sent: the server refuses them.
import type { Answer, Question, Report } from "../api/types";
import type { FieldNamer } from "../components/problem";
import { enqueue } from "../offline/outbox";
import type { FormState } from "./form";
import { askedOnDevice } from "./asked";

// Names "/answers/3/number" by the label of the question sent fourth.
export function answerFieldNamer(sent: Answer[], questions: Question[]): FieldNamer {
  return (field) => {
    const index = /^\/answers\/(\d+)/.exec(field)?.[1];
    const id = index === undefined ? undefined : sent[Number(index)]?.question;
    return id === undefined ? undefined : (questions.find((q) => q.id === id)?.label ?? id);
  };
}

// The draft as it stands: the answers to the questions asked, less the
// measured ones (the server keeps the wait it measured), and every comment.
export function draftReport(state: FormState, questions: Question[]): Report {
  const measured = new Set(questions.filter((q) => q.type === "duration").map((q) => q.id));
  return {
    answers: [...state.answers.values()].filter((a) => state.asked.has(a.question) && !measured.has(a.question)),
    comments: [...state.comments].map(([area, text]) => ({ area, text })),
  };
}

export function draftSaver(
  id: string,
  state: FormState,
  questions: Question[],
): { save(): Promise<void>; lastSent(): Answer[] } {
  let sent: Answer[] = [];
  return {
    // Resolves once the draft is stored on the phone.
    async save() {
      state.asked = askedOnDevice(questions, state.answers);
      const report = draftReport(state, questions);
      sent = report.answers;
      await enqueue({
        scope: id,
        kind: "draft",
        method: "PUT",
        path: `/assignments/${encodeURIComponent(id)}/draft`,
        body: { ...report },
        replaces: true,
      });
    },
    lastSent: () => sent,
  };
}
