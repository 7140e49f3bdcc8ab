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

}  // namespace
}  // namespace cx::auth
