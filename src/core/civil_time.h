#pragma once
// Civil time as the study files, the plan and the store write it: a date, a
// wall-clock date-time of the study's time zone, and a UTC instant. Each has
// one strict parser and one formatter, so that every file, table and screen
// reads and writes the same forms:
//
//   Date           YYYY-MM-DD                 2026-01-12
//   LocalDateTime  YYYY-MM-DDTHH:MM           2026-01-12T09:00
//   UtcInstant     YYYY-MM-DDTHH:MM:SS[.mmm]Z 2026-01-12T08:00:00.250Z
//
// Strict means: exactly four year digits and two for every other field, no
// sign, no spaces, nothing after, and a real calendar date and clock time
// (sscanf's %d took "+2026", " 2026" and a five-digit year). Parsers return
// nullopt; the caller names the file, field or row and the form expected.
// The zone rules that join a LocalDateTime to a UtcInstant live in
// core/time_zone.h (they need the tz database; this header needs nothing).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cx {

// A day of the proleptic Gregorian calendar, years 0000 to 9999 in text.
class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}
  // `date` must be ok() (a programmer's promise: parse outside input first).
  constexpr explicit Date(std::chrono::year_month_day date) : days_(date) {}

  // Exactly "YYYY-MM-DD" naming a real date; nullopt otherwise.
  static std::optional<Date> Parse(std::string_view text);
  // "YYYY-MM-DD".
  std::string ToString() const;

  constexpr std::chrono::sys_days days() const { return days_; }
  constexpr std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{days_}; }
  // Days since 1970-01-01.
  constexpr long DayNumber() const { return static_cast<long>(days_.time_since_epoch().count()); }
  // ISO 8601: 1 = Monday ... 7 = Sunday.
  int IsoWeekday() const;
  // The Monday on or before this day (this day when it is a Monday).
  Date MondayOnOrBefore() const;

  constexpr Date operator+(std::chrono::days count) const { return Date{days_ + count}; }
  constexpr std::chrono::days operator-(Date other) const { return days_ - other.days_; }
  constexpr auto operator<=>(const Date&) const = default;

 private:
  std::chrono::sys_days days_{};
};

// A wall-clock time to the minute of a date, in the study's time zone (the
// zone is the study's, not the value's: see core/time_zone.h to place it on
// the UTC line).
struct LocalDateTime {
  Date date;
  int minute_of_day = 0;  // 0 ... 1439

  // Exactly "YYYY-MM-DDTHH:MM" with HH 00-23 and MM 00-59; nullopt otherwise.
  static std::optional<LocalDateTime> Parse(std::string_view text);
  // "YYYY-MM-DDTHH:MM".
  std::string ToString() const;

  auto operator<=>(const LocalDateTime&) const = default;
};

// A clock time of opening hours: exactly "HH:MM", 00:00 to 24:00 (the end of
// a day), as the minute of the day 0 ... 1440; nullopt otherwise.
std::optional<int> ParseClock(std::string_view text);
// "HH:MM" of a minute of the day 0 ... 1440 (1440 is "24:00").
std::string FormatClock(int minute_of_day);

// An instant on the UTC line, to the millisecond.
class UtcInstant {
 public:
  using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

  constexpr UtcInstant() = default;  // 1970-01-01T00:00:00Z
  constexpr explicit UtcInstant(TimePoint time) : time_(time) {}

  // The clock of this machine, now.
  static UtcInstant Now();
  // "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS.mmmZ" (the two forms the
  // store holds: the server writes milliseconds, the demo whole seconds);
  // SS 00-59, as the writers never write a leap second. nullopt otherwise.
  static std::optional<UtcInstant> Parse(std::string_view text);
  enum class Precision { kSeconds, kMilliseconds };
  // The form Parse reads; milliseconds are cut (not rounded) for kSeconds.
  std::string ToString(Precision precision) const;

  constexpr TimePoint time() const { return time_; }
  constexpr UtcInstant operator+(std::chrono::milliseconds later) const {
    return UtcInstant{time_ + later};
  }
  constexpr std::chrono::milliseconds operator-(UtcInstant other) const {
    return time_ - other.time_;
  }
  constexpr auto operator<=>(const UtcInstant&) const = default;

 private:
  TimePoint time_{};
};

}  // namespace cx
