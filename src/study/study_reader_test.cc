#include "study/study_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace cx::study {
namespace {

// A small valid study. Line numbers matter: the expected messages below
// point into it (line 1 is "study:").
const char* const kValid = R"(study:
  id: t
  name: Test
  year: 2026
  languages: [nb, en]
  fieldwork: {start: 2026-01-12, end: 2026-05-10}
channels:
  - id: phone
    share: 1
    hours: {days: [mon, tue], open: "08:00", close: "16:00"}
    max_wait: 10m
    wait_table: [{wait: 20s, share: 1}, {wait: 10m, share: 0}]
industries:
  - id: bank
    name: {nb: Bank, en: Banking}
    scenarios:
      - id: s1
        title: {nb: Lån, en: Loan}
        script: {nb: Spør om lån., en: Ask about a loan.}
participants:
  - id: p1
    name: P1
    industry: bank
    audit:
      phone: {offered: true, ease: easy}
areas:
  - id: agent
    label: {nb: Kundebehandleren, en: The agent}
questions:
  - id: q1
    area: agent
    type: yes_no
    points: 2
    label: {nb: Velkommen, en: Welcome}
  - id: q2
    area: agent
    type: scale
    min: 1
    max: 6
    points: 3
    label: {nb: Karakter, en: Grade}
)";

// `text` (kValid by default) with `from` replaced by `to` (once), which must be found.
std::string Edit(const std::string& from, const std::string& to, std::string text = kValid) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> Messages(const std::string& text) {
  std::vector<std::string> messages;
  for (const auto& diagnostic : ReadStudyText(text, "test.yaml").errors) {
    messages.push_back(diagnostic.ToString());
  }
  return messages;
}

TEST(ReadStudyText, ValidStudyHasNoErrorsAndReadsEveryField) {
  const auto outcome = ReadStudyText(kValid, "test.yaml");
  ASSERT_TRUE(outcome.errors.empty()) << outcome.errors.front().ToString();
  const domain::Study& study = *outcome.study;
  EXPECT_EQ(study.id, "t");
  EXPECT_EQ(study.period.time_zone, "Europe/Oslo");  // the default
  EXPECT_EQ(study.contacts_per_participant, 25);     // the default
  EXPECT_EQ(study.period.Weeks(), 17);               // 2026-01-12 .. 2026-05-10 is 119 days
  ASSERT_EQ(study.channels.size(), 1u);
  EXPECT_EQ(study.channels[0].max_wait_seconds, 600);
  EXPECT_EQ(study.channels[0].hours.weekdays, (std::vector<int>{1, 2}));
  EXPECT_EQ(study.channels[0].hours.open_minute, 480);
  EXPECT_EQ(study.channels[0].wait_table[0].seconds, 20);
  EXPECT_EQ(study.TextFor(study.industries[0].scenarios[0].title, "nb"), "Lån");
  EXPECT_TRUE(study.participants[0].Offers(domain::Channel::kPhone));
  EXPECT_EQ(study.participants[0].company, "P1");  // defaults to the name
  EXPECT_EQ(study.questions[1].Max(), 6);
  EXPECT_EQ(study.channels[0].max_attempts, 1);  // the default: no second attempt
  EXPECT_EQ(study.participants[0].audit[0].reach, "");
}

TEST(ReadStudyText, ReadsMaxAttemptsAndHowToReach) {
  const auto outcome =
      ReadStudyText(Edit("      phone: {offered: true, ease: easy}",
                         "      phone: {offered: true, ease: easy, reach: \"+47 22 00 00 00\"}",
                         Edit("    max_wait: 10m\n", "    max_wait: 10m\n    max_attempts: 3\n")),
                    "test.yaml");
  ASSERT_TRUE(outcome.errors.empty()) << outcome.errors.front().ToString();
  EXPECT_EQ(outcome.study->channels[0].max_attempts, 3);
  EXPECT_EQ(outcome.study->participants[0].audit[0].reach, "+47 22 00 00 00");
}

struct BadCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

class BadStudy : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadStudy, ReportsEveryErrorWithItsPlace) {
  EXPECT_EQ(Messages(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadStudy,
    ::testing::Values(
        BadCase{
            "unknown_key",
            Edit("    points: 2\n", "    points: 2\n    pionts: 3\n"),
            {"test.yaml:34:5: error: questions[0].pionts: unknown key 'pionts' (expected one of: "
             "id, area, type, label, points, min, max, options, good_answer, channels, na, "
             "required, relevant_if, reference)"}},
        BadCase{"duplicate_id",
                Edit("  - id: q2", "  - id: q1"),
                {"test.yaml:35:9: error: questions[1].id: duplicate question id 'q1' (first at "
                 "questions[0])"}},
        BadCase{"unknown_industry",
                Edit("    industry: bank", "    industry: banks"),
                {"test.yaml:23:15: error: participants[0].industry: unknown industry 'banks' "
                 "(expected an id from industries)"}},
        BadCase{"missing_language",
                Edit("{nb: Karakter, en: Grade}", "{nb: Karakter}"),
                {"test.yaml:41:12: error: questions[1].label: missing the text in 'en', a language "
                 "of the study"}},
        BadCase{"question_in_no_area",
                Edit("  - id: q1\n    area: agent\n", "  - id: q1\n"),
                {"test.yaml:30:5: error: questions[0].area: missing key 'area'"}},
        BadCase{
            "impossible_scale",
            Edit("    max: 6", "    max: 1"),
            {"test.yaml:39:10: error: questions[1].max: impossible scale: max must be above min"}},
        BadCase{"bad_date",
                Edit("end: 2026-05-10", "end: 2026-02-30"),
                {"test.yaml:6:39: error: study.fieldwork.end: expected a date as YYYY-MM-DD, found "
                 "'2026-02-30'"}},
        BadCase{
            "end_before_start",
            Edit("end: 2026-05-10", "end: 2026-01-01"),
            {"test.yaml:6:39: error: study.fieldwork.end: the fieldwork ends before it starts"}},
        BadCase{
            "unknown_time_zone",
            Edit("end: 2026-05-10}", "end: 2026-05-10, time_zone: Europe/Olso}"),
            {"test.yaml:6:62: error: study.fieldwork.time_zone: unknown time zone 'Europe/Olso' "
             "(expected an IANA name such as Europe/Oslo)"}},
        BadCase{"negative_share",
                Edit("    share: 1\n", "    share: -1\n"),
                {"test.yaml:8:3: error: channels: the channel shares sum to 0; expected positive "
                 "shares",
                 "test.yaml:9:12: error: channels[0].share: expected a share of 0 or more, found a "
                 "negative one"}},
        BadCase{"shares_sum_to_nothing",
                Edit("    share: 1\n", "    share: 0\n"),
                {"test.yaml:8:3: error: channels: the channel shares sum to 0; expected positive "
                 "shares"}},
        BadCase{"relevance_names_later_question",
                Edit("    points: 2\n",
                     "    points: 2\n    relevant_if: {question: q2, equals: \"3\"}\n"),
                {"test.yaml:34:29: error: questions[0].relevant_if.question: question 'q2' comes "
                 "later; a relevance condition may only name an earlier question"}},
        BadCase{
            "relevance_names_unknown_question",
            Edit("    points: 2\n",
                 "    points: 2\n    relevant_if: {question: q9, equals: \"3\"}\n"),
            {"test.yaml:34:29: error: questions[0].relevant_if.question: unknown question 'q9'"}},
        // docs/study-format.md, "Relevance": N/A makes every dependent
        // question not asked, so a condition value 'na' could never hold.
        BadCase{"relevance_on_na_in_a_list",
                Edit("    points: 3\n",
                     "    points: 3\n    relevant_if: {question: q1, equals: [yes, na]}\n",
                     Edit("    points: 2\n", "    points: 2\n    na: true\n")),
                {"test.yaml:42:47: error: questions[1].relevant_if.equals[1]: 'na' cannot be a "
                 "condition value: a question answered \"not applicable\" makes the questions "
                 "that depend on it not asked, whatever the condition"}},
        BadCase{"relevance_on_na_alone",
                Edit("    points: 3\n",
                     "    points: 3\n    relevant_if: {question: q1, not_equals: na}\n",
                     Edit("    points: 2\n", "    points: 2\n    na: true\n")),
                {"test.yaml:42:45: error: questions[1].relevant_if.not_equals: 'na' cannot be a "
                 "condition value: a question answered \"not applicable\" makes the questions "
                 "that depend on it not asked, whatever the condition"}},
        BadCase{"not_a_number",
                Edit("    points: 2", "    points: two"),
                {"test.yaml:33:13: error: questions[0].points: expected a number, found 'two'"}},
        BadCase{
            "audit_of_unknown_channel",
            Edit("      phone: {offered: true, ease: easy}", "      fax: {offered: true}"),
            {"test.yaml:25:7: error: participants[0].audit.fax: unknown key 'fax' (expected one "
             "of: phone, email_form, chat, messenger)",
             "test.yaml:25:7: error: participants[0].audit: offers none of the study's channels, "
             "so it cannot be contacted"}},
        BadCase{
            "all_errors_at_once",
            Edit("    max: 6", "    max: 1", Edit("    industry: bank", "    industry: banks")),
            {"test.yaml:23:15: error: participants[0].industry: unknown industry 'banks' "
             "(expected an id from industries)",
             "test.yaml:39:10: error: questions[1].max: impossible scale: max must be above min"}},
        BadCase{"bad_clock",
                Edit("open: \"08:00\"", "open: \"8 o'clock\""),
                {"test.yaml:10:37: error: channels[0].hours.open: expected a time as HH:MM, found "
                 "'8 o'clock'"}},
        BadCase{"latin1_name",
                Edit("  name: Test", "  name: T\xE9st"),
                {"test.yaml:3:10: error: not valid UTF-8 (byte 0xE9); save the file as UTF-8 "
                 "(e.g. iconv -f latin1 -t utf-8)"}},
        BadCase{"contacts_beyond_any_study",
                Edit("  year: 2026\n", "  year: 2026\n  contacts_per_participant: 2000000000\n"),
                {"test.yaml:5:29: error: study.contacts_per_participant: expected 1 to 1000 "
                 "contacts per participant, found 2000000000"}},
        BadCase{"fieldwork_over_a_year",
                Edit("end: 2026-05-10", "end: 2027-05-10"),
                {"test.yaml:6:39: error: study.fieldwork.end: expected a fieldwork of at most "
                 "366 days"}},
        BadCase{"no_attempt_at_all",
                Edit("    max_wait: 10m\n", "    max_wait: 10m\n    max_attempts: 0\n"),
                {"test.yaml:12:19: error: channels[0].max_attempts: expected a whole number "
                 "from 1 to 10, found 0"}},
        BadCase{"phone_reach_not_a_number",
                Edit("      phone: {offered: true, ease: easy}",
                     "      phone: {offered: true, ease: easy, reach: www.p1.no}"),
                {"test.yaml:25:49: error: participants[0].audit.phone.reach: a phone number is "
                 "expected (digits, \"+\" first, spaces, \"-\", \"(\", \")\"), found 'w'"}},
        BadCase{"reach_of_a_channel_not_offered",
                Edit("      phone: {offered: true, ease: easy}",
                     "      phone: {offered: true, ease: easy}\n"
                     "      chat: {offered: false, reach: \"https://p1.no/chat\"}"),
                {"test.yaml:26:37: error: participants[0].audit.chat.reach: a channel that is "
                 "not offered has no way to reach it"}},
        BadCase{"max_wait_of_weeks",
                Edit("    max_wait: 10m", "    max_wait: 900h"),
                {"test.yaml:11:15: error: channels[0].max_wait: expected a maximum wait above 0 "
                 "and at most 14 days"}},
        BadCase{"scale_too_wide",
                Edit("    max: 6", "    max: 1000"),
                {"test.yaml:39:10: error: questions[1].max: expected a scale of at most 100 "
                 "steps"}},
        BadCase{
            "choice_option_over_points",
            Edit("    type: scale\n    min: 1\n    max: 6\n",
                 "    type: choice\n    options: [{id: a, label: {nb: A, en: A}, points: 9}, "
                 "{id: b, label: {nb: B, en: B}, points: 0}]\n"),
            {"test.yaml:38:54: error: questions[1].options[0].points: expected points from 0 to "
             "the question's points (3)"}}),
    [](const ::testing::TestParamInfo<BadCase>& param) { return std::string(param.param.name); });

// The QA settings (docs/study-format.md, "study" and "quality").
TEST(ReadStudyText, ResultsRuleAndContradictions) {
  const std::string with_quality =
      Edit("  year: 2026\n", "  year: 2026\n  results_from: approved_only\n") +
      "quality:\n  contradictions:\n    - id: x\n      if: {question: q2, equals: [1, 2]}\n"
      "      and: {responder: chatbot}\n";
  const auto outcome = ReadStudyText(with_quality, "test.yaml");
  ASSERT_TRUE(outcome.errors.empty()) << outcome.errors.front().ToString();
  EXPECT_EQ(outcome.study->results_from, domain::ResultsFrom::kApprovedOnly);
  ASSERT_EQ(outcome.study->contradictions.size(), 1u);
  const domain::Contradiction& rule = outcome.study->contradictions[0];
  EXPECT_EQ(rule.id, "x");
  EXPECT_EQ(rule.first, (domain::FlagCondition{"q2", {"1", "2"}}));
  EXPECT_EQ(rule.second, (domain::FlagCondition{"", {"chatbot"}}));
  // Absent: the default that never hides everything.
  EXPECT_EQ(ReadStudyText(kValid, "test.yaml").study->results_from,
            domain::ResultsFrom::kApprovedAndInQa);
}

TEST(ReadStudyText, BadResultsRuleAndContradictionsNameTheirPlace) {
  const auto messages =
      Messages(Edit("  year: 2026\n", "  year: 2026\n  results_from: sometimes\n") +
               "quality:\n  contradictions:\n    - id: x\n      if: {question: q9, equals: yes}\n"
               "      and: {responder: robot}\n    - id: x\n      if: {question: q2, equals: 9}\n"
               "      and: {question: q1, equals: yes}\n");
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "test.yaml:5:17: error: study.results_from: unknown rule 'sometimes' (expected "
                "approved_and_in_qa or approved_only)",
                "test.yaml:46:22: error: quality.contradictions[0].if.question: unknown question "
                "'q9'",
                "test.yaml:47:24: error: quality.contradictions[0].and.responder: unknown 'robot' "
                "(expected person or chatbot)",
                "test.yaml:48:11: error: quality.contradictions[1].id: duplicate contradiction id "
                "'x'",
                "test.yaml:49:34: error: quality.contradictions[1].if.equals: '9' is not an "
                "answer question 'q2' can give"}));
}

TEST(ReadStudyText, BrokenYamlIsOneErrorWithItsPlace) {
  const auto messages = Messages("study:\n  id: [t\n");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].rfind("test.yaml:", 0), 0u) << messages[0];
  EXPECT_NE(messages[0].find("error: not valid YAML"), std::string::npos) << messages[0];
}

TEST(ReadStudyText, EmptyFileNamesTheMissingSections) {
  EXPECT_EQ(Messages("{}"), (std::vector<std::string>{
                                "test.yaml:1:1: error: study: missing section 'study'",
                                "test.yaml:1:1: error: channels: missing section 'channels'",
                                "test.yaml:1:1: error: industries: missing section 'industries'",
                                "test.yaml:1:1: error: areas: missing section 'areas'",
                                "test.yaml:1:1: error: questions: missing section 'questions'"}));
}

TEST(ReadStudyFile, UnreadableFileIsOneError) {
  const auto outcome = ReadStudyFile("/nonexistent/study.yaml");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.errors[0].ToString(),
            "/nonexistent/study.yaml:1:1: error: cannot open the file for reading");
}

// The shipped example is what users copy: it must stay valid and complete.
TEST(ExampleStudy, IsValidAndCoversTheContest) {
  const auto outcome = ReadStudyFile("examples/kundeserviceprisen.yaml");
  ASSERT_TRUE(outcome.errors.empty()) << outcome.errors.front().ToString();
  const domain::Study& study = *outcome.study;
  EXPECT_EQ(study.areas.size(), 5u);
  EXPECT_FALSE(study.FindArea("cx")->scored);
  EXPECT_DOUBLE_EQ(*study.FindArea("wait")->weight, 0.05);
  EXPECT_GE(study.industries.size(), 4u);
  int references = 0;
  int unscored = 0;
  for (const auto& question : study.questions) {
    references += question.reference != domain::ReferenceFlag::kNone ? 1 : 0;
    unscored += question.points == 0 ? 1 : 0;
  }
  EXPECT_EQ(references, 3);
  EXPECT_GE(unscored, 5);
  // The contradictions the QA flags look for (docs/quality-flags.md).
  EXPECT_EQ(study.contradictions.size(), 4u);
  EXPECT_EQ(study.results_from, domain::ResultsFrom::kApprovedAndInQa);
  // At most 40 questions per contact, as in the contest.
  for (domain::Channel channel : domain::kAllChannels) {
    int asked = 0;
    for (const auto& question : study.questions) asked += question.AppliesTo(channel) ? 1 : 0;
    EXPECT_LE(asked, 40) << domain::ToString(channel);
  }
}

}  // namespace
}  // namespace cx::study
