#include "domain/allocation.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

Study ContestStudy() {
  Study study;
  study.contacts_per_participant = 25;
  study.max_channels_per_participant = 3;
  // Shares 0.45, 0.20, 0.25, 0.10; priority phone > e-mail/form > chat > Messenger.
  study.channels = {{Channel::kPhone, 0.45, 1, {}, 0, {}, 1},
                    {Channel::kEmailForm, 0.20, 2, {}, 0, {}, 1},
                    {Channel::kChat, 0.25, 3, {}, 0, {}, 1},
                    {Channel::kMessenger, 0.10, 4, {}, 0, {}, 1}};
  return study;
}

Participant Offering(std::initializer_list<Channel> channels) {
  Participant participant;
  for (Channel channel : kAllChannels) {
    bool offered = std::find(channels.begin(), channels.end(), channel) != channels.end();
    participant.audit.push_back({channel, offered, std::nullopt, ""});
  }
  return participant;
}

TEST(AllocateContacts, AllFourOfferedKeepsTheThreeFirstInPriority) {
  // Phone, e-mail and chat kept (limit 3, Messenger last). Shares 0.45+0.20+0.25 = 0.90:
  // quotas 25*0.45/0.9 = 12.5, 25*0.2/0.9 = 5.556, 25*0.25/0.9 = 6.944;
  // floors 12+5+6 = 23; two seats left go to the largest fractions .944 (chat), .556 (e-mail).
  auto allocation = AllocateContacts(
      ContestStudy(),
      Offering({Channel::kPhone, Channel::kEmailForm, Channel::kChat, Channel::kMessenger}));
  ASSERT_EQ(allocation.size(), 3u);
  EXPECT_EQ(allocation[0], std::make_pair(Channel::kPhone, 12));
  EXPECT_EQ(allocation[1], std::make_pair(Channel::kEmailForm, 6));
  EXPECT_EQ(allocation[2], std::make_pair(Channel::kChat, 7));
}

TEST(AllocateContacts, ChannelNotOfferedGetsNoneAndTotalStays25) {
  // No phone: e-mail, chat, Messenger. Sum 0.55: quotas 9.09, 11.36, 4.545;
  // floors 9+11+4 = 24; the one seat left goes to .545 (Messenger).
  auto allocation = AllocateContacts(
      ContestStudy(), Offering({Channel::kEmailForm, Channel::kChat, Channel::kMessenger}));
  ASSERT_EQ(allocation.size(), 3u);
  EXPECT_EQ(allocation[0], std::make_pair(Channel::kEmailForm, 9));
  EXPECT_EQ(allocation[1], std::make_pair(Channel::kChat, 11));
  EXPECT_EQ(allocation[2], std::make_pair(Channel::kMessenger, 5));
}

TEST(AllocateContacts, OneChannelTakesAll) {
  auto allocation = AllocateContacts(ContestStudy(), Offering({Channel::kMessenger}));
  ASSERT_EQ(allocation.size(), 1u);
  EXPECT_EQ(allocation[0], std::make_pair(Channel::kMessenger, 25));
}

TEST(AllocateContacts, NothingOfferedGivesNothing) {
  EXPECT_TRUE(AllocateContacts(ContestStudy(), Offering({})).empty());
}

TEST(AllocateContacts, EqualFractionsGoToPriorityFirst) {
  // Two channels with equal shares and 25 contacts: quotas 12.5 and 12.5; the
  // odd seat goes to the first in priority (phone).
  Study study = ContestStudy();
  study.channels[1].share = 0.45;
  auto allocation = AllocateContacts(study, Offering({Channel::kPhone, Channel::kEmailForm}));
  ASSERT_EQ(allocation.size(), 2u);
  EXPECT_EQ(allocation[0], std::make_pair(Channel::kPhone, 13));
  EXPECT_EQ(allocation[1], std::make_pair(Channel::kEmailForm, 12));
}

}  // namespace
}  // namespace cx::domain
