#pragma once
// Sums contacts into one bucket per group and interval, and keeps per case
// (or customer) only what FCR needs: memory grows with groups and customers,
// never with the number of contacts.
//
// Thread-safety: none. Give each parsing thread its own Aggregator over a
// consecutive part of the input, then Append() the later parts in order.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kpi/fcr_table.h"
#include "kpi/kpi.h"
#include "kpi/local_time.h"

namespace cx::kpi {

class Aggregator {
 public:
  Aggregator(const Options& options, const date::time_zone* zone);
  Aggregator(const Aggregator&) = delete;
  Aggregator& operator=(const Aggregator&) = delete;

  void Add(const Contact& contact);
  // `later` saw the input that follows this one's; takes over its buckets
  // and settles FCR across the seam. `later` is left empty.
  void Append(Aggregator& later);
  // The rows, ordered by queue, agent, channel and interval start.
  std::vector<Row> Finish();

  // Contacts of a case or customer that came before an earlier-seen contact
  // of the same key: FCR takes them in the order read (docs/kpi.md).
  int64_t fcr_out_of_order() const { return fcr_out_of_order_; }
  // Contacts offered before 1970 or after 2106: left out of FCR.
  int64_t fcr_out_of_range() const { return fcr_out_of_range_; }
  ZoneClock& clock() { return clock_; }

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  struct BucketKey {
    uint32_t queue = 0;
    uint32_t agent = 0;
    uint32_t channel = 0;
    int64_t start = 0;
    bool operator==(const BucketKey&) const = default;
  };
  struct BucketKeyHash {
    size_t operator()(const BucketKey& key) const {
      uint64_t hash = static_cast<uint64_t>(key.start) * 0x9E3779B97F4A7C15ull;
      hash ^= (static_cast<uint64_t>(key.queue) << 42) ^ (static_cast<uint64_t>(key.agent) << 21) ^
              key.channel;
      return static_cast<size_t>(hash ^ (hash >> 29));
    }
  };
  struct Bucket {
    Row sums;                       // only the counting fields are used
    Bucket* merged_into = nullptr;  // set when Append() moved it elsewhere
    uint32_t index = 0;             // in bucket_refs_
  };
  using BucketMap = std::unordered_map<BucketKey, Bucket, BucketKeyHash>;

  uint32_t Intern(std::string_view name);
  uint32_t InternCached(std::string_view name, std::string_view& last_name, uint32_t& last_id);
  Bucket& FindBucket(const BucketKey& key);
  static Bucket* Live(Bucket* bucket);
  Bucket& BucketAt(uint32_t index) { return *Live(bucket_refs_[index]); }
  void SettlePending(FcrEntry& entry, uint32_t next_time);
  // FCR updates wait in a short queue after their slot is prefetched, so the
  // cache miss overlaps the parsing of the next rows; applied in order.
  struct FcrUpdate {
    uint64_t hash_a;
    uint32_t hash_b;
    uint32_t time;
    uint32_t bucket;
    bool answered;
  };
  static constexpr size_t kFcrQueue = 64;
  void ApplyFcr(const FcrUpdate& update);
  void FlushFcr();

  Options options_;
  ZoneClock clock_;
  int64_t fcr_window_s_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> ids_;
  std::vector<std::string> names_;
  std::string_view last_queue_, last_agent_, last_channel_;
  uint32_t last_queue_id_ = 0, last_agent_id_ = 0, last_channel_id_ = 0;
  BucketMap buckets_;
  BucketKey last_key_{~0u, ~0u, ~0u, 0};
  Bucket* last_bucket_ = nullptr;
  std::vector<Bucket*> bucket_refs_;  // FCR entries refer to buckets by index
  FcrTable fcr_;
  FcrUpdate fcr_queue_[kFcrQueue];
  size_t fcr_queue_begin_ = 0;  // ring: updates [begin, begin + size)
  size_t fcr_queue_size_ = 0;
  std::string fcr_key_;                              // reused: no allocation per contact
  std::vector<std::unique_ptr<BucketMap>> retired_;  // Append()ed buckets, forwarded
  int64_t fcr_out_of_order_ = 0;
  int64_t fcr_out_of_range_ = 0;
};

}  // namespace cx::kpi
