#include "results/bootstrap.h"

#include <algorithm>
#include <atomic>
#include <cmath>
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

  // The ranked participants that have contacts, and their position among the ranked.
  std::vector<size_t> ranked;
  for (size_t index = 0; index < participants; ++index) {
    if (input.ranked[index] && !samples[index].empty()) ranked.push_back(index);
  }
  const size_t ranked_count = ranked.size();

  std::vector<double> means(participants * resamples, 0.0);  // means[p * B + b]
  std::vector<double> lead(resamples, 0.0);
  const size_t blocks = (resamples + kBlockSize - 1) / kBlockSize;
  std::vector<std::vector<double>> p_best_by_block(blocks, std::vector<double>(ranked_count, 0));
  std::vector<int64_t> beats_by_block(blocks, 0);
  const uint64_t key = stats::HashText(input.key.data(), input.key.size());
  const bool compare = input.winner >= 0 && input.runner_up >= 0;

  size_t thread_count = settings.threads > 0 ? static_cast<size_t>(settings.threads)
                                             : std::max(1u, std::thread::hardware_concurrency());
  thread_count = std::min(thread_count, blocks);
  std::vector<std::vector<int64_t>> rank_counts(
      thread_count, std::vector<int64_t>(ranked_count * ranked_count, 0));
  std::atomic<size_t> next_block{0};

  const auto worker = [&](size_t thread_index) {
    std::vector<std::pair<int64_t, size_t>> keyed(ranked_count);
    auto& counts = rank_counts[thread_index];
    for (size_t block = next_block++; block < blocks; block = next_block++) {
      stats::Xoshiro256 rng(stats::StreamSeed(settings.seed, key + block));
      const size_t first = block * kBlockSize;
      const size_t last = std::min(resamples, first + kBlockSize);
      for (size_t resample = first; resample < last; ++resample) {
        for (size_t participant = 0; participant < participants; ++participant) {
          const auto& totals = samples[participant];
          const auto n = static_cast<uint32_t>(totals.size());
          if (n == 0) continue;
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
          means[participant * resamples + resample] = sum / n;
        }
        if (ranked_count > 0) {
          // Ranks within the resample: equal to one decimal share a rank.
          for (size_t position = 0; position < ranked_count; ++position) {
            const double mean = means[ranked[position] * resamples + resample];
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
            p_best_by_block[block][keyed[place].second] += 1.0 / static_cast<double>(tied_first);
          }
        }
        if (compare) {
          const double difference =
              means[static_cast<size_t>(input.winner) * resamples + resample] -
              means[static_cast<size_t>(input.runner_up) * resamples + resample];
          lead[resample] = difference;
          if (difference > 0) ++beats_by_block[block];
        }
      }
    }
  };
  if (thread_count <= 1) {
    worker(0);
  } else {
    std::vector<std::thread> threads;
    for (size_t index = 0; index < thread_count; ++index) threads.emplace_back(worker, index);
    for (auto& thread : threads) thread.join();
  }

  const double count = static_cast<double>(resamples);
  for (size_t participant = 0; participant < participants; ++participant) {
    if (samples[participant].empty()) continue;
    double* slice = means.data() + participant * resamples;
    out.ci[participant] = stats::Interval{PercentileInPlace(slice, resamples, 0.025),
                                          PercentileInPlace(slice, resamples, 0.975)};
  }
  for (size_t position = 0; position < ranked_count; ++position) {
    // best = the smallest rank r with cum(r) >= 0.025 B, worst = the smallest with cum(r) >= 0.975
    // B.
    int64_t cumulative = 0;
    int best = 0, worst = 0;
    for (size_t rank = 0; rank < ranked_count; ++rank) {
      for (const auto& counts : rank_counts) cumulative += counts[position * ranked_count + rank];
      const double reached = static_cast<double>(cumulative);
      if (best == 0 && reached >= 0.025 * count) best = static_cast<int>(rank) + 1;
      if (worst == 0 && reached >= 0.975 * count) worst = static_cast<int>(rank) + 1;
    }
    out.rank_ci[ranked[position]] = std::make_pair(best, worst);
    double p_best = 0;
    for (size_t block = 0; block < blocks; ++block) p_best += p_best_by_block[block][position];
    out.p_best[ranked[position]] = p_best / count;
  }
  if (compare) {
    int64_t beats = 0;
    for (int64_t block_beats : beats_by_block) beats += block_beats;
    out.p_winner_beats = static_cast<double>(beats) / count;
    out.lead_ci = stats::Interval{PercentileInPlace(lead.data(), resamples, 0.025),
                                  PercentileInPlace(lead.data(), resamples, 0.975)};
  }
  return out;
}

}  // namespace cx::results
