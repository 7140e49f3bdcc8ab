#pragma once
// Mergeable running moments (count, mean, sum of squared deviations), so the
// same code runs on one core or many: Update one value, Combine two states
// (Chan, Golub, LeVeque 1979), read the result. Empty states give nullopt,
// never NaN.

#include <cmath>
#include <cstdint>
#include <optional>

namespace cx::stats {

struct Moments {
  int64_t n = 0;
  double mean = 0;
  double m2 = 0;  // sum of (x - mean)^2

  // Welford: delta = x - mean; mean += delta / n; m2 += delta * (x - mean).
  void Update(double x) {
    ++n;
    const double delta = x - mean;
    mean += delta / static_cast<double>(n);
    m2 += delta * (x - mean);
  }

  // delta = b.mean - a.mean; n = na + nb; mean = a.mean + delta * nb / n;
  // m2 = a.m2 + b.m2 + delta^2 * na * nb / n.
  void Combine(const Moments& other) {
    if (other.n == 0) return;
    if (n == 0) {
      *this = other;
      return;
    }
    const double na = static_cast<double>(n);
    const double nb = static_cast<double>(other.n);
    const double total = na + nb;
    const double delta = other.mean - mean;
    mean += delta * nb / total;
    m2 += other.m2 + delta * delta * na * nb / total;
    n += other.n;
  }

  std::optional<double> Mean() const {
    if (n == 0) return std::nullopt;
    return mean;
  }
  // Sample standard deviation sqrt(m2 / (n - 1)); nullopt for n < 2.
  std::optional<double> Sd() const {
    if (n < 2) return std::nullopt;
    return std::sqrt(m2 / static_cast<double>(n - 1));
  }
};

}  // namespace cx::stats
