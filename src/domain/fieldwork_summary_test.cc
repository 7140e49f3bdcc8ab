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
  Participant a{"a",
                "A Nord",
                "A",
                "bank",
                10,
                "nb",
                {{Channel::kPhone, true, Ease::kEasy}, {Channel::kChat, true, Ease::kHard}}};
  Participant b{"b", "A Sør", "A", "bank", 10, "nb", {{Channel::kPhone, true, Ease::kHard}}};
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

}  // namespace
}  // namespace cx::domain
