#include "core/time_zone.h"

#include <gtest/gtest.h>

namespace cx {
namespace {

constexpr auto kSeconds = UtcInstant::Precision::kSeconds;

std::string Utc(const TimeZone& zone, const char* local) {
  auto parsed = LocalDateTime::Parse(local);
  EXPECT_TRUE(parsed) << local;
  return zone.ToUtc(parsed.value_or(LocalDateTime{})).ToString(kSeconds);
}

std::string Local(const TimeZone& zone, const char* utc) {
  auto parsed = UtcInstant::Parse(utc);
  EXPECT_TRUE(parsed) << utc;
  return zone.ToLocal(parsed.value_or(UtcInstant{})).ToString();
}

TEST(TimeZone, UnknownNamesAreNotAZone) {
  EXPECT_FALSE(TimeZone::Locate("Europe/Atlantis"));
  EXPECT_FALSE(TimeZone::Locate(""));
  EXPECT_TRUE(TimeZone::Locate("Europe/Oslo"));
}

// Norway keeps the EU rule: summer time from 01:00 UTC on the last Sunday of
// March to 01:00 UTC on the last Sunday of October; CET is UTC+1, CEST UTC+2.
// In 2026 those Sundays are 29 March and 25 October.
TEST(TimeZone, OsloInWinterAndSummer) {
  const auto oslo = *TimeZone::Locate("Europe/Oslo");
  EXPECT_EQ(Utc(oslo, "2026-01-12T09:00"), "2026-01-12T08:00:00Z");
  EXPECT_EQ(Utc(oslo, "2026-06-15T09:00"), "2026-06-15T07:00:00Z");
  EXPECT_EQ(Utc(oslo, "2026-01-01T00:30"), "2025-12-31T23:30:00Z");  // a year back in UTC
  EXPECT_EQ(Local(oslo, "2026-06-15T07:00:00Z"), "2026-06-15T09:00");
}

TEST(TimeZone, OsloSpringChangeSkipsAnHour) {
  const auto oslo = *TimeZone::Locate("Europe/Oslo");
  EXPECT_EQ(Utc(oslo, "2026-03-29T01:30"), "2026-03-29T00:30:00Z");  // still CET
  EXPECT_EQ(Utc(oslo, "2026-03-29T03:30"), "2026-03-29T01:30:00Z");  // CEST
  // 02:30 never shows on a clock that day: it maps to the change, 01:00 UTC.
  EXPECT_EQ(Utc(oslo, "2026-03-29T02:30"), "2026-03-29T01:00:00Z");
  EXPECT_EQ(Local(oslo, "2026-03-29T00:59:00Z"), "2026-03-29T01:59");
  EXPECT_EQ(Local(oslo, "2026-03-29T01:00:00Z"), "2026-03-29T03:00");
}

TEST(TimeZone, OsloAutumnChangeRepeatsAnHour) {
  const auto oslo = *TimeZone::Locate("Europe/Oslo");
  EXPECT_EQ(Utc(oslo, "2026-10-25T01:30"), "2026-10-24T23:30:00Z");  // CEST
  // 02:30 comes twice; the first (CEST) is taken.
  EXPECT_EQ(Utc(oslo, "2026-10-25T02:30"), "2026-10-25T00:30:00Z");
  EXPECT_EQ(Utc(oslo, "2026-10-25T03:30"), "2026-10-25T02:30:00Z");  // CET
  EXPECT_EQ(Local(oslo, "2026-10-25T00:30:00Z"), "2026-10-25T02:30");
  EXPECT_EQ(Local(oslo, "2026-10-25T01:30:00Z"), "2026-10-25T02:30");
}

}  // namespace
}  // namespace cx
