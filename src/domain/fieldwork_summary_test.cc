#include "domain/fieldwork_summary.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

TEST(Quantile, InterpolatesBetweenOrderStatistics) {
  // Type 7: h = (n-1) q. For {10, 20, 30, 40}: median h = 1.5 -> 20 + 0.5*10 = 25;
  // q = 0.9: h = 2.7 -> 30 + 0.7*10 = 37.
  EXPECT_DOUBLE_EQ(*Quantile({40, 10, 30, 20}, 0.5), 25.0);
  EXPECT_DOUBLE_EQ(*Quantile({40, 10, 30, 20}, 0.9), 37.0);
  EXPECT_DOUBLE_EQ(*Quantile({7}, 0.9), 7.0);
  EXPECT_FALSE(Quantile({}, 0.5).has_value());
}

TEST(SummarizeFieldwork, CountsChannelsAnswersAndRepeatVisits) {
  Study study;
  Participant a{
      "a",
      "A Nord",
      "A",
      "bank",
      10,
      "nb",
      {{Channel::kPhone, true, Ease::kEasy, ""}, {Channel::kChat, true, Ease::kHard, ""}}};
  Participant b{"b", "A Sør", "A", "bank", 10, "nb", {{Channel::kPhone, true, Ease::kHard, ""}}};
  study.participants = {a, b};
  auto contact = [](std::string id, std::string participant, std::string shopper, Channel channel,
                    std::optional<double> wait) {
    Contact c;
    c.id = id;
    c.participant = participant;
    c.shopper = shopper;
    c.channel = channel;
    c.status = ContactStatus::kSubmitted;
    c.wait_seconds = wait;
    return c;
  };
  // s1 visits company A twice (once per centre): the summary must show 2.
  std::vector<Contact> contacts = {contact("1", "a", "s1", Channel::kPhone, 10.0),
                                   contact("2", "b", "s1", Channel::kPhone, 30.0),
                                   contact("3", "a", "s2", Channel::kChat, std::nullopt)};
  const auto summary = SummarizeFieldwork(study, contacts);
  EXPECT_EQ(summary.companies, 1);
  EXPECT_EQ(summary.max_contacts_shopper_company, 2);
  const auto& phone = summary.channels[0];
  EXPECT_EQ(phone.participants_offering, 2);
  EXPECT_EQ(phone.participants_easy, 1);
  EXPECT_EQ(phone.contacts, 2);
  EXPECT_EQ(phone.answered, 2);
  EXPECT_DOUBLE_EQ(*phone.median_wait_s, 20.0);  // median of {10, 30}
  const auto& chat = summary.channels[2];
  EXPECT_EQ(chat.contacts, 1);
  EXPECT_EQ(chat.answered, 0);
  EXPECT_FALSE(chat.median_wait_s.has_value());
  EXPECT_EQ(summary.min_contacts_per_shopper, 1);
  EXPECT_EQ(summary.max_contacts_per_shopper, 2);
}

TEST(TallyProgress, CountsByStatusPerGroupAndCalendarWeekOfThePeriod) {
  Study study;
  // Fieldwork from Thursday 2026-01-08: week 1 is the calendar week that holds
  // it (Monday 5 to Sunday 11 January), week 2 is 12-18 January.
  study.period.start = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::January,
                                                   std::chrono::day{8}};
  auto contact = [](std::string participant, std::string shopper, Channel channel,
                    std::string planned_at, ContactStatus status) {
    Contact c;
    c.participant = std::move(participant);
    c.shopper = std::move(shopper);
    c.channel = channel;
    c.planned_at = std::move(planned_at);
    c.status = status;
    return c;
  };
  const std::vector<Contact> contacts = {
      contact("a", "s1", Channel::kPhone, "2026-01-08T09:00", ContactStatus::kApproved),
      contact("a", "s2", Channel::kChat, "2026-01-14T16:00", ContactStatus::kSubmitted),
      contact("b", "s1", Channel::kPhone, "2026-01-15T10:00", ContactStatus::kPlanned),
      contact("b", "s2", Channel::kPhone, "", ContactStatus::kFailed),
  };
  const ProgressTallies tallies = TallyProgress(study, contacts);
  EXPECT_EQ(tallies.size(), 5u);
  const ProgressTally all = tallies.at("total").at("all");
  EXPECT_EQ(all, (ProgressTally{1, 0, 1, 1, 0, 1}));
  EXPECT_EQ(all.Total(), 4);
  EXPECT_EQ(all.Done(), 2);  // submitted + approved
  EXPECT_EQ(tallies.at("participant").at("a"), (ProgressTally{0, 0, 1, 1, 0, 0}));
  EXPECT_EQ(tallies.at("participant").at("b"), (ProgressTally{1, 0, 0, 0, 0, 1}));
  EXPECT_EQ(tallies.at("channel").at("phone"), (ProgressTally{1, 0, 0, 1, 0, 1}));
  EXPECT_EQ(tallies.at("channel").at("chat"), (ProgressTally{0, 0, 1, 0, 0, 0}));
  EXPECT_EQ(tallies.at("shopper").at("s1"), (ProgressTally{1, 0, 0, 1, 0, 0}));
  // The 8th is week 1; the 14th (a Wednesday) and the 15th week 2; no date "?".
  EXPECT_EQ(tallies.at("week").at("1"), (ProgressTally{0, 0, 0, 1, 0, 0}));
  EXPECT_EQ(tallies.at("week").at("2"), (ProgressTally{1, 0, 1, 0, 0, 0}));
  EXPECT_EQ(tallies.at("week").at("?"), (ProgressTally{0, 0, 0, 0, 0, 1}));
}

}  // namespace
}  // namespace cx::domain
