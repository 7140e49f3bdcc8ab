#include "callback/callback_sample.h"

#include <algorithm>
#include <map>
#include <set>

#include "stats/random.h"

namespace cx::callback {

SampleOutcome DrawSample(const std::vector<Handled>& handled, const std::vector<Sampled>& history,
                         const SampleOptions& options) {
  using std::chrono::days;
  const auto window_start = options.as_of - days{options.window_days};
  const auto exclusion_start = options.as_of - days{options.exclusion_days};
  std::set<std::string> excluded;
  for (const Sampled& sampled : history) {
    if (sampled.day > exclusion_start && sampled.day <= options.as_of)
      excluded.insert(sampled.customer);
  }
  // agent -> customer -> latest contact in the window
  std::map<std::string, std::map<std::string, std::chrono::sys_days>> eligible;
  for (const Handled& contact : handled) {
    if (contact.day <= window_start || contact.day > options.as_of) continue;
    auto& last = eligible[contact.agent][contact.customer];
    last = std::max(last, contact.day);
  }
  SampleOutcome outcome;
  std::set<std::string> chosen;  // no customer is called twice in one sample
  for (const auto& [agent, customers] : eligible) {
    std::vector<std::pair<std::string, std::chrono::sys_days>> pool(customers.begin(),
                                                                    customers.end());
    stats::Xoshiro256 rng(
        stats::StreamSeed(options.seed, stats::HashText(agent.data(), agent.size())));
    // Fisher-Yates over the customers in id order: the draw depends only on seed and agent.
    for (size_t index = pool.size(); index > 1; --index) {
      std::swap(pool[index - 1], pool[rng.Index(static_cast<uint32_t>(index))]);
    }
    int taken = 0;
    for (const auto& [customer, last] : pool) {
      if (taken == options.per_agent) break;
      if (excluded.count(customer) || chosen.count(customer)) continue;
      chosen.insert(customer);
      outcome.calls.push_back({agent, customer, last});
      ++taken;
    }
    if (taken < options.per_agent) outcome.short_agents.push_back(agent);
  }
  std::stable_sort(outcome.calls.begin(), outcome.calls.end(),
                   [](const CallBack& a, const CallBack& b) {
                     return a.agent != b.agent ? a.agent < b.agent : a.customer < b.customer;
                   });
  return outcome;
}

std::vector<AgentReport> ReportPerAgent(const std::vector<CallBackAnswer>& answers) {
  struct Counts {
    int answers = 0, nps_n = 0, promoters = 0, detractors = 0, satisfaction_n = 0, satisfied = 0;
  };
  std::map<std::string, Counts> by_agent;
  for (const CallBackAnswer& answer : answers) {
    Counts& counts = by_agent[answer.agent];
    ++counts.answers;
    if (answer.nps) {
      ++counts.nps_n;
      counts.promoters += *answer.nps >= 9 ? 1 : 0;
      counts.detractors += *answer.nps <= 6 ? 1 : 0;
    }
    if (answer.satisfaction) {
      ++counts.satisfaction_n;
      counts.satisfied += *answer.satisfaction >= 4 ? 1 : 0;
    }
  }
  std::vector<AgentReport> report;
  for (const auto& [agent, counts] : by_agent) {
    AgentReport row{agent, counts.answers, std::nullopt, std::nullopt};
    // NPS = 100 (promoters - detractors) / n
    if (counts.nps_n > 0) row.nps = 100.0 * (counts.promoters - counts.detractors) / counts.nps_n;
    if (counts.satisfaction_n > 0)
      row.satisfied_share = 100.0 * counts.satisfied / counts.satisfaction_n;
    report.push_back(row);
  }
  return report;
}

}  // namespace cx::callback
