#pragma once
// The joint percentile bootstrap of one industry (private to results/).
// In each resample every participant's contacts are redrawn with
// replacement, all participants together, so ranks, the chance of being
// best and the winner's lead come from the same resamples.
//
// Reproducible: resamples are cut into blocks of kBlockSize; block k of
// industry `key` draws from the stream StreamSeed(seed, FNV-1a(key) + k),
// whichever thread runs it. The numbers never depend on the thread count,
// on the other industries, or on storage order (callers pass contacts in
// id order and participants in id order).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "stats/intervals.h"

namespace cx::results {

inline constexpr int kBlockSize = 250;

struct BootstrapSettings {
  int resamples = 10000;
  uint64_t seed = 0;
  int threads = 0;  // 0 = hardware concurrency
};

struct BootstrapInput {
  std::string key;                                            // the industry id
  const std::vector<std::vector<double>>* samples = nullptr;  // contact totals per participant
  std::vector<bool> ranked;  // per participant: takes part in the ranking
  int winner = -1;           // participant index of the point-estimate winner, -1 = none
  int runner_up = -1;
};

struct BootstrapOutput {
  std::vector<std::optional<stats::Interval>> ci;           // 95 % percentile interval of the mean
  std::vector<std::optional<std::pair<int, int>>> rank_ci;  // [best, worst] among the ranked
  std::vector<std::optional<double>> p_best;                // ties for first split evenly
  std::optional<double> p_winner_beats;    // share of resamples with winner mean > runner-up mean
  std::optional<stats::Interval> lead_ci;  // 95 % percentile interval of winner - runner-up
};

BootstrapOutput RunBootstrap(const BootstrapInput& input, const BootstrapSettings& settings);

}  // namespace cx::results
