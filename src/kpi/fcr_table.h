#pragma once
// Private to kpi/: what FCR keeps per case or customer, in a flat
// open-addressing table of 28-byte entries (std::unordered_map<std::string>
// took 40 % of a run's time in cache misses and malloc, and 3x the memory).
//
// A key is identified by a 96-bit hash of its text, not by the text: two
// different keys collide with probability about n^2 / 2^97 (below 1e-15
// for 10 million keys), and a collision would merge two customers' FCR.
//
// The table is split into kPartitions by hash, so that two tables can be
// merged one partition at a time, freeing as they go.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace cx::kpi {

struct FcrEntry {
  static constexpr uint32_t kNoBucket = 0x0FFFFFFF;
  enum Verdict : uint32_t { kPending = 0, kResolved = 1, kUnresolved = 2 };

  // The key's hash, in 32-bit halves so that an entry packs into 28 bytes.
  uint32_t hash_low = 0;  // hash_low and hash_high both 0: an empty slot
  uint32_t hash_high = 0;
  uint32_t hash_b = 0;
  uint32_t first_time = 0;  // UTC seconds since 1970, unsigned: until 2106
  // The key's most recently read contact; an answered opener awaiting its
  // verdict (pending_bucket) is always that contact, as any later one
  // settles it.
  uint32_t last_time = 0;
  uint32_t first = 0;  // bits 0-27: bucket; 28: answered; 29: pending is first; 30-31: verdict
  uint32_t pending_bucket = kNoBucket;

  uint64_t hash_a() const { return (static_cast<uint64_t>(hash_high) << 32) | hash_low; }
  void SetHash(uint64_t hash, uint32_t extra) {
    hash_low = static_cast<uint32_t>(hash);
    hash_high = static_cast<uint32_t>(hash >> 32);
    hash_b = extra;
  }
  bool empty() const { return hash_low == 0 && hash_high == 0; }
  uint32_t first_bucket() const { return first & kNoBucket; }
  bool first_answered() const { return (first >> 28) & 1u; }
  bool pending_is_first() const { return (first >> 29) & 1u; }
  Verdict first_verdict() const { return static_cast<Verdict>(first >> 30); }
  void SetFirst(uint32_t bucket, bool answered) {
    first = (bucket & kNoBucket) | (answered ? 1u << 28 : 0u);
  }
  void SetPendingIsFirst(bool value) { first = (first & ~(1u << 29)) | (value ? 1u << 29 : 0u); }
  void SetFirstVerdict(Verdict verdict) {
    first = (first & ~(3u << 30)) | (static_cast<uint32_t>(verdict) << 30);
  }
};
static_assert(sizeof(FcrEntry) == 28);

using FcrVector = std::vector<FcrEntry>;

inline uint64_t Fmix64(uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdULL;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ULL;
  value ^= value >> 33;
  return value;
}

// Two independent lanes over 8-byte words, each finished with MurmurHash3's
// fmix64.
inline void HashKey(std::string_view text, uint64_t& hash_a, uint32_t& hash_b) {
  uint64_t lane_a = 0x243F6A8885A308D3ULL ^ text.size();
  uint64_t lane_b = 0x13198A2E03707344ULL + text.size() * 0x9E3779B97F4A7C15ULL;
  size_t pos = 0;
  while (pos < text.size()) {
    uint64_t word = 0;
    const size_t take = text.size() - pos < 8 ? text.size() - pos : 8;
    std::memcpy(&word, text.data() + pos, take);
    pos += take;
    lane_a = Fmix64(lane_a ^ word);
    lane_b = (lane_b ^ (word * 0x9E3779B97F4A7C15ULL));
    lane_b = ((lane_b << 29) | (lane_b >> 35)) * 0xBF58476D1CE4E5B9ULL;
  }
  hash_a = Fmix64(lane_a ^ (lane_b * 3));
  if (hash_a == 0) hash_a = 1;
  hash_b = static_cast<uint32_t>(Fmix64(lane_b + lane_a) >> 32);
}

class FcrTable {
 public:
  static constexpr int kPartitions = 8;

  FcrTable() {
    for (Part& part : parts_) part.slots.resize(1024);
  }

  static int PartitionOf(uint32_t hash_b) { return static_cast<int>(hash_b & (kPartitions - 1)); }

  // The entry of the key, or a new one (zeroed but for its hash).
  FcrEntry& FindOrInsert(uint64_t hash_a, uint32_t hash_b, bool& inserted) {
    Part& part = parts_[PartitionOf(hash_b)];
    // Load <= 0.7: a miss (a new key, half the lookups) probes ~6 slots at
    // worst with linear probing; at 0.8 it was ~13, and the run 1.5x slower.
    if ((part.size + 1) * 10 > part.slots.size() * 7) Grow(part);
    FcrEntry& slot = Probe(part.slots, hash_a, hash_b);
    inserted = slot.empty();
    if (inserted) {
      slot.SetHash(hash_a, hash_b);
      ++part.size;
    }
    return slot;
  }

  // Starts loading the slot the key would probe first.
  void Prefetch(uint64_t hash_a, uint32_t hash_b) const {
    const FcrVector& slots = parts_[PartitionOf(hash_b)].slots;
    __builtin_prefetch(&slots[SlotOf(hash_a, slots.size())]);
  }

  FcrVector& Slots(int partition) { return parts_[partition].slots; }
  // Frees a partition (after it was merged or finished).
  void Release(int partition) {
    FcrVector().swap(parts_[partition].slots);
    parts_[partition].size = 0;
  }

 private:
  struct Part {
    FcrVector slots;
    size_t size = 0;
  };

  static FcrEntry& Probe(FcrVector& slots, uint64_t hash_a, uint32_t hash_b) {
    size_t index = SlotOf(hash_a, slots.size());
    while (true) {
      FcrEntry& slot = slots[index];
      if (slot.empty() || (slot.hash_a() == hash_a && slot.hash_b == hash_b)) return slot;
      if (++index == slots.size()) index = 0;
    }
  }

  // Slot from the hash's high bits ("fastrange"): any table size works.
  static size_t SlotOf(uint64_t hash_a, size_t size) {
    __extension__ using Wide = unsigned __int128;
    return static_cast<size_t>((static_cast<Wide>(hash_a) * size) >> 64);
  }

  static void Grow(Part& part) {
    FcrVector larger(std::max<size_t>(1024, part.slots.size() + part.slots.size() / 2));
    for (const FcrEntry& entry : part.slots) {
      if (!entry.empty()) Probe(larger, entry.hash_a(), entry.hash_b) = entry;
    }
    part.slots.swap(larger);
  }

  Part parts_[kPartitions];
};

}  // namespace cx::kpi
