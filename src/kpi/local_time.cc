#include "kpi/local_time.h"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <limits>

#include "core/civil_time.h"
#include "kpi/kpi.h"

namespace cx::kpi {

namespace {

// Reads exactly `count` digits at `pos`; false when one is not a digit.
inline bool Digits(std::string_view text, size_t pos, size_t count, int64_t& value) {
  if (pos + count > text.size()) return false;
  int64_t result = 0;
  for (size_t index = pos; index < pos + count; ++index) {
    const unsigned digit = static_cast<unsigned char>(text[index]) - '0';
    if (digit > 9) return false;
    result = result * 10 + digit;
  }
  value = result;
  return true;
}

// The date `days` days after 1970-01-01.
Date DayOf(int64_t days) { return Date{std::chrono::sys_days{std::chrono::days{days}}}; }

int64_t FloorDiv(int64_t value, int64_t divisor) {
  int64_t quotient = value / divisor;
  if ((value % divisor != 0) && ((value < 0) != (divisor < 0))) --quotient;
  return quotient;
}

}  // namespace

TimeParse ParseTimestamp(std::string_view text, int64_t& seconds, bool& has_offset,
                         DateCache* cache) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  if (text.empty()) return TimeParse::kEmpty;
  if (text.size() <= 12 && text.find('-') == std::string_view::npos) {  // epoch seconds
    int64_t value = 0;
    for (char letter : text) {
      const unsigned digit = static_cast<unsigned char>(letter) - '0';
      if (digit > 9) return TimeParse::kMalformed;
      value = value * 10 + digit;
    }
    seconds = value;
    has_offset = true;
    return TimeParse::kOk;
  }
  if (text.size() < 19) return TimeParse::kMalformed;
  int64_t days = 0;
  if (cache != nullptr && cache->valid && std::memcmp(text.data(), cache->text, 10) == 0) {
    days = cache->days;  // the date of the previous time parsed: checked then
  } else {
    const auto date = Date::Parse(text.substr(0, 10));
    if (!date) return TimeParse::kMalformed;
    days = date->DayNumber();
    if (cache != nullptr) {
      std::memcpy(cache->text, text.data(), 10);
      cache->days = days;
      cache->valid = true;
    }
  }
  int64_t hour = 0, minute = 0, second = 0;
  if ((text[10] != 'T' && text[10] != ' ') || !Digits(text, 11, 2, hour) || text[13] != ':' ||
      !Digits(text, 14, 2, minute) || text[16] != ':' || !Digits(text, 17, 2, second) ||
      hour > 23 || minute > 59 || second > 60) {
    return TimeParse::kMalformed;
  }
  size_t pos = 19;
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {  // fraction: dropped
    ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  }
  int64_t offset = 0;
  has_offset = false;
  if (pos < text.size()) {
    const char sign = text[pos];
    if (sign == 'Z' && pos + 1 == text.size()) {
      has_offset = true;
    } else if (sign == '+' || sign == '-') {
      int64_t offset_hours = 0, offset_minutes = 0;
      if (!Digits(text, pos + 1, 2, offset_hours)) return TimeParse::kMalformed;
      size_t after = pos + 3;
      if (after < text.size() && text[after] == ':') ++after;
      if (after < text.size()) {
        if (!Digits(text, after, 2, offset_minutes) || after + 2 != text.size()) {
          return TimeParse::kMalformed;
        }
      }
      if (offset_hours > 18 || offset_minutes > 59) return TimeParse::kMalformed;
      offset = (offset_hours * 3600 + offset_minutes * 60) * (sign == '-' ? -1 : 1);
      has_offset = true;
    } else {
      return TimeParse::kMalformed;
    }
  }
  seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset;
  return TimeParse::kOk;
}

ZoneClock::ZoneClock(const date::time_zone* zone) : zone_(zone) {}

const date::time_zone* ZoneClock::Locate(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

void ZoneClock::Refresh(int64_t utc) {
  const date::sys_seconds instant{std::chrono::seconds{utc}};
  const date::sys_info info = zone_->get_info(instant);
  offset_ = info.offset.count();
  begin_ = info.begin.time_since_epoch().count();
  end_ = info.end.time_since_epoch().count();
}

ZoneClock::LocalResult ZoneClock::LocalToUtc(int64_t local, int64_t& utc) {
  // Fast path: the cached offset, where it is at least a day from a change
  // (no local time within a day of a change can be skipped or repeated).
  const int64_t guess = local - offset_;
  if (guess >= begin_ + 86400 && guess < end_ - 86400) {
    utc = guess;
    return LocalResult::kUnique;
  }
  const date::local_seconds wall{std::chrono::seconds{local}};
  const date::local_info info = zone_->get_info(wall);
  if (info.result == date::local_info::nonexistent) return LocalResult::kNonexistent;
  utc = local - info.first.offset.count();
  Refresh(utc);
  return info.result == date::local_info::ambiguous ? LocalResult::kAmbiguous
                                                    : LocalResult::kUnique;
}

int64_t ZoneClock::LocalMidnightToUtc(int64_t local_day) {
  const date::local_seconds wall{std::chrono::seconds{local_day * 86400}};
  return std::chrono::floor<std::chrono::seconds>(zone_->to_sys(wall, date::choose::earliest))
      .time_since_epoch()
      .count();
}

int64_t ZoneClock::IntervalStart(int kind, int64_t utc) {
  if (kind == kind_ && utc >= interval_begin_ && utc < interval_end_) return interval_begin_;
  const int64_t offset = OffsetAt(utc);
  const int64_t local = utc + offset;
  int64_t start = 0, end = 0;
  const auto interval = static_cast<IntervalKind>(kind);
  if (interval == IntervalKind::k15m || interval == IntervalKind::k30m ||
      interval == IntervalKind::k1h) {
    const int64_t length = interval == IntervalKind::k15m   ? 900
                           : interval == IntervalKind::k30m ? 1800
                                                            : 3600;
    start = FloorDiv(local, length) * length - offset;
    end = std::min(start + length, end_);
  } else {
    int64_t first_day = FloorDiv(local, 86400);
    int64_t next_day = first_day + 1;
    if (interval == IntervalKind::kWeek) {
      // 1970-01-01 was a Thursday; ISO weeks start on Monday.
      first_day -= ((first_day + 3) % 7 + 7) % 7;
      next_day = first_day + 7;
    } else if (interval == IntervalKind::kMonth) {
      const std::chrono::year_month_day date{DayOf(first_day).days()};
      const std::chrono::year_month_day month_start = date.year() / date.month() / 1;
      first_day = Date{month_start}.DayNumber();
      next_day = Date{month_start + std::chrono::months{1}}.DayNumber();
    }
    start = LocalMidnightToUtc(first_day);
    end = LocalMidnightToUtc(next_day);
    OffsetAt(utc);  // LocalMidnightToUtc does not touch the cache; keep it warm
  }
  kind_ = kind;
  interval_begin_ = start;
  interval_end_ = end;
  return start;
}

std::string ZoneClock::Label(int64_t utc) {
  const int64_t offset = OffsetAt(utc);
  const int64_t local = utc + offset;
  const int64_t days = FloorDiv(local, 86400);
  const int64_t second_of_day = local - days * 86400;
  const int64_t offset_minutes = (offset < 0 ? -offset : offset) / 60;
  char text[96];
  std::snprintf(
      text, sizeof text, "T%02lld:%02lld:%02lld%c%02lld:%02lld",
      static_cast<long long>(second_of_day / 3600), static_cast<long long>(second_of_day / 60 % 60),
      static_cast<long long>(second_of_day % 60), offset < 0 ? '-' : '+',
      static_cast<long long>(offset_minutes / 60), static_cast<long long>(offset_minutes % 60));
  return DayOf(days).ToString() + text;
}

}  // namespace cx::kpi
