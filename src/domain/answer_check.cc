#include "domain/answer_check.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cx::domain {
namespace {

// The answer as a relevance condition compares it (docs/study-format.md):
// "yes"/"no" for yes_no, the option id for a choice, the number in shortest
// form otherwise, "na" for not applicable.
std::string ConditionText(const Question& question, const Answer& answer) {
  if (answer.not_applicable) return "na";
  if (answer.text) return *answer.text;
  if (!answer.number) return "";
  if (question.type == QuestionType::kYesNo) return *answer.number >= 0.5 ? "yes" : "no";
  const double value = *answer.number;
  if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  return std::to_string(value);
}

bool Numeric(QuestionType type) {
  return type != QuestionType::kChoice && type != QuestionType::kText;
}

std::string FormatBound(double value) {
  if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  return std::to_string(value);
}

}  // namespace

bool IsAsked(const Study& study, const Question& question, const Contact& contact) {
  if (!question.AppliesTo(contact.channel)) return false;
  if (!question.relevance) return true;
  const Question* condition = study.FindQuestion(question.relevance->question);
  const Answer* earlier = contact.FindAnswer(question.relevance->question);
  if (condition == nullptr || earlier == nullptr) return false;
  const std::string text = ConditionText(*condition, *earlier);
  const auto& values = question.relevance->values;
  const bool matches = std::find(values.begin(), values.end(), text) != values.end();
  return matches != question.relevance->negate;
}

std::vector<FieldError> CheckReport(const Study& study, const Contact& contact, bool submission) {
  std::vector<FieldError> errors;
  std::set<std::string> seen;
  for (size_t index = 0; index < contact.answers.size(); ++index) {
    const Answer& answer = contact.answers[index];
    const std::string at = "/answers/" + std::to_string(index);
    const Question* question = study.FindQuestion(answer.question);
    if (question == nullptr) {
      errors.push_back({at + "/question", "unknown question '" + answer.question + "'"});
      continue;
    }
    if (!seen.insert(answer.question).second) {
      errors.push_back({at + "/question", "question '" + answer.question + "' answered twice"});
      continue;
    }
    if (!question->AppliesTo(contact.channel)) {
      errors.push_back({at + "/question", "question '" + answer.question + "' is not asked on " +
                                              std::string(ToString(contact.channel))});
      continue;
    }
    if (answer.not_applicable) {
      if (!question->allow_na) {
        errors.push_back({at + "/not_applicable",
                          "question '" + answer.question + "' does not allow \"not applicable\""});
      }
      continue;
    }
    if (Numeric(question->type)) {
      if (!answer.number) {
        errors.push_back({at + "/number", "question '" + answer.question + "' needs a number"});
        continue;
      }
      const double value = *answer.number;
      if (!std::isfinite(value)) {
        errors.push_back({at + "/number", "a finite number is expected"});
      } else if (question->type == QuestionType::kYesNo && value != 0 && value != 1) {
        errors.push_back({at + "/number", "1 (yes) or 0 (no) is expected"});
      } else if (question->type == QuestionType::kDuration ||
                 (question->type == QuestionType::kNumber &&
                  question->scale_max <= question->scale_min)) {
        // A duration, or a number the study gives no range.
        if (value < 0) errors.push_back({at + "/number", "a number of 0 or more is expected"});
      } else if (value < question->Min() || value > question->Max()) {
        errors.push_back({at + "/number", "a value from " + FormatBound(question->Min()) + " to " +
                                              FormatBound(question->Max()) + " is expected, not " +
                                              FormatBound(value)});
      }
    } else if (!answer.text) {
      errors.push_back({at + "/text", "question '" + answer.question + "' needs a text"});
    } else if (question->type == QuestionType::kChoice) {
      const bool known = std::any_of(question->options.begin(), question->options.end(),
                                     [&](const ChoiceOption& o) { return o.id == *answer.text; });
      if (!known) {
        errors.push_back({at + "/text", "'" + *answer.text + "' is not an option of question '" +
                                            answer.question + "'"});
      }
    }
  }
  for (size_t index = 0; index < contact.comments.size(); ++index) {
    if (study.FindArea(contact.comments[index].area) == nullptr) {
      errors.push_back({"/comments/" + std::to_string(index) + "/area",
                        "unknown area '" + contact.comments[index].area + "'"});
    }
  }
  if (!submission) return errors;
  if (contact.started_at.empty()) {
    errors.push_back({"/started_at", "the time the contact was started is missing"});
  }
  for (const Question& question : study.questions) {
    if (!question.required || !IsAsked(study, question, contact)) continue;
    if (contact.FindAnswer(question.id) == nullptr) {
      errors.push_back({"/answers", "required question '" + question.id + "' is not answered"});
    }
  }
  return errors;
}

}  // namespace cx::domain
