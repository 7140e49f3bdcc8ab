#include "domain/fieldwork.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace cx::domain {

bool Shopper::CanDo(Channel channel) const {
  return std::find(channels.begin(), channels.end(), channel) != channels.end();
}

std::string_view ToString(ContactStatus status) {
  switch (status) {
    case ContactStatus::kPlanned:
      return "planned";
    case ContactStatus::kStarted:
      return "started";
    case ContactStatus::kSubmitted:
      return "submitted";
    case ContactStatus::kApproved:
      return "approved";
    case ContactStatus::kReturned:
      return "returned";
    case ContactStatus::kFailed:
      return "failed";
  }
  return "?";
}

std::optional<ContactStatus> ParseContactStatus(std::string_view id) {
  for (ContactStatus status :
       {ContactStatus::kPlanned, ContactStatus::kStarted, ContactStatus::kSubmitted,
        ContactStatus::kApproved, ContactStatus::kReturned, ContactStatus::kFailed}) {
    if (ToString(status) == id) return status;
  }
  return std::nullopt;
}

std::string_view ToString(Responder responder) {
  switch (responder) {
    case Responder::kUnknown:
      return "unknown";
    case Responder::kPerson:
      return "person";
    case Responder::kChatbot:
      return "chatbot";
  }
  return "?";
}

std::optional<Responder> ParseResponder(std::string_view id) {
  for (Responder responder : {Responder::kUnknown, Responder::kPerson, Responder::kChatbot}) {
    if (ToString(responder) == id) return responder;
  }
  return std::nullopt;
}

std::string_view ToString(AttemptOutcome outcome) {
  switch (outcome) {
    case AttemptOutcome::kPending:
      return "pending";
    case AttemptOutcome::kAnswered:
      return "answered";
    case AttemptOutcome::kNoAnswer:
      return "no_answer";
    case AttemptOutcome::kBusy:
      return "busy";
    case AttemptOutcome::kClosed:
      return "closed";
    case AttemptOutcome::kGaveUp:
      return "gave_up";
    case AttemptOutcome::kNeverAnswered:
      return "never_answered";
  }
  return "?";
}

std::optional<AttemptOutcome> ParseAttemptOutcome(std::string_view id) {
  for (AttemptOutcome outcome :
       {AttemptOutcome::kPending, AttemptOutcome::kAnswered, AttemptOutcome::kNoAnswer,
        AttemptOutcome::kBusy, AttemptOutcome::kClosed, AttemptOutcome::kGaveUp,
        AttemptOutcome::kNeverAnswered}) {
    if (ToString(outcome) == id) return outcome;
  }
  return std::nullopt;
}

int Contact::AttemptsInRound() const {
  if (attempts.empty()) return 0;
  const int round = attempts.back().round;
  return static_cast<int>(std::count_if(attempts.begin(), attempts.end(),
                                        [&](const Attempt& a) { return a.round == round; }));
}

const Answer* Contact::FindAnswer(const std::string& question) const {
  for (const Answer& answer : answers) {
    if (answer.question == question) return &answer;
  }
  return nullptr;
}

std::string AnswerText(const Answer* answer) {
  if (answer == nullptr) return "";
  if (answer->not_applicable) return "na";
  if (answer->text) return *answer->text;
  if (!answer->number) return "";
  std::ostringstream out;
  out.precision(15);  // a measured wait of 12.345 s shows as such, not rounded to 6 digits
  out << *answer->number;
  return out.str();
}

namespace {

std::string OptionalNumber(const std::optional<double>& value) {
  if (!value) return "";
  const Answer answer{"", false, value, std::nullopt};
  return AnswerText(&answer);
}

const Comment* FindComment(const Contact& contact, const std::string& area) {
  for (const Comment& comment : contact.comments) {
    if (comment.area == area) return &comment;
  }
  return nullptr;
}

}  // namespace

std::vector<ChangeRecord> ContactChanges(const Contact& before, const Contact& after) {
  std::vector<ChangeRecord> changes;
  auto compare = [&](const std::string& field, const std::string& old_value,
                     const std::string& new_value) {
    if (old_value != new_value)
      changes.push_back(ContactRecord(after.id, field, old_value, new_value));
  };
  compare("status", std::string(ToString(before.status)), std::string(ToString(after.status)));
  compare("started_at", before.started_at, after.started_at);
  compare("answered_at", before.answered_at, after.answered_at);
  compare("wait_s", OptionalNumber(before.wait_seconds), OptionalNumber(after.wait_seconds));
  compare("responder", std::string(ToString(before.responder)),
          std::string(ToString(after.responder)));
  compare("submitted_at", before.submitted_at, after.submitted_at);
  auto attempt_text = [](const Attempt* attempt) {
    if (attempt == nullptr) return std::string();
    std::string text = std::string(ToString(attempt->outcome)) + " " + attempt->started_at;
    if (!attempt->ended_at.empty()) text += "/" + attempt->ended_at;
    return text;
  };
  for (size_t index = 0; index < std::max(before.attempts.size(), after.attempts.size()); ++index) {
    const Attempt* old_attempt = index < before.attempts.size() ? &before.attempts[index] : nullptr;
    const Attempt* new_attempt = index < after.attempts.size() ? &after.attempts[index] : nullptr;
    compare("attempt:" + std::to_string(index + 1), attempt_text(old_attempt),
            attempt_text(new_attempt));
  }
  // Answers compare as values, not as texts: 1 and 1.0000000000000002 differ.
  std::set<std::string> seen;
  auto compare_answers = [&](const Answer* old_answer, const Answer* new_answer,
                             const std::string& question) {
    if (!seen.insert(question).second) return;
    const bool same =
        (old_answer == nullptr && new_answer == nullptr) ||
        (old_answer != nullptr && new_answer != nullptr && *old_answer == *new_answer);
    if (!same) {
      changes.push_back(ContactRecord(after.id, "answer:" + question, AnswerText(old_answer),
                                      AnswerText(new_answer)));
    }
  };
  for (const Answer& answer : after.answers) {
    compare_answers(before.FindAnswer(answer.question), &answer, answer.question);
  }
  for (const Answer& answer : before.answers) {
    compare_answers(&answer, after.FindAnswer(answer.question), answer.question);
  }
  std::set<std::string> seen_areas;
  auto compare_comments = [&](const Comment* old_comment, const Comment* new_comment,
                              const std::string& area) {
    if (!seen_areas.insert(area).second) return;
    compare("comment:" + area, old_comment ? old_comment->text : "",
            new_comment ? new_comment->text : "");
  };
  for (const Comment& comment : after.comments) {
    compare_comments(FindComment(before, comment.area), &comment, comment.area);
  }
  for (const Comment& comment : before.comments) {
    compare_comments(&comment, FindComment(after, comment.area), comment.area);
  }
  return changes;
}

}  // namespace cx::domain
