#include "core/civil_time.h"

#include <cstdio>

namespace cx {
namespace {

using namespace std::chrono;

// Reads exactly `count` ASCII digits at text[at]; false on anything else
// (a sign, a space, the end of the text).
bool ReadDigits(std::string_view text, size_t at, size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (size_t index = at; index < at + count; ++index) {
    if (text[index] < '0' || text[index] > '9') return false;
    value = value * 10 + (text[index] - '0');
  }
  return true;
}

// "YYYY-MM-DD" at the start of `text` (what follows is the caller's).
std::optional<Date> ReadDate(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !ReadDigits(text, 0, 4, year) ||
      !ReadDigits(text, 5, 2, month) || !ReadDigits(text, 8, 2, day)) {
    return std::nullopt;
  }
  const year_month_day date{std::chrono::year{year},
                            std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return Date{date};
}

// "THH:MM" at text[10]: the minute of the day.
std::optional<int> ReadTimeOfDay(std::string_view text) {
  int hour = 0, minute = 0;
  if (text.size() < 16 || text[10] != 'T' || text[13] != ':' || !ReadDigits(text, 11, 2, hour) ||
      !ReadDigits(text, 14, 2, minute) || hour > 23 || minute > 59) {
    return std::nullopt;
  }
  return hour * 60 + minute;
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return ReadDate(text);
}

std::string Date::ToString() const {
  const year_month_day date = ymd();
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

int Date::IsoWeekday() const { return static_cast<int>(weekday{days_}.iso_encoding()); }

Date Date::MondayOnOrBefore() const { return Date{days_ - std::chrono::days{IsoWeekday() - 1}}; }

std::optional<LocalDateTime> LocalDateTime::Parse(std::string_view text) {
  if (text.size() != 16) return std::nullopt;
  auto date = ReadDate(text);
  auto minute = ReadTimeOfDay(text);
  if (!date || !minute) return std::nullopt;
  return LocalDateTime{*date, *minute};
}

std::string LocalDateTime::ToString() const {
  return date.ToString() + "T" + FormatClock(minute_of_day);
}

std::optional<int> ParseClock(std::string_view text) {
  int hour = 0, minute = 0;
  if (text.size() != 5 || text[2] != ':' || !ReadDigits(text, 0, 2, hour) ||
      !ReadDigits(text, 3, 2, minute) || hour > 24 || minute > 59 || (hour == 24 && minute != 0)) {
    return std::nullopt;
  }
  return hour * 60 + minute;
}

std::string FormatClock(int minute_of_day) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return text;
}

UtcInstant UtcInstant::Now() {
  return UtcInstant{time_point_cast<milliseconds>(system_clock::now())};
}

std::optional<UtcInstant> UtcInstant::Parse(std::string_view text) {
  // 2026-01-12T08:00:00Z (20) or 2026-01-12T08:00:00.250Z (24)
  if ((text.size() != 20 && text.size() != 24) || text.back() != 'Z') return std::nullopt;
  auto date = ReadDate(text);
  auto minute = ReadTimeOfDay(text);
  int second = 0, millisecond = 0;
  if (!date || !minute || text[16] != ':' || !ReadDigits(text, 17, 2, second) || second > 59)
    return std::nullopt;
  if (text.size() == 24 && (text[19] != '.' || !ReadDigits(text, 20, 3, millisecond)))
    return std::nullopt;
  return UtcInstant{TimePoint{date->days()} + minutes{*minute} + seconds{second} +
                    milliseconds{millisecond}};
}

std::string UtcInstant::ToString(Precision precision) const {
  const auto day = floor<days>(time_);
  const hh_mm_ss clock{time_ - day};
  char text[32];
  std::snprintf(text, sizeof text, "T%02ld:%02ld:%02ld", static_cast<long>(clock.hours().count()),
                static_cast<long>(clock.minutes().count()),
                static_cast<long>(clock.seconds().count()));
  std::string out = Date{day}.ToString() + text;
  if (precision == Precision::kMilliseconds) {
    std::snprintf(text, sizeof text, ".%03ld", static_cast<long>(clock.subseconds().count()));
    out += text;
  }
  return out + "Z";
}

}  // namespace cx
