// What a shopper may report: whole numbers on whole scales, relevance by the
// scorer's rule, the measured wait owned by the server, chatbots only where
// there are chatbots.
#include "domain/answer_check.h"

#include <gtest/gtest.h>

#include "domain/relevance.h"

namespace cx::domain {
namespace {

// A small study: the wait area with its measured duration question, a
// reception area with a yes/no, a 1-5 scale, a 0-1 scale with fractions, NPS,
// a choice, and a question asked only when the yes/no was "yes".
Study TestStudy() {
  Study study;
  study.areas = {{"wait", {}, 0.05, true, true}, {"reception", {}, std::nullopt, true, false}};
  auto question = [](std::string id, std::string area, QuestionType type) {
    Question q;
    q.id = std::move(id);
    q.area = std::move(area);
    q.type = type;
    q.points = 1;
    q.required = false;
    return q;
  };
  Question wait = question("wait_time", "wait", QuestionType::kDuration);
  Question name = question("name", "reception", QuestionType::kYesNo);
  Question tone = question("tone", "reception", QuestionType::kScale);
  tone.scale_min = 1;
  tone.scale_max = 5;
  Question share = question("share", "reception", QuestionType::kScale);
  share.scale_min = 0;
  share.scale_max = 0.5;  // a scale with a fractional bound takes fractions
  Question nps = question("nps", "reception", QuestionType::kNps);
  Question who = question("who", "reception", QuestionType::kChoice);
  who.options = {{"person", {}, 0}, {"chatbot", {}, 0}};
  Question follow_up = question("follow_up", "reception", QuestionType::kYesNo);
  follow_up.relevance = Relevance{"name", {"yes"}, false};
  Question not_bot = question("not_bot", "reception", QuestionType::kYesNo);
  not_bot.relevance = Relevance{"who", {"chatbot"}, true};
  study.questions = {wait, name, tone, share, nps, who, follow_up, not_bot};
  return study;
}

Contact Answered(double wait) {
  Contact contact;
  contact.channel = Channel::kPhone;
  contact.started_at = "2026-11-24T10:00:00.000Z";
  contact.wait_seconds = wait;
  return contact;
}

Answer Number(const std::string& question, double value) {
  return {question, false, value, std::nullopt};
}
Answer Text(const std::string& question, const std::string& value) {
  return {question, false, std::nullopt, value};
}

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& error : errors) fields.push_back(error.field);
  return fields;
}

TEST(CheckReport, RefusesFractionsOnWholeScalesAndNps) {
  const Study study = TestStudy();
  Contact contact = Answered(12);
  contact.answers = {Number("tone", 1.5), Number("nps", 7.5), Number("name", 0.5)};
  const auto errors = CheckReport(study, contact, false);
  EXPECT_EQ(Fields(errors), (std::vector<std::string>{"/answers/0/number", "/answers/1/number",
                                                      "/answers/2/number"}));
  EXPECT_NE(errors[0].message.English().find("a whole number from 1 to 5"), std::string::npos)
      << errors[0].message.English();
  EXPECT_NE(errors[0].message.English().find("not 1.5"), std::string::npos)
      << errors[0].message.English();
  EXPECT_NE(errors[1].message.English().find("from 0 to 10"), std::string::npos)
      << errors[1].message.English();
  // Whole values on the same questions, and a fraction on a fractional scale, pass.
  contact.answers = {Number("tone", 2), Number("nps", 7), Number("name", 1), Number("share", 0.25)};
  EXPECT_TRUE(CheckReport(study, contact, false).empty());
}

TEST(CheckReport, ChecksTheKindOfValueExactly) {
  const Study study = TestStudy();
  Contact contact = Answered(12);
  Answer both = Number("tone", 3);
  both.text = "3";
  Answer na_and_number = Number("name", 1);
  na_and_number.not_applicable = true;
  contact.answers = {Text("nps", "9"), Number("who", 1), both, na_and_number};
  EXPECT_EQ(Fields(CheckReport(study, contact, false)),
            (std::vector<std::string>{"/answers/0/number", "/answers/1/text", "/answers/2/number",
                                      "/answers/3/not_applicable"}));
}

TEST(CheckReport, RefusesAnswersTheirRelevanceExcludes) {
  const Study study = TestStudy();
  Contact contact = Answered(12);
  // follow_up is asked only after name = yes; here name is no.
  contact.answers = {Number("name", 0), Number("follow_up", 1)};
  auto errors = CheckReport(study, contact, false);
  ASSERT_EQ(Fields(errors), std::vector<std::string>{"/answers/1/question"});
  EXPECT_NE(errors[0].message.English().find("condition on question 'name'"), std::string::npos);
  // Unanswered condition: not asked either.
  contact.answers = {Number("follow_up", 1)};
  EXPECT_EQ(Fields(CheckReport(study, contact, false)),
            std::vector<std::string>{"/answers/0/question"});
  // name = yes: asked.
  contact.answers = {Number("name", 1), Number("follow_up", 1)};
  EXPECT_TRUE(CheckReport(study, contact, false).empty());
  // A negated condition: not_bot is asked unless who = chatbot.
  contact.answers = {Text("who", "chatbot"), Number("not_bot", 1)};
  EXPECT_EQ(Fields(CheckReport(study, contact, false)),
            std::vector<std::string>{"/answers/1/question"});
  contact.answers = {Text("who", "person"), Number("not_bot", 1)};
  EXPECT_TRUE(CheckReport(study, contact, false).empty());
}

TEST(CheckReport, TheMeasuredWaitCannotBeChangedOrGivenBeforeItIsMeasured) {
  const Study study = TestStudy();
  Contact contact = Answered(12.5);
  AddMeasuredAnswers(study, contact);
  ASSERT_EQ(contact.answers.size(), 1u);
  EXPECT_EQ(contact.answers[0], Number("wait_time", 12.5));
  EXPECT_TRUE(CheckReport(study, contact, false).empty());
  // Adding again adds nothing.
  AddMeasuredAnswers(study, contact);
  EXPECT_EQ(contact.answers.size(), 1u);

  contact.answers = {Number("wait_time", 3)};
  auto errors = CheckReport(study, contact, false);
  ASSERT_EQ(Fields(errors), std::vector<std::string>{"/answers/0"});
  EXPECT_NE(errors[0].message.English().find("measured wait (12.5 s)"), std::string::npos)
      << errors[0].message.English();
  contact.answers = {{"wait_time", true, std::nullopt, std::nullopt}};
  EXPECT_EQ(Fields(CheckReport(study, contact, false)), std::vector<std::string>{"/answers/0"});

  Contact unanswered = Answered(0);
  unanswered.wait_seconds.reset();
  unanswered.answers = {Number("wait_time", 3)};
  EXPECT_EQ(Fields(CheckReport(study, unanswered, false)), std::vector<std::string>{"/answers/0"});
  AddMeasuredAnswers(study, unanswered);
  EXPECT_EQ(unanswered.answers.size(), 1u);
}

TEST(CheckResponder, ChatbotsAnswerChatAndMessengerOnly) {
  EXPECT_EQ(Fields(CheckResponder(Channel::kPhone, Responder::kChatbot)),
            std::vector<std::string>{"/responder"});
  EXPECT_EQ(Fields(CheckResponder(Channel::kEmailForm, Responder::kChatbot)),
            std::vector<std::string>{"/responder"});
  EXPECT_TRUE(CheckResponder(Channel::kChat, Responder::kChatbot).empty());
  EXPECT_TRUE(CheckResponder(Channel::kMessenger, Responder::kChatbot).empty());
  EXPECT_TRUE(CheckResponder(Channel::kPhone, Responder::kPerson).empty());
}

}  // namespace
}  // namespace cx::domain
