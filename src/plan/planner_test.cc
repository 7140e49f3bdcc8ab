#include "plan/planner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>

#include "demo/generator.h"
#include "plan/model.h"  // white-box: the integer programme on its own
#include "plan_check/plan_checker.h"

namespace cx::plan {
namespace {

using domain::Channel;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// Two weeks, Monday 12 to Sunday 25 January 2026; phone only, weekdays 08-16;
// one industry with scenarios A and B; 4 contacts per participant.
domain::Study SmallStudy(std::vector<std::pair<std::string, std::string>> participants) {
  domain::Study study;
  study.id = "small";
  study.period.start = year{2026} / month{1} / day{12};
  study.period.end = year{2026} / month{1} / day{25};
  study.contacts_per_participant = 4;
  domain::ChannelSpec phone;
  phone.channel = Channel::kPhone;
  phone.share = 1;
  phone.hours = {{1, 2, 3, 4, 5}, 8 * 60, 16 * 60};
  study.channels = {phone};
  domain::Industry bank;
  bank.id = "bank";
  bank.scenarios = {domain::Scenario{}, domain::Scenario{}};
  bank.scenarios[0].id = "A";
  bank.scenarios[1].id = "B";
  study.industries = {bank};
  for (const auto& [id, company] : participants) {
    domain::Participant participant;
    participant.id = id;
    participant.name = id;
    participant.company = company;
    participant.industry = "bank";
    for (Channel channel : domain::kAllChannels)
      participant.audit.push_back({channel, channel == Channel::kPhone, std::nullopt, ""});
    study.participants.push_back(participant);
  }
  return study;
}

std::vector<domain::Shopper> Shoppers(int count, int per_week) {
  std::vector<domain::Shopper> shoppers;
  for (int index = 1; index <= count; ++index) {
    domain::Shopper shopper;
    shopper.id = "s" + std::to_string(index);
    shopper.age_band = "30-44";
    shopper.gender = index % 2 ? "female" : "male";
    shopper.region = index % 3 ? "Oslo" : "Vestland";
    shopper.channels = {Channel::kPhone};
    shopper.max_contacts_per_week = per_week;
    shoppers.push_back(shopper);
  }
  return shoppers;
}

void ExpectChecked(const domain::Study& study, const std::vector<domain::Shopper>& shoppers,
                   const std::vector<domain::Contact>& contacts) {
  for (const auto& v : plan_check::CheckPlan(study, shoppers, contacts))
    ADD_FAILURE() << v.rule << " " << v.subject << ": " << v.message;
}

int WeekOf(const domain::Contact& contact) {
  // 2026-01-12 .. 18 is week 1, 19 .. 25 week 2.
  return std::stoi(contact.planned_at.substr(8, 2)) <= 18 ? 1 : 2;
}

Plan MustPlan(const domain::Study& study, const std::vector<domain::Shopper>& shoppers) {
  auto plan = MakePlan(study, shoppers);
  EXPECT_TRUE(plan) << (plan ? "" : plan.error().ToString());
  return plan ? *plan : Plan{};
}

TEST(Planner, SmallStudyMeetsEveryRuleByHand) {
  // p1 and p2 are two centres of one company: 8 contacts need 8 shoppers.
  const auto study = SmallStudy({{"p1", "C1"}, {"p2", "C1"}, {"p3", "C2"}});
  const auto shoppers = Shoppers(8, 2);
  const Plan plan = MustPlan(study, shoppers);
  ASSERT_EQ(plan.contacts.size(), 12u);
  ExpectChecked(study, shoppers, plan.contacts);
  std::map<std::string, std::map<int, int>> weeks;
  std::map<std::string, std::map<std::string, int>> scenarios;
  std::set<std::string> c1_shoppers;
  for (const auto& contact : plan.contacts) {
    ++weeks[contact.participant][WeekOf(contact)];
    ++scenarios[contact.participant][contact.scenario];
    if (contact.participant != "p3") c1_shoppers.insert(contact.shopper);
    EXPECT_EQ(contact.status, domain::ContactStatus::kPlanned);
    const int hour = std::stoi(contact.planned_at.substr(11, 2));
    EXPECT_GE(hour, 8);
    EXPECT_LT(hour, 16);
  }
  for (const auto& id : {"p1", "p2", "p3"}) {
    // 4 contacts over 2 weeks: 2 + 2; scenarios A and B twice each.
    EXPECT_EQ(weeks[id][1], 2) << id;
    EXPECT_EQ(weeks[id][2], 2) << id;
    EXPECT_EQ(scenarios[id]["A"], 2) << id;
    EXPECT_EQ(scenarios[id]["B"], 2) << id;
  }
  EXPECT_EQ(c1_shoppers.size(), 8u);  // every shopper once for company C1
}

TEST(Planner, CompanyNeedsMoreDistinctShoppersThanThePoolHas) {
  const auto study = SmallStudy({{"p1", "C1"}, {"p2", "C1"}, {"p3", "C2"}});
  const auto plan = MakePlan(study, Shoppers(7, 2));
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(plan.error().ToString(),
            "plan of study small: no plan can meet every hard constraint:\n"
            "company C1 (2 customer centres) needs 8 contacts from distinct shoppers (8 phone) "
            "but only 7 shoppers can do them");
}

TEST(Planner, WeeklyCapacityTooSmallIsExplainedPerPeriodAndWeek) {
  // 3 companies x 4 contacts = 12, 6 a week; 4 shoppers x 1 a week = 4 a week, 8 in all.
  const auto study = SmallStudy({{"p1", "C1"}, {"p2", "C2"}, {"p3", "C3"}});
  const auto plan = MakePlan(study, Shoppers(4, 1));
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message,
            "no plan can meet every hard constraint:\n"
            "industry bank needs 12 phone contacts in weeks 1-2; shoppers who can phone have 8 "
            "free slots\n"
            "the study needs 12 contacts in weeks 1-2; the shoppers have 8 free slots\n"
            "week 1 needs 6 phone contacts; shoppers who can phone have 4 free slots that week\n"
            "week 1 needs 6 contacts; the shoppers have 4 free slots that week\n"
            "week 2 needs 6 phone contacts; shoppers who can phone have 4 free slots that week\n"
            "week 2 needs 6 contacts; the shoppers have 4 free slots that week");
}

TEST(Planner, WeeklyMaximumHoldsWhenItIsExactlyTight) {
  // 6 contacts a week, 6 shoppers with 1 a week: each works exactly once a week.
  const auto study = SmallStudy({{"p1", "C1"}, {"p2", "C2"}, {"p3", "C3"}});
  const auto shoppers = Shoppers(6, 1);
  const Plan plan = MustPlan(study, shoppers);
  ExpectChecked(study, shoppers, plan.contacts);
  std::map<std::pair<std::string, int>, int> per_week;
  for (const auto& contact : plan.contacts) ++per_week[{contact.shopper, WeekOf(contact)}];
  EXPECT_EQ(per_week.size(), 12u);
  for (const auto& [key, count] : per_week) EXPECT_EQ(count, 1) << key.first;
}

TEST(Planner, NoContactOnAnAwayDate) {
  // 7 shoppers with 1 a week, s1 away all of week 1: week 1's 6 contacts go to s2..s7.
  const auto study = SmallStudy({{"p1", "C1"}, {"p2", "C2"}, {"p3", "C3"}});
  auto shoppers = Shoppers(7, 1);
  for (int date = 12; date <= 18; ++date)
    shoppers[0].away_dates.push_back("2026-01-" + std::to_string(date));
  const Plan plan = MustPlan(study, shoppers);
  ExpectChecked(study, shoppers, plan.contacts);
  for (const auto& contact : plan.contacts) {
    if (WeekOf(contact) == 1) {
      EXPECT_NE(contact.shopper, "s1") << contact.planned_at;
    }
  }
}

TEST(Planner, OnlyShoppersWhoCanDoTheChannel) {
  // Phone 2 : chat 2 of 4 contacts; s1-s4 phone only, s5-s8 chat only.
  auto study = SmallStudy({{"p1", "C1"}, {"p2", "C2"}});
  domain::ChannelSpec chat = study.channels.front();
  chat.channel = Channel::kChat;
  chat.priority = 1;
  study.channels.push_back(chat);
  for (auto& participant : study.participants) participant.audit[2].offered = true;
  auto shoppers = Shoppers(8, 2);
  for (size_t s = 4; s < 8; ++s) shoppers[s].channels = {Channel::kChat};
  const Plan plan = MustPlan(study, shoppers);
  ExpectChecked(study, shoppers, plan.contacts);
  std::map<Channel, int> per_channel;
  for (const auto& contact : plan.contacts) {
    ++per_channel[contact.channel];
    const int number = std::stoi(contact.shopper.substr(1));
    EXPECT_EQ(contact.channel == Channel::kPhone, number <= 4) << contact.id;
  }
  EXPECT_EQ(per_channel[Channel::kPhone], 4);
  EXPECT_EQ(per_channel[Channel::kChat], 4);
}

TEST(Planner, ChannelSplitFollowsLargestRemainderUnderThreeChannels) {
  // 25 over phone .40, e-mail .18, chat .30 (Messenger .12 is cut by the limit of 3):
  // quotas 11.36, 5.11, 8.52 -> 11, 5, 8 and the last one to chat: 11, 5, 9.
  auto study = SmallStudy({{"p1", "C1"}});
  study.contacts_per_participant = 25;
  study.max_channels_per_participant = 3;
  study.period.end = year{2026} / month{5} / day{10};  // 17 weeks
  const double shares[] = {0.40, 0.18, 0.30, 0.12};
  study.channels.clear();
  for (int c = 0; c < 4; ++c) {
    domain::ChannelSpec spec;
    spec.channel = domain::kAllChannels[static_cast<size_t>(c)];
    spec.share = shares[c];
    spec.priority = c + 1;
    spec.hours = {{1, 2, 3, 4, 5}, 8 * 60, 16 * 60};
    study.channels.push_back(spec);
  }
  for (auto& audit : study.participants[0].audit) audit.offered = true;
  auto shoppers = Shoppers(30, 3);
  for (auto& shopper : shoppers)
    shopper.channels = {Channel::kPhone, Channel::kEmailForm, Channel::kChat, Channel::kMessenger};
  const Plan plan = MustPlan(study, shoppers);
  ExpectChecked(study, shoppers, plan.contacts);
  std::map<Channel, int> per_channel;
  std::map<std::string, int> per_week;
  for (const auto& contact : plan.contacts) {
    ++per_channel[contact.channel];
    ++per_week[contact.planned_at.substr(0, 10)];
  }
  EXPECT_EQ(per_channel[Channel::kPhone], 11);
  EXPECT_EQ(per_channel[Channel::kEmailForm], 5);
  EXPECT_EQ(per_channel[Channel::kChat], 9);
  EXPECT_EQ(per_channel[Channel::kMessenger], 0);
}

TEST(Planner, ScenarioProfileOnlyGoesToMatchingShoppers) {
  // Scenario B asks for age 60+; s1-s3 are 60+. Each participant has 2 B contacts.
  auto study = SmallStudy({{"p1", "C1"}, {"p2", "C2"}, {"p3", "C3"}});
  study.industries[0].scenarios[1].profile.age_bands = {"60+"};
  auto shoppers = Shoppers(8, 2);
  for (size_t s = 0; s < 3; ++s) shoppers[s].age_band = "60+";
  const Plan plan = MustPlan(study, shoppers);
  ExpectChecked(study, shoppers, plan.contacts);
  int b = 0;
  for (const auto& contact : plan.contacts) {
    if (contact.scenario != "B") continue;
    ++b;
    EXPECT_TRUE(contact.shopper == "s1" || contact.shopper == "s2" || contact.shopper == "s3")
        << contact.id << " " << contact.shopper;
  }
  EXPECT_EQ(b, 6);
}

TEST(Planner, TooFewShoppersForAProfileIsExplained) {
  auto study = SmallStudy({{"p1", "C1"}});
  study.industries[0].scenarios[1].profile.age_bands = {"60+"};
  auto shoppers = Shoppers(8, 2);
  shoppers[0].age_band = "60+";
  const auto plan = MakePlan(study, shoppers);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message,
            "no plan can meet every hard constraint:\n"
            "participant p1 needs 2 contacts from distinct shoppers (2 phone (age 60+)) but only "
            "1 shopper can do them");
}

TEST(Planner, TooFewSlotsForAProfileOverThePeriodIsExplained) {
  // 4 companies x 2 B contacts (age 60+) = 8; the 2 seniors work 1 a week: 4 slots.
  auto study = SmallStudy({{"p1", "C1"}, {"p2", "C2"}, {"p3", "C3"}, {"p4", "C4"}});
  study.industries[0].scenarios[1].profile.age_bands = {"60+"};
  auto shoppers = Shoppers(8, 2);
  for (size_t s = 0; s < 2; ++s) {
    shoppers[s].age_band = "60+";
    shoppers[s].max_contacts_per_week = 1;
  }
  const auto plan = MakePlan(study, shoppers);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message,
            "no plan can meet every hard constraint:\n"
            "the study needs 8 contacts for shoppers of age 60+ (B) in weeks 1-2; shoppers of age "
            "60+ have 4 free slots");
}

TEST(Planner, NoChannelOfferedIsExplained) {
  auto study = SmallStudy({{"p1", "C1"}});
  study.participants[0].audit[0].offered = false;
  const auto plan = MakePlan(study, Shoppers(8, 2));
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message,
            "no plan can meet every hard constraint:\n"
            "participant p1: offers none of the study's channels, so it cannot be contacted");
}

TEST(Repair, ShopperDropsOutDoneContactsStayAndEveryRuleHolds) {
  const auto study = SmallStudy({{"p1", "C1"}, {"p2", "C1"}, {"p3", "C2"}});
  const auto shoppers = Shoppers(10, 2);
  Plan plan = MustPlan(study, shoppers);
  // Week 1 is done; s1..s10 - pick the shopper with a planned contact in week 2.
  std::string dropped;
  for (auto& contact : plan.contacts) {
    if (WeekOf(contact) == 1)
      contact.status = domain::ContactStatus::kApproved;
    else if (dropped.empty())
      dropped = contact.shopper;
  }
  ASSERT_FALSE(dropped.empty());
  const auto before = plan.contacts;
  auto outcome = Repair(study, shoppers, plan.contacts, RepairRequest{{dropped}});
  ASSERT_TRUE(outcome) << outcome.error().ToString();
  std::map<std::string, domain::Contact> merged;
  for (const auto& contact : plan.contacts) merged[contact.id] = contact;
  for (const auto& contact : outcome->changed) merged[contact.id] = contact;
  std::vector<domain::Contact> after;
  for (const auto& [id, contact] : merged) after.push_back(contact);
  ExpectChecked(study, shoppers, after);
  int open_of_dropped = 0;
  for (const auto& contact : before) {
    const auto& now = merged.at(contact.id);
    if (contact.status != domain::ContactStatus::kPlanned) {
      EXPECT_EQ(now, contact) << "done contact changed: " << contact.id;
    } else if (contact.shopper == dropped) {
      ++open_of_dropped;
      EXPECT_NE(now.shopper, dropped);
      EXPECT_EQ(now.planned_at, contact.planned_at);
    }
  }
  EXPECT_GE(open_of_dropped, 1);
  // One change per moved contact, each saying why.
  ASSERT_EQ(outcome->changes.size(), outcome->changed.size());
  for (const auto& change : outcome->changes) {
    EXPECT_EQ(change.field, "shopper");
    EXPECT_FALSE(change.reason.empty());
  }
  int moved_for_drop = 0;
  for (const auto& change : outcome->changes) {
    if (change.old_value == dropped) {
      ++moved_for_drop;
      EXPECT_EQ(change.reason, "shopper " + dropped + " dropped out");
    }
  }
  EXPECT_EQ(moved_for_drop, open_of_dropped);
}

TEST(Repair, FailedContactIsReplacedInItsWeekWithItsScenario) {
  const auto study = SmallStudy({{"p1", "C1"}, {"p2", "C2"}});
  const auto shoppers = Shoppers(8, 2);
  Plan plan = MustPlan(study, shoppers);
  domain::Contact& failed = plan.contacts[1];
  failed.status = domain::ContactStatus::kFailed;
  auto outcome = Repair(study, shoppers, plan.contacts, RepairRequest{});
  ASSERT_TRUE(outcome) << outcome.error().ToString();
  ASSERT_EQ(outcome->changed.size(), 1u);
  const auto& created = outcome->changed[0];
  EXPECT_EQ(created.id, failed.id + "-r");
  EXPECT_EQ(created.participant, failed.participant);
  EXPECT_EQ(created.channel, failed.channel);
  EXPECT_EQ(created.scenario, failed.scenario);
  EXPECT_EQ(WeekOf(created), WeekOf(failed));
  EXPECT_NE(created.shopper, failed.shopper);  // it contacted the company already
  ASSERT_EQ(outcome->changes.size(), 1u);
  EXPECT_EQ(outcome->changes[0].field, "created");
  EXPECT_EQ(outcome->changes[0].reason, "replaces failed contact " + failed.id);
  auto after = plan.contacts;
  after.push_back(created);
  ExpectChecked(study, shoppers, after);
  // A second repair finds nothing to do.
  auto again = Repair(study, shoppers, after, RepairRequest{});
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->changed.empty());
}

TEST(Repair, ParticipantDropsAChannelItsPlannedContactsMove) {
  // p1 offers phone (08-16) and chat (08-20), shares 1:1: 2 + 2 of 4 contacts.
  auto study = SmallStudy({{"p1", "C1"}, {"p2", "C2"}});
  domain::ChannelSpec chat = study.channels.front();
  chat.channel = Channel::kChat;
  chat.priority = 1;
  chat.hours.close_minute = 20 * 60;
  study.channels.push_back(chat);
  study.participants[0].audit[2].offered = true;
  auto shoppers = Shoppers(8, 2);
  for (auto& shopper : shoppers) shopper.channels = {Channel::kPhone, Channel::kChat};
  Plan plan = MustPlan(study, shoppers);
  int chats = 0;
  for (const auto& contact : plan.contacts) chats += contact.channel == Channel::kChat;
  ASSERT_EQ(chats, 2);
  // Chat is withdrawn: all 4 of p1's contacts are now phone (still 2 a week, A and B twice).
  study.participants[0].audit[2].offered = false;
  auto outcome = Repair(study, shoppers, plan.contacts, RepairRequest{});
  ASSERT_TRUE(outcome) << outcome.error().ToString();
  EXPECT_EQ(outcome->changed.size(), 2u);
  std::map<std::string, domain::Contact> merged;
  for (const auto& contact : plan.contacts) merged[contact.id] = contact;
  for (const auto& contact : outcome->changed) merged[contact.id] = contact;
  std::vector<domain::Contact> after;
  for (const auto& [id, contact] : merged) after.push_back(contact);
  ExpectChecked(study, shoppers, after);
  int channel_changes = 0;
  for (const auto& change : outcome->changes) {
    if (change.field != "channel") continue;
    ++channel_changes;
    EXPECT_EQ(change.old_value, "chat");
    EXPECT_EQ(change.new_value, "phone");
    EXPECT_EQ(change.reason, "p1 changed its channels: chat now gets fewer contacts");
  }
  EXPECT_EQ(channel_changes, 2);
}

// SmallStudy with chat (08-16, share 1 like phone, priority after phone).
domain::Study PhoneAndChatStudy(std::vector<std::pair<std::string, std::string>> participants) {
  auto study = SmallStudy(std::move(participants));
  domain::ChannelSpec chat = study.channels.front();
  chat.channel = Channel::kChat;
  chat.priority = 1;
  study.channels.push_back(chat);
  return study;
}

domain::Contact Planned(const std::string& id, const std::string& shopper, Channel channel,
                        const std::string& scenario, const std::string& at) {
  domain::Contact contact;
  contact.id = id;
  contact.participant = "p1";
  contact.shopper = shopper;
  contact.channel = channel;
  contact.scenario = scenario;
  contact.planned_at = at;
  return contact;
}

TEST(Repair, ChannelAddedScenariosRotateAgainOnEveryChannel) {
  // p1 offered phone only: A, A in week 1 and B, B in week 2 (A and B twice
  // each, a valid rotation). It now offers chat too: 2 phone + 2 chat. Keeping
  // the earliest two on phone would leave phone with A twice and B never, so
  // the scenarios are rotated again: phone gets A and B, and so does chat.
  auto study = PhoneAndChatStudy({{"p1", "C1"}});
  auto shoppers = Shoppers(8, 2);
  for (auto& shopper : shoppers) shopper.channels = {Channel::kPhone, Channel::kChat};
  const std::vector<domain::Contact> contacts = {
      Planned("p1-01", "s1", Channel::kPhone, "A", "2026-01-12T08:00"),
      Planned("p1-02", "s2", Channel::kPhone, "A", "2026-01-13T08:00"),
      Planned("p1-03", "s3", Channel::kPhone, "B", "2026-01-19T08:00"),
      Planned("p1-04", "s4", Channel::kPhone, "B", "2026-01-20T08:00")};
  ExpectChecked(study, shoppers, contacts);
  study.participants[0].audit[2].offered = true;  // chat
  auto outcome = Repair(study, shoppers, contacts, RepairRequest{});
  ASSERT_TRUE(outcome) << outcome.error().ToString();
  std::map<std::string, domain::Contact> merged;
  for (const auto& contact : contacts) merged[contact.id] = contact;
  for (const auto& contact : outcome->changed) merged[contact.id] = contact;
  std::vector<domain::Contact> after;
  std::map<Channel, std::multiset<std::string>> scenarios;
  for (const auto& [id, contact] : merged) {
    after.push_back(contact);
    scenarios[contact.channel].insert(contact.scenario);
  }
  ExpectChecked(study, shoppers, after);
  EXPECT_EQ(scenarios[Channel::kPhone], (std::multiset<std::string>{"A", "B"}));
  EXPECT_EQ(scenarios[Channel::kChat], (std::multiset<std::string>{"A", "B"}));
  // p1-01 stays as it was; p1-02 keeps phone but takes B; the week 2
  // contacts move to chat, one of them taking A.
  EXPECT_EQ(merged["p1-01"], contacts[0]);
  EXPECT_EQ(merged["p1-02"].channel, Channel::kPhone);
  EXPECT_EQ(merged["p1-02"].scenario, "B");
  EXPECT_EQ(merged["p1-03"].channel, Channel::kChat);
  EXPECT_EQ(merged["p1-04"].channel, Channel::kChat);
  for (const auto& change : outcome->changes) {
    if (change.entity_id == "p1-02") {
      EXPECT_EQ(change.field, "scenario");
      EXPECT_EQ(change.reason, "p1 changed its channels: scenarios rotated again on phone");
    }
  }
}

TEST(ChannelChange, NewAuditKeepsEaseAndCountsTheContactsToMove) {
  auto study = PhoneAndChatStudy({{"p1", "C1"}});
  study.participants[0].audit[0].ease = domain::Ease::kHard;  // phone
  // Phone only: 4 planned phone contacts, one of them done.
  std::vector<domain::Contact> contacts = {
      Planned("p1-01", "s1", Channel::kPhone, "A", "2026-01-12T08:00"),
      Planned("p1-02", "s2", Channel::kPhone, "B", "2026-01-13T08:00"),
      Planned("p1-03", "s3", Channel::kPhone, "A", "2026-01-19T08:00"),
      Planned("p1-04", "s4", Channel::kPhone, "B", "2026-01-20T08:00")};
  contacts[0].status = domain::ContactStatus::kApproved;
  auto change = ChangeOfferedChannels(study, "p1", {" Chat", "phone", "chat"}, contacts);
  ASSERT_TRUE(change) << change.error().ToString();
  EXPECT_EQ(change->old_offers, (std::vector<Channel>{Channel::kPhone}));
  EXPECT_EQ(change->new_offers, (std::vector<Channel>{Channel::kPhone, Channel::kChat}));
  // 4 contacts, shares 1:1: 2 + 2; phone has 4, so 2 planned ones move.
  EXPECT_EQ(change->new_split,
            (std::vector<std::pair<Channel, int>>{{Channel::kPhone, 2}, {Channel::kChat, 2}}));
  EXPECT_EQ(change->contacts_to_move, 2);
  ASSERT_EQ(change->audit.size(), 4u);
  EXPECT_TRUE(change->audit[0].offered);
  EXPECT_EQ(change->audit[0].ease, domain::Ease::kHard);  // still offered: ease kept
  EXPECT_TRUE(change->audit[2].offered);                  // chat, newly offered ...
  EXPECT_FALSE(change->audit[2].ease.has_value());        // ... not yet looked at
  EXPECT_FALSE(change->audit[3].offered);                 // messenger

  auto fax = ChangeOfferedChannels(study, "p1", {"phone", "fax"}, contacts);
  ASSERT_FALSE(fax);
  EXPECT_EQ(fax.error().ToString(), "--offers: 'fax' is not a channel; expected phone, chat");
  auto messenger = ChangeOfferedChannels(study, "p1", {"messenger"}, contacts);
  ASSERT_FALSE(messenger);
  EXPECT_EQ(messenger.error().ToString(),
            "--offers: 'messenger' is not one of study small's channels (phone, chat)");
  auto none = ChangeOfferedChannels(study, "p1", {""}, contacts);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().ToString(),
            "--offers: participant p1 would offer none of the study's channels (phone, chat); a "
            "participant must offer at least one");
  // Chat alone gives phone 0, but one phone contact is done.
  auto done = ChangeOfferedChannels(study, "p1", {"chat"}, contacts);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().ToString(),
            "--offers: participant p1 has 1 phone contacts done or under way; the new channels "
            "would give that channel 0");
  auto nobody = ChangeOfferedChannels(study, "p9", {"phone"}, contacts);
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().code, ErrorCode::kNotFound);
}

TEST(Repair, DoneContactsOnAWithdrawnChannelAreExplained) {
  auto study = SmallStudy({{"p1", "C1"}});
  domain::ChannelSpec chat = study.channels.front();
  chat.channel = Channel::kChat;
  chat.priority = 1;
  study.channels.push_back(chat);
  study.participants[0].audit[2].offered = true;
  auto shoppers = Shoppers(8, 2);
  for (auto& shopper : shoppers) shopper.channels = {Channel::kPhone, Channel::kChat};
  Plan plan = MustPlan(study, shoppers);
  for (auto& contact : plan.contacts) {
    if (contact.channel == Channel::kChat) contact.status = domain::ContactStatus::kApproved;
  }
  study.participants[0].audit[2].offered = false;
  const auto outcome = Repair(study, shoppers, plan.contacts, RepairRequest{});
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().message,
            "participant p1 has 2 chat contacts done or under way; its channels now give that "
            "channel 0");
}

TEST(Repair, NoShopperLeftIsExplained) {
  // 4 contacts of C1 and exactly 4 shoppers: when one drops out nobody may take its contact.
  const auto study = SmallStudy({{"p1", "C1"}});
  const auto shoppers = Shoppers(4, 2);
  const Plan plan = MustPlan(study, shoppers);
  const auto outcome = Repair(study, shoppers, plan.contacts, RepairRequest{{"s1"}});
  ASSERT_FALSE(outcome);
  const auto& moved = *std::find_if(plan.contacts.begin(), plan.contacts.end(),
                                    [](const auto& c) { return c.shopper == "s1"; });
  EXPECT_EQ(outcome.error().message,
            "no repair keeps every hard constraint:\ncontact " + moved.id + " (C1, phone, " +
                moved.scenario + ", week " + std::to_string(WeekOf(moved)) +
                "): 3 shoppers can do it on " + moved.planned_at.substr(0, 10) +
                ", 0 of them have a free place that week and have not contacted the company");
}

TEST(Planner, IntegerProgrammeAloneMeetsEveryRule) {
  // Stage 4 on its own: each company by GLPK, the profile rule included.
  auto study = SmallStudy({{"p1", "C1"}, {"p2", "C1"}, {"p3", "C2"}});
  study.industries[0].scenarios[1].profile.age_bands = {"60+"};
  auto shoppers = Shoppers(9, 2);
  for (size_t s = 0; s < 4; ++s) shoppers[s].age_band = "60+";
  shoppers[8].away_dates = {"2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16"};
  PlanOptions options;
  options.flows = false;
  auto plan = MakePlan(study, shoppers, options);
  ASSERT_TRUE(plan) << plan.error().ToString();
  EXPECT_EQ(plan->stats.flow_problems, 0);
  EXPECT_EQ(plan->stats.ilp_problems, 2);  // one per company
  EXPECT_EQ(plan->stats.placed_by_ilp, 12);
  ExpectChecked(study, shoppers, plan->contacts);
}

TEST(IntegerProgramme, CheapestCandidatesBoundFailsTheFullProgrammeDoesNot) {
  // Two contacts of company C1 in week 1 and shoppers s1, s2, s3 with 0, 1
  // and 2 contacts already (elsewhere). A contact's cost is its workload
  // 8 * total + 20 * this week (no region or scarcity terms here): s1 0,
  // s2 8, s3 16. Bounded to its 1 cheapest shopper, each contact is offered
  // s1 alone, who may serve C1 once: that programme has no solution. The plan
  // exists (s1 and s2, cost 8), and the full programme finds it.
  const auto study = SmallStudy({{"p1", "C1"}});
  const auto shoppers = Shoppers(3, 2);
  const Model model(study, shoppers);
  std::vector<Slot> slots(2);
  for (size_t index = 0; index < slots.size(); ++index) {
    Slot& slot = slots[index];
    slot.id = "p1-0" + std::to_string(index + 1);
    slot.company = 0;
    slot.participant = 0;
    slot.channel = Channel::kPhone;
    slot.scenario = &study.industries[0].scenarios[index];
    slot.day = model.first_monday + static_cast<Day>(index);  // Monday, Tuesday
    slot.minute = 8 * 60;
    slot.week = 1;
  }
  auto place = [&](size_t candidates) {
    Ledger ledger(model);
    ledger.total = {0, 1, 2};
    for (const Slot& slot : slots) ledger.Expect(model, slot);
    std::vector<Slot> placed = slots;
    const IlpResult result = PlaceByIlp(model, ledger, placed, {0, 1}, candidates);
    std::multiset<int> chosen;
    for (const Slot& slot : placed) chosen.insert(slot.shopper);
    return std::make_pair(result, chosen);
  };
  const auto [bounded, bounded_shoppers] = place(1);
  EXPECT_TRUE(bounded.placed);
  EXPECT_TRUE(bounded.widened);  // the bound of 1 had no solution
  EXPECT_EQ(bounded_shoppers, (std::multiset<int>{0, 1}));
  const auto [wide, wide_shoppers] = place(2);
  EXPECT_TRUE(wide.placed);
  EXPECT_FALSE(wide.widened);  // 2 candidates each suffice
  EXPECT_EQ(wide_shoppers, (std::multiset<int>{0, 1}));
}

TEST(Planner, IntegerProgrammeBoundNeverMakesAPlanImpossible) {
  // One candidate per contact: every contact of a company ranks the same
  // (least loaded, lowest) shopper first, who can serve the company once, so
  // each company's bounded programme fails; solved again over all eligible
  // shoppers, the plan is found and meets every rule.
  const auto study = SmallStudy({{"p1", "C1"}, {"p2", "C1"}, {"p3", "C2"}});
  const auto shoppers = Shoppers(8, 2);
  PlanOptions options;
  options.flows = false;
  options.ilp_candidates = 1;
  auto plan = MakePlan(study, shoppers, options);
  ASSERT_TRUE(plan) << plan.error().ToString();
  EXPECT_EQ(plan->stats.ilp_problems, 2);
  EXPECT_EQ(plan->stats.ilp_widened, 2);
  EXPECT_EQ(plan->stats.placed_by_ilp, 12);
  ExpectChecked(study, shoppers, plan->contacts);
}

TEST(Planner, DefaultDemoPlanPassesTheChecker) {
  const demo::DemoWorld world = demo::GenerateWorld(demo::DemoOptions{});
  const auto plan = MakePlan(world.study, world.shoppers);
  ASSERT_TRUE(plan) << plan.error().ToString();
  EXPECT_EQ(plan->contacts.size(), 4500u);
  ExpectChecked(world.study, world.shoppers, plan->contacts);
  // Even workload: every shopper is used, none far above the mean of 37.5.
  EXPECT_EQ(plan->stats.shoppers_used, 120);
}

}  // namespace
}  // namespace cx::plan

namespace cx::plan {
namespace {

// Fieldwork from Thursday 15 to Wednesday 28 January 2026 touches three
// calendar weeks: Thu 15 - Sun 18 (week 1), Mon 19 - Sun 25 (week 2) and
// Mon 26 - Wed 28 (week 3; counted from the start day there would be two
// weeks, and these three days would belong to none).
TEST(Planner, AThursdayStartPlansCalendarWeeksAndTheirWeeklyMaximum) {
  auto study = SmallStudy({{"p1", "c1"}, {"p2", "c2"}, {"p3", "c3"}});
  study.period.start = year{2026} / month{1} / day{15};
  study.period.end = year{2026} / month{1} / day{28};
  ASSERT_EQ(study.period.Weeks(), 3);
  const auto shoppers = Shoppers(6, 2);
  const Plan plan = MustPlan(study, shoppers);
  ExpectChecked(study, shoppers, plan.contacts);
  std::map<std::pair<std::string, int>, int> by_participant_week, by_shopper_week;
  for (const auto& contact : plan.contacts) {
    const int week = study.period.WeekOf(LocalDateTime::Parse(contact.planned_at)->date);
    ++by_participant_week[{contact.participant, week}];
    ++by_shopper_week[{contact.shopper, week}];
  }
  // 4 contacts over 3 weeks: 1 or 2 in each, including the short weeks.
  for (const char* participant : {"p1", "p2", "p3"}) {
    int total = 0;
    for (int week = 1; week <= 3; ++week) {
      const int count = by_participant_week[{participant, week}];
      EXPECT_TRUE(count == 1 || count == 2) << participant << " week " << week << ": " << count;
      total += count;
    }
    EXPECT_EQ(total, 4) << participant;
  }
  for (const auto& [key, count] : by_shopper_week)
    EXPECT_LE(count, 2) << key.first << " in week " << key.second;
}

}  // namespace
}  // namespace cx::plan
