#pragma once
// Private to kpi/: FCR in two steps. Parsers turn every contact that has a
// case or customer id into an update addressed to the owner of its key (by
// hash); each owner applies the updates of its keys in file order. A key
// lives in exactly one owner's table, so threads share no entry and no table
// is merged at the end (docs/kpi.md, "Speed").
//
// Thread-safety: an FcrBatch is written by one parser and then read by one
// owner, with a barrier between; an FcrOwner belongs to one thread.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "kpi/fcr_table.h"

namespace cx::kpi {

// A bucket ref names a bucket of one parser: local index * parsers + parser.
struct FcrBatch {
  // Per update: hash_a (2 words), hash_b, time, answered (0/1), then one
  // bucket ref per report.
  std::vector<uint32_t> words;

  void Add(uint64_t hash_a, uint32_t hash_b, uint32_t time, bool answered,
           const uint32_t* bucket_refs, int reports) {
    words.push_back(static_cast<uint32_t>(hash_a));
    words.push_back(static_cast<uint32_t>(hash_a >> 32));
    words.push_back(hash_b);
    words.push_back(time);
    words.push_back(answered ? 1u : 0u);
    words.insert(words.end(), bucket_refs, bucket_refs + reports);
  }
  void clear() { words.clear(); }
};

// Which of `owners` keeps the key (bits of hash_b the table does not use).
inline int OwnerOf(uint32_t hash_b, int owners) {
  return static_cast<int>((hash_b >> 8) % static_cast<uint32_t>(owners));
}

class FcrOwner {
 public:
  FcrOwner(int reports, int64_t window_s);

  void Apply(const FcrBatch& batch);
  // Every opener still awaiting its verdict had no further contact: resolved.
  // Frees the table.
  void Finish();

  // Per report, indexed by bucket ref: answered contacts that opened an
  // episode, and those of them resolved (no further contact in the window).
  const std::vector<int64_t>& opened(int report) const { return opened_[report]; }
  const std::vector<int64_t>& resolved(int report) const { return resolved_[report]; }
  // Contacts read after a later contact of the same key (taken in read order).
  int64_t out_of_order() const { return out_of_order_; }

 private:
  void Credit(std::vector<int64_t>& counts, uint32_t ref) {
    if (ref >= counts.size()) counts.resize(std::max<size_t>(ref + 1, counts.size() * 2), 0);
    ++counts[ref];
  }

  int reports_;
  int64_t window_s_;
  FcrTable table_;
  std::vector<std::vector<int64_t>> opened_;
  std::vector<std::vector<int64_t>> resolved_;
  int64_t out_of_order_ = 0;
};

}  // namespace cx::kpi
