#include "domain/relevance.h"

#include <algorithm>
#include <sstream>

namespace cx::domain {

std::string ConditionText(const Question& condition, const Answer& answer) {
  if (answer.text) return *answer.text;
  if (!answer.number) return {};
  if (condition.type == QuestionType::kYesNo) return *answer.number >= 0.5 ? "yes" : "no";
  // The default stream form: 6 significant digits, no trailing zeros ("7", "7.5").
  std::ostringstream out;
  out << *answer.number;
  return out.str();
}

bool RelevanceHolds(const Question& question, const Question* condition, const Answer* earlier) {
  if (!question.relevance) return true;
  if (condition == nullptr || earlier == nullptr || earlier->not_applicable) return false;
  const std::string text = ConditionText(*condition, *earlier);
  const auto& values = question.relevance->values;
  const bool matches = std::find(values.begin(), values.end(), text) != values.end();
  return matches != question.relevance->negate;
}

}  // namespace cx::domain
