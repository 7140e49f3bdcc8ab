#include "core/duration.h"

#include <gtest/gtest.h>

namespace cx {
namespace {

TEST(ParseDurationSeconds, AcceptsUnitsAndBareSeconds) {
  EXPECT_EQ(ParseDurationSeconds("20"), 20.0);
  EXPECT_EQ(ParseDurationSeconds("20s"), 20.0);
  EXPECT_EQ(ParseDurationSeconds("30m"), 1800.0);
  EXPECT_EQ(ParseDurationSeconds("1h"), 3600.0);
  EXPECT_EQ(ParseDurationSeconds("1.5h"), 5400.0);
  EXPECT_EQ(ParseDurationSeconds(" 90s "), 90.0);
}

TEST(ParseDurationSeconds, RefusesWhatIsNotADuration) {
  EXPECT_FALSE(ParseDurationSeconds(""));
  EXPECT_FALSE(ParseDurationSeconds("s"));
  EXPECT_FALSE(ParseDurationSeconds("-5s"));
  EXPECT_FALSE(ParseDurationSeconds("10 minutes"));
  EXPECT_FALSE(ParseDurationSeconds("10d"));
  EXPECT_FALSE(ParseDurationSeconds("nan"));
}

}  // namespace
}  // namespace cx
