#include "core/time_zone.h"

#include <date/tz.h>

#include <mutex>

namespace cx {

namespace {

// The time-zone database, loaded once. date loads it on first use behind a
// function-local static, which is thread-safe; but a lookup after the load
// passes the static's fast path, a plain acquire load inside libdate-tz,
// which is not built for ThreadSanitizer, so TSan sees no order between the
// load and that lookup and reported the server's first concurrent requests
// as a race on the database (docs/fuzzing.md). std::call_once (pthread_once,
// which TSan intercepts) makes the order it cannot see inside the library
// visible, without a suppression that would hide real races there too.
void LoadDatabase() {
  static std::once_flag loaded;
  std::call_once(loaded, [] { date::get_tzdb(); });
}

}  // namespace

std::optional<TimeZone> TimeZone::Locate(const std::string& name) {
  try {
    LoadDatabase();
    return TimeZone{date::locate_zone(name)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

UtcInstant TimeZone::ToUtc(const LocalDateTime& local) const {
  const date::local_seconds wall{local.date.days().time_since_epoch() +
                                 std::chrono::minutes{local.minute_of_day}};
  const auto instant = zone_->to_sys(wall, date::choose::earliest);
  return UtcInstant{std::chrono::time_point_cast<std::chrono::milliseconds>(instant)};
}

LocalDateTime TimeZone::ToLocal(UtcInstant instant) const {
  const auto wall = zone_->to_local(instant.time());
  const auto day = std::chrono::floor<std::chrono::days>(wall);
  const auto minute = std::chrono::floor<std::chrono::minutes>(wall - day);
  return LocalDateTime{Date{std::chrono::sys_days{day.time_since_epoch()}},
                       static_cast<int>(minute.count())};
}

}  // namespace cx
