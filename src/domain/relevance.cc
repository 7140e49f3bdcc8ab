#include "domain/relevance.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cx::domain {
namespace {

bool IsNumeric(QuestionType type) {
  return type != QuestionType::kChoice && type != QuestionType::kText;
}

// The link `relevance` makes on `condition`, its values read once: yes/no
// as 1/0, numbers by value. A value that cannot be read (the study check
// refuses it) is left out, so it matches nothing.
AskedClause ClauseOf(const Question& condition, const Relevance& relevance) {
  AskedClause clause{condition.id, IsNumeric(condition.type), {}, {}, relevance.negate};
  for (const std::string& value : relevance.values) {
    if (condition.type == QuestionType::kYesNo) {
      if (value == "yes") clause.numbers.push_back(1);
      if (value == "no") clause.numbers.push_back(0);
    } else if (clause.numeric) {
      if (const std::optional<double> number = ConditionNumber(value))
        clause.numbers.push_back(*number);
    } else {
      clause.texts.push_back(value);
    }
  }
  return clause;
}

template <typename Value>
bool Contains(const std::vector<Value>& values, const Value& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
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
  return ClauseHolds(ClauseOf(condition, Relevance{condition.id, values, false}), &earlier);
}

AskedWhen CompileAsked(const Study& study, const Question& question, Channel channel) {
  AskedWhen when;
  const Question* at = &question;
  // The study check lets a condition name only an earlier question, so every
  // chain ends; the bound keeps a study built without that check (a cycle)
  // from looping: past it the question is never asked.
  for (size_t links = study.questions.size(); at->relevance; --links) {
    const Question* condition = study.FindQuestion(at->relevance->question);
    if (links == 0 || condition == nullptr || !condition->AppliesTo(channel)) return {true, {}};
    when.all_of.push_back(ClauseOf(*condition, *at->relevance));
    at = condition;
  }
  return when;
}

bool ClauseHolds(const AskedClause& clause, const Answer* earlier) {
  if (earlier == nullptr || earlier->not_applicable) return false;
  if (clause.numeric) {
    return earlier->number.has_value() &&
           Contains(clause.numbers, *earlier->number) != clause.except;
  }
  return earlier->text.has_value() && Contains(clause.texts, *earlier->text) != clause.except;
}

bool Meets(const AskedWhen& when, const Contact& contact) {
  return !when.never &&
         std::all_of(when.all_of.begin(), when.all_of.end(), [&](const AskedClause& clause) {
           return ClauseHolds(clause, contact.FindAnswer(clause.question));
         });
}

bool IsAsked(const Study& study, const Question& question, const Contact& contact) {
  return question.AppliesTo(contact.channel) &&
         Meets(CompileAsked(study, question, contact.channel), contact);
}

std::vector<std::string> AskedQuestions(const Study& study, const Contact& contact) {
  std::vector<std::string> asked;
  for (const Question& question : study.questions) {
    if (IsAsked(study, question, contact)) asked.push_back(question.id);
  }
  return asked;
}

}  // namespace cx::domain
