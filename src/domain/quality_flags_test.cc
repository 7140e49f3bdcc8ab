// The automatic QA flags on hand-made reports: one test per rule, each with
// a report the rule must flag and one it must leave alone
// (docs/quality-flags.md gives the rules and thresholds).
#include "domain/quality_flags.h"

#include <gtest/gtest.h>

#include <set>

namespace cx::domain {
namespace {

Question Make(std::string id, std::string area, QuestionType type) {
  Question question;
  question.id = std::move(id);
  question.area = std::move(area);
  question.type = type;
  return question;
}

// The demo study's questions the rules look at, with their real ids and types.
Study FlagStudy() {
  Study study;
  study.id = "t";
  study.languages = {"nb", "en"};
  study.period.time_zone = "Europe/Oslo";
  ChannelSpec phone;
  phone.channel = Channel::kPhone;
  phone.max_wait_seconds = 600;
  phone.hours.close_minute = 16 * 60;
  ChannelSpec chat;
  chat.channel = Channel::kChat;
  chat.max_wait_seconds = 600;
  chat.hours.close_minute = 20 * 60;
  study.channels = {phone, chat};
  study.areas = {
      {"wait", {{{"nb", "Ventetid"}, {"en", "Wait"}}}, 0.05, true, true},
      {"reception", {{{"nb", "Mottak"}, {"en", "Reception"}}}, std::nullopt, true, false},
      {"total", {{{"nb", "Totalinntrykk"}, {"en", "Total"}}}, std::nullopt, true, false},
      {"cx", {{{"nb", "CX"}, {"en", "CX"}}}, std::nullopt, false, false}};
  Question wait = Make("wait_time", "wait", QuestionType::kDuration);
  Question responder = Make("rec_responder", "reception", QuestionType::kChoice);
  responder.label.by_language = {{"en", "Who answered you first?"}};
  responder.options = {{"person", {{{"en", "A person"}}}, 0},
                       {"chatbot", {{{"en", "A chatbot"}}}, 0}};
  Question recommend = Make("tot_recommend", "total", QuestionType::kYesNo);
  recommend.label.by_language = {{"nb", "Ville du anbefalt selskapet?"},
                                 {"en", "Would you recommend the company?"}};
  Question nps = Make("cx_nps", "cx", QuestionType::kNps);
  nps.label.by_language = {{"en", "How likely is it that you would recommend the company?"}};
  study.questions = {wait, responder, recommend, nps};
  study.contradictions = {
      {"nps_low_recommends", {"cx_nps", {"0", "1", "2"}}, {"tot_recommend", {"yes"}}},
      {"chatbot_button_person_answer", {"", {"chatbot"}}, {"rec_responder", {"person"}}}};
  return study;
}

// A submitted phone report, planned 2026-01-13 09:00 Oslo (08:00 UTC),
// started 08:05 UTC, answered after 30 s.
Contact Report(std::string id, std::string shopper = "s1") {
  Contact contact;
  contact.id = std::move(id);
  contact.participant = "p1";
  contact.shopper = std::move(shopper);
  contact.channel = Channel::kPhone;
  contact.planned_at = "2026-01-13T09:00";
  contact.status = ContactStatus::kSubmitted;
  contact.started_at = "2026-01-13T08:05:00Z";
  contact.answered_at = "2026-01-13T08:05:30Z";
  contact.wait_seconds = 30;
  contact.submitted_at = "2026-01-13T08:30:00Z";
  contact.responder = Responder::kPerson;
  return contact;
}

Answer Number(std::string question, double value) {
  return {std::move(question), false, value, std::nullopt};
}
Answer Text(std::string question, std::string value) {
  return {std::move(question), false, std::nullopt, std::move(value)};
}

std::vector<QualityFlag> FlagsOf(const Study& study, const std::vector<Contact>& contacts,
                                 const std::string& id, const Timelines& timelines = {}) {
  const auto flags = ComputeQualityFlags(study, contacts, timelines);
  const auto found = flags.find(id);
  return found == flags.end() ? std::vector<QualityFlag>{} : found->second;
}

TEST(QualityFlags, ContradictionNpsZeroButWouldRecommend) {
  const Study study = FlagStudy();
  Contact flagged = Report("c1");
  flagged.answers = {Number("cx_nps", 0), Number("tot_recommend", 1)};
  Contact fine = Report("c2");
  fine.answers = {Number("cx_nps", 3), Number("tot_recommend", 1)};  // 3 is not in 0..2
  Contact also_fine = Report("c3");
  also_fine.answers = {Number("cx_nps", 0), Number("tot_recommend", 0)};
  const std::vector<Contact> contacts = {flagged, fine, also_fine};
  const auto flags = FlagsOf(study, contacts, "c1");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, FlagCode::kContradiction);
  EXPECT_EQ(flags[0].params.at("rule"), "nps_low_recommends");
  EXPECT_EQ(flags[0].fields, (std::vector<std::string>{"answer:cx_nps", "answer:tot_recommend"}));
  EXPECT_EQ(ExplainFlag(study, flags[0], "en"),
            "Contradicting answers: «How likely is it that you would recommend the company?» = 0, "
            "but «Would you recommend the company?» = yes.");
  EXPECT_EQ(ExplainFlag(study, flags[0], "nb"),
            "Motstridende svar: «How likely is it that you would recommend the company?» = 0, men "
            "«Ville du anbefalt selskapet?» = ja.");
  EXPECT_TRUE(FlagsOf(study, contacts, "c2").empty());
  EXPECT_TRUE(FlagsOf(study, contacts, "c3").empty());
}

TEST(QualityFlags, ContradictionChatbotButtonButAPersonAnsweredFirst) {
  const Study study = FlagStudy();
  Contact flagged = Report("c1");
  flagged.channel = Channel::kChat;
  flagged.responder = Responder::kChatbot;
  flagged.answers = {Text("rec_responder", "person")};
  Contact fine = flagged;
  fine.id = "c2";
  fine.answers = {Text("rec_responder", "chatbot")};
  const std::vector<Contact> contacts = {flagged, fine};
  const auto flags = FlagsOf(study, contacts, "c1");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].params.at("rule"), "chatbot_button_person_answer");
  EXPECT_EQ(flags[0].fields, (std::vector<std::string>{"responder", "answer:rec_responder"}));
  EXPECT_EQ(ExplainFlag(study, flags[0], "en"),
            "Contradicting answers: the app's button says a chatbot answered first, but «Who "
            "answered you first?» = A person.");
  EXPECT_TRUE(FlagsOf(study, contacts, "c2").empty());
}

// Six reports of one shopper with the first answer saved at 08:06 and
// submissions 20, 22, 24, 26, 28 and 4 minutes later.
TEST(QualityFlags, FastQuestionnaireAgainstTheShoppersOwnMedian) {
  const Study study = FlagStudy();
  std::vector<Contact> contacts;
  Timelines timelines;
  const int minutes[] = {20, 22, 24, 26, 28, 4};
  for (int index = 0; index < 6; ++index) {
    Contact contact = Report("c" + std::to_string(index));
    contact.submitted_at = "2026-01-13T08:" + std::to_string(6 + minutes[index]) + ":00Z";
    if (minutes[index] < 10) contact.submitted_at = "2026-01-13T08:10:00Z";
    timelines[contact.id].first_answer_at = "2026-01-13T08:06:00Z";
    contacts.push_back(contact);
  }
  // c5: 4 min; the median of the other five (20, 22, 24, 26, 28) is 24 min,
  // a third of it 8 min: flagged.
  const auto flags = FlagsOf(study, contacts, "c5", timelines);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, FlagCode::kFastQuestionnaire);
  EXPECT_EQ(flags[0].params.at("fill_s"), "240");
  EXPECT_EQ(flags[0].params.at("usual_s"), "1440");
  EXPECT_EQ(ExplainFlag(study, flags[0], "en"),
            "The questionnaire was filled in in 4 min; the shopper's usual pace is 24 min (median "
            "of 5 other reports).");
  // c0 at 20 min against the median of 4, 22, 24, 26 and 28 (= 24): not fast.
  EXPECT_TRUE(FlagsOf(study, contacts, "c0", timelines).empty());
  // With only four other reports there is no "usual" yet: nothing flagged.
  contacts.erase(contacts.begin());
  EXPECT_TRUE(FlagsOf(study, contacts, "c5", timelines).empty());
}

TEST(QualityFlags, WaitFarBeyondTheChannelsMaximum) {
  const Study study = FlagStudy();
  Contact flagged = Report("c1");
  flagged.wait_seconds = 1201;  // more than 2 x 600 s
  Contact beyond_but_not_far = Report("c2");
  beyond_but_not_far.wait_seconds = 1200;  // no answer by the scoring rule, but plausible
  Contact negative = Report("c3");
  negative.wait_seconds = -5;
  const std::vector<Contact> contacts = {flagged, beyond_but_not_far, negative};
  const auto flags = FlagsOf(study, contacts, "c1");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, FlagCode::kWaitOutOfRange);
  EXPECT_EQ(ExplainFlag(study, flags[0], "en"),
            "The wait of 20 min is far beyond the channel's maximum of 10 min.");
  EXPECT_TRUE(FlagsOf(study, contacts, "c2").empty());
  const auto negative_flags = FlagsOf(study, contacts, "c3");
  ASSERT_EQ(negative_flags.size(), 1u);
  EXPECT_EQ(ExplainFlag(study, negative_flags[0], "en"),
            "The wait of -5 s is negative: the answer was recorded before the contact started.");
}

TEST(QualityFlags, CommentRepeatedWordForWordIgnoringCaseAndSpaces) {
  const Study study = FlagStudy();
  Contact first = Report("c1");
  first.comments = {{"reception", "Kundebehandleren var  svært hyggelig og\nkunnskapsrik."}};
  Contact copy = Report("c2", "s2");
  copy.comments = {{"total", "kundebehandleren var svært hyggelig og kunnskapsrik. "}};
  Contact different = Report("c3");
  different.comments = {
      {"reception", "Kundebehandleren var svært hyggelig, men lite kunnskapsrik."}};
  Contact short_one = Report("c4");
  short_one.comments = {{"reception", "Bra!"}};
  Contact short_two = Report("c5");
  short_two.comments = {{"reception", "Bra!"}};  // short: ignored
  const std::vector<Contact> contacts = {first, copy, different, short_one, short_two};
  const auto flags = FlagsOf(study, contacts, "c1");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, FlagCode::kRepeatedComment);
  EXPECT_EQ(flags[0].fields, (std::vector<std::string>{"comment:reception"}));
  EXPECT_EQ(ExplainFlag(study, flags[0], "en"),
            "The comment under \"Reception\" is word for word the same in report c2.");
  EXPECT_EQ(FlagsOf(study, contacts, "c2").size(), 1u);
  EXPECT_TRUE(FlagsOf(study, contacts, "c3").empty());
  EXPECT_TRUE(FlagsOf(study, contacts, "c4").empty());
}

TEST(QualityFlags, NormalizeCommentLowersNordicLettersAndCollapsesSpace) {
  EXPECT_EQ(NormalizeComment("  ÆRLIG   Svar\tØnsket ÅPENT  "), "ærlig svar ønsket åpent");
}

TEST(QualityFlags, ContactStartedOutsideItsPlannedHour) {
  const Study study = FlagStudy();
  // Planned 09:00-10:00 Oslo = 08:00-09:00 UTC; 10 minutes' grace either side.
  Contact late = Report("c1");
  late.started_at = "2026-01-13T09:11:00Z";
  late.answered_at = "2026-01-13T09:11:30Z";
  Contact within_grace = Report("c2");
  within_grace.started_at = "2026-01-13T09:09:00Z";
  Contact early = Report("c3");
  early.started_at = "2026-01-13T07:49:00Z";
  const std::vector<Contact> contacts = {late, within_grace, early};
  const auto flags = FlagsOf(study, contacts, "c1");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, FlagCode::kOutsidePlannedWindow);
  EXPECT_EQ(ExplainFlag(study, flags[0], "en"),
            "The contact started at 2026-01-13 10:11, outside its planned window 2026-01-13 "
            "09:00–10:00.");
  EXPECT_TRUE(FlagsOf(study, contacts, "c2").empty());
  EXPECT_EQ(FlagsOf(study, contacts, "c3").size(), 1u);
}

TEST(QualityFlags, AnswersSavedBeforeTheCompanyAnswered) {
  const Study study = FlagStudy();
  const Contact early = Report("c1");  // answered 08:05:30
  const Contact fine = Report("c2");
  const std::vector<Contact> contacts = {early, fine};
  auto record = [](std::string contact, std::string field, std::string at) {
    ChangeRecord entry = ContactRecord(std::move(contact), std::move(field), "", "1", "draft");
    entry.at = std::move(at);
    return entry;
  };
  const std::vector<ChangeRecord> log = {
      // The wait-time area is answered while waiting by design: not counted.
      record("c2", "answer:wait_time", "2026-01-13T08:05:10.000Z"),
      record("c1", "answer:tot_recommend", "2026-01-13T08:05:10.000Z"),
      record("c2", "answer:tot_recommend", "2026-01-13T08:07:00.000Z")};
  const Timelines timelines = TimelinesFromChangeLog(study, contacts, log);
  EXPECT_EQ(timelines.at("c1").first_answer_at, "2026-01-13T08:05:10.000Z");
  EXPECT_EQ(timelines.at("c2").first_answer_at, "2026-01-13T08:07:00.000Z");
  const auto flags = FlagsOf(study, contacts, "c1", timelines);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, FlagCode::kAnswersBeforeAnswered);
  EXPECT_EQ(flags[0].fields, (std::vector<std::string>{"answer:tot_recommend", "answered_at"}));
  EXPECT_EQ(ExplainFlag(study, flags[0], "en"),
            "The answer to \"Would you recommend the company?\" was saved 20 s before the company "
            "answered.");
  EXPECT_TRUE(FlagsOf(study, contacts, "c2", timelines).empty());
}

// A report made offline: its start and answer were timed on the phone and
// reached the server late, and its drafts arrived with the submission. The
// log's times are not the shopper's pace: no fill time, so never "fast".
TEST(QualityFlags, AReportMadeOfflineHasNoFillTime) {
  const Study study = FlagStudy();
  Contact offline = Report("c1");
  offline.submitted_at = "2026-01-13T09:00:02.000Z";
  const std::vector<Contact> contacts = {offline};
  ChangeRecord start = ContactRecord("c1", "started_at", "", "x", "start (device time)");
  start.at = "2026-01-13T09:00:00.000Z";
  ChangeRecord draft = ContactRecord("c1", "answer:tot_recommend", "", "1", "draft");
  draft.at = "2026-01-13T09:00:01.000Z";
  const Timelines timelines = TimelinesFromChangeLog(study, contacts, {start, draft});
  EXPECT_TRUE(timelines.at("c1").sent_late);
  EXPECT_EQ(timelines.at("c1").first_answer_at, "2026-01-13T09:00:01.000Z");
  // Among five other reports of 30 min, 1 s online would be fast.
  std::vector<Contact> many(6, offline);
  for (int i = 0; i < 6; ++i) many[i].id = "c" + std::to_string(i + 1);
  Timelines six;
  for (int i = 0; i < 6; ++i) {
    six[many[i].id].first_answer_at =
        i == 0 ? "2026-01-13T09:00:01.000Z" : "2026-01-13T08:30:02.000Z";
  }
  ASSERT_EQ(FlagsOf(study, many, "c1", six).size(), 1u);
  six["c1"].sent_late = true;
  EXPECT_TRUE(FlagsOf(study, many, "c1", six).empty());
}

TEST(QualityFlags, OnlyReportsAreJudgedAndEveryLanguageHasItsSentence) {
  const Study study = FlagStudy();
  Contact planned = Report("c1");
  planned.status = ContactStatus::kPlanned;
  planned.wait_seconds = 5000;
  EXPECT_TRUE(ComputeQualityFlags(study, {planned}, {}).empty());
  QualityFlag flag{FlagCode::kWaitOutOfRange, {{"wait_s", "5000"}, {"max_s", "600"}}, {}};
  std::set<std::string> sentences;
  for (const char* language : {"nb", "sv", "da", "en"}) {
    const std::string text = ExplainFlag(study, flag, language);
    EXPECT_NE(text.find("83 min"), std::string::npos) << language;
    sentences.insert(text);
  }
  EXPECT_EQ(sentences.size(), 4u);  // each its own language
  for (FlagCode code : kAllFlagCodes) EXPECT_EQ(ParseFlagCode(ToString(code)), code);
}

}  // namespace
}  // namespace cx::domain
