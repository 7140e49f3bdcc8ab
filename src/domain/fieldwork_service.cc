#include "domain/fieldwork_service.h"

#include <algorithm>
#include <chrono>

#include "core/civil_time.h"

namespace cx::domain {
namespace {

FieldworkError Refused(FieldworkErrorCode code, Message message, std::string field = {}) {
  return {code, std::move(message), std::move(field), {}};
}

FieldworkError Invalid(Message message, std::vector<FieldError> fields) {
  return {FieldworkErrorCode::kInvalid, std::move(message), {}, std::move(fields)};
}

// The update from `before` to `after`: every field that changed, recorded
// as done by the stamp's actor for `reason`.
ContactUpdate Changed(const Contact& before, Contact after, const Stamp& stamp,
                      const std::string& reason) {
  std::vector<ChangeRecord> changes = ContactChanges(before, after);
  for (ChangeRecord& change : changes) {
    change.actor = stamp.actor;
    change.reason = stamp.device_time ? reason + " (device time)" : reason;
  }
  return {std::move(after), std::move(changes), false};
}

// One record of a status change the caller asked for by name.
ContactUpdate StatusChanged(const Contact& before, ContactStatus status, const Stamp& stamp,
                            const std::string& reason) {
  Contact after = before;
  after.status = status;
  return Changed(before, std::move(after), stamp, reason);
}

// Seconds since 1970 of a stored UTC time. Summed as whole minutes plus the
// seconds within the minute, so a difference rounds as it always has.
std::optional<double> EpochSeconds(const std::string& text) {
  const auto instant = UtcInstant::Parse(text);
  if (!instant) return std::nullopt;
  const auto since_epoch = instant->time().time_since_epoch();
  const auto minutes = std::chrono::floor<std::chrono::minutes>(since_epoch);
  const auto rest = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - minutes);
  return static_cast<double>(minutes.count()) * 60.0 + static_cast<double>(rest.count()) / 1000.0;
}

bool Unanswered(AttemptOutcome outcome) {
  return outcome != AttemptOutcome::kPending && outcome != AttemptOutcome::kAnswered;
}

// The contact with its attempts: one made before attempts were recorded
// (started, no attempts stored) has had one, from started_at.
Contact WithAttempts(const Contact& contact) {
  Contact with = contact;
  if (with.attempts.empty() && !with.started_at.empty()) {
    const bool answered = !with.answered_at.empty();
    with.attempts.push_back({0, with.started_at, with.answered_at,
                             answered ? AttemptOutcome::kAnswered : AttemptOutcome::kPending});
  }
  return with;
}

// Why `channel` has no unanswered outcome `outcome`; nullopt when it has.
std::optional<Message> NotOfChannel(Channel channel, AttemptOutcome outcome) {
  const bool email = channel == Channel::kEmailForm;
  switch (outcome) {
    case AttemptOutcome::kPending:
    case AttemptOutcome::kAnswered:
      return Msg(
          "an unanswered outcome is expected (no_answer, busy, closed, gave_up or "
          "never_answered)");
    case AttemptOutcome::kBusy:
      if (channel != Channel::kPhone) return Msg("only a phone line can be busy");
      return std::nullopt;
    case AttemptOutcome::kNoAnswer:
    case AttemptOutcome::kClosed:
      if (email) return Msg("an e-mail or form is never answered: never_answered is expected");
      return std::nullopt;
    case AttemptOutcome::kGaveUp:
    case AttemptOutcome::kNeverAnswered:
      break;
  }
  if (email != (outcome == AttemptOutcome::kNeverAnswered)) {
    return email ? Msg("an e-mail or form is never answered: never_answered is expected")
                 : Msg("never_answered is for e-mail and forms; gave_up is expected");
  }
  return std::nullopt;
}

// Why `outcome` cannot end `attempt` on `channel` now; nullopt when it can.
std::optional<Message> CheckOutcome(const Study& study, Channel channel, AttemptOutcome outcome,
                                    const Attempt& attempt, const std::string& now) {
  if (auto problem = NotOfChannel(channel, outcome)) return problem;
  if (outcome != AttemptOutcome::kGaveUp && outcome != AttemptOutcome::kNeverAnswered) {
    return std::nullopt;
  }
  const ChannelSpec* spec = study.FindChannel(channel);
  const double max_wait = spec != nullptr ? spec->max_wait_seconds : 0;
  const auto waited = SecondsBetween(attempt.started_at, now);
  if (max_wait > 0 && (!waited || *waited < max_wait)) {
    return Msg("the channel's maximum wait ({1} s) has not passed since the attempt began",
               static_cast<long long>(max_wait));
  }
  return std::nullopt;
}

// The last part of a JSON pointer: "/answers/3/number" -> "number".
std::string LastPart(const std::string& pointer) { return pointer.substr(pointer.rfind('/') + 1); }

}  // namespace

std::string_view ToString(FieldworkErrorCode code) {
  switch (code) {
    case FieldworkErrorCode::kNotEditable:
      return "not_editable";
    case FieldworkErrorCode::kNotStarted:
      return "not_started";
    case FieldworkErrorCode::kWrongStatus:
      return "wrong_status";
    case FieldworkErrorCode::kUnreadable:
      return "unreadable";
    case FieldworkErrorCode::kInvalid:
      return "invalid";
    case FieldworkErrorCode::kNoAttemptsLeft:
      return "no_attempts_left";
    case FieldworkErrorCode::kAnswered:
      return "answered";
    case FieldworkErrorCode::kConflict:
      return "conflict";
  }
  return "?";
}

bool ShopperMayEdit(const Contact& contact) {
  return contact.status == ContactStatus::kPlanned || contact.status == ContactStatus::kStarted ||
         contact.status == ContactStatus::kReturned;
}

std::optional<double> SecondsBetween(const std::string& from, const std::string& to) {
  auto a = EpochSeconds(from);
  auto b = EpochSeconds(to);
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

ContactOutcome Start(const Study& study, const Contact& contact, const Stamp& stamp) {
  if (!ShopperMayEdit(contact)) {
    return Refused(FieldworkErrorCode::kNotEditable, Msg("the contact is submitted already"));
  }
  if (contact.started_at.empty()) {
    Contact started = contact;
    started.started_at = stamp.now;
    if (started.status == ContactStatus::kPlanned) started.status = ContactStatus::kStarted;
    const int round = started.attempts.empty() ? 0 : started.attempts.back().round;
    started.attempts.push_back({round, stamp.now, "", AttemptOutcome::kPending});
    return Changed(contact, std::move(started), stamp, "start");
  }
  Contact started = WithAttempts(contact);
  // Pending or answered: the contact is under way; nothing to start.
  if (!Unanswered(started.attempts.back().outcome)) return ContactUpdate{contact, {}, false};
  // The latest attempt went unanswered: this is the next one.
  if (AttemptsLeft(study, started) <= 0) {
    return Refused(FieldworkErrorCode::kNoAttemptsLeft,
                   Msg("no attempts are left on this channel: submit the contact as unanswered"));
  }
  started.started_at = stamp.now;
  started.attempts.push_back(
      {started.attempts.back().round, stamp.now, "", AttemptOutcome::kPending});
  return Changed(contact, std::move(started), stamp, "start");
}

std::vector<AttemptOutcome> UnansweredOutcomesOf(Channel channel) {
  std::vector<AttemptOutcome> outcomes;
  for (AttemptOutcome outcome :
       {AttemptOutcome::kNoAnswer, AttemptOutcome::kBusy, AttemptOutcome::kClosed,
        AttemptOutcome::kGaveUp, AttemptOutcome::kNeverAnswered}) {
    if (!NotOfChannel(channel, outcome)) outcomes.push_back(outcome);
  }
  return outcomes;
}

int AttemptsLeft(const Study& study, const Contact& contact) {
  const ChannelSpec* spec = study.FindChannel(contact.channel);
  const int allowed = spec != nullptr ? std::max(1, spec->max_attempts) : 1;
  return allowed - std::max(WithAttempts(contact).AttemptsInRound(), 0);
}

ContactOutcome RecordOutcome(const Study& study, const Contact& contact, AttemptOutcome outcome,
                             const Stamp& stamp) {
  if (!ShopperMayEdit(contact)) {
    return Refused(FieldworkErrorCode::kNotEditable, Msg("the contact is submitted already"));
  }
  if (contact.started_at.empty()) {
    return Refused(FieldworkErrorCode::kNotStarted,
                   Msg("start the contact before recording what happened"), "started_at");
  }
  if (!contact.answered_at.empty()) {
    return Refused(FieldworkErrorCode::kAnswered, Msg("the contact was answered already"),
                   "outcome");
  }
  Contact recorded = WithAttempts(contact);
  Attempt& attempt = recorded.attempts.back();
  if (attempt.outcome == outcome) return ContactUpdate{contact, {}, false};
  if (auto problem = CheckOutcome(study, contact.channel, outcome, attempt, stamp.now)) {
    return Refused(FieldworkErrorCode::kInvalid, *problem, "outcome");
  }
  if (attempt.outcome != AttemptOutcome::kPending) {
    return Refused(FieldworkErrorCode::kInvalid,
                   Msg("this attempt's outcome is recorded already: start the next attempt"),
                   "outcome");
  }
  attempt.outcome = outcome;
  attempt.ended_at = stamp.now;
  return Changed(contact, std::move(recorded), stamp, "outcome");
}

ContactOutcome Restart(const Study& study, const Contact& contact, const Stamp& stamp) {
  if (contact.status != ContactStatus::kReturned) {
    return Refused(FieldworkErrorCode::kWrongStatus,
                   Msg("only a returned contact can be restarted"));
  }
  Contact restarted = WithAttempts(contact);
  const int round = restarted.attempts.empty() ? 0 : restarted.attempts.back().round + 1;
  restarted.attempts.push_back({round, stamp.now, "", AttemptOutcome::kPending});
  restarted.started_at = stamp.now;
  restarted.answered_at.clear();
  restarted.wait_seconds.reset();
  restarted.responder = Responder::kUnknown;
  RemoveMeasuredAnswers(study, restarted);
  return Changed(contact, std::move(restarted), stamp, "restart");
}

ContactOutcome MarkAnswered(const Study& study, const Contact& contact,
                            std::optional<Responder> responder, const Stamp& stamp) {
  if (!ShopperMayEdit(contact)) {
    return Refused(FieldworkErrorCode::kNotEditable, Msg("the contact is submitted already"));
  }
  if (contact.started_at.empty()) {
    return Refused(FieldworkErrorCode::kNotStarted, Msg("start the contact before it is answered"),
                   "started_at");
  }
  if (responder) {
    auto errors = CheckResponder(contact.channel, *responder);
    if (!errors.empty()) {
      errors.front().field = "responder";
      return Invalid(Msg("the answer was not recorded"), std::move(errors));
    }
  }
  Contact answered = contact;
  if (answered.answered_at.empty()) {
    answered = WithAttempts(contact);
    if (Unanswered(answered.attempts.back().outcome)) {
      return Refused(FieldworkErrorCode::kInvalid,
                     Msg("this attempt went unanswered: start the next attempt first"), "outcome");
    }
    answered.answered_at = stamp.now;
    answered.wait_seconds = SecondsBetween(answered.started_at, answered.answered_at);
    // Two clocks that disagree (a start timed by the server, the answer by a
    // phone whose clock is behind) would make a negative wait.
    if (answered.wait_seconds && *answered.wait_seconds < 0) {
      return Refused(FieldworkErrorCode::kInvalid,
                     Msg("the answer is timed before the start ({1}): the phone's clock and the "
                         "server's disagree",
                         contact.started_at),
                     stamp.device_time ? "device_at" : "answered_at");
    }
    answered.attempts.back().outcome = AttemptOutcome::kAnswered;
    answered.attempts.back().ended_at = stamp.now;
  }
  if (responder) answered.responder = *responder;
  // The wait-time question is measured, not asked.
  AddMeasuredAnswers(study, answered);
  return Changed(contact, std::move(answered), stamp, "answered");
}

ContactOutcome SaveDraft(const Study& study, const Contact& contact, const DraftInput& draft,
                         const Stamp& stamp) {
  if (!ShopperMayEdit(contact)) {
    return Refused(FieldworkErrorCode::kNotEditable, Msg("the contact is submitted already"));
  }
  if (!draft.unreadable.empty()) {
    return FieldworkError{
        FieldworkErrorCode::kUnreadable, Msg("the draft was not saved"), {}, draft.unreadable};
  }
  Contact saved = contact;
  if (draft.answers) saved.answers = *draft.answers;
  if (draft.comments) saved.comments = *draft.comments;
  // The server owns the measured wait: a draft that leaves it out keeps it.
  AddMeasuredAnswers(study, saved);
  auto errors = CheckReport(study, saved, /*submission=*/false);
  if (!errors.empty()) return Invalid(Msg("the draft was not saved"), std::move(errors));
  if (saved.status == ContactStatus::kPlanned) saved.status = ContactStatus::kStarted;
  return Changed(contact, std::move(saved), stamp, "draft");
}

ContactOutcome Submit(const Study& study, const Contact& contact, const Stamp& stamp) {
  if (contact.status == ContactStatus::kSubmitted || contact.status == ContactStatus::kApproved) {
    // A retry on a bad connection: the report exists once, as it was.
    return ContactUpdate{contact, {}, true};
  }
  if (!ShopperMayEdit(contact)) {
    return Refused(FieldworkErrorCode::kNotEditable, Msg("the contact cannot be submitted now"));
  }
  // A contact nobody answered has no questionnaire to fill in.
  const bool answered = !contact.answered_at.empty();
  auto errors = CheckReport(study, contact, /*submission=*/answered);
  if (!answered && contact.started_at.empty()) {
    errors.push_back({"/started_at", Msg("the time the contact was started is missing")});
  }
  // An unanswered contact says what happened (no answer, busy, ...).
  if (!answered && !contact.attempts.empty() &&
      contact.attempts.back().outcome == AttemptOutcome::kPending) {
    errors.push_back({"/outcome", Msg("record what happened to the attempt before submitting")});
  }
  if (!errors.empty()) return Invalid(Msg("the report was not submitted"), std::move(errors));
  Contact submitted = contact;
  submitted.status = ContactStatus::kSubmitted;
  submitted.submitted_at = stamp.now;
  return Changed(contact, std::move(submitted), stamp, "submit");
}

ContactOutcome Return(const Contact& contact, const std::string& message, const Stamp& stamp) {
  if (contact.status != ContactStatus::kSubmitted) {
    return Refused(FieldworkErrorCode::kWrongStatus,
                   Msg("only a submitted report can be returned"));
  }
  return StatusChanged(contact, ContactStatus::kReturned, stamp, message);
}

ContactOutcome Approve(const Contact& contact, const Stamp& stamp) {
  if (contact.status == ContactStatus::kApproved) return ContactUpdate{contact, {}, false};
  if (contact.status != ContactStatus::kSubmitted) {
    return Refused(FieldworkErrorCode::kWrongStatus,
                   Msg("only a submitted report can be approved"));
  }
  return StatusChanged(contact, ContactStatus::kApproved, stamp, "");
}

ContactOutcome Correct(const Study& study, const Contact& contact, const Answer& answer,
                       const std::string& reason, const Stamp& stamp) {
  if (contact.status != ContactStatus::kSubmitted && contact.status != ContactStatus::kApproved) {
    return Refused(FieldworkErrorCode::kWrongStatus,
                   Msg("only a submitted or approved report can be corrected"));
  }
  // The corrected answer is checked as part of the whole report.
  Contact corrected = contact;
  auto& answers = corrected.answers;
  answers.erase(
      std::remove_if(answers.begin(), answers.end(),
                     [&](const Answer& given) { return given.question == answer.question; }),
      answers.end());
  answers.push_back(answer);
  auto errors = CheckReport(study, corrected, /*submission=*/false);
  if (!errors.empty()) {
    return Refused(FieldworkErrorCode::kInvalid, errors.front().message,
                   LastPart(errors.front().field));
  }
  ChangeRecord record = ContactRecord(contact.id, "answer:" + answer.question,
                                      AnswerText(contact.FindAnswer(answer.question)),
                                      AnswerText(corrected.FindAnswer(answer.question)), reason);
  record.actor = stamp.actor;
  return ContactUpdate{std::move(corrected), {std::move(record)}, false};
}

ContactOutcome Fail(const Contact& contact, const std::string& reason, const Stamp& stamp) {
  if (contact.status != ContactStatus::kPlanned && contact.status != ContactStatus::kStarted) {
    return Refused(FieldworkErrorCode::kWrongStatus,
                   Msg("only a contact not yet reported (planned or started) can fail"));
  }
  return StatusChanged(contact, ContactStatus::kFailed, stamp, reason);
}

ChangeIdCheck CheckChangeId(const std::optional<ReceivedChange>& stored,
                            const ReceivedChange& incoming) {
  if (!stored) return {};
  if (*stored == incoming) return {true, std::nullopt};
  return {false, Refused(FieldworkErrorCode::kConflict,
                         Msg("this change id was used for a different change; nothing was done"),
                         "client_change_id")};
}

int64_t ContactVersion(const std::vector<ChangeRecord>& log) {
  return static_cast<int64_t>(log.size());
}

namespace {

// The conflict a change by someone else makes, for the shopper, each a whole
// sentence: returned by QA (with its message), approved, failed, corrected.
Message ChangedSince(const ChangeRecord& record) {
  if (record.field == "status" && record.new_value == "returned") {
    if (record.reason.empty()) {
      return Msg(
          "the report changed on the server since this phone last saw it: it was returned by "
          "quality assurance; the change from the phone was not applied");
    }
    return Msg(
        "the report changed on the server since this phone last saw it: it was returned by "
        "quality assurance ({1}); the change from the phone was not applied",
        record.reason);
  }
  if (record.field == "status" && record.new_value == "approved") {
    return Msg(
        "the report changed on the server since this phone last saw it: it was approved; the "
        "change from the phone was not applied");
  }
  if (record.field == "status" && record.new_value == "failed") {
    return Msg(
        "the report changed on the server since this phone last saw it: it was marked failed; "
        "the change from the phone was not applied");
  }
  if (record.field.rfind("answer:", 0) == 0) {
    return Msg(
        "the report changed on the server since this phone last saw it: an answer was corrected "
        "by staff; the change from the phone was not applied");
  }
  return Msg(
      "the report changed on the server since this phone last saw it: it was changed by {1}; the "
      "change from the phone was not applied",
      record.actor);
}

}  // namespace

std::optional<FieldworkError> CheckBaseVersion(const std::vector<ChangeRecord>& log,
                                               int64_t base_version, const std::string& actor) {
  if (base_version < 0 || base_version > ContactVersion(log)) {
    return Refused(FieldworkErrorCode::kInvalid,
                   Msg("base_version {1} is not a version of this report (it has {2})",
                       base_version, ContactVersion(log)),
                   "base_version");
  }
  for (auto record = log.begin() + base_version; record != log.end(); ++record) {
    if (record->actor != actor) {
      return Refused(FieldworkErrorCode::kConflict, ChangedSince(*record), "base_version");
    }
  }
  return std::nullopt;
}

Stamp DeviceStamp(const std::string& actor, const std::string& device_at, const std::string& now) {
  const auto behind = SecondsBetween(device_at, now);
  return {actor, device_at, behind && *behind > kSentLateS};
}

std::optional<FieldworkError> CheckDeviceTime(const std::string& device_at,
                                              const std::string& now) {
  const auto ahead = SecondsBetween(now, device_at);
  if (!ahead) {
    return Refused(FieldworkErrorCode::kInvalid,
                   Msg("a UTC time like 2026-11-24T19:55:01.123Z is expected"), "device_at");
  }
  if (*ahead > kDeviceClockSkewS) {
    return Refused(FieldworkErrorCode::kInvalid,
                   Msg("the phone's time is more than 5 minutes ahead of the server's"),
                   "device_at");
  }
  return std::nullopt;
}

}  // namespace cx::domain
