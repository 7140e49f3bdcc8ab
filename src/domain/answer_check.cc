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

// The error of a number for a numeric question, or an empty message.
Message NumberProblem(const Question& question, double value) {
  if (!std::isfinite(value)) return Msg("a finite number is expected");
  if (question.type == QuestionType::kYesNo) {
    return value == 0 || value == 1 ? Message{} : Msg("1 (yes) or 0 (no) is expected");
  }
  if (question.type == QuestionType::kDuration ||
      (question.type == QuestionType::kNumber && question.scale_max <= question.scale_min)) {
    // A duration, or a number the study gives no range.
    return value < 0 ? Msg("a number of 0 or more is expected") : Message{};
  }
  const bool whole = WholeNumbers(question);
  if (value < question.Min() || value > question.Max() || (whole && !IsWhole(value))) {
    const std::string min = FormatBound(question.Min());
    const std::string max = FormatBound(question.Max());
    const std::string given = FormatBound(value);
    return whole ? Msg("a whole number from {1} to {2} is expected, not {3}", min, max, given)
                 : Msg("a value from {1} to {2} is expected, not {3}", min, max, given);
  }
  return {};
}

// The error of an answer to a question the server measures, or an empty message.
Message MeasuredProblem(const Question& question, const Answer& answer, const Contact& contact) {
  if (!contact.wait_seconds) {
    return Msg(
        "question '{1}' is measured by the server once the contact is answered; it cannot be "
        "given",
        question.id);
  }
  if (answer.not_applicable || answer.text || !answer.number ||
      *answer.number != *contact.wait_seconds) {
    return Msg("question '{1}' is the measured wait ({2} s); it cannot be changed", question.id,
               FormatBound(*contact.wait_seconds));
  }
  return {};
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
    return {{"/responder",
             Msg("a {1} contact has no chatbot; only chat and Messenger do", ToString(channel))}};
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
      errors.push_back({at + "/question", Msg("unknown question '{1}'", answer.question)});
      continue;
    }
    if (!seen.insert(answer.question).second) {
      errors.push_back({at + "/question", Msg("question '{1}' answered twice", answer.question)});
      continue;
    }
    if (!question->AppliesTo(contact.channel)) {
      errors.push_back({at + "/question", Msg("question '{1}' is not asked on {2}", answer.question,
                                              ToString(contact.channel))});
      continue;
    }
    if (!IsAsked(study, *question, contact)) {
      errors.push_back({at + "/question",
                        Msg("question '{1}' is not asked: its condition on question '{2}' does "
                            "not hold for the answers given",
                            answer.question, question->relevance->question)});
      continue;
    }
    if (IsMeasured(study, *question)) {
      const Message problem = MeasuredProblem(*question, answer, contact);
      if (!problem.empty()) errors.push_back({at, problem});
      continue;
    }
    if (answer.not_applicable) {
      if (answer.number || answer.text) {
        errors.push_back(
            {at + "/not_applicable",
             Msg("\"not applicable\" is an answer of its own, without a number or text")});
      } else if (!question->allow_na) {
        errors.push_back(
            {at + "/not_applicable",
             Msg("question '{1}' does not allow \"not applicable\"", answer.question)});
      }
      continue;
    }
    if (Numeric(question->type)) {
      if (!answer.number || answer.text) {
        errors.push_back({at + "/number", Msg("question '{1}' needs a number", answer.question)});
        continue;
      }
      const Message problem = NumberProblem(*question, *answer.number);
      if (!problem.empty()) errors.push_back({at + "/number", problem});
    } else if (!answer.text || answer.number) {
      errors.push_back({at + "/text", Msg("question '{1}' needs a text", answer.question)});
    } else if (question->type == QuestionType::kChoice) {
      const bool known = std::any_of(question->options.begin(), question->options.end(),
                                     [&](const ChoiceOption& o) { return o.id == *answer.text; });
      if (!known) {
        errors.push_back({at + "/text", Msg("'{1}' is not an option of question '{2}'",
                                            *answer.text, answer.question)});
      }
    }
  }
  for (size_t index = 0; index < contact.comments.size(); ++index) {
    if (study.FindArea(contact.comments[index].area) == nullptr) {
      errors.push_back({"/comments/" + std::to_string(index) + "/area",
                        Msg("unknown area '{1}'", contact.comments[index].area)});
    }
  }
  if (!submission) return errors;
  if (contact.started_at.empty()) {
    errors.push_back({"/started_at", Msg("the time the contact was started is missing")});
  }
  for (const Question& question : study.questions) {
    if (!question.required || !IsAsked(study, question, contact)) continue;
    if (contact.FindAnswer(question.id) == nullptr) {
      errors.push_back({"/answers", Msg("required question '{1}' is not answered", question.id)});
    }
  }
  return errors;
}

}  // namespace cx::domain
