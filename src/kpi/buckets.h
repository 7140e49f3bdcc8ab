#pragma once
// Private to kpi/: one parser's sums, one bucket per group and interval in
// each report of the run, and the FCR updates of its contacts. Memory grows
// with the groups and intervals, never with the number of contacts.
//
// Thread-safety: none; give each parsing thread its own Buckets.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/fcr_owner.h"
#include "kpi/kpi.h"
#include "kpi/local_time.h"

namespace cx::kpi {

using Sums = Counts;  // a bucket's counts (kpi.h)

class Buckets {
 public:
  // `parser` of `parsers`: bucket refs of FCR updates name this parser.
  Buckets(const Options& options, const date::time_zone* zone, int parser, int parsers);
  Buckets(const Buckets&) = delete;
  Buckets& operator=(const Buckets&) = delete;

  // Adds the contact to its bucket in every report; when it has a case or
  // customer id, appends its FCR update to batches[OwnerOf(key, owners)].
  void Add(const Interaction& contact, FcrBatch* batches, int owners);

  // Adds agent time [begin, end) to the buckets it overlaps in every report,
  // cut at interval boundaries: staffed (logged in, not paused) or busy (on
  // a call). Used for occupancy (docs/kpi.md).
  void AddAgentTime(std::string_view queue, std::string_view agent, std::string_view channel,
                    int64_t begin, int64_t end, bool busy);

  // Converts local times while parsing (its own cache, apart from the reports').
  ZoneClock& clock() { return parse_clock_; }
  // Contacts offered before 1970 or after 2106: left out of FCR.
  int64_t fcr_out_of_range() const { return fcr_out_of_range_; }

  struct Key {
    uint32_t queue = 0;  // name ids; 0 = not grouped by it, or no name
    uint32_t agent = 0;
    uint32_t channel = 0;
    int64_t start = 0;  // UTC start of the interval
    bool operator==(const Key&) const = default;
  };
  int reports() const { return static_cast<int>(reports_.size()); }
  const std::vector<Key>& keys(int report) const { return reports_[report].buckets.keys; }
  const std::vector<Sums>& sums(int report) const { return reports_[report].sums; }
  const std::string& name(uint32_t id) const { return names_[id]; }
  int parser() const { return parser_; }
  int parsers() const { return parsers_; }

 private:
  friend std::vector<std::vector<Row>> CollectRows(const Options&, const date::time_zone*,
                                                   const std::vector<const Buckets*>&,
                                                   const std::vector<const FcrOwner*>&);
  // A group's most recent bucket: contacts come roughly in time order, so
  // a group's next contact is nearly always in the same interval.
  struct Recent {
    int64_t start = 0;
    uint32_t bucket = ~0u;
  };
  // Open addressing over keys; slots hold index + 1 (0 = empty).
  struct KeyTable {
    std::vector<uint32_t> slots = std::vector<uint32_t>(64, 0);
    std::vector<Key> keys;
    // The index of `key`; `inserted` when it is new (appended to keys).
    uint32_t Find(const Key& key, bool& inserted);
  };
  struct Report {
    Report(const Grouping& of, const date::time_zone* zone) : grouping(of), clock(zone) {}
    Grouping grouping;
    ZoneClock clock;
    int dimensions = 0;
    KeyTable buckets;            // bucket index by key
    std::vector<Sums> sums;      // by bucket index
    KeyTable groups;             // group id by name ids (start 0), grouped by 2 or 3 dimensions
    std::vector<Recent> recent;  // by group id
  };
  struct NameCache {
    std::string_view last;
    uint32_t last_id = 0;
  };
  // A name of up to 8 bytes is its own key: no hashing of text, no compare.
  struct ShortName {
    uint64_t word = 0;
    uint32_t size = 0;
    uint32_t id_plus_1 = 0;  // 0 = empty slot
  };

  uint32_t Intern(std::string_view name, NameCache& cache);
  uint32_t InternLong(std::string_view name);
  uint32_t NewName(std::string_view name);
  uint32_t BucketOf(Report& report, uint32_t queue, uint32_t agent, uint32_t channel,
                    int64_t start);
  static size_t HashOf(const Key& key);

  Options options_;
  int parser_;
  int parsers_;
  ZoneClock parse_clock_;
  std::vector<Report> reports_;
  bool need_queue_ = false, need_agent_ = false, need_channel_ = false;
  // Names: id -> text (a deque: texts never move, so views of them stay
  // valid), and open-addressing slots of id + 1 by hash.
  std::deque<std::string> names_;
  std::vector<ShortName> short_slots_;
  std::vector<uint32_t> long_slots_;
  NameCache queue_cache_, agent_cache_, channel_cache_;
  std::string fcr_key_;  // reused: no allocation per contact
  int64_t fcr_out_of_range_ = 0;
};

// The rows of every report (the first, then more_reports), from the sums of
// every parser and the FCR counts of every owner; each report ordered by
// queue, agent, channel and interval start.
std::vector<std::vector<Row>> CollectRows(const Options& options, const date::time_zone* zone,
                                          const std::vector<const Buckets*>& parsers,
                                          const std::vector<const FcrOwner*>& owners);

}  // namespace cx::kpi
