// On the default demo study the engine recovers the generator's hidden truth
// (docs/sources.md, "Project history"): the ranking follows company quality (Spearman
// > 0.8), phone beats Messenger, people beat chatbots.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "demo/generator.h"
#include "results/results.h"

namespace cx::results {
namespace {

// Average ranks (ties get the mean of their positions), 1 = smallest.
std::vector<double> AverageRanks(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (size_t start = 0; start < order.size();) {
    size_t end = start;
    while (end + 1 < order.size() && values[order[end + 1]] == values[order[start]]) ++end;
    const double rank = (static_cast<double>(start + end) / 2) + 1;
    for (size_t k = start; k <= end; ++k) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

// Spearman's rho = Pearson correlation of the average ranks.
double Spearman(const std::vector<double>& x, const std::vector<double>& y) {
  const auto rx = AverageRanks(x);
  const auto ry = AverageRanks(y);
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n;
  const double my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

TEST(DemoRecovery, SpearmanTest) {
  // Hand check of the helper: x = 1 2 3 4, y = 1 3 2 4: d = 0 -1 1 0, sum d^2 = 2,
  // rho = 1 - 6 * 2 / (4 * 15) = 0.8.
  EXPECT_NEAR(Spearman({1, 2, 3, 4}, {1, 3, 2, 4}), 0.8, 1e-12);
}

TEST(DemoRecovery, RankingFollowsHiddenQualityChannelsAndChatbots) {
  const demo::DemoOptions demo_options;
  const demo::DemoWorld world = demo::GenerateWorld(demo_options);
  std::vector<domain::Contact> contacts = demo::AssignContacts(world, demo_options.seed);
  demo::SimulateAnswers(world, contacts, demo_options.seed);

  ResultsOptions options;
  options.resamples = 200;  // the point estimates are what is tested here
  const auto results = ComputeResults(world.study, contacts, options);
  ASSERT_TRUE(results) << results.error().ToString();
  EXPECT_TRUE(results->issues.empty());

  std::vector<double> scores, quality;
  for (const auto& industry : results->industries) {
    for (const auto& participant : industry.participants) {
      if (!participant.score) continue;
      scores.push_back(*participant.score);
      quality.push_back(world.truth.at(participant.id).quality);
    }
  }
  ASSERT_GE(scores.size(), 150u);
  const double rho = Spearman(scores, quality);
  RecordProperty("spearman", std::to_string(rho));
  EXPECT_GT(rho, 0.8);

  ASSERT_TRUE(results->channel_means.count("phone") && results->channel_means.count("messenger"));
  EXPECT_GT(*results->channel_means.at("phone").score,
            *results->channel_means.at("messenger").score);
  ASSERT_TRUE(results->chat_person.score && results->chat_chatbot.score);
  EXPECT_GT(*results->chat_person.score, *results->chat_chatbot.score);
}

}  // namespace
}  // namespace cx::results
