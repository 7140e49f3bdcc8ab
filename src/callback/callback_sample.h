#pragma once
// Call-back samples (docs/sources.md, "Contact-centre metrics"): each month, K customers per agent
// among those the agent handled in the last 30 days are called back and asked about the whole
// experience. Customers sampled in the last 90 days are left out, and no customer is called twice
// in one sample. Reproducible for a seed. Pure computation over plain records; CSV in and out is in
// cmd_callback.cc.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cx::callback {

struct Handled {
  std::string agent;
  std::string customer;
  std::chrono::sys_days day;
};

struct Sampled {
  std::string customer;
  std::chrono::sys_days day;  // when it was sampled
};

struct SampleOptions {
  std::chrono::sys_days as_of;
  int per_agent = 10;
  int window_days = 30;     // handled within (as_of - window, as_of]
  int exclusion_days = 90;  // sampled within (as_of - exclusion, as_of] are left out
  uint64_t seed = 1;
};

struct CallBack {
  std::string agent;
  std::string customer;
  std::chrono::sys_days last_contact;  // the agent's latest contact with the customer
};

struct SampleOutcome {
  std::vector<CallBack> calls;            // by agent, then customer
  std::vector<std::string> short_agents;  // agents with fewer than per_agent eligible customers
};

// Agents are taken in id order; each agent's eligible customers are shuffled
// by a stream of its own (seed and agent id), so adding an agent never changes
// another agent's sample, and the first per_agent are taken.
SampleOutcome DrawSample(const std::vector<Handled>& handled, const std::vector<Sampled>& history,
                         const SampleOptions& options);

// An answer from the call back: the agent's customer, NPS 0-10 and satisfaction 1-5.
struct CallBackAnswer {
  std::string agent;
  std::optional<int> nps;           // 0..10
  std::optional<int> satisfaction;  // 1..5
};

struct AgentReport {
  std::string agent;
  int answers = 0;
  std::optional<double> nps;              // % 9-10 minus % 0-6
  std::optional<double> satisfied_share;  // % 4-5
};

std::vector<AgentReport> ReportPerAgent(const std::vector<CallBackAnswer>& answers);

}  // namespace cx::callback
