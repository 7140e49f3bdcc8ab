#include "report/report_builder.h"

#include <gtest/gtest.h>

namespace cx::report {
namespace {

using domain::Channel;
using domain::ContactStatus;

domain::Study TwoBanks() {
  domain::Study study;
  study.areas = {
      {"agent", {{{"nb", "Kundebehandleren"}, {"en", "The agent"}}}, std::nullopt, true, false}};
  study.participants = {
      {"a",
       "A",
       "A",
       "bank",
       5,
       "nb",
       {{Channel::kPhone, true, domain::Ease::kHard, ""}, {Channel::kChat, false, {}, ""}}},
      {"b", "B", "B", "bank", 5, "nb", {{Channel::kPhone, true, domain::Ease::kEasy, ""}}},
      {"c", "C", "C", "power", 5, "nb", {{Channel::kPhone, true, domain::Ease::kEasy, ""}}}};
  return study;
}

domain::Contact Made(std::string id, std::string participant, Channel channel,
                     std::optional<double> wait, ContactStatus status = ContactStatus::kSubmitted) {
  domain::Contact contact;
  contact.id = id;
  contact.participant = participant;
  contact.channel = channel;
  contact.wait_seconds = wait;
  contact.status = status;
  return contact;
}

TEST(BuildWaitRows, OwnAgainstItsIndustryOnly) {
  // Own phone waits {10, 30}: median 20; p90 = 10 + 0.9 * 20 = 28.
  // Industry (a and b, not c): {10, 30, 50}: median 30; p90 (h = 1.8) = 30 + 0.8 * 20 = 46.
  const std::vector<domain::Contact> contacts = {
      Made("1", "a", Channel::kPhone, 10.0),
      Made("2", "a", Channel::kPhone, 30.0),
      Made("3", "b", Channel::kPhone, 50.0),
      Made("4", "c", Channel::kPhone, 999.0),
      Made("5", "a", Channel::kPhone, std::nullopt),                     // never answered: no wait
      Made("6", "a", Channel::kPhone, 500.0, ContactStatus::kPlanned)};  // not reported
  const auto rows = BuildWaitRows(TwoBanks(), contacts, "a", "nb");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].channel, "Telefon");
  EXPECT_DOUBLE_EQ(*rows[0].own_median_s, 20);
  EXPECT_DOUBLE_EQ(*rows[0].own_p90_s, 28);
  EXPECT_DOUBLE_EQ(*rows[0].industry_median_s, 30);
  EXPECT_DOUBLE_EQ(*rows[0].industry_p90_s, 46);
}

TEST(Counts, FollowsTheStudysResultsRule) {
  domain::Study study;
  const domain::Contact in_qa = Made("1", "a", Channel::kPhone, 1.0);
  const domain::Contact approved = Made("2", "a", Channel::kPhone, 1.0, ContactStatus::kApproved);
  domain::Contact returned = Made("3", "a", Channel::kPhone, 1.0);
  returned.status = ContactStatus::kReturned;
  // Default: approved and, provisionally, those still in QA; approving one
  // report never makes the others leave.
  EXPECT_TRUE(Counts(study, in_qa));
  EXPECT_TRUE(Counts(study, approved));
  EXPECT_FALSE(Counts(study, returned));
  study.results_from = domain::ResultsFrom::kApprovedOnly;
  EXPECT_FALSE(Counts(study, in_qa));
  EXPECT_TRUE(Counts(study, approved));
  EXPECT_FALSE(Counts(study, returned));
}

TEST(BuildComments, GroupedByAreaLabelWithoutShoppers) {
  auto contact = Made("1", "a", Channel::kPhone, 1.0);
  contact.shopper = "s042";
  contact.comments = {{"agent", "Veldig hyggelig."}};
  const auto comments =
      BuildComments(TwoBanks(), {contact, Made("2", "b", Channel::kPhone, 1.0)}, "a", "en");
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments.at("The agent"), std::vector<std::string>{"Veldig hyggelig."});
}

TEST(BuildAuditRows, EveryChannelWithItsEase) {
  const auto rows = BuildAuditRows(TwoBanks().participants[0], "nb");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[0].offered);
  EXPECT_EQ(rows[0].ease, "vanskelig");
  EXPECT_FALSE(rows[2].offered);  // chat audited, not offered
  EXPECT_FALSE(rows[3].offered);  // Messenger not audited at all
}

}  // namespace
}  // namespace cx::report
