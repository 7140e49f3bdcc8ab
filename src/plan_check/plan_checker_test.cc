#include "plan_check/plan_checker.h"

#include <gtest/gtest.h>

namespace cx::plan_check {
namespace {

using domain::Channel;

// Two weeks (Mon 2026-01-12 .. Sun 2026-01-25), 4 contacts per participant.
// Phone and chat share 1:1; phone open 08-16, chat 08-20, Monday to Friday.
// Company A has two centres: p1 (phone and chat: 2 + 2) and p2 (phone only: 4).
domain::Study Study() {
  domain::Study study;
  study.period.start = std::chrono::year{2026} / 1 / 12;
  study.period.end = std::chrono::year{2026} / 1 / 25;
  study.contacts_per_participant = 4;
  domain::ChannelSpec phone{Channel::kPhone, 1, 1, {{1, 2, 3, 4, 5}, 8 * 60, 16 * 60}, 600, {}, 1};
  domain::ChannelSpec chat{Channel::kChat, 1, 2, {{1, 2, 3, 4, 5}, 8 * 60, 20 * 60}, 600, {}, 1};
  study.channels = {phone, chat};
  domain::Industry bank;
  bank.id = "bank";
  bank.scenarios = {{"s1", {}, {}, {}, {}}, {"s2", {}, {}, {}, {}}};
  study.industries = {bank};
  study.participants = {
      {"p1",
       "A Privat",
       "A",
       "bank",
       10,
       "nb",
       {{Channel::kPhone, true, {}, ""}, {Channel::kChat, true, {}, ""}}},
      {"p2", "A Bedrift", "A", "bank", 10, "nb", {{Channel::kPhone, true, {}, ""}}}};
  return study;
}

std::vector<domain::Shopper> Shoppers() {
  std::vector<domain::Shopper> shoppers;
  for (int index = 1; index <= 8; ++index) {
    shoppers.push_back({"s00" + std::to_string(index),
                        "",
                        "30-44",
                        "female",
                        "Oslo",
                        {"nb"},
                        {Channel::kPhone, Channel::kChat},
                        5,
                        {}});
  }
  return shoppers;
}

domain::Contact Contact(std::string id, std::string participant, Channel channel,
                        std::string scenario, std::string shopper, std::string planned_at) {
  domain::Contact contact;
  contact.id = id;
  contact.participant = participant;
  contact.channel = channel;
  contact.scenario = scenario;
  contact.shopper = shopper;
  contact.planned_at = planned_at;
  return contact;
}

// Valid: each participant 2 contacts a week, scenarios s1, s2 alternating per
// channel, eight different shoppers for company A, all within opening hours.
std::vector<domain::Contact> Plan() {
  return {Contact("p1-1", "p1", Channel::kPhone, "s1", "s001", "2026-01-12T09:00"),
          Contact("p1-2", "p1", Channel::kChat, "s1", "s002", "2026-01-13T10:00"),
          Contact("p1-3", "p1", Channel::kPhone, "s2", "s003", "2026-01-19T09:00"),
          Contact("p1-4", "p1", Channel::kChat, "s2", "s004", "2026-01-20T10:00"),
          Contact("p2-1", "p2", Channel::kPhone, "s1", "s005", "2026-01-12T09:00"),
          Contact("p2-2", "p2", Channel::kPhone, "s2", "s006", "2026-01-14T11:00"),
          Contact("p2-3", "p2", Channel::kPhone, "s1", "s007", "2026-01-19T09:00"),
          Contact("p2-4", "p2", Channel::kPhone, "s2", "s008", "2026-01-21T11:00")};
}

std::vector<std::string> Rules(const std::vector<Violation>& violations) {
  std::vector<std::string> rules;
  for (const auto& violation : violations)
    rules.push_back(violation.rule + " " + violation.subject);
  return rules;
}

TEST(CheckPlan, AValidPlanHasNoViolations) {
  EXPECT_TRUE(CheckPlan(Study(), Shoppers(), Plan()).empty());
}

TEST(CheckPlan, ShopperTwiceAtOneCompanyAcrossItsCentres) {
  auto plan = Plan();
  plan[7].shopper = "s001";  // s001 already called p1, the other centre of company A
  EXPECT_EQ(Rules(CheckPlan(Study(), Shoppers(), plan)),
            std::vector<std::string>{"shopper_once_per_company s001"});
}

TEST(CheckPlan, OutsideOpeningHoursAndTwoInOneHour) {
  auto plan = Plan();
  plan[1].planned_at = "2026-01-13T20:00";  // chat closes at 20:00
  EXPECT_EQ(Rules(CheckPlan(Study(), Shoppers(), plan)),
            std::vector<std::string>{"opening_hours p1-2"});
  plan = Plan();
  plan[2].planned_at = "2026-01-12T09:30";  // the hour of p1-1, and week 1 now holds 3 of 4
  EXPECT_EQ(Rules(CheckPlan(Study(), Shoppers(), plan)),
            (std::vector<std::string>{"even_weeks p1", "one_per_hour p1"}));
}

TEST(CheckPlan, TooFewContactsBreakTheCountAndTheSplit) {
  auto plan = Plan();
  plan.pop_back();  // p2 keeps 3 phone contacts of 4
  EXPECT_EQ(Rules(CheckPlan(Study(), Shoppers(), plan)),
            (std::vector<std::string>{"channel_split p2", "contacts_per_participant p2"}));
}

TEST(CheckPlan, ShopperAbilityAwayDaysWeeklyMaximumAndProfile) {
  auto shoppers = Shoppers();
  shoppers[1].channels = {Channel::kPhone};  // s002 has a chat contact
  shoppers[2].away_dates = {"2026-01-19"};   // s003 called on the 19th
  shoppers[4].max_contacts_per_week = 0;     // s005 has one in week 1
  EXPECT_EQ(Rules(CheckPlan(Study(), shoppers, Plan())),
            (std::vector<std::string>{"shopper_away p1-3", "shopper_channel p1-2",
                                      "shopper_weekly_max s005"}));
  auto study = Study();
  study.industries[0].scenarios[1].profile.age_bands = {"60+"};  // s2 needs a shopper of 60 or more
  EXPECT_EQ(Rules(CheckPlan(study, Shoppers(), Plan())),
            (std::vector<std::string>{"shopper_profile p1-3", "shopper_profile p1-4",
                                      "shopper_profile p2-2", "shopper_profile p2-4"}));
}

TEST(CheckPlan, ScenariosMustRotateEvenly) {
  auto plan = Plan();
  plan[5].scenario = "s1";
  plan[7].scenario = "s1";  // p2 phone: s1 four times, s2 never
  EXPECT_EQ(Rules(CheckPlan(Study(), Shoppers(), plan)),
            std::vector<std::string>{"scenario_rotation p2"});
}

TEST(CheckPlan, ChannelNotOfferedGetsNone) {
  auto plan = Plan();
  plan[5].channel = Channel::kChat;  // p2 offers no chat
  const auto rules = Rules(CheckPlan(Study(), Shoppers(), plan));
  EXPECT_EQ(rules, (std::vector<std::string>{"channel_split p2",
                                             "channel_split p2"}));  // phone 3 of 4, chat 1 of 0
}

}  // namespace
}  // namespace cx::plan_check
