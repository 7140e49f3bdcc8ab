#include "demo/generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "domain/fieldwork_summary.h"
#include "plan_check/plan_checker.h"

namespace cx::demo {
namespace {

using domain::Channel;

// The default demo is made once: it is the thing under test in most cases.
struct DefaultDemo {
  DemoWorld world = GenerateWorld(DemoOptions{});
  std::vector<domain::Contact> contacts;
  DefaultDemo() {
    contacts = AssignContacts(world, DemoOptions{}.seed);
    SimulateAnswers(world, contacts, DemoOptions{}.seed);
  }
};
const DefaultDemo& Demo() {
  static const DefaultDemo demo;
  return demo;
}

TEST(DemoGenerator, DefaultSizeIsTheContestsScale) {
  const auto& demo = Demo();
  EXPECT_EQ(demo.world.study.participants.size(), 180u);
  EXPECT_EQ(demo.world.shoppers.size(), 120u);
  EXPECT_EQ(demo.world.study.industries.size(), 12u);
  EXPECT_EQ(demo.world.study.period.Weeks(), 17);
  EXPECT_EQ(demo.contacts.size(), 4500u);  // 180 x 25
  std::map<std::string, int> per_participant;
  for (const auto& contact : demo.contacts) ++per_participant[contact.participant];
  for (const auto& [participant, count] : per_participant) EXPECT_EQ(count, 25) << participant;
}

TEST(DemoGenerator, ChannelAvailabilityMatchesThe2022FiguresWithin3Points) {
  // Seed 001: phone 94 %, e-mail/form 84 %, chat 63 %, Messenger 74 %.
  const std::map<Channel, double> seed = {{Channel::kPhone, 94},
                                          {Channel::kEmailForm, 84},
                                          {Channel::kChat, 63},
                                          {Channel::kMessenger, 74}};
  const auto& participants = Demo().world.study.participants;
  for (const auto& [channel, expected] : seed) {
    int offering = 0;
    for (const auto& participant : participants) offering += participant.Offers(channel) ? 1 : 0;
    const double share = 100.0 * offering / static_cast<double>(participants.size());
    EXPECT_NEAR(share, expected, 3.0) << domain::ToString(channel);
  }
}

TEST(DemoGenerator, NoShopperContactsACompanyTwice) {
  const auto& demo = Demo();
  std::map<std::string, std::string> company_of;
  for (const auto& participant : demo.world.study.participants)
    company_of[participant.id] = participant.company;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& contact : demo.contacts) {
    EXPECT_TRUE(seen.insert({contact.shopper, company_of.at(contact.participant)}).second)
        << contact.shopper << " contacts " << company_of.at(contact.participant) << " twice";
  }
  // The rule has teeth: some companies have more than one customer centre.
  std::set<std::string> companies;
  for (const auto& [participant, company] : company_of) companies.insert(company);
  EXPECT_LT(companies.size(), demo.world.study.participants.size());
}

// The independent checker finds every hard constraint of the default demo's plan holding.
TEST(DemoGenerator, DefaultPlanPassesThePlanChecker) {
  const auto violations =
      plan_check::CheckPlan(Demo().world.study, Demo().world.shoppers, Demo().contacts);
  for (const auto& violation : violations)
    ADD_FAILURE() << violation.rule << " " << violation.subject << ": " << violation.message;
}

TEST(DemoGenerator, ShoppersOnlyDoChannelsTheyCan) {
  const auto& demo = Demo();
  std::map<std::string, const domain::Shopper*> shoppers;
  for (const auto& shopper : demo.world.shoppers) shoppers[shopper.id] = &shopper;
  for (const auto& contact : demo.contacts)
    EXPECT_TRUE(shoppers.at(contact.shopper)->CanDo(contact.channel));
}

TEST(DemoGenerator, MostContactsByPhoneThenChatEmailMessenger) {
  std::map<Channel, int> count;
  for (const auto& contact : Demo().contacts) ++count[contact.channel];
  EXPECT_GT(count[Channel::kPhone], count[Channel::kChat]);
  EXPECT_GT(count[Channel::kChat], count[Channel::kEmailForm]);
  EXPECT_GT(count[Channel::kEmailForm], count[Channel::kMessenger]);
}

TEST(DemoGenerator, WaitsAreRealisticPerChannel) {
  const auto summary = domain::SummarizeFieldwork(Demo().world.study, Demo().contacts);
  const auto& phone = summary.channels[0];
  const auto& email = summary.channels[1];
  const auto& chat = summary.channels[2];
  EXPECT_LT(*phone.median_wait_s, 120);  // seconds on phone and chat
  EXPECT_LT(*chat.median_wait_s, 120);
  EXPECT_GT(*email.median_wait_s, 3600);      // hours on e-mail
  EXPECT_LT(email.answered, email.reported);  // some e-mails never answered
}

// Share of yes_no answers that earned their points, by a grouping of contacts.
double GoodShare(const DemoWorld& world, const std::vector<domain::Contact>& contacts,
                 const std::function<bool(const domain::Contact&)>& include) {
  int good = 0, total = 0;
  for (const auto& contact : contacts) {
    if (!include(contact)) continue;
    for (const auto& answer : contact.answers) {
      const auto* question = world.study.FindQuestion(answer.question);
      if (question->type != domain::QuestionType::kYesNo || question->points == 0 ||
          answer.not_applicable)
        continue;
      ++total;
      good += (*answer.number != 0) == question->good_answer_yes ? 1 : 0;
    }
  }
  return total ? static_cast<double>(good) / total : 0;
}

TEST(DemoGenerator, PhoneBeatsMessengerAndPeopleBeatChatbots) {
  const auto& demo = Demo();
  const double phone = GoodShare(demo.world, demo.contacts,
                                 [](const auto& c) { return c.channel == Channel::kPhone; });
  const double messenger = GoodShare(
      demo.world, demo.contacts, [](const auto& c) { return c.channel == Channel::kMessenger; });
  EXPECT_GT(phone, messenger + 0.03);
  const double person = GoodShare(demo.world, demo.contacts, [](const auto& c) {
    return c.channel == Channel::kChat && c.responder == domain::Responder::kPerson;
  });
  const double bot = GoodShare(demo.world, demo.contacts, [](const auto& c) {
    return c.channel == Channel::kChat && c.responder == domain::Responder::kChatbot;
  });
  // Seed 001: chat with a person scored almost 50 % better than with a chatbot.
  EXPECT_GT(person, bot * 1.3);
}

TEST(DemoGenerator, AnswersFitTheQuestionnaire) {
  const auto& demo = Demo();
  for (const auto& contact : demo.contacts) {
    EXPECT_EQ(contact.status, domain::ContactStatus::kSubmitted);
    for (const auto& answer : contact.answers) {
      const auto* question = demo.world.study.FindQuestion(answer.question);
      ASSERT_NE(question, nullptr) << answer.question;
      EXPECT_TRUE(question->AppliesTo(contact.channel)) << contact.id << " " << question->id;
      if (answer.not_applicable) {
        EXPECT_TRUE(question->allow_na) << question->id;
        continue;
      }
      if (question->type == domain::QuestionType::kChoice) {
        ASSERT_TRUE(answer.text.has_value());
        bool known = false;
        for (const auto& option : question->options) known = known || option.id == *answer.text;
        EXPECT_TRUE(known) << question->id << " " << *answer.text;
      } else if (question->type != domain::QuestionType::kDuration &&
                 question->type != domain::QuestionType::kText) {
        ASSERT_TRUE(answer.number.has_value()) << question->id;
        EXPECT_GE(*answer.number, question->Min()) << question->id;
        EXPECT_LE(*answer.number, question->Max()) << question->id;
      }
    }
    // The chatbot hand-over question is only asked after a chatbot answered.
    const auto* handover = contact.FindAnswer("rec_handover");
    if (handover) {
      EXPECT_EQ(contact.responder, domain::Responder::kChatbot) << contact.id;
    }
  }
}

TEST(DemoGenerator, SameSeedSameStudyOtherSeedOtherStudy) {
  DemoOptions small;
  small.participants = 24;
  small.shoppers = 60;
  auto run = [](const DemoOptions& options) {
    DemoWorld world = GenerateWorld(options);
    auto contacts = AssignContacts(world, options.seed);
    SimulateAnswers(world, contacts, options.seed);
    return std::make_pair(world.study, contacts);
  };
  const auto first = run(small);
  EXPECT_EQ(run(small), first);
  small.seed = 7;
  EXPECT_NE(run(small).second, first.second);
}

TEST(DemoGenerator, TooFewShoppersIsAClearErrorNotACrash) {
  DemoOptions options;
  options.participants = 12;
  options.shoppers = 10;  // a company needs 25 different shoppers
  const DemoWorld world = GenerateWorld(options);
  try {
    (void)AssignContacts(world, options.seed);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("too few shoppers"), std::string::npos);
  }
}

}  // namespace
}  // namespace cx::demo
