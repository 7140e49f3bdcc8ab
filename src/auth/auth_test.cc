#include <gtest/gtest.h>

#include "auth/login_throttle.h"
#include "auth/password.h"

namespace cx::auth {
namespace {

TEST(Password, HashIsArgon2idAndVerifies) {
  auto hash = HashPassword("correct horse");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash.value().rfind("$argon2id$", 0), 0u) << hash.value();
  EXPECT_TRUE(VerifyPassword(hash.value(), "correct horse"));
  EXPECT_FALSE(VerifyPassword(hash.value(), "correct hors"));
  EXPECT_FALSE(VerifyPassword(hash.value(), ""));
  // A fresh salt every time: the same password never gives the same string.
  EXPECT_NE(HashPassword("correct horse").value(), hash.value());
}

TEST(Password, ShortPasswordIsRefusedWithTheField) {
  auto hash = HashPassword("short");
  ASSERT_FALSE(hash.ok());
  EXPECT_EQ(hash.error().where, "password");
}

// The message of CheckPassword's refusal, or "" when it accepts.
std::string Refusal(std::string_view password, const PasswordOwner& owner = {}) {
  Status checked = CheckPassword(password, owner);
  if (checked) return "";
  EXPECT_EQ(checked.error().where, "password");
  EXPECT_EQ(checked.error().code, ErrorCode::kInvalidInput) << checked.error().message;
  return checked.error().message;
}

TEST(Password, LengthCountsCharactersNotBytes) {
  // "blåbær1": 7 code points in 9 bytes (å and æ take two each).
  EXPECT_NE(Refusal("blåbær1").find("at least 8 characters, not 7"), std::string::npos)
      << Refusal("blåbær1");
  // "blåbær12": 8 code points in 10 bytes.
  EXPECT_EQ(Refusal("blåbær12"), "");
  // Four 4-byte emoji are 16 bytes but 4 characters.
  EXPECT_NE(Refusal("\U0001F600\U0001F601\U0001F602\U0001F603").find("not 4"), std::string::npos);
  // 1,024 bytes is the most; one more is refused before anything else.
  EXPECT_EQ(Refusal("correct horse " + std::string(1024 - 14, 'x')).find("at most"),
            std::string::npos);
  EXPECT_NE(Refusal(std::string(1025, 'x')).find("at most 1024 bytes"), std::string::npos);
}

TEST(Password, InvalidUtf8AndControlCharactersAreRefused) {
  EXPECT_NE(Refusal("abcdefg\xFF").find("not valid UTF-8"), std::string::npos);
  EXPECT_NE(Refusal("kaffe\xC3 og kake").find("not valid UTF-8"), std::string::npos);
  EXPECT_NE(Refusal(std::string("kaffe og\0kake", 14)).find("control"), std::string::npos);
  EXPECT_NE(Refusal("kaffe og\tkake").find("control"), std::string::npos);
}

TEST(Password, OnlyWhiteSpaceIsRefused) {
  EXPECT_NE(Refusal("        ").find("white space"), std::string::npos);
  // Eight no-break spaces (U+00A0) and ideographic spaces (U+3000).
  EXPECT_NE(Refusal("\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0").find("white space"),
            std::string::npos);
  EXPECT_NE(Refusal("\u3000\u3000\u3000\u3000 \u3000\u3000\u3000").find("white space"),
            std::string::npos);
  // Spaces inside a phrase are fine.
  EXPECT_EQ(Refusal("kaffe og kake"), "");
}

TEST(Password, CommonAndSystematicPasswordsAreRefused) {
  for (const char* common : {"password", "password1", "iloveyou", "letmein123", "qwertyuiop",
                             "monkey123", "abcdefgh", "123456789", "aaaaaaaa"}) {
    EXPECT_NE(Refusal(common).find("too easy to guess"), std::string::npos) << common;
  }
  // Based on the owner's e-mail or name.
  EXPECT_NE(Refusal("ola.nordmann", {"ola.nordmann@example.no", "Ola Nordmann"}).find("easy"),
            std::string::npos);
  EXPECT_NE(Refusal("olanordmann", {"ola.nordmann@example.no", "Ola Nordmann"}).find("easy"),
            std::string::npos);
  // The demo logins (scripts/demo_logins.sh) and the tests' passwords pass.
  for (const char* fine :
       {"demo-admin", "demo-leder", "demo-kunde", "demo-deltaker", "passord-123", "mitt-passord-1",
        "mitt-passord-2", "bench-pass-1", "bench-pass-2", "shopper-pass-1", "manager-pass-1",
        "participant-pass-1", "pass-S-001-1", "correct horse", "blåbærsyltetøy"}) {
    EXPECT_EQ(Refusal(fine), "") << fine;
  }
  EXPECT_FALSE(HashPassword("password").ok());
}

TEST(Password, GarbageHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("not a hash", "whatever1"));
}

TEST(Tokens, RandomHexAndStableHash) {
  const std::string a = NewToken();
  const std::string b = NewToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(HashToken(a), HashToken(a));
  EXPECT_NE(HashToken(a), HashToken(b));
  EXPECT_NE(HashToken(a), a);
  // BLAKE2b-256 of the empty string (RFC 7693 test vectors are for -512; this
  // value is the published BLAKE2b-256 digest of "", e.g. in Python's hashlib
  // blake2b(digest_size=32)).
  EXPECT_EQ(HashToken(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_TRUE(TokensEqual(a, a));
  EXPECT_FALSE(TokensEqual(a, b));
  EXPECT_FALSE(TokensEqual(a, a.substr(1)));
}

TEST(LoginThrottle, FifthFailureLocksTheAccountForTheRestOfTheWindow) {
  LoginThrottle throttle(
      {.per_account = 5, .per_address = 100, .window = std::chrono::minutes(15)});
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(throttle.RetryAfter("ola", "10.0.0.1", t0), 0);
    throttle.RecordFailure("ola", "10.0.0.1", t0 + std::chrono::seconds(attempt));
  }
  // Failures at t0..t0+4 s; the first leaves the 900 s window at t0+900 s.
  EXPECT_EQ(throttle.RetryAfter("ola", "10.0.0.2", t0 + std::chrono::seconds(10)), 890);
  EXPECT_EQ(throttle.RetryAfter("kari", "10.0.0.1", t0 + std::chrono::seconds(10)), 0);
  EXPECT_EQ(throttle.RetryAfter("ola", "10.0.0.1", t0 + std::chrono::seconds(900)), 0);
}

TEST(LoginThrottle, AddressLimitCoversManyAccounts) {
  LoginThrottle throttle({.per_account = 5, .per_address = 3, .window = std::chrono::minutes(1)});
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  throttle.RecordFailure("a", "10.0.0.9", t0);
  throttle.RecordFailure("b", "10.0.0.9", t0);
  throttle.RecordFailure("c", "10.0.0.9", t0);
  EXPECT_EQ(throttle.RetryAfter("d", "10.0.0.9", t0), 60);
  EXPECT_EQ(throttle.RetryAfter("d", "10.0.0.8", t0), 0);
}

TEST(LoginThrottle, SuccessClearsTheAccount) {
  LoginThrottle throttle({.per_account = 2, .per_address = 100, .window = std::chrono::minutes(1)});
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  throttle.RecordFailure("a", "x", t0);
  throttle.RecordFailure("a", "x", t0);
  EXPECT_GT(throttle.RetryAfter("a", "x", t0), 0);
  throttle.RecordSuccess("a");
  EXPECT_EQ(throttle.RetryAfter("a", "x", t0), 0);
}

TEST(LoginThrottle, AskingRemembersNothing) {
  LoginThrottle throttle;
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  for (int index = 0; index < 1000; ++index) {
    EXPECT_EQ(throttle.RetryAfter("user" + std::to_string(index) + "@x.no", "10.0.0.1", t0), 0);
  }
  EXPECT_EQ(throttle.AccountKeys(), 0u);
  EXPECT_EQ(throttle.AddressKeys(), 0u);
}

TEST(LoginThrottle, ExpiredWindowsAreForgotten) {
  LoginThrottle throttle({.per_account = 5, .per_address = 100, .window = std::chrono::minutes(1)});
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  for (int index = 0; index < 100; ++index) {
    throttle.RecordFailure("user" + std::to_string(index), "10.0.0." + std::to_string(index), t0);
  }
  EXPECT_EQ(throttle.AccountKeys(), 100u);
  EXPECT_EQ(throttle.AddressKeys(), 100u);
  // 59 s later all still count; at 60 s they have left the window.
  throttle.RecordFailure("late", "10.0.1.1", t0 + std::chrono::seconds(59));
  EXPECT_EQ(throttle.AccountKeys(), 101u);
  EXPECT_EQ(throttle.RetryAfter("user0", "10.9.9.9", t0 + std::chrono::seconds(60)), 0);
  EXPECT_EQ(throttle.AccountKeys(), 1u);
  EXPECT_EQ(throttle.AddressKeys(), 1u);
}

TEST(LoginThrottle, AtMostMaxKeysAndTheOldestGoesFirst) {
  LoginThrottle throttle(
      {.per_account = 1, .per_address = 1000, .window = std::chrono::minutes(15), .max_keys = 3});
  const auto t0 = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  // a, b, c fail at t0, t0+1, t0+2; a fails again at t0+3, so b is oldest.
  throttle.RecordFailure("a", "x", t0);
  throttle.RecordFailure("b", "x", t0 + std::chrono::seconds(1));
  throttle.RecordFailure("c", "x", t0 + std::chrono::seconds(2));
  throttle.RecordFailure("a", "x", t0 + std::chrono::seconds(3));
  throttle.RecordFailure("d", "x", t0 + std::chrono::seconds(4));
  EXPECT_EQ(throttle.AccountKeys(), 3u);
  const auto t5 = t0 + std::chrono::seconds(5);
  EXPECT_EQ(throttle.RetryAfter("b", "y", t5), 0);  // evicted
  // a's newest failure at t0+3 locks it until t0+903 s.
  EXPECT_EQ(throttle.RetryAfter("a", "y", t5), 898);
  EXPECT_GT(throttle.RetryAfter("c", "y", t5), 0);
  EXPECT_GT(throttle.RetryAfter("d", "y", t5), 0);
}

}  // namespace
}  // namespace cx::auth

namespace cx::auth {
namespace {

// FIPS 180-2's examples (and `printf abc | sha256sum`).
TEST(Sha256Hex, MatchesThePublishedTestVectors) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace cx::auth
