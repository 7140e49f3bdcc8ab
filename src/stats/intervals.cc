#include "stats/intervals.h"

#include <algorithm>
#include <cmath>

#include "stats/moments.h"

namespace cx::stats {

std::optional<Interval> Wilson(int64_t successes, int64_t n, double z) {
  if (n <= 0) return std::nullopt;
  const double count = static_cast<double>(n);
  const double p = static_cast<double>(successes) / count;
  const double z2 = z * z;
  const double denominator = 1 + z2 / count;
  const double centre = (p + z2 / (2 * count)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1 - p) / count + z2 / (4 * count * count));
  return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::optional<NpsEstimate> NpsAdjustedWald(int64_t promoters, int64_t detractors, int64_t n,
                                           double z) {
  if (n <= 0) return std::nullopt;
  NpsEstimate estimate;
  estimate.nps = 100.0 * static_cast<double>(promoters - detractors) / static_cast<double>(n);
  const double adjusted_n = static_cast<double>(n) + 3;
  const double p = (static_cast<double>(promoters) + 0.75) / adjusted_n;
  const double d = (static_cast<double>(detractors) + 0.75) / adjusted_n;
  const double variance = (p + d - (p - d) * (p - d)) / adjusted_n;
  const double half = z * std::sqrt(std::max(0.0, variance));
  estimate.ci = {std::max(-100.0, 100 * (p - d - half)), std::min(100.0, 100 * (p - d + half))};
  return estimate;
}

double StudentT975(int64_t df) {
  // t(0.975, df) for df = 1..30 (any statistics table, e.g. NIST/SEMATECH
  // e-Handbook 1.3.6.7.2).
  static constexpr double kTable[30] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                        2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                        2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                        2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
  if (df < 1) df = 1;
  if (df <= 30) return kTable[df - 1];
  // t = z + g1/df + g2/df^2 + g3/df^3 + g4/df^4 with
  // g1 = (z^3 + z)/4, g2 = (5z^5 + 16z^3 + 3z)/96,
  // g3 = (3z^7 + 19z^5 + 17z^3 - 15z)/384,
  // g4 = (79z^9 + 776z^7 + 1482z^5 - 1920z^3 - 945z)/92160.
  const double z = kZ95;
  const double z2 = z * z;
  const double z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2;
  const double v = static_cast<double>(df);
  const double g1 = (z3 + z) / 4;
  const double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
}

std::optional<MeanEstimate> MeanT(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  Moments moments;
  for (double value : values) moments.Update(value);
  MeanEstimate estimate;
  estimate.mean = moments.mean;
  estimate.ci = {moments.mean, moments.mean};
  if (const auto sd = moments.Sd()) {
    const double half =
        StudentT975(moments.n - 1) * *sd / std::sqrt(static_cast<double>(moments.n));
    estimate.ci = {moments.mean - half, moments.mean + half};
  }
  return estimate;
}

double QuantileSorted(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * std::clamp(p, 0.0, 1.0);
  const auto low = static_cast<size_t>(std::floor(h));
  const size_t high = std::min(low + 1, sorted.size() - 1);
  return sorted[low] + (h - static_cast<double>(low)) * (sorted[high] - sorted[low]);
}

std::optional<double> Quantile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  return QuantileSorted(values, p);
}

}  // namespace cx::stats
