// Times the full results (contact scores, participant figures, 10,000-resample
// joint bootstrap per industry) on the default demo study (180 participants,
// 4,500 contacts) and on one ten times larger (1,800 participants, 45,000
// contacts). Prints absolute times and the ratio to the targets:
// "well under a second" (read as 1 s) and "a few seconds" (read as 3 s).
// Usage: bench_results [resamples] [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "demo/generator.h"
#include "results/results.h"

namespace {

struct Case {
  const char* name;
  int participants;
  int shoppers;
  double target_seconds;
};

double Seconds(std::chrono::steady_clock::duration duration) {
  return std::chrono::duration<double>(duration).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int resamples = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const Case cases[] = {{"default demo", 180, 120, 1.0}, {"ten times", 1800, 1200, 3.0}};
  std::printf("results engine, %d resamples, %u hardware threads, best of %d runs\n", resamples,
              std::thread::hardware_concurrency(), repeats);
  std::printf("%-13s %12s %9s %12s %12s %12s %10s %8s\n", "case", "participants", "contacts",
              "scoring (s)", "1 thread (s)", "full (s)", "target (s)", "ratio");
  int status = 0;
  for (const Case& item : cases) {
    cx::demo::DemoOptions options;
    options.participants = item.participants;
    options.shoppers = item.shoppers;
    const auto world = cx::demo::GenerateWorld(options);
    auto contacts = cx::demo::AssignContacts(world, options.seed);
    cx::demo::SimulateAnswers(world, contacts, options.seed);

    cx::results::ResultsOptions scoring_only;
    scoring_only.resamples = 0;
    cx::results::ResultsOptions full;
    full.resamples = resamples;
    cx::results::ResultsOptions one_thread = full;
    one_thread.threads = 1;
    double best_scoring = 1e9, best_full = 1e9, best_one = 1e9;
    for (int run = 0; run < repeats; ++run) {
      auto start = std::chrono::steady_clock::now();
      const auto scored = cx::results::ComputeResults(world.study, contacts, scoring_only);
      best_scoring = std::min(best_scoring, Seconds(std::chrono::steady_clock::now() - start));
      start = std::chrono::steady_clock::now();
      const auto results = cx::results::ComputeResults(world.study, contacts, full);
      best_full = std::min(best_full, Seconds(std::chrono::steady_clock::now() - start));
      start = std::chrono::steady_clock::now();
      const auto single = cx::results::ComputeResults(world.study, contacts, one_thread);
      best_one = std::min(best_one, Seconds(std::chrono::steady_clock::now() - start));
      if (!single) return 1;
      if (!scored || !results) {
        std::fprintf(stderr, "error: %s\n",
                     (!scored ? scored.error() : results.error()).ToString().c_str());
        return 1;
      }
    }
    std::printf("%-13s %12d %9zu %12.3f %12.3f %12.3f %10.1f %8.2f\n", item.name, item.participants,
                contacts.size(), best_scoring, best_one, best_full, item.target_seconds,
                best_full / item.target_seconds);
  }
  std::printf(
      "scoring = contact scores and figures without resampling; full = everything, all threads;\n"
      "ratio = full / target; below 1 meets the issue's speed goal\n");
  return status;
}
