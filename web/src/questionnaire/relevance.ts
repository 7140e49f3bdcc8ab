// TO BE REMOVED: this is the front end's own copy of the domain's relevance
// rule (which questions are asked, given the answers so far). The rule belongs
// to the domain alone (src/domain/answer_check.h); once the server says in
// every draft reply which questions are asked now, the form must use that and
// this module must go. Nothing else in web/src decides
// relevance: delete this file and the one call in ./form.ts.
//
// It behaves exactly as the copy that lived in main.ts did, including where it
// differs from the domain (decimals are compared as JavaScript prints them).
import type { Answer, Question } from "../api/types";

// The earlier answer as the condition's values spell it: "na" for not
// applicable, an option id, "yes"/"no" for a yes/no question, else the number.
function conditionValue(answer: Answer, type: Question["type"] | undefined): string {
  if (answer.not_applicable) return "na";
  if (answer.text !== undefined) return answer.text;
  if (type === "yes_no") return (answer.number ?? 0) >= 0.5 ? "yes" : "no";
  return answer.number !== undefined ? String(answer.number) : "no";
}

// True when the question is asked given the answers so far; a question whose
// condition refers to an unanswered question is not asked.
export function isRelevant(question: Question, questions: Question[], answers: ReadonlyMap<string, Answer>): boolean {
  const condition = question.relevance;
  if (!condition) return true;
  const earlier = answers.get(condition.question);
  if (!earlier) return false;
  const type = questions.find((q) => q.id === condition.question)?.type;
  return condition.values.includes(conditionValue(earlier, type)) !== condition.negate;
}
