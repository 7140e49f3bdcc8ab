#pragma once
// Private to kpi/: what FCR keeps per case or customer, in a flat
// open-addressing table (std::unordered_map<std::string> took 40 % of a run's
// time in cache misses and malloc, and 3x the memory).
//
// An entry is 4 + R words of 32 bits for R reports computed in one pass:
//   [0, 1] the key's 64-bit hash (0 marks an empty slot), [2] 32 more bits
//   of hash, [3] the time of the key's most recently read contact, and
//   [4, 4 + R) that contact's bucket in each report while it is an answered
//   opener awaiting its verdict (kNoBucket otherwise).
// A key is identified by its 96-bit hash, not by its text: two different
// keys collide with probability about n^2 / 2^97 (below 1e-15 for 10 million
// keys), and a collision would merge two customers' FCR.
//
// The table is split into kParts by hash, so that it grows a part at a time
// (a growth needs the old and the new part at once).

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>
#include <utility>

namespace cx::kpi {

inline constexpr uint32_t kNoBucket = 0xFFFFFFFF;

// The 64-bit hash kept as two words (an entry's, or an update's, first two).
inline uint64_t HashAOf(const uint32_t* words) {
  return words[0] | (static_cast<uint64_t>(words[1]) << 32);
}

inline uint64_t Fmix64(uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdULL;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ULL;
  value ^= value >> 33;
  return value;
}

// Two independent lanes over 8-byte words, each finished with MurmurHash3's
// fmix64. hash_a is never 0 (0 marks an empty slot).
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

// Zeroed words straight from mmap, in 2 MB transparent huge pages once large:
// the table outgrows the caches and every lookup is a random access, so with
// 4 KB pages nearly each one also missed the TLB (measured on the bench file:
// 90 % of the FCR lookup's time was its first load of the slot; with huge
// pages a one-report run went from 5.3 s to 4.5 s).
class ZeroedWords {
 public:
  ZeroedWords() = default;
  explicit ZeroedWords(size_t words) {
    if (words == 0) return;
    // Small arrays stay in 4 KB pages: a huge page is zeroed whole on first touch.
    const bool huge = words * 4 >= kHugeFrom;
    const size_t page = huge ? kHuge : 4096;
    bytes_ = (words * 4 + page - 1) & ~(page - 1);
    void* memory =
        mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) throw std::bad_alloc();
    if (huge) madvise(memory, bytes_, MADV_HUGEPAGE);  // advice only: 4 KB pages if refused
    // Fault it all in now, writable: the probes soon touch every page anyway,
    // each first by a read (mapping the shared zero page) and then by a write
    // (a second fault, which with two threads also flushes the other core's
    // TLB: 6 % of a run's time before this).
    madvise(memory, bytes_, MADV_POPULATE_WRITE);
    data_ = static_cast<uint32_t*>(memory);
  }
  ZeroedWords(const ZeroedWords&) = delete;
  ZeroedWords& operator=(const ZeroedWords&) = delete;
  ZeroedWords(ZeroedWords&& other) noexcept { swap(other); }
  ZeroedWords& operator=(ZeroedWords&& other) noexcept {
    ZeroedWords(std::move(other)).swap(*this);
    return *this;
  }
  ~ZeroedWords() {
    if (data_ != nullptr) munmap(data_, bytes_);
  }
  void swap(ZeroedWords& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(bytes_, other.bytes_);
  }
  uint32_t* data() const { return data_; }

 private:
  static constexpr size_t kHuge = size_t{2} << 20;
  static constexpr size_t kHugeFrom = size_t{8} << 20;
  uint32_t* data_ = nullptr;
  size_t bytes_ = 0;
};

class FcrTable {
 public:
  static constexpr int kParts = 8;

  explicit FcrTable(int reports) : stride_(4 + static_cast<size_t>(reports)) {
    for (Part& part : parts_) part.Allocate(1024, stride_);
  }

  size_t stride() const { return stride_; }

  // The words of the key's entry, or of a new one (zeroed but for its hash).
  uint32_t* FindOrInsert(uint64_t hash_a, uint32_t hash_b, bool& inserted) {
    Part& part = parts_[PartOf(hash_b)];
    // Load <= 0.7: a miss (a new key, half the lookups) probes ~6 slots at
    // worst with linear probing; at 0.8 it was ~13, and the run 1.5x slower.
    if ((part.size + 1) * 10 > part.slots * 7) Grow(part);
    uint32_t* entry = Probe(part, hash_a, hash_b);
    inserted = Empty(entry);
    if (inserted) {
      entry[0] = static_cast<uint32_t>(hash_a);
      entry[1] = static_cast<uint32_t>(hash_a >> 32);
      entry[2] = hash_b;
      ++part.size;
    }
    return entry;
  }

  // Starts loading the entry the key would probe first.
  void Prefetch(uint64_t hash_a, uint32_t hash_b) const {
    const Part& part = parts_[PartOf(hash_b)];
    __builtin_prefetch(part.words.data() + SlotOf(hash_a, part.slots) * stride_, 1);
  }

  // Calls visit(words) for every entry, freeing the table as it goes.
  template <class Visit>
  void Drain(Visit visit) {
    for (Part& part : parts_) {
      uint32_t* words = part.words.data();
      for (size_t slot = 0; slot < part.slots; ++slot) {
        uint32_t* entry = words + slot * stride_;
        if (!Empty(entry)) visit(entry);
      }
      part = Part();
    }
  }

 private:
  struct Part {
    ZeroedWords words;
    size_t slots = 0;
    size_t size = 0;
    void Allocate(size_t count, size_t stride) {
      words = ZeroedWords(count * stride);
      slots = count;
      size = 0;
    }
  };

  static int PartOf(uint32_t hash_b) { return static_cast<int>(hash_b & (kParts - 1)); }
  static bool Empty(const uint32_t* entry) { return entry[0] == 0 && entry[1] == 0; }

  uint32_t* Probe(const Part& part, uint64_t hash_a, uint32_t hash_b) const {
    const auto low = static_cast<uint32_t>(hash_a);
    const auto high = static_cast<uint32_t>(hash_a >> 32);
    size_t slot = SlotOf(hash_a, part.slots);
    uint32_t* words = part.words.data();
    while (true) {
      uint32_t* entry = words + slot * stride_;
      if (Empty(entry) || (entry[0] == low && entry[1] == high && entry[2] == hash_b)) return entry;
      if (++slot == part.slots) slot = 0;
    }
  }

  // Slot from the hash's high bits ("fastrange"): any table size works.
  static size_t SlotOf(uint64_t hash_a, size_t slots) {
    __extension__ using Wide = unsigned __int128;
    return static_cast<size_t>((static_cast<Wide>(hash_a) * slots) >> 64);
  }

  void Grow(Part& part) {
    Part larger;
    larger.Allocate(std::max<size_t>(1024, part.slots + part.slots / 2), stride_);
    const uint32_t* words = part.words.data();
    // Every entry lands at a random place in the new table: start loading
    // the place of the entry kAhead slots on while this one is moved.
    constexpr size_t kAhead = 16;
    for (size_t slot = 0; slot < part.slots; ++slot) {
      if (slot + kAhead < part.slots) {
        const uint32_t* ahead = words + (slot + kAhead) * stride_;
        __builtin_prefetch(larger.words.data() + SlotOf(HashAOf(ahead), larger.slots) * stride_, 1);
      }
      const uint32_t* entry = words + slot * stride_;
      if (Empty(entry)) continue;
      std::memcpy(Probe(larger, HashAOf(entry), entry[2]), entry, stride_ * 4);
    }
    larger.size = part.size;
    part = std::move(larger);
  }

  size_t stride_;
  Part parts_[kParts];
};

}  // namespace cx::kpi
