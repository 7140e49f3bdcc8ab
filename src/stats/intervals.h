#pragma once
// Confidence intervals and quantiles used by the results engine. Every
// function returns nullopt for an empty sample, never NaN.

#include <cstdint>
#include <optional>
#include <vector>

namespace cx::stats {

struct Interval {
  double low = 0;
  double high = 0;
};

// The standard normal quantile for a two-sided 95 % interval.
inline constexpr double kZ95 = 1.959963984540054;

// Wilson score interval for a proportion (Wilson 1927, JASA 22:209-212):
//   p = x / n, centre = (p + z^2 / 2n) / (1 + z^2 / n),
//   half = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2).
// As proportions in [0, 1]; nullopt when n == 0.
std::optional<Interval> Wilson(int64_t successes, int64_t n, double z = kZ95);

struct NpsEstimate {
  double nps = 0;  // -100..100
  Interval ci;     // -100..100, clamped
};

// Net Promoter Score with the adjusted-Wald interval (Rocks 2016, "Interval
// estimation for the 'net promoter score'", The American Statistician 70:4,
// 365-372, found it the best of the usual three):
//   nps = 100 (P - D) / n
//   n' = n + 3, p' = (P + 3/4) / n', d' = (D + 3/4) / n'
//   var = (p' + d' - (p' - d')^2) / n'
//   ci = 100 ((p' - d') -/+ z sqrt(var)), clamped to [-100, 100].
// The interval is centred on the adjusted estimate, not on nps.
std::optional<NpsEstimate> NpsAdjustedWald(int64_t promoters, int64_t detractors, int64_t n,
                                           double z = kZ95);

// The 0.975 quantile of Student's t with `df` degrees of freedom (df >= 1):
// exact table for df <= 30, Cornish-Fisher expansion (Abramowitz and Stegun
// 26.7.5) above, accurate to 1e-4 there.
double StudentT975(int64_t df);

// Mean with a t interval: mean -/+ t(0.975, n-1) * sd / sqrt(n).
// nullopt when n == 0; for n == 1 the interval is [mean, mean] (no spread known).
struct MeanEstimate {
  double mean = 0;
  Interval ci;
};
std::optional<MeanEstimate> MeanT(const std::vector<double>& values);

// The p-quantile (0 <= p <= 1) of `values` by linear interpolation between
// order statistics (Hyndman and Fan 1996, type 7, R's default):
//   h = (n - 1) p, q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
// Sorts a copy. nullopt when empty.
std::optional<double> Quantile(std::vector<double> values, double p);
// As Quantile, on values already sorted ascending.
double QuantileSorted(const std::vector<double>& sorted, double p);

}  // namespace cx::stats
