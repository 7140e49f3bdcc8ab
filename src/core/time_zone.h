#pragma once
// A named time zone of the tz database (the study's `time_zone`, such as
// Europe/Oslo): joins a study's wall-clock times to the UTC line. Its own
// library (cx_tz), so that cx_core stays free of third-party dependencies.
//
// Thread-safety: a TimeZone is immutable; share it freely.

#include <optional>
#include <string>

#include "core/civil_time.h"

namespace date {
class time_zone;
}

namespace cx {

class TimeZone {
 public:
  // The zone named `name` (such as "Europe/Oslo"), or nullopt when the tz
  // database has no such zone. Never throws.
  static std::optional<TimeZone> Locate(const std::string& name);

  // The instant of a wall-clock time. A time the autumn change repeats takes
  // its first (summer-time) occurrence; a time the spring change skips takes
  // the instant of the change (both as the tz database's choose::earliest).
  UtcInstant ToUtc(const LocalDateTime& local) const;
  // The wall-clock time of an instant, to the minute (seconds are cut).
  LocalDateTime ToLocal(UtcInstant instant) const;

 private:
  explicit TimeZone(const date::time_zone* zone) : zone_(zone) {}
  const date::time_zone* zone_;
};

}  // namespace cx
