#pragma once
// A small seeded random source for the demo generator.
// Why not <random>'s distributions: std::normal_distribution and friends are
// implementation-defined, so the same seed gives other studies under another
// standard library. A demo "deterministic for a seed" needs the same draws
// everywhere, so the generator (splitmix64) and the transforms are written out.

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace cx::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  // A stream for one named thing (a contact, a participant): draws for it do
  // not depend on how many draws other things made before it.
  Rng(uint64_t seed, std::string_view key) : state_(seed ^ Hash(key)) {}

  // splitmix64 (Steele, Lea, Flood 2014).
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1): the top 53 bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Uniform(double low, double high) { return low + (high - low) * Uniform(); }
  // Uniform integer in [0, n).
  size_t Below(size_t n) {
    return n == 0 ? 0 : static_cast<size_t>(Uniform() * static_cast<double>(n));
  }
  bool Chance(double p) { return Uniform() < p; }
  // Standard normal by Box-Muller: z = sqrt(-2 ln u1) cos(2 pi u2).
  double Normal(double mean = 0, double sd = 1) {
    const double u1 = 1.0 - Uniform();  // (0, 1]: log stays finite
    const double u2 = Uniform();
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  // Log-normal with the given median: median * exp(sigma * z).
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }

  template <class T>
  void Shuffle(std::vector<T>& items) {
    for (size_t index = items.size(); index > 1; --index)
      std::swap(items[index - 1], items[Below(index)]);
  }
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

  // FNV-1a: a stable hash of a key (std::hash differs between libraries).
  static uint64_t Hash(std::string_view key) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : key) hash = (hash ^ c) * 0x100000001b3ULL;
    return hash;
  }

 private:
  uint64_t state_;
};

}  // namespace cx::demo
