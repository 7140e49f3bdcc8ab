// Which questions are asked, worked out on the phone while it has no network.
// The rule is the server's (src/domain/relevance.h, docs/study-format.md):
// online, every reply's `asked` list is what the form follows; this copy
// stands in only until the next reply, so the questions that follow from an
// answer given offline appear at once. It is the one rule written twice, for
// the phone without network (docs/architecture.md); the two are held together
// by one hand-worked table, src/domain/relevance_cases.json, which both must
// pass (src/results/relevance_rule_test.cc, web/tests/relevance.test.mjs).
import type { Answer, Question } from "../api/types";

// The types whose answer is a number (yes/no too: yes is 1, no is 0).
const numeric = new Set<Question["type"]>(["yes_no", "number", "scale", "nps", "csat", "ces", "duration"]);

// Whether `answer` to `condition` is one of `values` (relevance.h AnswerIsOneOf).
function isOneOf(condition: Question, answer: Answer, values: string[]): boolean {
  if (condition.type === "yes_no") {
    return answer.number !== undefined && values.includes(answer.number === 1 ? "yes" : "no");
  }
  if (numeric.has(condition.type)) {
    const given = answer.number;
    return given !== undefined && values.some((value) => value.trim() === value && Number(value) === given);
  }
  return answer.text !== undefined && values.includes(answer.text);
}

// The ids asked given `answers`, in questionnaire order: a question without a
// condition always; one with a condition when its condition's question is
// asked and answered with a value (not N/A) that is one of the values (or,
// negated, none of them).
export function askedOnDevice(questions: Question[], answers: ReadonlyMap<string, Answer>): Set<string> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const memo = new Map<string, boolean>();
  const asked = (q: Question, depth: number): boolean => {
    const known = memo.get(q.id);
    if (known !== undefined) return known;
    let result = true;
    const relevance = q.relevance;
    if (relevance) {
      const condition = byId.get(relevance.question);
      const answer = answers.get(relevance.question);
      const valued =
        answer !== undefined &&
        !answer.not_applicable &&
        condition !== undefined &&
        (numeric.has(condition.type) ? answer.number !== undefined : answer.text !== undefined);
      result =
        depth < questions.length &&
        valued &&
        asked(condition, depth + 1) &&
        isOneOf(condition, answer, relevance.values) !== relevance.negate;
    }
    memo.set(q.id, result);
    return result;
  };
  return new Set(questions.filter((q) => asked(q, 0)).map((q) => q.id));
}
