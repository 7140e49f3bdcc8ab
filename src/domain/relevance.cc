#include "domain/relevance.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cx::domain {
namespace {

bool IsNumeric(QuestionType type) {
  return type != QuestionType::kChoice && type != QuestionType::kText;
}

// Whether `answer` holds a value of its question's kind: a number for the
// numeric types, a text for choice and text. Without one it is unanswered.
bool HasValue(const Question& question, const Answer& answer) {
  if (answer.not_applicable) return false;
  return IsNumeric(question.type) ? answer.number.has_value() : answer.text.has_value();
}

bool ValueMatches(const Question& condition, const Answer& earlier, const std::string& value) {
  if (condition.type == QuestionType::kYesNo) {
    return (value == "yes" && *earlier.number == 1) || (value == "no" && *earlier.number == 0);
  }
  if (!IsNumeric(condition.type)) return value == *earlier.text;
  const std::optional<double> number = ConditionNumber(value);
  return number && *number == *earlier.number;
}

// IsAsked, following at most `links` relevance conditions. The study check
// lets a condition name only an earlier question, so every chain ends; the
// bound keeps a study built without that check (a cycle) from recursing
// without end: past it the question counts as not asked.
bool AskedWithin(const Study& study, const Question& question, const Contact& contact,
                 size_t links) {
  if (!question.AppliesTo(contact.channel)) return false;
  if (!question.relevance) return true;
  if (links == 0) return false;
  const Relevance& relevance = *question.relevance;
  const Question* condition = study.FindQuestion(relevance.question);
  if (condition == nullptr || !AskedWithin(study, *condition, contact, links - 1)) return false;
  const Answer* earlier = contact.FindAnswer(condition->id);
  if (earlier == nullptr || !HasValue(*condition, *earlier)) return false;
  return AnswerIsOneOf(*condition, *earlier, relevance.values) != relevance.negate;
}

}  // namespace

std::optional<double> ConditionNumber(std::string_view value) {
  double number = 0;
  const char* end = value.data() + value.size();
  const auto [stop, error] = std::from_chars(value.data(), end, number);
  if (error != std::errc() || stop != end || !std::isfinite(number)) return std::nullopt;
  return number;
}

bool AnswerIsOneOf(const Question& condition, const Answer& earlier,
                   const std::vector<std::string>& values) {
  if (!HasValue(condition, earlier)) return false;
  return std::any_of(values.begin(), values.end(), [&](const std::string& value) {
    return ValueMatches(condition, earlier, value);
  });
}

bool IsAsked(const Study& study, const Question& question, const Contact& contact) {
  return AskedWithin(study, question, contact, study.questions.size());
}

std::vector<std::string> AskedQuestions(const Study& study, const Contact& contact) {
  std::vector<std::string> asked;
  for (const Question& question : study.questions) {
    if (IsAsked(study, question, contact)) asked.push_back(question.id);
  }
  return asked;
}

}  // namespace cx::domain
