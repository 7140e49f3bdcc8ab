#include "kpi/service_level_target.h"

#include <gtest/gtest.h>

namespace cx::kpi {
namespace {

TEST(ParseServiceLevelTarget, PercentAndSecondsWithUnits) {
  auto target = ParseServiceLevelTarget("80/20");
  ASSERT_TRUE(target.ok());
  EXPECT_DOUBLE_EQ(target->share, 0.8);
  EXPECT_DOUBLE_EQ(target->seconds, 20);
  auto minute = ParseServiceLevelTarget("90/1m");
  ASSERT_TRUE(minute.ok());
  EXPECT_DOUBLE_EQ(minute->share, 0.9);
  EXPECT_DOUBLE_EQ(minute->seconds, 60);
  auto decimal = ParseServiceLevelTarget("87.5/30s");
  ASSERT_TRUE(decimal.ok());
  EXPECT_DOUBLE_EQ(decimal->share, 0.875);
  EXPECT_DOUBLE_EQ(decimal->seconds, 30);
}

TEST(ParseServiceLevelTarget, BoundsOfThePercent) {
  // Above 0 and at most 100: 100 % means every contact within the time.
  EXPECT_TRUE(ParseServiceLevelTarget("100/20").ok());
  EXPECT_DOUBLE_EQ(ParseServiceLevelTarget("100/20")->share, 1.0);
  EXPECT_TRUE(ParseServiceLevelTarget("0.1/20").ok());
  EXPECT_FALSE(ParseServiceLevelTarget("0/20").ok());
  EXPECT_FALSE(ParseServiceLevelTarget("-5/20").ok());
  EXPECT_FALSE(ParseServiceLevelTarget("100.5/20").ok());
  EXPECT_FALSE(ParseServiceLevelTarget("nan/20").ok());
}

TEST(ParseServiceLevelTarget, BoundsOfTheSeconds) {
  EXPECT_TRUE(ParseServiceLevelTarget("80/0").ok());
  EXPECT_DOUBLE_EQ(ParseServiceLevelTarget("80/0")->seconds, 0);
  EXPECT_FALSE(ParseServiceLevelTarget("80/-1").ok());
  EXPECT_FALSE(ParseServiceLevelTarget("80/").ok());
  EXPECT_FALSE(ParseServiceLevelTarget("80/20x").ok());
}

TEST(ParseServiceLevelTarget, MalformedTextSaysWhatIsExpected) {
  for (const char* text : {"80", "", "/20", "80%/20", "eighty/20", "80/20/5"}) {
    auto target = ParseServiceLevelTarget(text);
    ASSERT_FALSE(target.ok()) << text;
    EXPECT_EQ(target.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(target.error().message, "expected PERCENT/SECONDS such as 80/20") << text;
  }
}

}  // namespace
}  // namespace cx::kpi
