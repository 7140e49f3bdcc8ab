// The one definition of a week of fieldwork (FieldworkPeriod in study.h).
#include <gtest/gtest.h>

#include "domain/study.h"

namespace cx::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(const char* text) { return Date::Parse(text).value(); }

// 2026-01-01 was a Thursday, so Monday 2026-01-12 starts a calendar week.
TEST(FieldworkPeriod, WeeksStartOnTheMondayOnOrBeforeTheStart) {
  FieldworkPeriod period;
  period.start = year{2026} / month{1} / day{15};  // a Thursday
  period.end = year{2026} / month{2} / day{11};    // a Wednesday, 28 days later
  EXPECT_EQ(period.FirstMonday(), D("2026-01-12"));
  EXPECT_EQ(period.WeekOf(D("2026-01-15")), 1);  // Thursday of week 1
  EXPECT_EQ(period.WeekOf(D("2026-01-18")), 1);  // its Sunday
  EXPECT_EQ(period.WeekOf(D("2026-01-19")), 2);  // the next Monday starts week 2
  EXPECT_EQ(period.WeekOf(D("2026-02-08")), 4);
  EXPECT_EQ(period.WeekOf(D("2026-02-09")), 5);  // Monday to Wednesday: a short week 5
  EXPECT_EQ(period.WeekOf(D("2026-02-11")), 5);
  // 28 days from a Thursday touch five calendar weeks (4 + 3 + 7 * 3 days).
  EXPECT_EQ(period.Weeks(), 5);
}

TEST(FieldworkPeriod, DaysBeforeTheFirstWeekAreWeekZeroOrLess) {
  FieldworkPeriod period;
  period.start = year{2026} / month{1} / day{15};
  period.end = year{2026} / month{2} / day{11};
  EXPECT_EQ(period.WeekOf(D("2026-01-11")), 0);  // the Sunday before
  EXPECT_EQ(period.WeekOf(D("2026-01-05")), 0);
  EXPECT_EQ(period.WeekOf(D("2026-01-04")), -1);
}

TEST(FieldworkPeriod, AMondayStartCountsWholeWeeks) {
  FieldworkPeriod period;
  period.start = year{2026} / month{1} / day{12};
  period.end = year{2026} / month{5} / day{10};  // a Sunday: 119 days = 17 weeks
  EXPECT_EQ(period.FirstMonday(), D("2026-01-12"));
  EXPECT_EQ(period.Weeks(), 17);
  EXPECT_EQ(period.WeekOf(D("2026-05-10")), 17);
  EXPECT_EQ(period.WeekOf(D("2026-05-11")), 18);
  period.end = year{2026} / month{1} / day{12};  // one day
  EXPECT_EQ(period.Weeks(), 1);
  period.end = year{2026} / month{1} / day{11};  // before the start
  EXPECT_EQ(period.Weeks(), 0);
}

}  // namespace
}  // namespace cx::domain
