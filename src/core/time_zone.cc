#include "core/time_zone.h"

#include <date/tz.h>

namespace cx {

std::optional<TimeZone> TimeZone::Locate(const std::string& name) {
  try {
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
