#pragma once
// Fieldwork: the shoppers, the contacts they make and what they report.

#include <optional>
#include <string>
#include <vector>

#include "domain/change_record.h"
#include "domain/channel.h"

namespace cx::domain {

// A mystery shopper's profile (profiles that mirror real customers: docs/sources.md).
struct Shopper {
  std::string id;
  std::string name;
  std::string age_band;  // "18-29", "30-44", "45-59", "60+"
  std::string gender;    // "female" | "male"
  std::string region;    // e.g. "Oslo", "Vestland"
  std::vector<std::string> languages;
  std::vector<Channel> channels;  // the channels they can do
  int max_contacts_per_week = 5;
  std::vector<std::string> away_dates;  // ISO dates (YYYY-MM-DD) they cannot work

  bool CanDo(Channel channel) const;

  bool operator==(const Shopper&) const = default;
};

enum class ContactStatus {
  kPlanned,    // assigned, not started
  kStarted,    // the shopper is on it; a draft may exist
  kSubmitted,  // reported, waiting for quality assurance
  kApproved,   // passed quality assurance
  kReturned,   // sent back to the shopper with a message
  kFailed,     // could not be made (e.g. no answer after three attempts): to re-plan
};
std::string_view ToString(ContactStatus status);
std::optional<ContactStatus> ParseContactStatus(std::string_view id);

// Who answered a chat or Messenger contact.
enum class Responder { kUnknown, kPerson, kChatbot };
std::string_view ToString(Responder responder);
std::optional<Responder> ParseResponder(std::string_view id);

// What one attempt at a contact came to. Answered: the company answered (by
// a person or a chatbot: Contact::responder says which). The others are the
// ways a contact goes unanswered, and every one of them scores 0
// (results/contact_score.h: a contact without a measured wait).
enum class AttemptOutcome {
  kPending,        // started, nothing recorded yet
  kAnswered,       // the company answered
  kNoAnswer,       // phone rang out, chat or Messenger never opened
  kBusy,           // phone: engaged
  kClosed,         // the line, chat or page said closed
  kGaveUp,         // the shopper gave up after the channel's maximum wait
  kNeverAnswered,  // e-mail or form: no answer by the channel's deadline
};
std::string_view ToString(AttemptOutcome outcome);
std::optional<AttemptOutcome> ParseAttemptOutcome(std::string_view id);

// One attempt at a contact: dialled, sent or opened at `started_at`, over at
// `ended_at` (UTC ISO 8601; empty while pending). `round` counts the times
// the contact was restarted after being returned (0 before any restart): the
// study's max_attempts applies to each round.
struct Attempt {
  int round = 0;
  std::string started_at;
  std::string ended_at;
  AttemptOutcome outcome = AttemptOutcome::kPending;

  bool operator==(const Attempt&) const = default;
};

// One answer of one question. Exactly one of: not applicable, a number
// (yes_no: 1 = yes, 0 = no; scales, nps, csat, ces, duration in seconds,
// number), a text (choice option id, free text).
struct Answer {
  std::string question;
  bool not_applicable = false;
  std::optional<double> number;
  std::optional<std::string> text;

  bool operator==(const Answer&) const = default;
};

struct Comment {
  std::string area;
  std::string text;

  bool operator==(const Comment&) const = default;
};

// One contact of one shopper with one participant on one channel.
struct Contact {
  std::string id;
  std::string participant;
  std::string shopper;
  Channel channel = Channel::kPhone;
  std::string scenario;
  std::string planned_at;  // local date-time, ISO 8601 "YYYY-MM-DDTHH:MM"
  ContactStatus status = ContactStatus::kPlanned;
  // Timestamps the wait-time area needs, UTC ISO 8601; answered_at empty = never answered.
  std::string started_at;
  std::string answered_at;
  std::optional<double> wait_seconds;  // answered_at - started_at; none = never answered
  std::string submitted_at;            // UTC ISO 8601 of the latest submission; empty = never
  Responder responder = Responder::kUnknown;
  std::vector<Answer> answers;
  std::vector<Comment> comments;
  // Every attempt, oldest first. started_at above is the start of the latest
  // one: the wait is measured from the attempt that was answered.
  std::vector<Attempt> attempts;

  // The latest attempt; nullptr before the contact was started.
  const Attempt* LastAttempt() const { return attempts.empty() ? nullptr : &attempts.back(); }
  // The attempts made in the current round (since the latest restart).
  int AttemptsInRound() const;
  bool Answered() const { return wait_seconds.has_value(); }
  const Answer* FindAnswer(const std::string& question) const;

  bool operator==(const Contact&) const = default;
};

// An answer as the audit trail and the QA screens show it: "na", the text or
// option id, or the number in shortest form; "" for no answer (nullptr).
std::string AnswerText(const Answer* answer);

// The change records of every field that differs from `before` to `after`
// (entity "contact", entity_id after.id, no actor, time or reason yet), in a
// fixed order: the contact's own fields (status, started_at, answered_at,
// wait_s, responder, submitted_at), then "attempt:<n>" (1-based) for each
// attempt added or changed, as "<outcome> <started_at>[/<ended_at>]" (an
// ISO 8601 interval once the attempt is over), then "answer:<question id>" in the order
// of `after` followed by answers removed, then "comment:<area id>" the same
// way. Old and new values are texts as AnswerText gives them. Empty when
// nothing changed.
std::vector<ChangeRecord> ContactChanges(const Contact& before, const Contact& after);

}  // namespace cx::domain
