#include "callback/callback_sample.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace cx::callback {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

sys_days Day(int year, unsigned month, unsigned day) {
  return sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

// As of 2026-11-30 the window is 2026-11-01 .. 2026-11-30 (30 days back, exclusive),
// and the exclusion reaches back to 2026-09-02.
SampleOptions Options(int per_agent) {
  SampleOptions options;
  options.as_of = Day(2026, 11, 30);
  options.per_agent = per_agent;
  options.seed = 7;
  return options;
}

TEST(DrawSample, OnlyTheWindowAndNotRecentlySampled) {
  const std::vector<Handled> handled = {
      {"anna", "c1", Day(2026, 11, 30)},  // last day of the window: in
      {"anna", "c2", Day(2026, 11, 1)},   // first day of the window: in
      {"anna", "c3", Day(2026, 10, 31)},  // the day before: out
      {"anna", "c4", Day(2026, 12, 1)},   // after as-of: out
      {"anna", "c5", Day(2026, 11, 15)},  // sampled on 2026-09-10: excluded
      {"anna", "c6", Day(2026, 11, 15)},  // sampled on 2026-09-02, 89 days before: excluded
      {"anna", "c7", Day(2026, 11, 15)},  // sampled on 2026-09-01, 90 days before: back in
  };
  const std::vector<Sampled> history = {
      {"c5", Day(2026, 9, 10)}, {"c6", Day(2026, 9, 2)}, {"c7", Day(2026, 9, 1)}};
  const auto outcome = DrawSample(handled, history, Options(10));
  std::set<std::string> customers;
  for (const auto& call : outcome.calls) customers.insert(call.customer);
  EXPECT_EQ(customers, (std::set<std::string>{"c1", "c2", "c7"}));
  EXPECT_EQ(outcome.short_agents, std::vector<std::string>{"anna"});  // 3 of 10
}

TEST(DrawSample, KPerAgentReproducibleAndNoCustomerTwice) {
  std::vector<Handled> handled;
  for (int index = 0; index < 40; ++index) {
    handled.push_back({"anna", "a" + std::to_string(index), Day(2026, 11, 20)});
    handled.push_back({"bjorn", "b" + std::to_string(index), Day(2026, 11, 20)});
  }
  handled.push_back({"bjorn", "a0", Day(2026, 11, 21)});  // a customer both agents handled
  const auto first = DrawSample(handled, {}, Options(10));
  std::map<std::string, int> per_agent;
  std::set<std::string> customers;
  for (const auto& call : first.calls) {
    ++per_agent[call.agent];
    EXPECT_TRUE(customers.insert(call.customer).second) << call.customer << " called twice";
  }
  EXPECT_EQ(per_agent["anna"], 10);
  EXPECT_EQ(per_agent["bjorn"], 10);
  EXPECT_TRUE(first.short_agents.empty());
  // The same seed gives the same list; another seed another list.
  const auto again = DrawSample(handled, {}, Options(10));
  ASSERT_EQ(again.calls.size(), first.calls.size());
  for (size_t index = 0; index < first.calls.size(); ++index) {
    EXPECT_EQ(again.calls[index].customer, first.calls[index].customer);
  }
  SampleOptions other = Options(10);
  other.seed = 8;
  const auto different = DrawSample(handled, {}, other);
  bool differs = false;
  for (size_t index = 0; index < first.calls.size(); ++index) {
    differs = differs || different.calls[index].customer != first.calls[index].customer;
  }
  EXPECT_TRUE(differs);
}

TEST(DrawSample, LastContactIsTheAgentsLatest) {
  const auto outcome = DrawSample({{"anna", "c1", Day(2026, 11, 3)},
                                   {"anna", "c1", Day(2026, 11, 20)},
                                   {"anna", "c1", Day(2026, 11, 9)}},
                                  {}, Options(1));
  ASSERT_EQ(outcome.calls.size(), 1u);
  EXPECT_EQ(outcome.calls[0].last_contact, Day(2026, 11, 20));
}

TEST(ReportPerAgent, NpsAndSatisfiedShare) {
  // anna: NPS answers 10, 9, 7, 3 -> promoters 2, detractors 1 of 4 -> 25;
  // satisfaction 5, 4, 2 (one missing) -> 2 of 3 satisfied = 66.7 %.
  const auto report = ReportPerAgent({{"anna", 10, 5},
                                      {"anna", 9, 4},
                                      {"anna", 7, 2},
                                      {"anna", 3, std::nullopt},
                                      {"bjorn", std::nullopt, std::nullopt}});
  ASSERT_EQ(report.size(), 2u);
  EXPECT_EQ(report[0].answers, 4);
  EXPECT_DOUBLE_EQ(*report[0].nps, 25);
  EXPECT_NEAR(*report[0].satisfied_share, 66.6667, 1e-4);
  EXPECT_FALSE(report[1].nps.has_value());  // no answers to count: no number, never NaN
}

}  // namespace
}  // namespace cx::callback
