// The one relevance rule (docs/study-format.md, "Relevance: which questions
// are asked") through both of its users: the form check (domain::CheckReport,
// a draft and a submission) and the scorer (ContactScorer). Each row is a
// condition on the question `dep`, the earlier answers, and whether `dep` is
// asked, worked out by hand from the rule's table.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/answer_check.h"
#include "domain/relevance.h"
#include "results/contact_score.h"

namespace cx::results {
namespace {

using domain::Answer;
using domain::Channel;
using domain::Contact;
using domain::Question;
using domain::QuestionType;
using domain::Relevance;
using domain::Study;

Question Unscored(std::string id, QuestionType type) {
  Question question;
  question.id = std::move(id);
  question.area = "agent";
  question.type = type;
  question.points = 0;
  question.required = false;
  return question;
}

// gate_yn (yes_no, N/A allowed), gate_choice (a, b, c), gate_number (a number
// without range, so decimals), gate_chat (yes_no asked on chat only), mid
// (asked when gate_yn = yes), then `dep`: required, 2 points, on `condition`.
Study RuleStudy(const Relevance& condition) {
  Study study;
  study.areas = {{"agent", {}, std::nullopt, true, false}};
  Question gate_yn = Unscored("gate_yn", QuestionType::kYesNo);
  gate_yn.allow_na = true;
  Question gate_choice = Unscored("gate_choice", QuestionType::kChoice);
  gate_choice.options = {{"a", {}, 0}, {"b", {}, 0}, {"c", {}, 0}};
  Question gate_number = Unscored("gate_number", QuestionType::kNumber);
  Question gate_chat = Unscored("gate_chat", QuestionType::kYesNo);
  gate_chat.channels = {Channel::kChat};
  Question mid = Unscored("mid", QuestionType::kYesNo);
  mid.relevance = Relevance{"gate_yn", {"yes"}, false};
  Question dep = Unscored("dep", QuestionType::kYesNo);
  dep.points = 2;
  dep.required = true;
  dep.relevance = condition;
  study.questions = {gate_yn, gate_choice, gate_number, gate_chat, mid, dep};
  return study;
}

Answer Number(const std::string& question, double value) {
  return {question, false, value, std::nullopt};
}
Answer Text(const std::string& question, const std::string& value) {
  return {question, false, std::nullopt, value};
}
Answer NotApplicable(const std::string& question) {
  return {question, true, std::nullopt, std::nullopt};
}

struct Row {
  const char* name;
  Relevance condition;          // on dep
  std::vector<Answer> earlier;  // the answers before dep's
  bool asked;                   // by hand, from the rule's table
};

const Relevance kYes{"gate_yn", {"yes"}, false};
const Relevance kNotYes{"gate_yn", {"yes"}, true};

std::vector<Row> Rows() {
  return {
      // equals / not_equals on a yes_no: yes is 1, no is 0.
      {"equals_hit", kYes, {Number("gate_yn", 1)}, true},
      {"equals_miss", kYes, {Number("gate_yn", 0)}, false},
      {"equals_na", kYes, {NotApplicable("gate_yn")}, false},
      {"equals_unanswered", kYes, {}, false},
      {"not_equals_hit", kNotYes, {Number("gate_yn", 0)}, true},
      {"not_equals_miss", kNotYes, {Number("gate_yn", 1)}, false},
      // N/A and unanswered fail a not_equals condition too.
      {"not_equals_na", kNotYes, {NotApplicable("gate_yn")}, false},
      {"not_equals_unanswered", kNotYes, {}, false},
      // Option ids.
      {"choice_one_of_two", {"gate_choice", {"a", "b"}, false}, {Text("gate_choice", "b")}, true},
      {"choice_none_of", {"gate_choice", {"a"}, true}, {Text("gate_choice", "c")}, true},
      {"choice_not_none_of", {"gate_choice", {"a"}, true}, {Text("gate_choice", "a")}, false},
      // Decimals compare by value, whatever the spelling of the condition value.
      {"decimal", {"gate_number", {"7.5"}, false}, {Number("gate_number", 7.5)}, true},
      {"decimal_trailing_zero",
       {"gate_number", {"7.50"}, false},
       {Number("gate_number", 7.5)},
       true},
      {"decimal_exponent", {"gate_number", {"75e-1"}, false}, {Number("gate_number", 7.5)}, true},
      {"whole_as_decimal", {"gate_number", {"7"}, false}, {Number("gate_number", 7.0)}, true},
      {"decimal_other", {"gate_number", {"7.5"}, false}, {Number("gate_number", 7.25)}, false},
      {"decimal_not_equals", {"gate_number", {"0.1"}, true}, {Number("gate_number", 0.1)}, false},
      // Chained: dep on mid = yes, mid on gate_yn = yes. An answer to mid
      // counts only while mid is asked.
      {"chain_holds", {"mid", {"yes"}, false}, {Number("gate_yn", 1), Number("mid", 1)}, true},
      {"chain_second_fails",
       {"mid", {"yes"}, false},
       {Number("gate_yn", 1), Number("mid", 0)},
       false},
      {"chain_first_fails",
       {"mid", {"yes"}, false},
       {Number("gate_yn", 0), Number("mid", 1)},
       false},
      {"chain_first_unanswered", {"mid", {"yes"}, false}, {Number("mid", 1)}, false},
      {"chain_first_na",
       {"mid", {"yes"}, false},
       {NotApplicable("gate_yn"), Number("mid", 1)},
       false},
      // A condition question not asked on the contact's channel (phone).
      {"other_channel", {"gate_chat", {"yes"}, false}, {Number("gate_chat", 1)}, false},
  };
}

Contact PhoneContact(std::vector<Answer> answers) {
  Contact contact;
  contact.id = "c1";
  contact.channel = Channel::kPhone;
  contact.started_at = "2026-11-24T10:00:00.000Z";
  contact.wait_seconds = 30;
  contact.answers = std::move(answers);
  return contact;
}

bool HasError(const std::vector<domain::FieldError>& errors, const std::string& field,
              const std::string& part) {
  return std::any_of(errors.begin(), errors.end(), [&](const domain::FieldError& error) {
    return error.field == field && error.message.find(part) != std::string::npos;
  });
}

class RelevanceRule : public ::testing::TestWithParam<Row> {};

TEST_P(RelevanceRule, FormCheckAndScorerAgree) {
  const Row& row = GetParam();
  const Study study = RuleStudy(row.condition);
  const Question& dep = study.questions.back();
  const size_t dep_index = study.questions.size() - 1;

  // dep unanswered: asked, it is a required question missing from a submission.
  const Contact without = PhoneContact(row.earlier);
  EXPECT_EQ(domain::IsAsked(study, dep, without), row.asked);
  const auto asked = domain::AskedQuestions(study, without);
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "dep"), row.asked ? 1 : 0);
  EXPECT_EQ(HasError(domain::CheckReport(study, without, true), "/answers",
                     "required question 'dep' is not answered"),
            row.asked);

  // dep answered yes: refused in a draft exactly when it is not asked.
  std::vector<Answer> answers = row.earlier;
  answers.push_back(Number("dep", 1));
  const Contact with = PhoneContact(answers);
  const std::string dep_field = "/answers/" + std::to_string(answers.size() - 1) + "/question";
  EXPECT_EQ(HasError(domain::CheckReport(study, with, false), dep_field, "is not asked"),
            !row.asked);

  // The scorer: asked and unanswered, 0 of 2 (required); asked and yes, 2 of
  // 2; not asked, out of the denominator (0 of 0).
  const ContactScorer scorer(study);
  ContactIssue issue;
  const auto unanswered = scorer.Score(without, &issue);
  ASSERT_TRUE(unanswered) << issue.ToString();
  EXPECT_DOUBLE_EQ(unanswered->questions[dep_index].obtained, 0);
  EXPECT_DOUBLE_EQ(unanswered->questions[dep_index].possible, row.asked ? 2 : 0);
  EXPECT_DOUBLE_EQ(unanswered->areas[0].possible, row.asked ? 2 : 0);
  const auto yes = scorer.Score(with, &issue);
  ASSERT_TRUE(yes) << issue.ToString();
  EXPECT_DOUBLE_EQ(yes->questions[dep_index].obtained, row.asked ? 2 : 0);
  EXPECT_DOUBLE_EQ(yes->areas[0].possible, row.asked ? 2 : 0);
  // total = 100 * obtained / possible when dep counts; no points at all otherwise.
  if (row.asked) {
    ASSERT_TRUE(yes->total);
    EXPECT_DOUBLE_EQ(*yes->total, 100);
  } else {
    EXPECT_FALSE(yes->total);
  }
}

INSTANTIATE_TEST_SUITE_P(Conditions, RelevanceRule, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<Row>& param) {
                           return std::string(param.param.name);
                         });

}  // namespace
}  // namespace cx::results
