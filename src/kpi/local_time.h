#pragma once
// Time on the hot path: the timestamps of a PBX or ACD log, and a time zone
// whose UTC offset is looked up once per offset period (between two DST
// changes) and then reused, instead of one tz conversion per row. The date
// of a timestamp is read by core's Date::Parse; the rest (a space or T, a
// fraction, an offset, or epoch seconds) are forms of the logs, not of the
// study's civil time (core/civil_time.h), so they are read here.
//
// Thread-safety: a ZoneClock caches; give each thread its own.

#include <cstdint>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace cx::kpi {

enum class TimeParse {
  kOk,
  kEmpty,
  kMalformed,
};

// "YYYY-MM-DD[T ]HH:MM:SS[.fff][Z|+HH:MM|+HHMM|+HH]" or epoch seconds.
// `seconds` is UTC when `has_offset`, else wall-clock seconds of an unknown
// zone (local seconds: the civil time counted as if it were UTC).
// The last date ParseTimestamp read: the times of a log share their dates
// (three per line of a contact CSV), so their digits are read once.
struct DateCache {
  char text[10] = {};
  int64_t days = 0;
  bool valid = false;
};
TimeParse ParseTimestamp(std::string_view text, int64_t& seconds, bool& has_offset,
                         DateCache* cache = nullptr);

class ZoneClock {
 public:
  // nullptr when the zone is unknown; see Locate().
  explicit ZoneClock(const date::time_zone* zone);
  // The zone named `name`, or nullptr (never throws).
  static const date::time_zone* Locate(const std::string& name);

  // Offset of local time from UTC at UTC instant `utc`, in seconds.
  int64_t OffsetAt(int64_t utc) {
    if (utc >= begin_ && utc < end_) return offset_;
    Refresh(utc);
    return offset_;
  }

  enum class LocalResult { kUnique, kAmbiguous, kNonexistent };
  // UTC instant of wall-clock `local` seconds. Ambiguous times (the repeated
  // hour in autumn) take the earlier instant; nonexistent ones (the skipped
  // hour in spring) are reported and `utc` is left unset.
  LocalResult LocalToUtc(int64_t local, int64_t& utc);

  // UTC start of the interval of `kind` (see kpi.h) holding UTC `utc`; in
  // local time of the zone, so a day is 23 or 25 hours on DST days.
  int64_t IntervalStart(int kind, int64_t utc);
  // After IntervalStart(): where that interval ends, or sooner where the UTC
  // offset changes inside it (a time at or after this may start another).
  int64_t interval_end() const { return interval_end_; }
  // "2026-03-29T00:00:00+01:00" for UTC instant `utc`.
  std::string Label(int64_t utc);

 private:
  void Refresh(int64_t utc);
  int64_t LocalMidnightToUtc(int64_t local_day);

  const date::time_zone* zone_;
  int64_t begin_ = 1;  // [begin_, end_) in UTC: offset_ holds there
  int64_t end_ = 0;
  int64_t offset_ = 0;
  // The last interval found, reused while rows stay in it.
  int kind_ = -1;
  int64_t interval_begin_ = 1;
  int64_t interval_end_ = 0;
};

}  // namespace cx::kpi
