#include "results/contact_score.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "domain/relevance.h"

namespace cx::results {
namespace {

using domain::Answer;
using domain::Contact;
using domain::Question;
using domain::QuestionType;

std::string FormatNumber(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

bool HasNumericRange(const Question& question) {
  switch (question.type) {
    case QuestionType::kYesNo:
    case QuestionType::kScale:
    case QuestionType::kNps:
    case QuestionType::kCsat:
    case QuestionType::kCes:
      return true;
    case QuestionType::kNumber:
      return question.scale_max > question.scale_min;
    default:
      return false;
  }
}

// Checks one stored answer against its question; returns the problem or "".
std::string CheckAnswer(const Question& question, const Answer& answer) {
  if (answer.not_applicable) return {};
  if (answer.number && !std::isfinite(*answer.number)) return "the answer is not a finite number";
  if (question.type == QuestionType::kChoice) {
    if (!answer.text) return {};
    for (const auto& option : question.options) {
      if (option.id == *answer.text) return {};
    }
    return "answer '" + *answer.text + "' is none of the question's options";
  }
  if (HasNumericRange(question) && answer.number) {
    const double value = *answer.number;
    if (value < question.Min() || value > question.Max()) {
      return "answer " + FormatNumber(value) + " is outside the scale " +
             FormatNumber(question.Min()) + ".." + FormatNumber(question.Max());
    }
    if (question.type == QuestionType::kYesNo && value != 0 && value != 1) {
      return "a yes/no answer must be 1 (yes) or 0 (no), not " + FormatNumber(value);
    }
  }
  return {};
}

}  // namespace

std::string ContactIssue::ToString() const {
  std::string text = "contact " + contact;
  if (!question.empty()) text += ", question " + question;
  return text + ": " + message;
}

ContactScorer::ContactScorer(const domain::Study& study_in) : study(study_in) {
  for (size_t index = 0; index < study.questions.size(); ++index) {
    const Question& question = study.questions[index];
    question_index_.emplace(question.id, index);
    int area_index = -1;
    for (size_t area = 0; area < study.areas.size(); ++area) {
      if (study.areas[area].id == question.area) area_index = static_cast<int>(area);
    }
    area_of_question_.push_back(area_index);
  }
}

double ContactScorer::WaitShare(domain::Channel channel, double wait_seconds) const {
  const domain::ChannelSpec* spec = study.FindChannel(channel);
  if (spec == nullptr || spec->wait_table.empty()) return 1.0;
  if (spec->max_wait_seconds > 0 && wait_seconds > spec->max_wait_seconds) return 0.0;
  const auto& table = spec->wait_table;
  if (wait_seconds <= table.front().seconds) return std::clamp(table.front().share, 0.0, 1.0);
  for (size_t index = 1; index < table.size(); ++index) {
    const auto& left = table[index - 1];
    const auto& right = table[index];
    if (wait_seconds <= right.seconds) {
      // share = left.share + (wait - left.s) / (right.s - left.s) * (right.share - left.share)
      const double span = right.seconds - left.seconds;
      const double fraction = span > 0 ? (wait_seconds - left.seconds) / span : 1.0;
      return std::clamp(left.share + fraction * (right.share - left.share), 0.0, 1.0);
    }
  }
  return std::clamp(table.back().share, 0.0, 1.0);
}

namespace {

// The points an answer earns on a question of a scored type; nullopt for the
// types that carry no points (nps, csat, ces, number, text, a duration
// outside the wait area).
std::optional<double> AnswerPoints(const Question& question, const Answer& answer) {
  switch (question.type) {
    case QuestionType::kYesNo: {
      const bool yes = answer.number && *answer.number == 1;
      return (yes == question.good_answer_yes) ? question.points : 0;
    }
    case QuestionType::kScale: {
      // obtained = (value - min) / (max - min) * points
      const double span = question.Max() - question.Min();
      const double value = answer.number.value_or(question.Min());
      return span > 0 ? (value - question.Min()) / span * question.points : 0;
    }
    case QuestionType::kChoice: {
      double obtained = 0;
      for (const auto& option : question.options) {
        if (answer.text && option.id == *answer.text) {
          obtained = std::clamp(option.points, 0.0, question.points);
        }
      }
      return obtained;
    }
    default:
      return std::nullopt;
  }
}

// total = sum over weighted areas a (possible > 0) of w_a * r_a
//       + (1 - sum of those w_a) * (sum of obtained / sum of possible over the unweighted areas),
// r_a = obtained_a / possible_a. Without applicable unweighted points (or when the weights
// reach 1), the weighted areas share the whole: total = sum w_a r_a / sum w_a.
std::optional<double> TotalOfAreas(const domain::Study& study, const std::vector<Points>& areas) {
  double weight_sum = 0, weighted = 0, rest_obtained = 0, rest_possible = 0;
  for (size_t area_index = 0; area_index < study.areas.size(); ++area_index) {
    const domain::Area& area = study.areas[area_index];
    const Points& points = areas[area_index];
    if (!area.scored || points.possible <= 0) continue;
    if (area.weight) {
      const double weight = std::clamp(*area.weight, 0.0, 1.0);
      weight_sum += weight;
      weighted += weight * points.obtained / points.possible;
    } else {
      rest_obtained += points.obtained;
      rest_possible += points.possible;
    }
  }
  std::optional<double> total;
  if (rest_possible > 0 && weight_sum < 1) {
    total = 100 * (weighted + (1 - weight_sum) * rest_obtained / rest_possible);
  } else if (weight_sum > 0) {
    total = 100 * weighted / weight_sum;
  }
  if (total) total = std::clamp(*total, 0.0, 100.0);
  return total;
}

}  // namespace

// Each question's first stored answer, by question index; false (and the
// issue) when a stored answer is corrupt, which leaves the contact out.
bool ContactScorer::CheckedAnswers(const Contact& contact, std::vector<const Answer*>& answers,
                                   ContactIssue* issue) const {
  answers.assign(study.questions.size(), nullptr);
  for (const Answer& answer : contact.answers) {
    const auto found = question_index_.find(answer.question);
    if (found == question_index_.end()) continue;  // an answer to a retired question: ignored
    const Question& question = study.questions[found->second];
    const std::string problem = CheckAnswer(question, answer);
    if (!problem.empty()) {
      if (issue) *issue = {contact.id, question.id, problem};
      return false;
    }
    if (answers[found->second] == nullptr) answers[found->second] = &answer;
  }
  return true;
}

// The points of one question of an answered contact; nullopt when the
// question does not count for this contact (not scored, not asked, N/A, an
// unanswered optional question, or a type without points).
std::optional<Points> ContactScorer::QuestionPoints(size_t question_index, const Contact& contact,
                                                    const Answer* answer) const {
  const Question& question = study.questions[question_index];
  if (question.points <= 0) return std::nullopt;
  const int area_index = area_of_question_[question_index];
  if (area_index < 0 || !study.areas[static_cast<size_t>(area_index)].scored) return std::nullopt;
  // Its channel and relevance: the rule the report checker applies to what
  // a shopper may answer (domain/relevance.h).
  if (!domain::IsAsked(study, question, contact)) return std::nullopt;
  Points points{0, question.points};
  if (study.areas[static_cast<size_t>(area_index)].wait_time &&
      question.type == QuestionType::kDuration) {
    // Scored from the measured wait, never from the shopper's opinion.
    points.obtained = question.points * WaitShare(contact.channel, *contact.wait_seconds);
    return points;
  }
  if (answer != nullptr && answer->not_applicable) return std::nullopt;  // leaves the denominator
  const bool empty = answer == nullptr || (!answer->number && !answer->text);
  if (empty) {
    if (!question.required) return std::nullopt;  // unanswered optional: leaves the denominator
    return points;                                // unanswered required: 0 of its points
  }
  const auto obtained = AnswerPoints(question, *answer);
  if (!obtained) return std::nullopt;
  points.obtained = *obtained;
  return points;
}

std::optional<ContactScore> ContactScorer::Score(const Contact& contact,
                                                 ContactIssue* issue) const {
  std::vector<const Answer*> answers;
  if (!CheckedAnswers(contact, answers, issue)) return std::nullopt;
  ContactScore score;
  // A wait beyond the channel's maximum is, by the study's definition, no answer.
  score.answered = study.CountsAsAnswered(contact.channel, contact.wait_seconds);
  score.questions.assign(study.questions.size(), Points{});
  if (!score.answered) {
    score.total = 0.0;
    return score;
  }
  score.areas.assign(study.areas.size(), Points{});
  for (size_t question_index = 0; question_index < study.questions.size(); ++question_index) {
    const auto points = QuestionPoints(question_index, contact, answers[question_index]);
    if (!points) continue;
    const auto area_index = static_cast<size_t>(area_of_question_[question_index]);
    score.questions[question_index] = *points;
    score.areas[area_index].obtained += points->obtained;
    score.areas[area_index].possible += points->possible;
  }
  score.total = TotalOfAreas(study, score.areas);
  return score;
}

}  // namespace cx::results
