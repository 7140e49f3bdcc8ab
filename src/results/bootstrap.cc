#include "results/bootstrap.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <thread>

#include "stats/random.h"

namespace cx::results {
namespace {

// The p-quantile (type 7) of `values`, reordering them: h = (B - 1) p,
// q = x(floor h) + (h - floor h) (x(floor h + 1) - x(floor h)) over order statistics.
double PercentileInPlace(double* values, size_t count, double p) {
  const double h = static_cast<double>(count - 1) * p;
  const auto low = static_cast<size_t>(std::floor(h));
  std::nth_element(values, values + low, values + count);
  const double x_low = values[low];
  if (low + 1 >= count) return x_low;
  const double x_high = *std::min_element(values + low + 1, values + count);
  return x_low + (h - static_cast<double>(low)) * (x_high - x_low);
}

// The resamples and their tallies, shared by the worker threads. Each block
// (and each resample in it) is written by the one worker that takes it; each
// worker counts ranks in its own row of rank_counts.
struct Resampling {
  Resampling(const BootstrapInput& input, const BootstrapSettings& settings, size_t resample_count)
      : samples(*input.samples),
        resamples(resample_count),
        blocks((resample_count + kBlockSize - 1) / kBlockSize),
        seed(settings.seed),
        key(stats::HashText(input.key.data(), input.key.size())),
        winner(input.winner),
        runner_up(input.runner_up),
        compare(input.winner >= 0 && input.runner_up >= 0) {
    // The ranked participants that have contacts, and their position among the ranked.
    for (size_t index = 0; index < samples.size(); ++index) {
      if (input.ranked[index] && !samples[index].empty()) ranked.push_back(index);
    }
    means.assign(samples.size() * resamples, 0.0);
    lead.assign(resamples, 0.0);
    p_best_by_block.assign(blocks, std::vector<double>(ranked.size(), 0));
    beats_by_block.assign(blocks, 0);
  }

  const std::vector<std::vector<double>>& samples;
  const size_t resamples;
  const size_t blocks;
  const uint64_t seed;
  const uint64_t key;
  const int winner, runner_up;
  const bool compare;
  std::vector<size_t> ranked;
  std::vector<double> means;  // means[p * B + b]
  std::vector<double> lead;   // winner - runner-up, per resample
  std::vector<std::vector<double>> p_best_by_block;
  std::vector<int64_t> beats_by_block;
  std::vector<std::vector<int64_t>> rank_counts;  // per thread: [position * ranked + rank - 1]
};

// The mean of n contact totals drawn with replacement.
double DrawMean(const std::vector<double>& totals, stats::Xoshiro256& rng) {
  const auto n = static_cast<uint32_t>(totals.size());
  // Two indices per 64-bit draw: index = (32-bit half * n) >> 32 (Lemire 2019).
  double sum = 0;
  uint32_t drawn = 0;
  while (drawn + 1 < n) {
    const uint64_t bits = rng.Next();
    sum += totals[((bits & 0xffffffffULL) * n) >> 32];
    sum += totals[((bits >> 32) * n) >> 32];
    drawn += 2;
  }
  if (drawn < n) sum += totals[((rng.Next() >> 32) * n) >> 32];
  return sum / n;
}

// Ranks within the resample: equal to one decimal share a rank. Counts each
// participant's rank and splits the chance of being best among those tied first.
void CountRanks(Resampling& work, size_t block, size_t resample,
                std::vector<std::pair<int64_t, size_t>>& keyed, std::vector<int64_t>& counts) {
  const size_t ranked_count = work.ranked.size();
  for (size_t position = 0; position < ranked_count; ++position) {
    const double mean = work.means[work.ranked[position] * work.resamples + resample];
    keyed[position] = {std::llround(mean * 10), position};
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  size_t tied_first = 0;
  int rank = 1;
  for (size_t place = 0; place < ranked_count; ++place) {
    if (place > 0 && keyed[place].first != keyed[place - 1].first) {
      rank = static_cast<int>(place) + 1;
    }
    counts[keyed[place].second * ranked_count + static_cast<size_t>(rank - 1)]++;
    if (rank == 1) ++tied_first;
  }
  for (size_t place = 0; place < tied_first; ++place) {
    work.p_best_by_block[block][keyed[place].second] += 1.0 / static_cast<double>(tied_first);
  }
}

void CompareLead(Resampling& work, size_t block, size_t resample) {
  const double difference =
      work.means[static_cast<size_t>(work.winner) * work.resamples + resample] -
      work.means[static_cast<size_t>(work.runner_up) * work.resamples + resample];
  work.lead[resample] = difference;
  if (difference > 0) ++work.beats_by_block[block];
}

// One worker: takes the next block until none is left.
void RunBlocks(Resampling& work, std::atomic<size_t>& next_block, size_t thread_index) {
  const size_t participants = work.samples.size();
  std::vector<std::pair<int64_t, size_t>> keyed(work.ranked.size());
  auto& counts = work.rank_counts[thread_index];
  for (size_t block = next_block++; block < work.blocks; block = next_block++) {
    stats::Xoshiro256 rng(stats::StreamSeed(work.seed, work.key + block));
    const size_t first = block * kBlockSize;
    const size_t last = std::min(work.resamples, first + kBlockSize);
    for (size_t resample = first; resample < last; ++resample) {
      for (size_t participant = 0; participant < participants; ++participant) {
        const auto& totals = work.samples[participant];
        if (totals.empty()) continue;
        work.means[participant * work.resamples + resample] = DrawMean(totals, rng);
      }
      if (!work.ranked.empty()) CountRanks(work, block, resample, keyed, counts);
      if (work.compare) CompareLead(work, block, resample);
    }
  }
}

void RunWorkers(Resampling& work, int threads) {
  size_t thread_count = threads > 0 ? static_cast<size_t>(threads)
                                    : std::max(1u, std::thread::hardware_concurrency());
  thread_count = std::min(thread_count, work.blocks);
  const size_t ranked_count = work.ranked.size();
  work.rank_counts.assign(thread_count, std::vector<int64_t>(ranked_count * ranked_count, 0));
  std::atomic<size_t> next_block{0};
  if (thread_count <= 1) {
    RunBlocks(work, next_block, 0);
  } else {
    std::vector<std::thread> threads_running;
    for (size_t index = 0; index < thread_count; ++index) {
      threads_running.emplace_back(RunBlocks, std::ref(work), std::ref(next_block), index);
    }
    for (auto& thread : threads_running) thread.join();
  }
}

// Rank intervals and the chance of being best, for the ranked participants.
void SetRankFigures(const Resampling& work, BootstrapOutput& out) {
  const double count = static_cast<double>(work.resamples);
  const size_t ranked_count = work.ranked.size();
  for (size_t position = 0; position < ranked_count; ++position) {
    // best = the smallest rank r with cum(r) >= 0.025 B, worst = the smallest with cum(r) >= 0.975
    // B.
    int64_t cumulative = 0;
    int best = 0, worst = 0;
    for (size_t rank = 0; rank < ranked_count; ++rank) {
      for (const auto& counts : work.rank_counts) {
        cumulative += counts[position * ranked_count + rank];
      }
      const double reached = static_cast<double>(cumulative);
      if (best == 0 && reached >= 0.025 * count) best = static_cast<int>(rank) + 1;
      if (worst == 0 && reached >= 0.975 * count) worst = static_cast<int>(rank) + 1;
    }
    out.rank_ci[work.ranked[position]] = std::make_pair(best, worst);
    double p_best = 0;
    for (size_t block = 0; block < work.blocks; ++block) {
      p_best += work.p_best_by_block[block][position];
    }
    out.p_best[work.ranked[position]] = p_best / count;
  }
}

}  // namespace

BootstrapOutput RunBootstrap(const BootstrapInput& input, const BootstrapSettings& settings) {
  const auto& samples = *input.samples;
  const size_t participants = samples.size();
  BootstrapOutput out;
  out.ci.assign(participants, std::nullopt);
  out.rank_ci.assign(participants, std::nullopt);
  out.p_best.assign(participants, std::nullopt);
  const auto resamples = static_cast<size_t>(std::max(0, settings.resamples));
  if (resamples == 0 || participants == 0) return out;

  Resampling work(input, settings, resamples);
  RunWorkers(work, settings.threads);

  for (size_t participant = 0; participant < participants; ++participant) {
    if (samples[participant].empty()) continue;
    double* slice = work.means.data() + participant * resamples;
    out.ci[participant] = stats::Interval{PercentileInPlace(slice, resamples, 0.025),
                                          PercentileInPlace(slice, resamples, 0.975)};
  }
  SetRankFigures(work, out);
  if (work.compare) {
    int64_t beats = 0;
    for (int64_t block_beats : work.beats_by_block) beats += block_beats;
    out.p_winner_beats = static_cast<double>(beats) / static_cast<double>(resamples);
    out.lead_ci = stats::Interval{PercentileInPlace(work.lead.data(), resamples, 0.025),
                                  PercentileInPlace(work.lead.data(), resamples, 0.975)};
  }
  return out;
}

}  // namespace cx::results
