// The relevance rule's parts: how condition values are read and compared, and
// the order of the asked list. The whole rule, through the form check and the
// scorer, is tabled in results/relevance_rule_test.cc.
#include "domain/relevance.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

Question Make(std::string id, QuestionType type) {
  Question question;
  question.id = std::move(id);
  question.area = "a";
  question.type = type;
  return question;
}

TEST(ConditionNumber, ReadsFiniteDecimalsOnly) {
  EXPECT_EQ(ConditionNumber("7"), 7.0);
  EXPECT_EQ(ConditionNumber("-2"), -2.0);
  EXPECT_EQ(ConditionNumber("7.5"), 7.5);
  EXPECT_EQ(ConditionNumber("7.50"), 7.5);
  EXPECT_EQ(ConditionNumber("75e-1"), 7.5);
  for (const char* bad : {"", " 7", "7 ", "7x", "0x10", "inf", "nan", "yes", "1e999"}) {
    EXPECT_FALSE(ConditionNumber(bad)) << bad;
  }
}

TEST(AnswerIsOneOf, ComparesByTheConditionQuestionsKind) {
  const Question yes_no = Make("q", QuestionType::kYesNo);
  EXPECT_TRUE(AnswerIsOneOf(yes_no, {"q", false, 1.0, std::nullopt}, {"yes"}));
  EXPECT_TRUE(AnswerIsOneOf(yes_no, {"q", false, 0.0, std::nullopt}, {"no"}));
  EXPECT_FALSE(AnswerIsOneOf(yes_no, {"q", false, 1.0, std::nullopt}, {"no", "1"}));
  const Question scale = Make("s", QuestionType::kScale);
  EXPECT_TRUE(AnswerIsOneOf(scale, {"s", false, 0.25, std::nullopt}, {"1", ".25"}));
  EXPECT_FALSE(AnswerIsOneOf(scale, {"s", false, 0.25, std::nullopt}, {"0.250001"}));
  // A text given to a numeric question is no value of its kind.
  EXPECT_FALSE(AnswerIsOneOf(scale, {"s", false, std::nullopt, "0.25"}, {"0.25"}));
  const Question text = Make("t", QuestionType::kText);
  EXPECT_TRUE(AnswerIsOneOf(text, {"t", false, std::nullopt, "Oslo"}, {"Oslo"}));
  EXPECT_FALSE(AnswerIsOneOf(text, {"t", false, std::nullopt, "oslo"}, {"Oslo"}));
  // "Not applicable" is none of any values.
  EXPECT_FALSE(AnswerIsOneOf(text, {"t", true, std::nullopt, std::nullopt}, {"na", ""}));
}

TEST(AskedQuestions, InStudyOrderAndACycleIsNotAsked) {
  Study study;
  Question first = Make("first", QuestionType::kYesNo);
  Question second = Make("second", QuestionType::kYesNo);
  second.relevance = Relevance{"first", {"yes"}, false};
  Question third = Make("third", QuestionType::kYesNo);
  // A cycle the study check refuses (a condition on a later question); a
  // study built without the check still gets an answer.
  Question loop_a = Make("loop_a", QuestionType::kYesNo);
  loop_a.relevance = Relevance{"loop_b", {"yes"}, false};
  Question loop_b = Make("loop_b", QuestionType::kYesNo);
  loop_b.relevance = Relevance{"loop_a", {"yes"}, false};
  study.questions = {first, second, third, loop_a, loop_b};
  Contact contact;
  contact.channel = Channel::kPhone;
  contact.answers = {{"first", false, 1.0, std::nullopt},
                     {"loop_a", false, 1.0, std::nullopt},
                     {"loop_b", false, 1.0, std::nullopt}};
  EXPECT_EQ(AskedQuestions(study, contact), (std::vector<std::string>{"first", "second", "third"}));
  contact.answers[0].number = 0;
  EXPECT_EQ(AskedQuestions(study, contact), (std::vector<std::string>{"first", "third"}));
}

// The links the phone is sent, worked out by hand: a chain third <- second
// <- first becomes two clauses, nearest first; yes is 1; "7.50" is 7.5; a
// value the rule cannot read is left out; a condition on a question the
// channel does not ask makes the question never asked there.
TEST(CompileAsked, ReadsTheChainIntoLinksOnce) {
  Study study;
  Question first = Make("first", QuestionType::kYesNo);
  Question second = Make("second", QuestionType::kNumber);
  second.relevance = Relevance{"first", {"yes"}, false};
  Question third = Make("third", QuestionType::kChoice);
  third.relevance = Relevance{"second", {"7.50", "0x10", "2"}, true};
  Question chat_only = Make("chat_only", QuestionType::kText);
  chat_only.channels = {Channel::kChat};
  Question after_chat = Make("after_chat", QuestionType::kYesNo);
  after_chat.relevance = Relevance{"chat_only", {"Oslo"}, false};
  study.questions = {first, second, third, chat_only, after_chat};

  EXPECT_EQ(CompileAsked(study, first, Channel::kPhone), AskedWhen{});
  const AskedWhen when = CompileAsked(study, study.questions[2], Channel::kPhone);
  const AskedWhen expected{false,
                           {AskedClause{"second", true, {7.5, 2.0}, {}, true},
                            AskedClause{"first", true, {1.0}, {}, false}}};
  EXPECT_EQ(when, expected);
  EXPECT_EQ(CompileAsked(study, after_chat, Channel::kPhone), (AskedWhen{true, {}}));
  EXPECT_EQ(CompileAsked(study, after_chat, Channel::kChat),
            (AskedWhen{false, {AskedClause{"chat_only", false, {}, {"Oslo"}, false}}}));

  Contact contact;
  contact.channel = Channel::kPhone;
  contact.answers = {{"first", false, 1.0, std::nullopt}, {"second", false, 3.0, std::nullopt}};
  EXPECT_TRUE(Meets(when, contact));
  contact.answers[1].number = 7.5;  // one of the values of a not_equals
  EXPECT_FALSE(Meets(when, contact));
  contact.answers[1] = {"second", true, std::nullopt, std::nullopt};  // N/A holds no link
  EXPECT_FALSE(Meets(when, contact));
}

}  // namespace
}  // namespace cx::domain
