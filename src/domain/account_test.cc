// The e-mail rule and its normal form, and the UTF-8 decoder under it, on
// hand-made cases (RFC 3629 for what is valid UTF-8).
#include "domain/account.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

TEST(Email, NormalFormTrimsAndLowerCasesAsciiOnly) {
  EXPECT_EQ(NormalizeEmail("  Ola.Nordmann@Example.NO\t\r\n"), "ola.nordmann@example.no");
  EXPECT_EQ(NormalizeEmail("ola@example.no"), "ola@example.no");
  // Non-ASCII letters stay as they are (see NormalizeEmail for why).
  EXPECT_EQ(NormalizeEmail("ØYVIND@Eksempel.no"), "\xC3\x98yvind@eksempel.no");
  EXPECT_EQ(NormalizeEmail(" \t "), "");
}

std::string Refusal(std::string_view email) {
  Status checked = CheckEmail(email);
  if (checked) return "";
  EXPECT_EQ(checked.error().where, "email");
  EXPECT_EQ(checked.error().code, ErrorCode::kInvalidInput);
  return checked.error().message;
}

TEST(Email, MalformedAddressesAreRefusedSayingWhy) {
  EXPECT_NE(Refusal("x@@y").find("more than one '@'"), std::string::npos);
  EXPECT_NE(Refusal("x@y@z").find("more than one '@'"), std::string::npos);
  EXPECT_NE(Refusal("@y").find("no name before"), std::string::npos);
  EXPECT_NE(Refusal("x@").find("no domain"), std::string::npos);
  EXPECT_NE(Refusal("xy").find("no '@'"), std::string::npos);
  EXPECT_NE(Refusal("").find("empty"), std::string::npos);
  EXPECT_NE(Refusal("ola nordmann@x.no").find("space"), std::string::npos);
  EXPECT_NE(Refusal("ola\xC2\xA0nordmann@x.no").find("space"), std::string::npos);  // U+00A0
  EXPECT_NE(Refusal("ola\x01@x.no").find("control"), std::string::npos);
  EXPECT_NE(Refusal("ola\x7F@x.no").find("control"), std::string::npos);
  EXPECT_NE(Refusal("ola\xC2\x85@x.no").find("control"), std::string::npos);  // U+0085
  EXPECT_NE(Refusal(std::string("ola\0@x.no", 9)).find("control"), std::string::npos);
  EXPECT_NE(Refusal("ola\xFF@x.no").find("UTF-8"), std::string::npos);
  EXPECT_NE(Refusal("<ola@x.no>").find("'<'"), std::string::npos);
  EXPECT_NE(Refusal("\"ola\"@x.no").find("'\"'"), std::string::npos);
  EXPECT_NE(Refusal(".ola@x.no").find("dot"), std::string::npos);
  EXPECT_NE(Refusal("ola..n@x.no").find("dot"), std::string::npos);
  EXPECT_NE(Refusal("ola@x..no").find("empty part"), std::string::npos);
  EXPECT_NE(Refusal("ola@.no").find("empty part"), std::string::npos);
  EXPECT_NE(Refusal("ola@x.no.").find("empty part"), std::string::npos);
}

TEST(Email, LengthLimitsOfRfc5321) {
  // 64 bytes before the "@" is the most; 254 in all.
  const std::string local64(64, 'a');
  EXPECT_EQ(Refusal(local64 + "@x.no"), "");
  EXPECT_NE(Refusal(local64 + "a@x.no").find("at most 64"), std::string::npos);
  std::string domain;
  while (domain.size() < 254 - 2) domain += "b.";
  domain.resize(254 - 2);
  domain.back() = 'c';
  EXPECT_EQ(Refusal("a@" + domain), "") << domain.size();
  EXPECT_NE(Refusal("a@" + domain + "d").find("at most 254 bytes, not 255"), std::string::npos);
}

TEST(Email, UsualAddressesPass) {
  for (const char* fine : {"ola@example.no", "ola.nordmann+test@example.no", "o_l-a@sub.example.no",
                           "\xC3\xB8yvind@eksempel.no", "x@y", "admin@demo.no"}) {
    EXPECT_EQ(Refusal(fine), "") << fine;
  }
}

TEST(Utf8, DecodesAndRefusesWhatRfc3629Forbids) {
  EXPECT_EQ(DecodeUtf8("a\xC3\xA5\xE2\x82\xAC\xF0\x9F\x98\x80"),
            std::u32string({U'a', U'\u00E5', U'\u20AC', U'\U0001F600'}));
  EXPECT_EQ(DecodeUtf8("")->size(), 0u);
  EXPECT_FALSE(DecodeUtf8("\xC0\xAF"));              // overlong "/"
  EXPECT_FALSE(DecodeUtf8("\xE0\x80\xAF"));          // overlong "/" in three bytes
  EXPECT_FALSE(DecodeUtf8("\xED\xA0\x80"));          // U+D800, a surrogate
  EXPECT_FALSE(DecodeUtf8("\xF4\x90\x80\x80"));      // U+110000
  EXPECT_FALSE(DecodeUtf8("\xC3"));                  // cut short
  EXPECT_FALSE(DecodeUtf8("\x80"));                  // a continuation byte first
  EXPECT_FALSE(DecodeUtf8("\xF8\x88\x80\x80\x80"));  // five-byte forms do not exist
  EXPECT_TRUE(DecodeUtf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF, the last
}

// The table of the rule, written out by hand: rows the creator, columns the
// role created (admin, manager, shopper, participant).
TEST(Roles, WhoMayCreateWhich) {
  const Role all[] = {Role::kAdmin, Role::kManager, Role::kShopper, Role::kParticipant};
  const bool table[4][4] = {
      {true, true, true, true},      // admin: every role
      {false, false, true, true},    // manager: shoppers and participants
      {false, false, false, false},  // shopper: none
      {false, false, false, false},  // participant: none
  };
  for (int creator = 0; creator < 4; ++creator) {
    for (int role = 0; role < 4; ++role) {
      EXPECT_EQ(MayCreate(all[creator], all[role]), table[creator][role])
          << ToString(all[creator]) << " creating " << ToString(all[role]);
    }
  }
  EXPECT_EQ(RolesCreatableBy(Role::kAdmin),
            (std::vector<Role>{Role::kAdmin, Role::kManager, Role::kShopper, Role::kParticipant}));
  EXPECT_EQ(RolesCreatableBy(Role::kManager),
            (std::vector<Role>{Role::kShopper, Role::kParticipant}));
  EXPECT_TRUE(RolesCreatableBy(Role::kShopper).empty());
  EXPECT_TRUE(RolesCreatableBy(Role::kParticipant).empty());
}

}  // namespace
}  // namespace cx::domain
