#include "core/civil_time.h"

#include <gtest/gtest.h>

namespace cx {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;

Date D(const char* text) {
  auto date = Date::Parse(text);
  EXPECT_TRUE(date) << text;
  return date.value_or(Date{});
}

TEST(Date, ParsesAndFormatsTheSameText) {
  for (const char* text : {"2026-01-12", "0000-01-01", "9999-12-31", "1970-01-01", "2024-02-29"}) {
    EXPECT_EQ(D(text).ToString(), text);
  }
  // 1970 .. 2025 are 56 years with 14 leap days (1972 ... 2024): 56 * 365 +
  // 14 = 20454 days to 2026-01-01, and 11 more to the 12th.
  EXPECT_EQ(D("2026-01-12").DayNumber(), 20465);
  EXPECT_EQ(D("1970-01-01").DayNumber(), 0);
}

TEST(Date, KnowsLeapDaysAndMonthEnds) {
  EXPECT_TRUE(Date::Parse("2024-02-29"));   // divisible by 4
  EXPECT_TRUE(Date::Parse("2000-02-29"));   // divisible by 400
  EXPECT_FALSE(Date::Parse("1900-02-29"));  // by 100, not 400
  EXPECT_FALSE(Date::Parse("2026-02-29"));
  EXPECT_TRUE(Date::Parse("2026-04-30"));
  EXPECT_FALSE(Date::Parse("2026-04-31"));
  EXPECT_TRUE(Date::Parse("2026-12-31"));
  EXPECT_FALSE(Date::Parse("2026-12-32"));
  EXPECT_FALSE(Date::Parse("2026-13-01"));
  EXPECT_FALSE(Date::Parse("2026-00-10"));
  EXPECT_FALSE(Date::Parse("2026-01-00"));
  EXPECT_EQ((D("2026-02-28") + days{1}).ToString(), "2026-03-01");
  EXPECT_EQ((D("2024-02-28") + days{1}).ToString(), "2024-02-29");
  EXPECT_EQ((D("2026-12-31") + days{1}).ToString(), "2027-01-01");
  EXPECT_EQ((D("2026-03-01") - D("2026-02-01")).count(), 28);
}

TEST(Date, RefusesEveryOtherForm) {
  for (const char* text : {"", "20026-04-01", "+2026-04-01", " 2026-04-01", "2026-04-01 ",
                           "-2026-04-01", "2026-4-01", "2026-04-1", "2026/04/01", "2026-04-01T",
                           "26-04-01", "2026-0a-01", "2026-+4-01", "2026- 4-01", "20260401"}) {
    EXPECT_FALSE(Date::Parse(text)) << "'" << text << "'";
  }
}

TEST(Date, CountsIsoWeekdaysAndFindsTheMonday) {
  // 2026-01-01 was a Thursday, so the 12th is a Monday.
  EXPECT_EQ(D("2026-01-01").IsoWeekday(), 4);
  EXPECT_EQ(D("2026-01-12").IsoWeekday(), 1);
  EXPECT_EQ(D("2026-01-15").IsoWeekday(), 4);
  EXPECT_EQ(D("2026-01-18").IsoWeekday(), 7);
  EXPECT_EQ(D("2026-01-12").MondayOnOrBefore(), D("2026-01-12"));
  EXPECT_EQ(D("2026-01-15").MondayOnOrBefore(), D("2026-01-12"));
  EXPECT_EQ(D("2026-01-18").MondayOnOrBefore(), D("2026-01-12"));
  EXPECT_EQ(D("2026-01-01").MondayOnOrBefore(), D("2025-12-29"));  // across a year end
}

TEST(LocalDateTime, ParsesAndFormatsTheSameText) {
  auto local = LocalDateTime::Parse("2026-01-12T09:30");
  ASSERT_TRUE(local);
  EXPECT_EQ(local->date, D("2026-01-12"));
  EXPECT_EQ(local->minute_of_day, 9 * 60 + 30);
  EXPECT_EQ(local->ToString(), "2026-01-12T09:30");
  EXPECT_EQ(LocalDateTime::Parse("2024-02-29T23:59")->minute_of_day, 1439);
  EXPECT_EQ(LocalDateTime::Parse("2026-03-01T00:00")->ToString(), "2026-03-01T00:00");
}

TEST(LocalDateTime, RefusesEveryOtherForm) {
  for (const char* text :
       {"", "2026-01-12", "2026-01-12T24:00", "2026-01-12T09:60", "2026-01-12T9:30",
        "2026-01-12 09:30", "2026-01-12T09:30:00", "2026-01-12T09:30Z", "20026-01-12T09:30",
        "+026-01-12T09:30", "2026-02-29T09:30", "2026-01-12T-9:30", "2026-01-12T09:3 ",
        "2026-01-12t09:30"}) {
    EXPECT_FALSE(LocalDateTime::Parse(text)) << "'" << text << "'";
  }
}

TEST(ParseClock, ReadsOpeningHoursUpToTheEndOfTheDay) {
  EXPECT_EQ(ParseClock("00:00"), 0);
  EXPECT_EQ(ParseClock("08:30"), 510);
  EXPECT_EQ(ParseClock("23:59"), 1439);
  EXPECT_EQ(ParseClock("24:00"), 1440);
  for (const char* text : {"", "24:01", "25:00", "08:60", "8:30", "08:30 ", " 8:30", "+8:30",
                           "08-30", "0830", "08:3", "08:30:00"}) {
    EXPECT_FALSE(ParseClock(text)) << "'" << text << "'";
  }
}

TEST(FormatClock, WritesTwoDigitsEach) {
  EXPECT_EQ(FormatClock(0), "00:00");
  EXPECT_EQ(FormatClock(8 * 60 + 30), "08:30");
  EXPECT_EQ(FormatClock(1440), "24:00");
}

TEST(UtcInstant, ReadsBothStoredForms) {
  auto whole = UtcInstant::Parse("2026-01-12T08:00:00Z");
  auto fine = UtcInstant::Parse("2026-01-12T08:01:30.500Z");
  ASSERT_TRUE(whole);
  ASSERT_TRUE(fine);
  // 1 min 30.5 s later.
  EXPECT_EQ((*fine - *whole).count(), 90500);
  // 20465 days (see Date above) and 8 hours, in milliseconds.
  EXPECT_EQ(whole->time().time_since_epoch().count(), (20465LL * 86400 + 8 * 3600) * 1000);
  EXPECT_EQ(whole->ToString(UtcInstant::Precision::kSeconds), "2026-01-12T08:00:00Z");
  EXPECT_EQ(whole->ToString(UtcInstant::Precision::kMilliseconds), "2026-01-12T08:00:00.000Z");
  EXPECT_EQ(fine->ToString(UtcInstant::Precision::kMilliseconds), "2026-01-12T08:01:30.500Z");
  EXPECT_EQ(fine->ToString(UtcInstant::Precision::kSeconds), "2026-01-12T08:01:30Z");
  EXPECT_EQ((*whole + milliseconds{86400 * 1000}).ToString(UtcInstant::Precision::kSeconds),
            "2026-01-13T08:00:00Z");
}

TEST(UtcInstant, RefusesEveryOtherForm) {
  for (const char* text :
       {"", "2026-01-12T08:00:00", "2026-01-12T08:00Z", "2026-01-12T08:00:60Z",
        "2026-01-12T24:00:00Z", "2026-01-12 08:00:00Z", "2026-01-12T08:00:00.5Z",
        "2026-01-12T08:00:00.500000Z", "2026-01-12T08:00:00+01:00", "2026-01-12T08:00:00,500Z",
        "2026-02-30T08:00:00Z", "20026-01-12T08:00:00Z", "2026-01-12T08:00:00z"}) {
    EXPECT_FALSE(UtcInstant::Parse(text)) << "'" << text << "'";
  }
}

}  // namespace
}  // namespace cx
