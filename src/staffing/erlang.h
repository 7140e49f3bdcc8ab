#pragma once
// Erlang C staffing: how many agents a queue needs for a service level or an
// average speed of answer. Pure functions; see docs/staffing.md.
//
// Model (Erlang C, M/M/N): calls arrive at random (Poisson), handle times are
// exponential with mean AHT, callers wait without giving up. Traffic in
// Erlangs: A = calls per interval * AHT / interval length.

#include <optional>
#include <vector>

namespace cx::staffing {

struct Load {
  double erlangs = 0;  // A
  double aht_s = 0;    // average handle time, seconds
};

// Erlang B by the stable recurrence B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)),
// never a factorial, so 1,000 Erlangs and more do not overflow.
double ErlangB(int agents, double erlangs);

// Probability that a call waits: C = N B / (N - A (1 - B)) for N > A; 1 when N <= A
// (the queue grows without bound).
double ErlangC(int agents, double erlangs);

struct Staffing {
  int agents = 0;
  double p_wait = 1;
  double service_level = 0;     // share answered within the target time
  std::optional<double> asa_s;  // none when N <= A (infinite)
  double occupancy = 1;         // A / N, at most 1
  int heads = 0;                // agents / (1 - shrinkage), rounded up
};

// The figures for `agents` agents:
//   ASA = C AHT / (N - A); SL(T) = 1 - C exp(-(N - A) T / AHT); occupancy = A / N.
Staffing Evaluate(int agents, const Load& load, double target_seconds, double shrinkage = 0);

struct Targets {
  std::optional<double> service_level;  // e.g. 0.80 ...
  double target_seconds = 20;           // ... within 20 s
  std::optional<double> asa_s;          // and/or an ASA of at most this
  std::optional<double> max_occupancy;  // e.g. 0.85
  double shrinkage = 0;                 // share of paid time not on the phones
};

// The fewest agents (more than A) that meet every target given. With no target,
// the fewest with a finite queue.
Staffing FewestAgents(const Load& load, const Targets& targets);

}  // namespace cx::staffing
