#include "domain/answer_check.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace cx::domain {
namespace {

bool Numeric(QuestionType type) {
  return type != QuestionType::kChoice && type != QuestionType::kText;
}

// A bound or value as the shopper would write it: "5", "1.5".
std::string FormatBound(double value) {
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

bool IsWhole(double value) { return value == std::floor(value); }

// Whether answers to `question` are whole numbers: yes_no, the CX ratings by
// definition (NPS 0..10, CSAT 1..5, CES 1..7), and a scale whose bounds are whole.
bool WholeNumbers(const Question& question) {
  switch (question.type) {
    case QuestionType::kYesNo:
    case QuestionType::kNps:
    case QuestionType::kCsat:
    case QuestionType::kCes:
      return true;
    case QuestionType::kScale:
      return IsWhole(question.Min()) && IsWhole(question.Max());
    default:
      return false;
  }
}

// The error of a number for a numeric question, or "".
std::string NumberProblem(const Question& question, double value) {
  if (!std::isfinite(value)) return "a finite number is expected";
  if (question.type == QuestionType::kYesNo) {
    return value == 0 || value == 1 ? "" : "1 (yes) or 0 (no) is expected";
  }
  if (question.type == QuestionType::kDuration ||
      (question.type == QuestionType::kNumber && question.scale_max <= question.scale_min)) {
    // A duration, or a number the study gives no range.
    return value < 0 ? "a number of 0 or more is expected" : "";
  }
  const bool whole = WholeNumbers(question);
  if (value < question.Min() || value > question.Max() || (whole && !IsWhole(value))) {
    return std::string(whole ? "a whole number" : "a value") + " from " +
           FormatBound(question.Min()) + " to " + FormatBound(question.Max()) +
           " is expected, not " + FormatBound(value);
  }
  return "";
}

// The error of an answer to a question the server measures, or "".
std::string MeasuredProblem(const Question& question, const Answer& answer,
                            const Contact& contact) {
  if (!contact.wait_seconds) {
    return "question '" + question.id +
           "' is measured by the server once the contact is answered; it cannot be given";
  }
  if (answer.not_applicable || answer.text || !answer.number ||
      *answer.number != *contact.wait_seconds) {
    return "question '" + question.id + "' is the measured wait (" +
           FormatBound(*contact.wait_seconds) + " s); it cannot be changed";
  }
  return "";
}

}  // namespace

bool IsMeasured(const Study& study, const Question& question) {
  const Area* area = study.FindArea(question.area);
  return area != nullptr && area->wait_time && question.type == QuestionType::kDuration;
}

void AddMeasuredAnswers(const Study& study, Contact& contact) {
  if (!contact.wait_seconds) return;
  for (const Question& question : study.questions) {
    if (IsMeasured(study, question) && question.AppliesTo(contact.channel) &&
        contact.FindAnswer(question.id) == nullptr) {
      contact.answers.push_back({question.id, false, *contact.wait_seconds, std::nullopt});
    }
    if (contact.responder != Responder::kUnknown && IsResponderQuestion(question) &&
        question.AppliesTo(contact.channel) && contact.FindAnswer(question.id) == nullptr) {
      contact.answers.push_back(
          {question.id, false, std::nullopt, std::string(ToString(contact.responder))});
    }
  }
}

void RemoveMeasuredAnswers(const Study& study, Contact& contact) {
  auto& answers = contact.answers;
  answers.erase(std::remove_if(answers.begin(), answers.end(),
                               [&](const Answer& answer) {
                                 const Question* question = study.FindQuestion(answer.question);
                                 return question != nullptr && (IsMeasured(study, *question) ||
                                                                IsResponderQuestion(*question));
                               }),
                answers.end());
}

bool IsResponderQuestion(const Question& question) {
  if (question.type != QuestionType::kChoice || question.options.size() != 2) return false;
  const std::set<std::string> ids = {question.options[0].id, question.options[1].id};
  return ids == std::set<std::string>{"person", "chatbot"};
}

bool ChatbotPossible(Channel channel) {
  return channel == Channel::kChat || channel == Channel::kMessenger;
}

std::vector<FieldError> CheckResponder(Channel channel, Responder responder) {
  if (responder == Responder::kChatbot && !ChatbotPossible(channel)) {
    return {{"/responder", "a " + std::string(ToString(channel)) +
                               " contact has no chatbot; only chat and Messenger do"}};
  }
  return {};
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
    if (!IsAsked(study, *question, contact)) {
      errors.push_back({at + "/question", "question '" + answer.question +
                                              "' is not asked: its condition on question '" +
                                              question->relevance->question +
                                              "' does not hold for the answers given"});
      continue;
    }
    if (IsMeasured(study, *question)) {
      const std::string problem = MeasuredProblem(*question, answer, contact);
      if (!problem.empty()) errors.push_back({at, problem});
      continue;
    }
    if (answer.not_applicable) {
      if (answer.number || answer.text) {
        errors.push_back({at + "/not_applicable",
                          "\"not applicable\" is an answer of its own, without a number or text"});
      } else if (!question->allow_na) {
        errors.push_back({at + "/not_applicable",
                          "question '" + answer.question + "' does not allow \"not applicable\""});
      }
      continue;
    }
    if (Numeric(question->type)) {
      if (!answer.number || answer.text) {
        errors.push_back({at + "/number", "question '" + answer.question + "' needs a number"});
        continue;
      }
      const std::string problem = NumberProblem(*question, *answer.number);
      if (!problem.empty()) errors.push_back({at + "/number", problem});
    } else if (!answer.text || answer.number) {
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
