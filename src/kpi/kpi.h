#pragma once
// Contact-centre KPIs (docs/kpi.md defines each one): the options of a run,
// the normalised contact every parser produces, the rows a run yields, and
// the diagnostics of bad input.
//
// Thread-safety: nothing here is shared; each parsing thread owns its own
// Aggregator and the threads' aggregators are merged in file order.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cx::kpi {

enum class IntervalKind { k15m, k30m, k1h, kDay, kWeek, kMonth };

// Service-level formulas (docs/kpi.md, "Service level"): the five ICMI
// lists, and the default, which leaves short abandons out as every rate does.
// A = answered, B = abandoned (all, short ones included), Y = threshold.
enum class SlVariant {
  kShortExcluded,     // default: A within Y / (A + B - short abandons)
  kWithinY,           // ICMI 1: (A within Y + B within Y) / (A + B)
  kAnsweredOnly,      // ICMI 2: A within Y / A
  kAllAbandoned,      // ICMI 3: A within Y / (A + B)
  kAbandonedAfterY,   // ICMI 4: A within Y / (A + B after Y)
  kShortAbandonsMet,  // ICMI 5: (A within Y + short abandons) / (A + B)
};
inline constexpr int kSlVariantCount = 6;

// Contacts are offered between 1970 and 2106 (FCR keeps times in 32 bits).
inline constexpr int64_t kMaxTime = 4294967295;

// One report: what its rows are grouped by, and their interval.
struct Grouping {
  bool by_queue = true;
  bool by_agent = false;
  bool by_channel = false;
  IntervalKind interval = IntervalKind::k15m;
};

struct Options {
  // The first report.
  bool by_queue = true;
  bool by_agent = false;
  bool by_channel = false;
  IntervalKind interval = IntervalKind::k15m;
  // Further reports computed in the same pass over the input.
  std::vector<Grouping> more_reports;
  double sl_target = 0.8;   // X of X/Y, as a fraction
  int64_t sl_seconds = 20;  // Y of X/Y
  SlVariant sl_variant = SlVariant::kShortExcluded;
  int64_t short_abandon_s = 5;  // abandons with wait < this are short
  int64_t fcr_days = 7;
  bool fcr_per_channel = false;  // false: a repeat on any channel counts
  std::string time_zone = "Europe/Oslo";
  bool strict = false;
  // A contact CSV is parsed a chunk of about this many bytes per thread at a
  // time (docs/kpi.md, "Speed"); tests make it tiny to put seams everywhere.
  size_t chunk_bytes = size_t{4} << 20;
  // Told how many bytes of the input are read so far (and the file's size),
  // every few megabytes and at the end, from one thread at a time: the CLI
  // draws its progress bar from it. Empty: nobody asks.
  std::function<void(int64_t read, int64_t total)> on_progress;
};

enum class Outcome : uint8_t {
  kAnswered,
  kAbandoned,  // the caller hung up while waiting
  kExited,     // left the queue unanswered otherwise (timeout, empty queue, key)
};

// One interaction of a customer with the contact centre (a call, chat or
// e-mail), as every parser hands it on; not the mystery-shopping contact
// (domain::Contact). The views are valid during Add().
struct Interaction {
  std::string_view queue;
  std::string_view agent;
  std::string_view channel;
  std::string_view case_id;      // preferred FCR key
  std::string_view customer_id;  // FCR key when there is no case id
  int64_t offered = 0;           // UTC epoch seconds
  int64_t wait_s = 0;            // offered to answered, or to abandoned / exit
  int64_t handle_s = 0;          // talk + hold + wrap-up (answered only)
  Outcome outcome = Outcome::kAnswered;
  bool transferred = false;
};

// What a group and interval counts while the input is read (a bucket of
// the parsers, the counting part of a Row).
struct Counts {
  int64_t offered = 0;
  int64_t answered = 0;
  int64_t abandoned = 0;  // short abandons apart
  int64_t short_abandoned = 0;
  int64_t exited = 0;
  int64_t answered_within = 0;
  int64_t abandoned_within = 0;
  int64_t abandoned_after = 0;
  int64_t wait_answered_s = 0;
  int64_t handle_s = 0;
  int64_t longest_wait_s = 0;
  int64_t transferred = 0;
  int64_t staffed_s = 0;  // agents logged in and not paused (queue_log agent events)
  int64_t busy_s = 0;     // agents on calls

  // Sums every count; the longest wait is the longer of the two.
  Counts& operator+=(const Counts& other);
};

// One output row: a group (the names are empty when not grouped by them)
// and an interval. Rates are NaN when their denominator is 0.
struct Row : Counts {
  std::string queue;
  std::string agent;
  std::string channel;
  int64_t interval_start = 0;  // UTC epoch seconds
  std::string interval_label;  // local ISO 8601 time with offset
  int64_t fcr_contacts = 0;
  int64_t fcr_resolved = 0;
  double abandon_rate = 0;
  double asa_s = 0;
  double service_level = 0;                                             // the chosen variant
  double service_level_variants[kSlVariantCount] = {0, 0, 0, 0, 0, 0};  // in SlVariant order
  double aht_s = 0;
  double transfer_rate = 0;
  double fcr = 0;
  double occupancy = 0;  // busy_s / staffed_s
  int sl_met = -1;       // 1 when service_level >= target, 0 below, -1 no calls
};

// Bad input, reported by line. Messages beyond kMaxMessages are counted only.
struct Diagnostics {
  static constexpr size_t kMaxMessages = 1000;
  int64_t bad_lines = 0;  // malformed, skipped
  int64_t warnings = 0;   // survived defects (trailing '|', ...)
  struct Message {
    int64_t line = 0;  // 1-based; 0 when the message concerns no one line
    bool bad = true;   // false for a warning
    std::string why;
  };
  std::vector<Message> messages;

  void Bad(int64_t line, std::string_view why);
  void Warn(int64_t line, std::string_view why);
  // Appends `later`, whose line numbers are shifted by `line_offset`.
  void Append(const Diagnostics& later, int64_t line_offset);
};

// Reports one run computes at most (the first and more_reports).
inline constexpr int kMaxReports = 16;

// Every report of a run: the first one, then more_reports.
std::vector<Grouping> ReportsOf(const Options& options);

const char* SlVariantName(SlVariant variant);
bool ParseSlVariant(std::string_view text, SlVariant& variant);
bool ParseInterval(std::string_view text, IntervalKind& kind);

}  // namespace cx::kpi
