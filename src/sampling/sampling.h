#pragma once
// A company's own mystery-calling programme (docs/sources.md): how many contacts a
// precision needs, and how to spread them over customer centres by size and
// over scenarios. Pure computation; see docs/programme.md.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace cx::sampling {

inline constexpr double kZ95 = 1.959963984540054;

// Contacts needed for a 95 % margin of +-margin points when scores have
// standard deviation sd:  n = ceil((z sd / margin)^2); with a finite
// population P (contacts the centre handles in the period) the correction
// n' = ceil(n0 / (1 + (n0 - 1) / P)) with n0 = (z sd / margin)^2.
Result<int> ContactsNeeded(double sd, double margin,
                           std::optional<double> population = std::nullopt);

// The 95 % margin a sample of n gives: z sd / sqrt(n), times
// sqrt((P - n) / (P - 1)) with a finite population P.
Result<double> MarginFor(double sd, int n, std::optional<double> population = std::nullopt);

struct Centre {
  std::string name;
  int size = 0;  // agents
};

struct CentreAllocation {
  std::string name;
  int contacts = 0;
  std::vector<std::pair<std::string, int>> by_scenario;  // scenario -> contacts
};

// Every centre gets `minimum`; the rest of `total` goes in proportion to size
// by largest remainder (ties to the centre listed first). Each centre's
// contacts are split evenly over `scenarios` the same way. Errors: total below
// minimum x centres, no centres, sizes that are all 0 with contacts left.
Result<std::vector<CentreAllocation>> Allocate(int total, int minimum,
                                               const std::vector<Centre>& centres,
                                               const std::vector<std::string>& scenarios);

}  // namespace cx::sampling
