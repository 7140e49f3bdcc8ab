// How to reach a company on a channel: the forms the channel audit accepts.
#include "domain/channel.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

TEST(CheckReach, PhoneNumbers) {
  EXPECT_EQ(CheckReach(Channel::kPhone, "+47 22 00 00 00"), std::nullopt);
  EXPECT_EQ(CheckReach(Channel::kPhone, "(0)22-000000"), std::nullopt);
  EXPECT_EQ(CheckReach(Channel::kPhone, "1881"),
            "a phone number of 5 to 15 digits is expected, found 4");
  EXPECT_EQ(CheckReach(Channel::kPhone, "22 00 00 00 x"),
            "a phone number is expected (digits, \"+\" first, spaces, \"-\", \"(\", \")\"), found "
            "'x'");
  EXPECT_EQ(CheckReach(Channel::kPhone, "22+000000"),
            "a phone number is expected (digits, \"+\" first, spaces, \"-\", \"(\", \")\"), found "
            "'+'");
}

TEST(CheckReach, ChatPagesAreUrls) {
  EXPECT_EQ(CheckReach(Channel::kChat, "https://www.example.no/kundeservice"), std::nullopt);
  EXPECT_EQ(CheckReach(Channel::kMessenger, "https://m.me/example"), std::nullopt);
  const std::string expected = "the chat page's URL (http:// or https://) is expected";
  EXPECT_EQ(CheckReach(Channel::kChat, "www.example.no"), expected);
  EXPECT_EQ(CheckReach(Channel::kChat, "https://localhost/chat"), expected);
  EXPECT_EQ(CheckReach(Channel::kChat, "https://www.example.no/a b"), expected);
}

TEST(CheckReach, EmailAddressOrFormUrl) {
  EXPECT_EQ(CheckReach(Channel::kEmailForm, "post@example.no"), std::nullopt);
  EXPECT_EQ(CheckReach(Channel::kEmailForm, "https://www.example.no/kontakt"), std::nullopt);
  EXPECT_NE(CheckReach(Channel::kEmailForm, "post@@example.no"), std::nullopt);
  EXPECT_EQ(CheckReach(Channel::kEmailForm, "kontakt oss"),
            "an e-mail address or the form's URL (http:// or https://) is expected");
}

}  // namespace
}  // namespace cx::domain
