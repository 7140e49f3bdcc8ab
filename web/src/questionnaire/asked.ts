// Which questions are asked, decided on the phone while it has no network.
// The phone keeps no relevance rule: the server reads each question's
// condition chain into links once (src/domain/relevance.h, CompileAsked) and
// sends them with the questionnaire as `asked_when`; here an answer is only
// looked up in them. Online, every reply's `asked` list is what the form
// follows; the links let the questions that follow from an answer given
// offline appear at once. web/tests/relevance.test.mjs runs the rule's
// hand-worked table (src/domain/relevance_cases.json) through the links the
// real command prints.
import type { Answer, AskedLink, Question } from "../api/types";

// Whether `answer` (undefined: unanswered) holds `link`: a value of the
// link's kind, not N/A, among its values (or, with `except`, among none).
function holds(link: AskedLink, answer: Answer | undefined): boolean {
  if (answer === undefined || answer.not_applicable) return false;
  if (link.numbers !== undefined) {
    return answer.number !== undefined && link.numbers.includes(answer.number) !== link.except;
  }
  return answer.text !== undefined && (link.texts ?? []).includes(answer.text) !== link.except;
}

// The ids asked given `answers`, in questionnaire order.
export function askedOnDevice(questions: Question[], answers: ReadonlyMap<string, Answer>): Set<string> {
  const asked = (q: Question): boolean =>
    q.asked_when === undefined ||
    (!q.asked_when.never && q.asked_when.all_of.every((link) => holds(link, answers.get(link.question))));
  return new Set(questions.filter(asked).map((q) => q.id));
}
