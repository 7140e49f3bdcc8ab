// Stage 4 of the planner, and the solver of repairs: an integer programme
// (GLPK) over a set of contacts jointly, everything else fixed.
//
//   x[i,s] in {0,1}   contact i goes to shopper s (s eligible for i: channel,
//                     away date, profile, not used for i's company elsewhere,
//                     free places in i's week)
//   sum_s x[i,s] = 1                         every contact gets one shopper
//   sum_{i of company c} x[i,s] <= 1         a shopper once per company
//   sum_{i in week w} x[i,s] <= free(s, w)   the weekly maximum
//   minimise sum (affinity + workload) x[i,s]
//
// To bound its size the programme first offers each contact only its
// `candidates` cheapest eligible shoppers. That restriction can make a
// programme infeasible that has a solution (all of a company's contacts may
// rank the same few shoppers first, and each can serve the company once), so
// when the restricted programme finds no solution and some contact had more
// eligible shoppers than it was offered, it is solved again with every
// eligible shopper. Infeasible is then said only of the full programme: a
// plan that exists is never declared impossible by the restriction.
#include <glpk.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "plan/model.h"

namespace cx::plan {
namespace {

struct ProblemDeleter {
  void operator()(glp_prob* problem) const { glp_delete_prob(problem); }
};

// x[i,s]: contact `slot` goes to `shopper`, at `cost` in the objective.
struct Variable {
  int slot;
  int shopper;
  long cost;
};

// The variables of the programme over `which`: each contact's `candidates`
// cheapest eligible shoppers (0 = all); `truncated` is set when some contact
// had more. Empty when some contact has no eligible shopper at all.
std::optional<std::vector<Variable>> Variables(const Model& model, const Ledger& ledger,
                                               const std::vector<Slot>& slots,
                                               const std::vector<int>& which, size_t candidates,
                                               bool& truncated) {
  std::vector<Variable> variables;
  std::vector<std::pair<long, int>> ranked;
  for (int index : which) {
    const Slot& slot = slots[static_cast<size_t>(index)];
    ranked.clear();
    for (int shopper = 0; shopper < static_cast<int>(model.shoppers.size()); ++shopper) {
      if (!model.Eligible(shopper, slot) || ledger.UsedFor(slot.company, shopper) ||
          ledger.WeeklyFree(model, shopper, slot.week) <= 0) {
        continue;
      }
      const long cost =
          AffinityCost(model, ledger, slot, shopper) + WorkloadCost(ledger, shopper, slot.week);
      ranked.push_back({cost, shopper});
    }
    if (ranked.empty()) return std::nullopt;  // no shopper at all: infeasible, whatever the bound
    if (candidates > 0 && ranked.size() > candidates) {
      // The cheapest candidates (ties to the lower shopper index): a bound on
      // the programme's size.
      std::nth_element(ranked.begin(), ranked.begin() + static_cast<long>(candidates),
                       ranked.end());
      ranked.resize(candidates);
      truncated = true;
    }
    for (const auto& [cost, shopper] : ranked) variables.push_back({index, shopper, cost});
  }
  return variables;
}

// Loads the programme into `lp`: one binary column per variable, in order,
// and the three kinds of row of the header. Returns the first column.
int LoadProgramme(glp_prob* lp, const Model& model, const Ledger& ledger,
                  const std::vector<Slot>& slots, const std::vector<Variable>& variables) {
  glp_set_obj_dir(lp, GLP_MIN);
  std::map<int, int> contact_row;
  std::map<std::pair<int, int>, int> company_row;  // (company, shopper)
  std::map<std::pair<int, int>, int> week_row;     // (shopper, week)
  std::vector<int> row_index{0}, column_index{0};
  std::vector<double> value{0};
  auto row = [&](auto& rows, auto key, int type, double bound) {
    auto [it, inserted] = rows.emplace(key, 0);
    if (inserted) {
      it->second = glp_add_rows(lp, 1);
      glp_set_row_bnds(lp, it->second, type, bound, bound);
    }
    return it->second;
  };
  const int first = glp_add_cols(lp, static_cast<int>(variables.size()));
  for (size_t v = 0; v < variables.size(); ++v) {
    const Variable& variable = variables[v];
    const Slot& slot = slots[static_cast<size_t>(variable.slot)];
    const int column = first + static_cast<int>(v);
    glp_set_col_kind(lp, column, GLP_BV);
    glp_set_obj_coef(lp, column, static_cast<double>(variable.cost));
    const int rows[] = {
        row(contact_row, variable.slot, GLP_FX, 1.0),
        row(company_row, std::make_pair(slot.company, variable.shopper), GLP_UP, 1.0),
        row(week_row, std::make_pair(variable.shopper, slot.week), GLP_UP,
            static_cast<double>(ledger.WeeklyFree(model, variable.shopper, slot.week)))};
    for (int r : rows) {
      row_index.push_back(r);
      column_index.push_back(column);
      value.push_back(1.0);
    }
  }
  glp_load_matrix(lp, static_cast<int>(row_index.size()) - 1, row_index.data(), column_index.data(),
                  value.data());
  return first;
}

// Branch and bound, silent, within 0.5 % of the optimum or a minute. True
// when it found a solution (a feasible one found before the time limit counts).
bool SolveProgramme(glp_prob* lp) {
  glp_term_out(GLP_OFF);
  glp_iocp parameters;
  glp_init_iocp(&parameters);
  parameters.presolve = GLP_ON;
  parameters.msg_lev = GLP_MSG_OFF;
  parameters.mip_gap = 0.005;
  parameters.tm_lim = 60000;
  const int code = glp_intopt(lp, &parameters);
  const int status = glp_mip_status(lp);
  if (code != 0 && !(code == GLP_ETMLIM && status == GLP_FEAS)) return false;
  return status == GLP_OPT || status == GLP_FEAS;
}

// Solves the programme over `which` (all unplaced, out of the ledger),
// offering each contact its `candidates` cheapest eligible shoppers (0 = all).
// True when solved, the slots placed and the ledger updated; `truncated` is
// set when some contact had more eligible shoppers than it was offered.
bool Solve(const Model& model, Ledger& ledger, std::vector<Slot>& slots,
           const std::vector<int>& which, size_t candidates, bool& truncated) {
  truncated = false;
  const auto variables = Variables(model, ledger, slots, which, candidates, truncated);
  if (!variables) return false;
  std::unique_ptr<glp_prob, ProblemDeleter> problem(glp_create_prob());
  glp_prob* lp = problem.get();
  const int first = LoadProgramme(lp, model, ledger, slots, *variables);
  if (!SolveProgramme(lp)) return false;
  for (size_t v = 0; v < variables->size(); ++v) {
    if (glp_mip_col_val(lp, first + static_cast<int>(v)) < 0.5) continue;
    Slot& slot = slots[static_cast<size_t>((*variables)[v].slot)];
    slot.shopper = (*variables)[v].shopper;
    ledger.Take(model, slot, slot.shopper);
  }
  return true;
}

}  // namespace

IlpResult PlaceByIlp(const Model& model, Ledger& ledger, std::vector<Slot>& slots,
                     const std::vector<int>& which, size_t candidates) {
  for (int index : which) {
    Slot& slot = slots[static_cast<size_t>(index)];
    if (slot.shopper >= 0) {
      ledger.Release(model, slot);
      slot.shopper = -1;
    }
  }
  IlpResult result;
  bool truncated = false;
  result.placed = Solve(model, ledger, slots, which, candidates, truncated);
  if (!result.placed && truncated) {
    // Complete: the restriction must not be what makes it infeasible.
    result.widened = true;
    result.placed = Solve(model, ledger, slots, which, 0, truncated);
  }
  return result;
}

}  // namespace cx::plan
