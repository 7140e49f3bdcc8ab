// TO BE REMOVED: this is the front end's own copy of the domain's relevance
// rule (which questions are asked, given the answers so far). The rule belongs
// to the domain alone (src/domain/answer_check.h); once the server says in
// every draft reply which questions are asked now, the form must use that and
// this module must go. Nothing else in web/src decides
// relevance: delete this file and its calls in ./form.ts and ./draft.ts.
//
// It follows src/domain/relevance.h: a condition on a question answered "not
// applicable" does not hold, and numbers compare in their shortest form (as
// JavaScript prints them).
import type { Answer, Question } from "../api/types";

// The earlier answer as the condition's values spell it: an option id, "yes"/"no" for a yes/no question, else the number.
function conditionValue(answer: Answer, type: Question["type"] | undefined): string {
  if (answer.text !== undefined) return answer.text;
  if (type === "yes_no") return (answer.number ?? 0) >= 0.5 ? "yes" : "no";
  return answer.number !== undefined ? String(answer.number) : "no";
}

// True when the question is asked given the answers so far; a question whose
// condition refers to an unanswered or not-applicable question is not asked.
export function isRelevant(question: Question, questions: Question[], answers: ReadonlyMap<string, Answer>): boolean {
  const condition = question.relevance;
  if (!condition) return true;
  const earlier = answers.get(condition.question);
  if (!earlier || earlier.not_applicable) return false;
  const type = questions.find((q) => q.id === condition.question)?.type;
  return condition.values.includes(conditionValue(earlier, type)) !== condition.negate;
}
