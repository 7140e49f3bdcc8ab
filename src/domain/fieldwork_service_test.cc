// The life of a contact without HTTP: every operation, every guard, and the
// change records each one makes (worked out by hand from the rules in
// fieldwork_service.h).
#include "domain/fieldwork_service.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

const Stamp kShopper{"kari@example.no", "2026-11-24T10:00:42.500Z"};
const Stamp kManager{"mona@example.no", "2026-11-25T09:00:00.000Z"};

// The wait area with its measured duration question, a reception area with a
// required 1-5 scale and an optional yes/no.
Study TestStudy() {
  Study study;
  study.areas = {{"wait", {}, 0.05, true, true}, {"reception", {}, std::nullopt, true, false}};
  Question wait;
  wait.id = "wait_time";
  wait.area = "wait";
  wait.type = QuestionType::kDuration;
  Question tone;
  tone.id = "tone";
  tone.area = "reception";
  tone.type = QuestionType::kScale;
  tone.scale_min = 1;
  tone.scale_max = 5;
  tone.required = true;
  Question name;
  name.id = "name";
  name.area = "reception";
  name.type = QuestionType::kYesNo;
  name.required = false;
  study.questions = {wait, tone, name};
  return study;
}

Contact Planned(Channel channel = Channel::kPhone) {
  Contact contact;
  contact.id = "C-0001";
  contact.participant = "p1";
  contact.shopper = "s1";
  contact.channel = channel;
  contact.planned_at = "2026-11-24T10:00";
  return contact;
}

Contact Started(Channel channel = Channel::kPhone) {
  Contact contact = Planned(channel);
  contact.status = ContactStatus::kStarted;
  contact.started_at = "2026-11-24T10:00:00.000Z";
  return contact;
}

// Started at 10:00:00, answered 42.5 s later by a person, tone 4.
Contact Reported(ContactStatus status) {
  Contact contact = Started();
  contact.status = status;
  contact.answered_at = "2026-11-24T10:00:42.500Z";
  contact.wait_seconds = 42.5;
  contact.responder = Responder::kPerson;
  contact.answers = {{"wait_time", false, 42.5, std::nullopt}, {"tone", false, 4.0, std::nullopt}};
  if (status == ContactStatus::kSubmitted || status == ContactStatus::kApproved) {
    contact.submitted_at = "2026-11-24T10:05:00.000Z";
  }
  return contact;
}

Answer Number(const std::string& question, double value) {
  return {question, false, value, std::nullopt};
}

struct Field {
  std::string name, old_value, new_value;
};

// The records of C-0001 for these fields, by `stamp`'s actor for `reason`.
std::vector<ChangeRecord> Records(const Stamp& stamp, const std::string& reason,
                                  const std::vector<Field>& fields) {
  std::vector<ChangeRecord> records;
  for (const auto& field : fields) {
    records.push_back({"", stamp.actor, "contact", "C-0001", field.name, field.old_value,
                       field.new_value, reason});
  }
  return records;
}

void ExpectError(const ContactOutcome& outcome, FieldworkErrorCode code, const std::string& message,
                 const std::string& field = {}) {
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, code) << ToString(outcome.error().code);
  EXPECT_EQ(outcome.error().message.English(), message);
  EXPECT_EQ(outcome.error().field, field);
}

std::vector<std::string> ErrorFields(const ContactOutcome& outcome) {
  std::vector<std::string> fields;
  for (const auto& error : outcome.error().fields) fields.push_back(error.field);
  return fields;
}

TEST(SecondsBetween, CountsFromOneUtcTextToAnother) {
  EXPECT_EQ(SecondsBetween("2026-11-24T10:00:00.000Z", "2026-11-24T10:01:02.250Z"), 62.25);
  // Across midnight and a month's end: 23:59:30 to 00:00:15 is 45 s.
  EXPECT_EQ(SecondsBetween("2026-11-30T23:59:30.000Z", "2026-12-01T00:00:15.000Z"), 45.0);
  EXPECT_EQ(SecondsBetween("2026-11-24T10:00:00.000Z", "yesterday"), std::nullopt);
  EXPECT_EQ(SecondsBetween("2026-02-30T10:00:00.000Z", "2026-03-01T10:00:00.000Z"), std::nullopt);
}

TEST(ShopperMayEdit, UntilSubmittedAndAgainWhenReturned) {
  EXPECT_TRUE(ShopperMayEdit(Planned()));
  EXPECT_TRUE(ShopperMayEdit(Started()));
  EXPECT_TRUE(ShopperMayEdit(Reported(ContactStatus::kReturned)));
  EXPECT_FALSE(ShopperMayEdit(Reported(ContactStatus::kSubmitted)));
  EXPECT_FALSE(ShopperMayEdit(Reported(ContactStatus::kApproved)));
  Contact failed = Planned();
  failed.status = ContactStatus::kFailed;
  EXPECT_FALSE(ShopperMayEdit(failed));
}

TEST(Start, StartsAPlannedContactNow) {
  const auto outcome = Start(TestStudy(), Planned(), kShopper);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.status, ContactStatus::kStarted);
  EXPECT_EQ(outcome->contact.started_at, kShopper.now);
  EXPECT_EQ(outcome->changes, Records(kShopper, "start",
                                      {{"status", "planned", "started"},
                                       {"started_at", "", "2026-11-24T10:00:42.500Z"},
                                       {"attempt:1", "", "pending 2026-11-24T10:00:42.500Z"}}));
  EXPECT_FALSE(outcome->already_submitted);
}

TEST(Start, AgainChangesNothing) {
  const Contact started = Started();
  const auto outcome = Start(TestStudy(), started, kShopper);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact, started);
  EXPECT_TRUE(outcome->changes.empty());
  // A returned report keeps its status and first start time.
  const Contact returned = Reported(ContactStatus::kReturned);
  const auto again = Start(TestStudy(), returned, kShopper);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->contact, returned);
  EXPECT_TRUE(again->changes.empty());
}

TEST(Start, RefusedOnceSubmitted) {
  for (ContactStatus status :
       {ContactStatus::kSubmitted, ContactStatus::kApproved, ContactStatus::kFailed}) {
    ExpectError(Start(TestStudy(), Reported(status), kShopper), FieldworkErrorCode::kNotEditable,
                "the contact is submitted already");
  }
}

TEST(MarkAnswered, RecordsTheWaitTheResponderAndTheMeasuredAnswer) {
  const Study study = TestStudy();
  const auto outcome = MarkAnswered(study, Started(), Responder::kPerson, kShopper);
  ASSERT_TRUE(outcome.ok());
  // 10:00:00.000 to 10:00:42.500 is 42.5 s.
  EXPECT_EQ(outcome->contact.wait_seconds, 42.5);
  EXPECT_EQ(outcome->contact.answered_at, kShopper.now);
  EXPECT_EQ(outcome->contact.responder, Responder::kPerson);
  EXPECT_EQ(outcome->contact.answers, (std::vector<Answer>{Number("wait_time", 42.5)}));
  EXPECT_EQ(
      outcome->changes,
      Records(kShopper, "answered",
              {{"answered_at", "", "2026-11-24T10:00:42.500Z"},
               {"wait_s", "", "42.5"},
               {"responder", "unknown", "person"},
               // Started before attempts were kept: one attempt, answered.
               {"attempt:1", "", "answered 2026-11-24T10:00:00.000Z/2026-11-24T10:00:42.500Z"},
               {"answer:wait_time", "", "42.5"}}));
}

TEST(MarkAnswered, AgainKeepsTheFirstAnswerTime) {
  const Study study = TestStudy();
  const Contact answered = Reported(ContactStatus::kStarted);
  const Stamp later{kShopper.actor, "2026-11-24T10:03:00.000Z"};
  const auto outcome = MarkAnswered(study, answered, std::nullopt, later);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact, answered);
  EXPECT_TRUE(outcome->changes.empty());
}

TEST(MarkAnswered, Guards) {
  const Study study = TestStudy();
  ExpectError(MarkAnswered(study, Planned(), std::nullopt, kShopper),
              FieldworkErrorCode::kNotStarted, "start the contact before it is answered",
              "started_at");
  ExpectError(MarkAnswered(study, Reported(ContactStatus::kSubmitted), std::nullopt, kShopper),
              FieldworkErrorCode::kNotEditable, "the contact is submitted already");
  // A phone has no chatbot; a chat does.
  const auto phone = MarkAnswered(study, Started(Channel::kPhone), Responder::kChatbot, kShopper);
  ExpectError(phone, FieldworkErrorCode::kInvalid, "the answer was not recorded");
  EXPECT_EQ(ErrorFields(phone), std::vector<std::string>{"responder"});
  EXPECT_EQ(phone.error().fields.front().message.English(),
            "a phone contact has no chatbot; only chat and Messenger do");
  const auto chat = MarkAnswered(study, Started(Channel::kChat), Responder::kChatbot, kShopper);
  ASSERT_TRUE(chat.ok());
  EXPECT_EQ(chat->contact.responder, Responder::kChatbot);
}

TEST(SaveDraft, SavesAnswersAndStartsAPlannedContact) {
  const Study study = TestStudy();
  DraftInput draft;
  draft.answers = {{Number("tone", 3)}};
  draft.comments = {{{"reception", "Hyggelig"}}};
  const auto outcome = SaveDraft(study, Planned(), draft, kShopper);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.status, ContactStatus::kStarted);
  EXPECT_EQ(outcome->changes, Records(kShopper, "draft",
                                      {{"status", "planned", "started"},
                                       {"answer:tone", "", "3"},
                                       {"comment:reception", "", "Hyggelig"}}));
}

TEST(SaveDraft, KeepsTheMeasuredWaitAndWhatIsNotGiven) {
  const Study study = TestStudy();
  Contact answered = Reported(ContactStatus::kStarted);
  answered.comments = {{"reception", "Treg"}};
  DraftInput draft;
  draft.answers = {{Number("tone", 5)}};  // the wait left out, comments not given
  const auto outcome = SaveDraft(study, answered, draft, kShopper);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.answers,
            (std::vector<Answer>{Number("tone", 5), Number("wait_time", 42.5)}));
  EXPECT_EQ(outcome->contact.comments, answered.comments);
  EXPECT_EQ(outcome->changes, Records(kShopper, "draft", {{"answer:tone", "4", "5"}}));
}

TEST(SaveDraft, GuardsInOrder) {
  const Study study = TestStudy();
  DraftInput unreadable;
  unreadable.unreadable = {{"/answers/0/number", Msg("a number is expected, not a text")}};
  // A submitted contact is refused before its input is looked at.
  ExpectError(SaveDraft(study, Reported(ContactStatus::kSubmitted), unreadable, kShopper),
              FieldworkErrorCode::kNotEditable, "the contact is submitted already");
  const auto bad_input = SaveDraft(study, Started(), unreadable, kShopper);
  ExpectError(bad_input, FieldworkErrorCode::kUnreadable, "the draft was not saved");
  EXPECT_EQ(ErrorFields(bad_input), std::vector<std::string>{"/answers/0/number"});
  DraftInput out_of_scale;
  out_of_scale.answers = {{Number("name", 1), Number("tone", 6)}};
  const auto invalid = SaveDraft(study, Started(), out_of_scale, kShopper);
  ExpectError(invalid, FieldworkErrorCode::kInvalid, "the draft was not saved");
  EXPECT_EQ(ErrorFields(invalid), std::vector<std::string>{"/answers/1/number"});
}

TEST(Submit, SubmitsAnAnsweredReportNow) {
  const Study study = TestStudy();
  const auto outcome = Submit(study, Reported(ContactStatus::kStarted), kShopper);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.status, ContactStatus::kSubmitted);
  EXPECT_EQ(outcome->changes, Records(kShopper, "submit",
                                      {{"status", "started", "submitted"},
                                       {"submitted_at", "", "2026-11-24T10:00:42.500Z"}}));
}

TEST(Submit, AnUnansweredContactNeedsNoQuestionnaireButAStart) {
  const Study study = TestStudy();
  // Started, never answered: the required tone is not asked for.
  const auto unanswered = Submit(study, Started(), kShopper);
  ASSERT_TRUE(unanswered.ok());
  EXPECT_EQ(unanswered->contact.status, ContactStatus::kSubmitted);
  const auto never_started = Submit(study, Planned(), kShopper);
  ExpectError(never_started, FieldworkErrorCode::kInvalid, "the report was not submitted");
  EXPECT_EQ(ErrorFields(never_started), std::vector<std::string>{"/started_at"});
}

TEST(Submit, AnAnsweredReportNeedsItsRequiredAnswers) {
  const Study study = TestStudy();
  Contact contact = Reported(ContactStatus::kStarted);
  contact.answers = {Number("wait_time", 42.5)};  // tone, required, missing
  const auto outcome = Submit(study, contact, kShopper);
  ExpectError(outcome, FieldworkErrorCode::kInvalid, "the report was not submitted");
  ASSERT_EQ(outcome.error().fields.size(), 1u);
  EXPECT_NE(outcome.error().fields.front().message.English().find("tone"), std::string::npos)
      << outcome.error().fields.front().message.English();
}

TEST(Submit, AgainChangesNothingAndAFailedContactIsRefused) {
  const Study study = TestStudy();
  for (ContactStatus status : {ContactStatus::kSubmitted, ContactStatus::kApproved}) {
    const Contact reported = Reported(status);
    const auto outcome = Submit(study, reported, kShopper);
    ASSERT_TRUE(outcome.ok());
    EXPECT_TRUE(outcome->already_submitted);
    EXPECT_EQ(outcome->contact, reported);
    EXPECT_TRUE(outcome->changes.empty());
  }
  Contact failed = Started();
  failed.status = ContactStatus::kFailed;
  ExpectError(Submit(study, failed, kShopper), FieldworkErrorCode::kNotEditable,
              "the contact cannot be submitted now");
  // A returned report is submitted again.
  const auto resubmitted = Submit(study, Reported(ContactStatus::kReturned), kShopper);
  ASSERT_TRUE(resubmitted.ok());
  EXPECT_EQ(resubmitted->contact.status, ContactStatus::kSubmitted);
}

TEST(Return, SendsASubmittedReportBackWithTheMessage) {
  const auto outcome =
      Return(Reported(ContactStatus::kSubmitted), "Fyll inn kommentaren", kManager);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.status, ContactStatus::kReturned);
  EXPECT_EQ(outcome->changes,
            Records(kManager, "Fyll inn kommentaren", {{"status", "submitted", "returned"}}));
  for (ContactStatus status :
       {ContactStatus::kStarted, ContactStatus::kApproved, ContactStatus::kReturned}) {
    ExpectError(Return(Reported(status), "x", kManager), FieldworkErrorCode::kWrongStatus,
                "only a submitted report can be returned");
  }
}

TEST(Approve, ApprovesASubmittedReportOnce) {
  const auto outcome = Approve(Reported(ContactStatus::kSubmitted), kManager);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.status, ContactStatus::kApproved);
  EXPECT_EQ(outcome->changes, Records(kManager, "", {{"status", "submitted", "approved"}}));
  const auto again = Approve(Reported(ContactStatus::kApproved), kManager);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->changes.empty());
  ExpectError(Approve(Reported(ContactStatus::kReturned), kManager),
              FieldworkErrorCode::kWrongStatus, "only a submitted report can be approved");
}

TEST(Correct, ReplacesOneAnswerWithTheReason) {
  const Study study = TestStudy();
  const auto outcome = Correct(study, Reported(ContactStatus::kApproved), Number("tone", 2),
                               "skrevet feil", kManager);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.status, ContactStatus::kApproved);
  EXPECT_EQ(outcome->contact.answers,
            (std::vector<Answer>{Number("wait_time", 42.5), Number("tone", 2)}));
  EXPECT_EQ(outcome->changes, Records(kManager, "skrevet feil", {{"answer:tone", "4", "2"}}));
  // A new answer, and a correction to the same value, are recorded too.
  const auto added =
      Correct(study, Reported(ContactStatus::kSubmitted), Number("name", 1), "manglet", kManager);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->changes, Records(kManager, "manglet", {{"answer:name", "", "1"}}));
  const auto same =
      Correct(study, Reported(ContactStatus::kSubmitted), Number("tone", 4), "sjekket", kManager);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->changes, Records(kManager, "sjekket", {{"answer:tone", "4", "4"}}));
}

TEST(Correct, Guards) {
  const Study study = TestStudy();
  ExpectError(Correct(study, Reported(ContactStatus::kReturned), Number("tone", 2), "x", kManager),
              FieldworkErrorCode::kWrongStatus,
              "only a submitted or approved report can be corrected");
  const auto outside =
      Correct(study, Reported(ContactStatus::kSubmitted), Number("tone", 9), "x", kManager);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().code, FieldworkErrorCode::kInvalid);
  EXPECT_EQ(outside.error().field, "number");  // of "/answers/1/number"
  EXPECT_TRUE(outside.error().fields.empty());
  EXPECT_NE(outside.error().message.English().find("1 to 5"), std::string::npos)
      << outside.error().message.English();
}

TEST(Fail, OnlyAContactNotYetReported) {
  const auto outcome = Fail(Started(), "ingen svar etter tre forsøk", kManager);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.status, ContactStatus::kFailed);
  EXPECT_EQ(outcome->changes,
            Records(kManager, "ingen svar etter tre forsøk", {{"status", "started", "failed"}}));
  ASSERT_TRUE(Fail(Planned(), "stengt", kManager).ok());
  for (ContactStatus status :
       {ContactStatus::kSubmitted, ContactStatus::kApproved, ContactStatus::kReturned}) {
    ExpectError(Fail(Reported(status), "x", kManager), FieldworkErrorCode::kWrongStatus,
                "only a contact not yet reported (planned or started) can fail");
  }
}

// --- Outcomes and attempts -------------------------------------------------

// TestStudy with three channels: phone up to 3 attempts, maximum wait 10 min;
// chat 2 attempts, 10 min; e-mail/form 1 attempt, deadline 72 h. A chat-only
// "who answered first" choice (person / chatbot).
Study OutcomeStudy() {
  Study study = TestStudy();
  ChannelSpec phone;
  phone.channel = Channel::kPhone;
  phone.max_wait_seconds = 600;
  phone.max_attempts = 3;
  ChannelSpec email;
  email.channel = Channel::kEmailForm;
  email.max_wait_seconds = 72 * 3600;
  ChannelSpec chat;
  chat.channel = Channel::kChat;
  chat.max_wait_seconds = 600;
  chat.max_attempts = 2;
  study.channels = {phone, email, chat};
  Question responder;
  responder.id = "first";
  responder.area = "reception";
  responder.type = QuestionType::kChoice;
  responder.channels = {Channel::kChat};
  responder.options = {{"person", {}, 0}, {"chatbot", {}, 0}};
  study.questions.push_back(responder);
  return study;
}

Stamp At(const std::string& time) { return {"kari@example.no", "2026-11-24T" + time + "Z"}; }

// Runs one operation that must succeed and gives the contact it makes.
Contact Must(const ContactOutcome& outcome) {
  EXPECT_TRUE(outcome.ok()) << (outcome.ok() ? "" : outcome.error().message.English());
  return outcome.ok() ? outcome->contact : Contact{};
}

TEST(Attempts, ThreeOnThePhoneTheWaitFromTheOneAnswered) {
  const Study study = OutcomeStudy();
  Contact contact = Must(Start(study, Planned(), At("10:00:00.000")));
  EXPECT_EQ(AttemptsLeft(study, contact), 2);
  const auto no_answer =
      RecordOutcome(study, contact, AttemptOutcome::kNoAnswer, At("10:01:00.000"));
  ASSERT_TRUE(no_answer.ok());
  EXPECT_EQ(no_answer->changes,
            Records(At("10:01:00.000"), "outcome",
                    {{"attempt:1", "pending 2026-11-24T10:00:00.000Z",
                      "no_answer 2026-11-24T10:00:00.000Z/2026-11-24T10:01:00.000Z"}}));
  contact = no_answer->contact;
  // Recording it again changes nothing (a retry).
  EXPECT_TRUE(Must(RecordOutcome(study, contact, AttemptOutcome::kNoAnswer, At("10:01:05.000"))) ==
              contact);
  // The answer button does nothing for an attempt that is over.
  ExpectError(MarkAnswered(study, contact, std::nullopt, At("10:01:10.000")),
              FieldworkErrorCode::kInvalid,
              "this attempt went unanswered: start the next attempt first", "outcome");
  // Attempt 2 at 10:05, busy; attempt 3 at 10:10, answered at 10:10:30.
  const auto second = Start(study, contact, At("10:05:00.000"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->changes,
            Records(At("10:05:00.000"), "start",
                    {{"started_at", "2026-11-24T10:00:00.000Z", "2026-11-24T10:05:00.000Z"},
                     {"attempt:2", "", "pending 2026-11-24T10:05:00.000Z"}}));
  contact = Must(RecordOutcome(study, second->contact, AttemptOutcome::kBusy, At("10:05:10.000")));
  EXPECT_EQ(AttemptsLeft(study, contact), 1);
  contact = Must(Start(study, contact, At("10:10:00.000")));
  EXPECT_EQ(AttemptsLeft(study, contact), 0);
  contact = Must(MarkAnswered(study, contact, std::nullopt, At("10:10:30.000")));
  // 10:10:00 to 10:10:30 = 30 s, not the 630 s since the first attempt.
  EXPECT_EQ(contact.wait_seconds, 30.0);
  EXPECT_EQ(contact.started_at, "2026-11-24T10:10:00.000Z");
  ASSERT_EQ(contact.attempts.size(), 3u);
  EXPECT_EQ(contact.attempts[0].outcome, AttemptOutcome::kNoAnswer);
  EXPECT_EQ(contact.attempts[1].outcome, AttemptOutcome::kBusy);
  EXPECT_EQ(contact.attempts[2], (Attempt{0, "2026-11-24T10:10:00.000Z", "2026-11-24T10:10:30.000Z",
                                          AttemptOutcome::kAnswered}));
  EXPECT_EQ(contact.answers, (std::vector<Answer>{Number("wait_time", 30)}));
  // Answered: no unanswered outcome any more.
  ExpectError(RecordOutcome(study, contact, AttemptOutcome::kClosed, At("10:11:00.000")),
              FieldworkErrorCode::kAnswered, "the contact was answered already", "outcome");
}

TEST(Attempts, NoMoreThanTheChannelAllowsThenSubmittedUnanswered) {
  const Study study = OutcomeStudy();
  Contact contact = Must(Start(study, Planned(Channel::kChat), At("10:00:00.000")));
  contact = Must(RecordOutcome(study, contact, AttemptOutcome::kClosed, At("10:00:05.000")));
  contact = Must(Start(study, contact, At("11:00:00.000")));
  // Unanswered and still pending: what happened is needed before submitting.
  const auto pending = Submit(study, contact, At("11:00:30.000"));
  ExpectError(pending, FieldworkErrorCode::kInvalid, "the report was not submitted");
  EXPECT_EQ(ErrorFields(pending), std::vector<std::string>{"/outcome"});
  contact = Must(RecordOutcome(study, contact, AttemptOutcome::kNoAnswer, At("11:01:00.000")));
  ExpectError(Start(study, contact, At("11:05:00.000")), FieldworkErrorCode::kNoAttemptsLeft,
              "no attempts are left on this channel: submit the contact as unanswered");
  // Submitted with no questionnaire and no wait.
  const Contact submitted = Must(Submit(study, contact, At("11:02:00.000")));
  EXPECT_EQ(submitted.status, ContactStatus::kSubmitted);
  EXPECT_FALSE(submitted.Answered());
  EXPECT_TRUE(submitted.answers.empty());
  ExpectError(RecordOutcome(study, submitted, AttemptOutcome::kNoAnswer, At("11:03:00.000")),
              FieldworkErrorCode::kNotEditable, "the contact is submitted already");
}

TEST(Attempts, EachChannelHasItsOwnOutcomes) {
  using O = AttemptOutcome;
  EXPECT_EQ(UnansweredOutcomesOf(Channel::kPhone),
            (std::vector<O>{O::kNoAnswer, O::kBusy, O::kClosed, O::kGaveUp}));
  EXPECT_EQ(UnansweredOutcomesOf(Channel::kChat),
            (std::vector<O>{O::kNoAnswer, O::kClosed, O::kGaveUp}));
  EXPECT_EQ(UnansweredOutcomesOf(Channel::kEmailForm), (std::vector<O>{O::kNeverAnswered}));
  const Study study = OutcomeStudy();
  const Contact chat = Must(Start(study, Planned(Channel::kChat), At("10:00:00.000")));
  ExpectError(RecordOutcome(study, chat, AttemptOutcome::kBusy, At("10:00:10.000")),
              FieldworkErrorCode::kInvalid, "only a phone line can be busy", "outcome");
  ExpectError(RecordOutcome(study, chat, AttemptOutcome::kNeverAnswered, At("10:00:10.000")),
              FieldworkErrorCode::kInvalid,
              "never_answered is for e-mail and forms; gave_up is expected", "outcome");
  ExpectError(RecordOutcome(study, chat, AttemptOutcome::kAnswered, At("10:00:10.000")),
              FieldworkErrorCode::kInvalid,
              "an unanswered outcome is expected (no_answer, busy, closed, gave_up or "
              "never_answered)",
              "outcome");
  // Giving up: only once the 600 s maximum wait has passed (599.999 s: not yet).
  ExpectError(RecordOutcome(study, chat, AttemptOutcome::kGaveUp, At("10:09:59.999")),
              FieldworkErrorCode::kInvalid,
              "the channel's maximum wait (600 s) has not passed since the attempt began",
              "outcome");
  EXPECT_EQ(Must(RecordOutcome(study, chat, AttemptOutcome::kGaveUp, At("10:10:00.000")))
                .attempts.back()
                .outcome,
            AttemptOutcome::kGaveUp);
  // E-mail: never answered, and only at the 72 h deadline (10:00 on the 24th
  // to 10:00 on the 27th).
  const Contact email = Must(Start(study, Planned(Channel::kEmailForm), At("10:00:00.000")));
  ExpectError(RecordOutcome(study, email, AttemptOutcome::kNoAnswer, At("10:00:10.000")),
              FieldworkErrorCode::kInvalid,
              "an e-mail or form is never answered: never_answered is expected", "outcome");
  ExpectError(RecordOutcome(study, email, AttemptOutcome::kNeverAnswered,
                            {kShopper.actor, "2026-11-27T09:59:59.000Z"}),
              FieldworkErrorCode::kInvalid,
              "the channel's maximum wait (259200 s) has not passed since the attempt began",
              "outcome");
  EXPECT_TRUE(RecordOutcome(study, email, AttemptOutcome::kNeverAnswered,
                            {kShopper.actor, "2026-11-27T10:00:00.000Z"})
                  .ok());
  ExpectError(RecordOutcome(study, Planned(), AttemptOutcome::kNoAnswer, At("10:00:10.000")),
              FieldworkErrorCode::kNotStarted, "start the contact before recording what happened",
              "started_at");
}

TEST(Restart, AReturnedContactIsMeasuredAgain) {
  const Study study = OutcomeStudy();
  // Answered after 42.5 s on the first start, tone 4, returned by QA.
  const Contact returned = Reported(ContactStatus::kReturned);
  const auto restarted = Restart(study, returned, At("14:00:00.000"));
  ASSERT_TRUE(restarted.ok());
  const Contact& contact = restarted->contact;
  EXPECT_EQ(contact.status, ContactStatus::kReturned);
  EXPECT_EQ(contact.started_at, "2026-11-24T14:00:00.000Z");
  EXPECT_TRUE(contact.answered_at.empty());
  EXPECT_FALSE(contact.Answered());
  // The measured wait goes; the shopper's own answers stay.
  EXPECT_EQ(contact.answers, (std::vector<Answer>{Number("tone", 4)}));
  ASSERT_EQ(contact.attempts.size(), 2u);
  EXPECT_EQ(contact.attempts[1],
            (Attempt{1, "2026-11-24T14:00:00.000Z", "", AttemptOutcome::kPending}));
  EXPECT_EQ(
      restarted->changes,
      Records(At("14:00:00.000"), "restart",
              {{"started_at", "2026-11-24T10:00:00.000Z", "2026-11-24T14:00:00.000Z"},
               {"answered_at", "2026-11-24T10:00:42.500Z", ""},
               {"wait_s", "42.5", ""},
               {"responder", "person", "unknown"},
               {"attempt:1", "", "answered 2026-11-24T10:00:00.000Z/2026-11-24T10:00:42.500Z"},
               {"attempt:2", "", "pending 2026-11-24T14:00:00.000Z"},
               {"answer:wait_time", "42.5", ""}}));
  // Answered 12.25 s after the restart: the new wait.
  const Contact answered =
      Must(MarkAnswered(study, contact, Responder::kPerson, At("14:00:12.250")));
  EXPECT_EQ(answered.wait_seconds, 12.25);
  EXPECT_EQ(answered.FindAnswer("wait_time")->number, 12.25);
  const Contact resubmitted = Must(Submit(study, answered, At("14:05:00.000")));
  EXPECT_EQ(resubmitted.status, ContactStatus::kSubmitted);
  // The new round has the phone's 3 attempts; only a returned contact restarts.
  EXPECT_EQ(AttemptsLeft(study, contact), 2);
  ExpectError(Restart(study, resubmitted, At("14:06:00.000")), FieldworkErrorCode::kWrongStatus,
              "only a returned contact can be restarted");
  ExpectError(Restart(study, Started(), At("14:06:00.000")), FieldworkErrorCode::kWrongStatus,
              "only a returned contact can be restarted");
}

TEST(MarkAnswered, FillsInWhoAnsweredFirst) {
  const Study study = OutcomeStudy();
  const Contact started = Must(Start(study, Planned(Channel::kChat), At("10:00:00.000")));
  const Contact answered =
      Must(MarkAnswered(study, started, Responder::kChatbot, At("10:00:20.000")));
  ASSERT_NE(answered.FindAnswer("first"), nullptr);
  EXPECT_EQ(answered.FindAnswer("first")->text, "chatbot");
  // On the phone the question is not asked, so not filled in.
  const Contact phone = Must(Start(study, Planned(), At("10:00:00.000")));
  EXPECT_EQ(
      Must(MarkAnswered(study, phone, Responder::kPerson, At("10:00:20.000"))).FindAnswer("first"),
      nullptr);
}

// ---- Changes made on a device ----

TEST(CheckChangeId, FirstTimeIsNewTheSameBytesARetryOtherBytesAConflict) {
  const ReceivedChange sent{"kari@example.no", "POST /api/v1/assignments/C-0001/start {}"};
  EXPECT_FALSE(CheckChangeId(std::nullopt, sent).retry);
  EXPECT_FALSE(CheckChangeId(std::nullopt, sent).error);
  EXPECT_TRUE(CheckChangeId(sent, sent).retry);
  EXPECT_FALSE(CheckChangeId(sent, sent).error);
  // One byte more (a space) is another change under the same id.
  ReceivedChange other = sent;
  other.request += " ";
  const auto reused = CheckChangeId(sent, other);
  EXPECT_FALSE(reused.retry);
  ASSERT_TRUE(reused.error);
  EXPECT_EQ(reused.error->code, FieldworkErrorCode::kConflict);
  EXPECT_EQ(reused.error->field, "client_change_id");
  // Another account's change under the same id is not this one's retry.
  ReceivedChange stranger = sent;
  stranger.actor = "ola@example.no";
  EXPECT_TRUE(CheckChangeId(sent, stranger).error);
}

std::vector<ChangeRecord> ReturnedLog() {
  // Three records by the shopper (start, answered, submit), one by QA.
  return {{"", "kari@example.no", "contact", "C-0001", "status", "planned", "started", "start"},
          {"", "kari@example.no", "contact", "C-0001", "answered_at", "", "t", "answered"},
          {"", "kari@example.no", "contact", "C-0001", "status", "started", "submitted", "submit"},
          {"", "mona@example.no", "contact", "C-0001", "status", "submitted", "returned",
           "the wait is missing"}};
}

TEST(CheckBaseVersion, TheShoppersOwnChangesSinceAreNoConflict) {
  const auto log = ReturnedLog();
  EXPECT_EQ(ContactVersion(log), 4);
  EXPECT_FALSE(CheckBaseVersion(log, 4, "kari@example.no"));
  // Based on version 1: records 2 and 3 are the shopper's own, record 4 is QA's.
  std::vector<ChangeRecord> own(log.begin(), log.begin() + 3);
  EXPECT_FALSE(CheckBaseVersion(own, 1, "kari@example.no"));
  EXPECT_FALSE(CheckBaseVersion(own, 0, "kari@example.no"));
}

TEST(CheckBaseVersion, AReturnSinceIsAConflictThatSaysSo) {
  const auto error = CheckBaseVersion(ReturnedLog(), 2, "kari@example.no");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, FieldworkErrorCode::kConflict);
  EXPECT_EQ(error->field, "base_version");
  EXPECT_NE(error->message.English().find("returned by quality assurance (the wait is missing)"),
            std::string::npos)
      << error->message.English();
}

TEST(CheckBaseVersion, ACorrectionSinceIsAConflict) {
  std::vector<ChangeRecord> log = ReturnedLog();
  log.back() = {"", "mona@example.no", "contact", "C-0001", "answer:tone", "4", "2", "typo"};
  const auto error = CheckBaseVersion(log, 3, "kari@example.no");
  ASSERT_TRUE(error);
  EXPECT_NE(error->message.English().find("corrected"), std::string::npos)
      << error->message.English();
}

TEST(CheckBaseVersion, ABaseTheContactNeverHadIsRefused) {
  EXPECT_EQ(CheckBaseVersion(ReturnedLog(), 5, "kari@example.no")->code,
            FieldworkErrorCode::kInvalid);
  EXPECT_EQ(CheckBaseVersion(ReturnedLog(), -1, "kari@example.no")->code,
            FieldworkErrorCode::kInvalid);
}

TEST(CheckDeviceTime, AcceptsThePastAndSmallSkewRefusesTheFarFutureAndNonsense) {
  const std::string now = "2026-11-24T10:00:00.000Z";
  EXPECT_FALSE(CheckDeviceTime("2026-11-24T08:12:30.250Z", now));
  EXPECT_FALSE(CheckDeviceTime("2026-11-24T10:05:00.000Z", now));  // 300 s ahead: skew
  EXPECT_EQ(CheckDeviceTime("2026-11-24T10:05:00.001Z", now)->field, "device_at");
  EXPECT_EQ(CheckDeviceTime("yesterday", now)->code, FieldworkErrorCode::kInvalid);
}

// The phone's clock 43 ms behind the server's: the start the server timed,
// the answer the phone timed a moment later by its clock, before the start.
TEST(MarkAnswered, AnAnswerTimedBeforeTheStartIsRefusedNotMeasuredNegative) {
  const Study study = OutcomeStudy();
  const Contact started = Must(Start(study, Planned(), At("10:00:00.000")));
  Stamp phone = At("09:59:59.957");
  phone.device_time = true;
  const auto outcome = MarkAnswered(study, started, std::nullopt, phone);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, FieldworkErrorCode::kInvalid);
  EXPECT_EQ(outcome.error().field, "device_at");
  // By one clock the same taps measure their 5 s.
  const Contact answered = Must(MarkAnswered(study, started, std::nullopt, At("10:00:05.000")));
  EXPECT_EQ(answered.wait_seconds, 5.0);
}

TEST(DeviceStamp, TheTapsTimeMarkedAsTheDevicesOnlyWhenItArrivedLate) {
  const Stamp prompt =
      DeviceStamp("kari@example.no", "2026-11-24T10:00:00.000Z", "2026-11-24T10:00:05.000Z");
  EXPECT_EQ(prompt.now, "2026-11-24T10:00:00.000Z");
  EXPECT_FALSE(prompt.device_time);  // 5 s: not more than kSentLateS
  const Stamp late =
      DeviceStamp("kari@example.no", "2026-11-24T10:00:00.000Z", "2026-11-24T10:00:05.001Z");
  EXPECT_EQ(late.now, "2026-11-24T10:00:00.000Z");
  EXPECT_TRUE(late.device_time);
}

TEST(Start, AtADeviceTimeRecordsThatTimeAndSaysSo) {
  Stamp device = kShopper;
  device.now = "2026-11-24T09:58:00.000Z";
  device.device_time = true;
  const auto outcome = Start(TestStudy(), Planned(), device);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->contact.started_at, "2026-11-24T09:58:00.000Z");
  for (const auto& change : outcome->changes) EXPECT_EQ(change.reason, "start (device time)");
}

}  // namespace
}  // namespace cx::domain
