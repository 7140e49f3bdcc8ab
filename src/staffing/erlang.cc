#include "staffing/erlang.h"

#include <algorithm>
#include <cmath>

namespace cx::staffing {

double ErlangB(int agents, double erlangs) {
  double b = 1;
  for (int n = 1; n <= agents; ++n) b = erlangs * b / (n + erlangs * b);
  return b;
}

namespace {
double ErlangCFromB(int agents, double erlangs, double b) {
  if (agents <= erlangs) return 1;
  return agents * b / (agents - erlangs * (1 - b));
}

Staffing EvaluateWithB(int agents, double b, const Load& load, double target_seconds,
                       double shrinkage) {
  Staffing staffing;
  staffing.agents = agents;
  staffing.p_wait = ErlangCFromB(agents, load.erlangs, b);
  staffing.occupancy = agents > 0 ? std::min(1.0, load.erlangs / agents) : 1;
  if (agents > load.erlangs && load.aht_s > 0) {
    const double spare = agents - load.erlangs;
    staffing.asa_s = staffing.p_wait * load.aht_s / spare;
    staffing.service_level = 1 - staffing.p_wait * std::exp(-spare * target_seconds / load.aht_s);
  }
  const double on_phones = std::clamp(1 - shrinkage, 1e-9, 1.0);
  staffing.heads = static_cast<int>(std::ceil(agents / on_phones - 1e-9));
  return staffing;
}
}  // namespace

double ErlangC(int agents, double erlangs) {
  return ErlangCFromB(agents, erlangs, ErlangB(agents, erlangs));
}

Staffing Evaluate(int agents, const Load& load, double target_seconds, double shrinkage) {
  return EvaluateWithB(agents, ErlangB(agents, load.erlangs), load, target_seconds, shrinkage);
}

Staffing FewestAgents(const Load& load, const Targets& targets) {
  // B(n) follows from B(n - 1), so the search costs one step per agent tried.
  double b = 1;
  int agents = 0;
  const int floor_agents = static_cast<int>(std::floor(load.erlangs));
  for (; agents < floor_agents;) b = load.erlangs * b / (++agents + load.erlangs * b);
  while (true) {
    ++agents;
    b = load.erlangs * b / (agents + load.erlangs * b);
    if (agents <= load.erlangs) continue;
    const Staffing staffing =
        EvaluateWithB(agents, b, load, targets.target_seconds, targets.shrinkage);
    const bool sl_ok =
        !targets.service_level || staffing.service_level >= *targets.service_level - 1e-12;
    const bool asa_ok =
        !targets.asa_s || (staffing.asa_s && *staffing.asa_s <= *targets.asa_s + 1e-12);
    const bool occupancy_ok =
        !targets.max_occupancy || staffing.occupancy <= *targets.max_occupancy + 1e-12;
    if (sl_ok && asa_ok && occupancy_ok) return staffing;
  }
}

}  // namespace cx::staffing
