#include "core/time_zone.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

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

// The first lookups of a process from several threads (the server's pool on
// its first requests; ctest runs each test in a process of its own, so this
// is the process's first use of the time-zone database): one thread loads
// the database, the others look up once it is loaded, told so by a relaxed
// flag, which orders nothing. Each gets its zone right; under
// ThreadSanitizer (make test-tsan) this also shows that every lookup is
// ordered after the load (the server's first requests were reported as a
// race in date's load before TimeZone::Locate took care of it).
TEST(TimeZone, LookupsFromThreadsAfterAnotherThreadsFirstLookupAgree) {
  const std::vector<std::string> names = {"Europe/Oslo", "Europe/Stockholm", "Europe/Copenhagen",
                                          "Europe/Helsinki"};
  std::vector<std::string> noon(names.size());
  std::atomic<bool> loaded{false};
  auto look_up = [&](size_t index) {
    if (auto zone = TimeZone::Locate(names[index])) noon[index] = Utc(*zone, "2026-01-12T12:00");
  };
  std::vector<std::thread> threads;
  threads.emplace_back([&] {
    look_up(0);
    loaded.store(true, std::memory_order_relaxed);
  });
  for (size_t index = 1; index < names.size(); ++index) {
    threads.emplace_back([&, index] {
      while (!loaded.load(std::memory_order_relaxed)) std::this_thread::yield();
      look_up(index);
    });
  }
  for (auto& thread : threads) thread.join();
  // Winter: Oslo, Stockholm and Copenhagen are UTC+1, Helsinki UTC+2.
  EXPECT_EQ(noon, (std::vector<std::string>{"2026-01-12T11:00:00Z", "2026-01-12T11:00:00Z",
                                            "2026-01-12T11:00:00Z", "2026-01-12T10:00:00Z"}));
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
