#pragma once
// A fast, reproducible pseudo-random generator for resampling.
// SplitMix64 (Steele, Lea, Flood 2014) derives seeds and streams;
// xoshiro256** (Blackman, Vigna 2018) draws. Neither is for cryptography.
// Not thread-safe: give each thread (or each block of work) its own stream,
// derived with Stream(seed, key), so results never depend on thread count.

#include <cstdint>

namespace cx::stats {

// SplitMix64: z += 0x9e3779b97f4a7c15, then two xor-shift-multiply rounds.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Xoshiro256 {
 public:
  // Seeds the four state words from SplitMix64(seed), as the authors advise.
  explicit Xoshiro256(uint64_t seed) {
    for (auto& word : state_) word = SplitMix64(seed);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // A uniform index in [0, n), n > 0, by Lemire's multiply-shift (2019) on
  // the high 32 bits: index = (x32 * n) >> 32. The bias is below n / 2^32,
  // under 1e-6 for the group sizes of a study (n <= a few thousand).
  uint32_t Index(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * n) >> 32); }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

// The seed of an independent stream for `key` (an industry, a block of
// resamples) under the user's `seed`: two SplitMix64 rounds over both.
inline uint64_t StreamSeed(uint64_t seed, uint64_t key) {
  uint64_t state = seed;
  const uint64_t first = SplitMix64(state);
  state = first ^ (key * 0xd1b54a32d192ed03ULL);
  return SplitMix64(state);
}

// FNV-1a 64 of a text: a stable key for an id, the same on every platform.
inline uint64_t HashText(const char* text, unsigned long length) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned long index = 0; index < length; ++index) {
    hash ^= static_cast<unsigned char>(text[index]);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace cx::stats
