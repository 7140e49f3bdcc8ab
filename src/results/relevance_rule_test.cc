// The one relevance rule (docs/study-format.md, "Relevance: which questions
// are asked") through both of its users: the form check (domain::CheckReport,
// a draft and a submission) and the scorer (ContactScorer). Each row is a
// condition on the question `dep`, the earlier answers, and whether `dep` is
// asked, worked out by hand from the rule's table (src/domain/relevance_cases.json).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
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

// The table is src/domain/relevance_cases.json, shared with the phone's
// lookup in the server's links (web/tests/relevance.test.mjs), so both give every row.
nlohmann::json Cases() {
  std::ifstream in(CXBENCH_RELEVANCE_CASES);
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

QuestionType TypeOf(const std::string& name) {
  static const std::map<std::string, QuestionType> kTypes = {{"yes_no", QuestionType::kYesNo},
                                                             {"choice", QuestionType::kChoice},
                                                             {"number", QuestionType::kNumber}};
  return kTypes.at(name);
}

Relevance ConditionOf(const nlohmann::json& json) {
  return Relevance{json.at("question").get<std::string>(),
                   json.at("values").get<std::vector<std::string>>(),
                   json.at("negate").get<bool>()};
}

// The table's questions (unscored, not required) with `dep` last: required,
// 2 points, on `condition`.
Study RuleStudy(const Relevance& condition) {
  Study study;
  study.areas = {{"agent", {}, std::nullopt, true, false}};
  const nlohmann::json cases = Cases();
  for (const auto& item : cases.at("questions")) {
    Question question;
    question.id = item.at("id").get<std::string>();
    question.area = "agent";
    question.type = TypeOf(item.at("type").get<std::string>());
    question.points = 0;
    question.required = false;
    question.allow_na = item.value("allow_na", false);
    for (const auto& option : item.value("options", nlohmann::json::array())) {
      question.options.push_back({option.get<std::string>(), {}, 0});
    }
    for (const auto& channel : item.value("channels", nlohmann::json::array())) {
      question.channels.push_back(*domain::ParseChannel(channel.get<std::string>()));
    }
    if (item.contains("relevance")) question.relevance = ConditionOf(item.at("relevance"));
    if (question.id == "dep") {
      question.points = 2;
      question.required = true;
      question.relevance = condition;
    }
    study.questions.push_back(std::move(question));
  }
  return study;
}

Answer Number(const std::string& question, double value) {
  return {question, false, value, std::nullopt};
}

struct Row {
  std::string name;
  Relevance condition;          // on dep
  std::vector<Answer> earlier;  // the answers before dep's
  bool asked;                   // by hand, from the rule's table
};

Answer AnswerOf(const nlohmann::json& json) {
  Answer answer{json.at("question").get<std::string>(), json.value("not_applicable", false),
                std::nullopt, std::nullopt};
  if (json.contains("number")) answer.number = json.at("number").get<double>();
  if (json.contains("text")) answer.text = json.at("text").get<std::string>();
  return answer;
}

std::vector<Row> Rows() {
  const nlohmann::json cases = Cases();
  // An unreadable table is one row that fails, never an empty suite.
  if (cases.is_discarded()) return {{"table_unreadable", {"none", {}, false}, {}, true}};
  std::vector<Row> rows;
  for (const auto& item : cases.at("rows")) {
    Row row{item.at("name").get<std::string>(),
            ConditionOf(item.at("condition")),
            {},
            item.at("asked").get<bool>()};
    for (const auto& answer : item.at("earlier")) row.earlier.push_back(AnswerOf(answer));
    rows.push_back(std::move(row));
  }
  return rows;
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
    return error.field == field && error.message.English().find(part) != std::string::npos;
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
                           return param.param.name;
                         });

}  // namespace
}  // namespace cx::results
