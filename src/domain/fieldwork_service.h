#pragma once
// The life of a contact and its guards, in one place. Every operation takes
// the contact as it stands and the input (who, when, what), and returns
// either a typed error or the new contact with the change records it makes.
// Nothing here reads or writes storage: the caller (a route handler, a CLI
// command) stores the new contact and its records in one transaction.
//
// The stored status (ContactStatus) and the stages the screens name:
//   planned    assigned, not started                     status planned
//   started    dialled, sent or opened                   status started, started_at set
//   answered   the company answered                      answered_at and wait_s set
//   draft      answers saved, not yet submitted          status started (or returned)
//   submitted  waiting for quality assurance             status submitted
//   returned   sent back to the shopper with a message   status returned
//   approved   passed quality assurance: counts          status approved
//   corrected  an answer changed by staff, with reason   status kept, record "answer:<id>"
//   failed     could not be made: to re-plan             status failed
//
//   planned --Start/SaveDraft--> started --Submit--> submitted --Approve--> approved
//   started, returned --MarkAnswered/SaveDraft--> (same status)
//   submitted --Return--> returned --Submit--> submitted
//   submitted, approved --Correct--> (same status)
//   planned, started --Fail--> failed
//   started, returned --RecordOutcome(unanswered)--> (same status); the
//     attempt is over: Start makes the next one while the channel's
//     max_attempts allows, Submit reports the contact as unanswered
//   returned --Restart--> (same status), a new round of attempts: the wait
//     is measured again

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/message.h"
#include "domain/answer_check.h"
#include "domain/change_record.h"
#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::domain {

// Who acts and when: the actor goes into every change record, `now` (UTC
// ISO 8601 of one form, "2026-11-24T19:55:01.123Z") into the times an
// operation records.
struct Stamp {
  std::string actor;
  std::string now;
  // `now` was taken on the shopper's device (the tap was made offline and
  // sent later): the records of the change say so, for quality assurance.
  bool device_time = false;
};

enum class FieldworkErrorCode {
  kNotEditable,     // the shopper's part is over: submitted, approved or failed
  kNotStarted,      // a contact marked answered before it was started
  kWrongStatus,     // a quality-assurance action on a contact not in the status it needs
  kUnreadable,      // the caller could not read the input (its problems are in `fields`)
  kInvalid,         // the values break the study's rules (CheckReport, CheckResponder)
  kNoAttemptsLeft,  // a new attempt beyond the channel's max_attempts
  kAnswered,        // an unanswered outcome for a contact that was answered
  kConflict,        // a device's change that would overwrite what happened since (CheckBaseVersion)
};
std::string_view ToString(FieldworkErrorCode code);

struct FieldworkError {
  FieldworkErrorCode code = FieldworkErrorCode::kInvalid;
  Message message;  // for a person: what was not done and why
  // The one field the error concerns ("started_at", "number"); empty when it
  // concerns the contact as a whole or when `fields` lists them.
  std::string field;
  std::vector<FieldError> fields;  // every field at fault, first one first

  bool operator==(const FieldworkError&) const = default;
};

// What a successful operation gives: the contact as it is now, and one
// record per field that changed (empty: nothing changed, nothing to store).
struct ContactUpdate {
  Contact contact;
  std::vector<ChangeRecord> changes;
  // Submit only: the report was submitted already; nothing changed (a retry
  // on a bad connection must not submit twice).
  bool already_submitted = false;
};

// Either a ContactUpdate or a FieldworkError.
class [[nodiscard]] ContactOutcome {
 public:
  ContactOutcome(ContactUpdate update) : state_(std::move(update)) {}  // NOLINT: implicit
  ContactOutcome(FieldworkError error) : state_(std::move(error)) {}   // NOLINT: implicit

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const ContactUpdate& value() const& { return std::get<0>(state_); }
  ContactUpdate&& value() && { return std::get<0>(std::move(state_)); }
  const ContactUpdate* operator->() const { return &value(); }
  const FieldworkError& error() const { return std::get<1>(state_); }

 private:
  std::variant<ContactUpdate, FieldworkError> state_;
};

// Whether the shopper may still change the contact: until it is submitted,
// and again once it is returned.
bool ShopperMayEdit(const Contact& contact);

// Seconds from one UTC text of Stamp::now's form to another; nullopt when
// either is malformed.
std::optional<double> SecondsBetween(const std::string& from, const std::string& to);

// The shopper starts the contact (dialled, sent or opened): started_at = now
// unless set already, planned becomes started, and the first attempt begins.
// Starting again changes nothing while the latest attempt is pending or
// answered; after an unanswered outcome it begins the next attempt
// (started_at = now) while the channel allows more, else kNoAttemptsLeft.
// kNotEditable once submitted. Records: reason "start".
ContactOutcome Start(const Study& study, const Contact& contact, const Stamp& stamp);

// The latest attempt went unanswered: `outcome` (not pending or answered) and
// ended_at = now. Which outcomes a channel has: phone no_answer, busy,
// closed, gave_up; chat and Messenger no_answer, closed, gave_up; e-mail/form
// never_answered. gave_up and never_answered only once the channel's
// max_wait has passed since the attempt began. Errors: kNotEditable once
// submitted, kNotStarted before Start, kAnswered once answered, kInvalid
// (field "outcome") for an outcome the channel does not have, or too early.
// Recording the same outcome again changes nothing. Records: reason "outcome".
ContactOutcome RecordOutcome(const Study& study, const Contact& contact, AttemptOutcome outcome,
                             const Stamp& stamp);

// The unanswered outcomes `channel` has (RecordOutcome's list above), in
// the order no_answer, busy, closed, gave_up, never_answered.
std::vector<AttemptOutcome> UnansweredOutcomesOf(Channel channel);

// How many more attempts the channel allows in the current round.
int AttemptsLeft(const Study& study, const Contact& contact);

// A returned contact is made again: a new round of attempts begins now
// (started_at = now), the answer time, the measured wait, the responder and
// the measured answers are cleared, the shopper's other answers kept (the
// questionnaire is filled in again once answered). kWrongStatus unless
// returned. Records: reason "restart".
ContactOutcome Restart(const Study& study, const Contact& contact, const Stamp& stamp);

// The company answered: answered_at = now and wait_s = answered_at -
// started_at unless answered already; `responder` (person or chatbot) when
// given; the measured answers the contact lacks are added. kNotEditable once
// submitted; kNotStarted before Start; kInvalid (field "responder") for a
// chatbot on a channel without chatbots; kInvalid (field "outcome") when the
// latest attempt's unanswered outcome is recorded (it is over: start the
// next attempt first). The latest attempt's outcome becomes answered.
// Records: reason "answered".
ContactOutcome MarkAnswered(const Study& study, const Contact& contact,
                            std::optional<Responder> responder, const Stamp& stamp);

// A draft as read from a request: the answers replace the contact's when
// given, the comments when given. `unreadable`: what the caller could not
// read (values of the wrong type, texts too long); a draft with any is not saved.
struct DraftInput {
  std::optional<std::vector<Answer>> answers;
  std::optional<std::vector<Comment>> comments;
  std::vector<FieldError> unreadable;
};

// Saves the answers and comments as they stand. The measured wait stays the
// server's (a draft that leaves it out keeps it); planned becomes started.
// Errors, in this order: kNotEditable once submitted, kUnreadable,
// kInvalid (CheckReport of a draft). Records: reason "draft".
ContactOutcome SaveDraft(const Study& study, const Contact& contact, const DraftInput& draft,
                         const Stamp& stamp);

// Submits the report for quality assurance: status submitted, submitted_at
// = now. A submitted or approved report is not submitted again
// (already_submitted, no records). kNotEditable for a failed contact;
// kInvalid when CheckReport finds errors (of a submission when the contact
// was answered: an unanswered one has no questionnaire to fill in), an
// unanswered contact was never started, or its latest attempt has no
// outcome yet (field "/outcome"). Records: reason "submit".
ContactOutcome Submit(const Study& study, const Contact& contact, const Stamp& stamp);

// Returns a submitted report to its shopper with `message` (the record's
// reason). kWrongStatus unless submitted.
ContactOutcome Return(const Contact& contact, const std::string& message, const Stamp& stamp);

// Approves a submitted report: from now on it counts in the results.
// Approving an approved report changes nothing. kWrongStatus otherwise.
ContactOutcome Approve(const Contact& contact, const Stamp& stamp);

// Staff correct one answer of a submitted or approved report (replacing the
// answer to `answer.question`, or adding one), with `reason`. The corrected
// report must pass CheckReport as a draft: kInvalid names the first fault
// (its message, and the last part of its field: "number"). kWrongStatus
// unless submitted or approved. One record "answer:<question id>", also
// when the value is the same: the correction and its reason are kept.
ContactOutcome Correct(const Study& study, const Contact& contact, const Answer& answer,
                       const std::string& reason, const Stamp& stamp);

// The contact could not be made (no answer after the attempts the study
// allows, the company closed): status failed, for plan repair to replace.
// Only a contact not yet reported (planned, started) fails; kWrongStatus
// otherwise. Records: reason `reason`.
ContactOutcome Fail(const Contact& contact, const std::string& reason, const Stamp& stamp);

// ---- Changes made on a device (offline first) ----
// The shopper's app keeps every tap on the phone and sends it when it can,
// so a change may arrive twice (its reply was lost) or late (the report moved
// on meanwhile). Each change carries an id made on the device; the server
// keeps one result per id.

// A change as the server received it: who sent it and its bytes (method,
// path and body, exactly as received).
struct ReceivedChange {
  std::string actor;
  std::string request;

  bool operator==(const ReceivedChange&) const = default;
};

// What a change id means for an incoming change, given the change stored
// under that id (none: first time). `retry`: the same account sent the same
// bytes again; answer with the stored reply and change nothing. `error`
// (kConflict, field "client_change_id"): the id was used for a different
// change, or by another account; nothing is done.
struct ChangeIdCheck {
  bool retry = false;
  std::optional<FieldworkError> error;
};
ChangeIdCheck CheckChangeId(const std::optional<ReceivedChange>& stored,
                            const ReceivedChange& incoming);

// The version of a contact: how many change records it has (the log only
// grows, so every stored change moves it on).
int64_t ContactVersion(const std::vector<ChangeRecord>& log);

// A device's change was made on the contact as it stood at `base_version`.
// Changes since then by the same actor (the shopper's own, from this device
// or another) are no conflict; a change by anyone else (returned, corrected,
// approved, failed by staff) is: kConflict (field "base_version") naming what
// happened, so the shopper's change never silently overwrites it. kInvalid
// for a base newer than the contact.
std::optional<FieldworkError> CheckBaseVersion(const std::vector<ChangeRecord>& log,
                                               int64_t base_version, const std::string& actor);

// A time taken on the device (`device_at`, of Stamp::now's form) for a change
// that reaches the server at `now`: kInvalid (field "device_at") when it is
// not such a time or lies more than kDeviceClockSkewS in the future.
inline constexpr double kDeviceClockSkewS = 300;
std::optional<FieldworkError> CheckDeviceTime(const std::string& device_at, const std::string& now);

// The stamp of a tap the app timed on the phone (`device_at`, checked by
// CheckDeviceTime) and the server received at `now`. The app times every tap,
// so that a wait is measured between two times of one clock whatever the
// network did; the records say "device time" (Stamp::device_time) when the
// tap reached the server more than kSentLateS after it was made (it waited on
// the phone, offline), for quality assurance.
inline constexpr double kSentLateS = 5;
Stamp DeviceStamp(const std::string& actor, const std::string& device_at, const std::string& now);

}  // namespace cx::domain
