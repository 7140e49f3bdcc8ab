#include "sampling/sampling.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cx::sampling {
namespace {

// Largest-remainder split of `seats` by `weights`; ties to the lower index.
std::vector<int> SplitByWeight(int seats, const std::vector<double>& weights) {
  std::vector<int> result(weights.size(), 0);
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (weights.empty() || sum <= 0 || seats <= 0) return result;
  std::vector<double> fraction(weights.size());
  int given = 0;
  for (size_t index = 0; index < weights.size(); ++index) {
    const double quota = seats * weights[index] / sum;
    result[index] = static_cast<int>(std::floor(quota));
    fraction[index] = quota - result[index];
    given += result[index];
  }
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return fraction[a] > fraction[b] + 1e-12; });
  for (size_t rank = 0; given < seats; rank = (rank + 1) % order.size(), ++given)
    ++result[order[rank]];
  return result;
}

}  // namespace

Result<int> ContactsNeeded(double sd, double margin, std::optional<double> population) {
  if (!(sd > 0)) return InvalidInput("expected a standard deviation above 0", "--sd");
  if (!(margin > 0)) return InvalidInput("expected a margin above 0", "--margin");
  if (population && !(*population >= 1))
    return InvalidInput("expected a population of 1 or more", "--population");
  const double n0 = std::pow(kZ95 * sd / margin, 2);
  const double n = population ? n0 / (1 + (n0 - 1) / *population) : n0;
  return static_cast<int>(std::ceil(n - 1e-9));
}

Result<double> MarginFor(double sd, int n, std::optional<double> population) {
  if (!(sd > 0)) return InvalidInput("expected a standard deviation above 0", "--sd");
  if (n < 1) return InvalidInput("expected a sample of 1 or more", "--n");
  double margin = kZ95 * sd / std::sqrt(static_cast<double>(n));
  if (population) {
    if (*population < n)
      return InvalidInput("the sample is larger than the population", "--population");
    margin *= *population > 1 ? std::sqrt((*population - n) / (*population - 1)) : 0;
  }
  return margin;
}

Result<std::vector<CentreAllocation>> Allocate(int total, int minimum,
                                               const std::vector<Centre>& centres,
                                               const std::vector<std::string>& scenarios) {
  if (centres.empty()) return InvalidInput("expected at least one centre", "--centre");
  if (minimum < 0) return InvalidInput("expected a minimum of 0 or more", "--min");
  const long long floor_total =
      static_cast<long long>(minimum) * static_cast<long long>(centres.size());
  if (total < floor_total) {
    return InvalidInput(std::to_string(centres.size()) + " centres with at least " +
                            std::to_string(minimum) + " contacts each need " +
                            std::to_string(floor_total) + "; the total is " + std::to_string(total),
                        "--total");
  }
  std::vector<double> sizes;
  for (const Centre& centre : centres) {
    if (centre.size < 0)
      return InvalidInput("centre '" + centre.name + "' has a negative size", "--centre");
    sizes.push_back(centre.size);
  }
  const int rest = total - static_cast<int>(floor_total);
  if (rest > 0 && std::accumulate(sizes.begin(), sizes.end(), 0.0) <= 0) {
    return InvalidInput(
        "every centre has size 0, so the contacts above the minimum cannot be shared by size",
        "--centre");
  }
  const std::vector<int> extra = SplitByWeight(rest, sizes);
  std::vector<CentreAllocation> allocation;
  for (size_t index = 0; index < centres.size(); ++index) {
    CentreAllocation item{centres[index].name, minimum + extra[index], {}};
    const std::vector<int> split =
        SplitByWeight(item.contacts, std::vector<double>(scenarios.size(), 1.0));
    for (size_t s = 0; s < scenarios.size(); ++s)
      item.by_scenario.emplace_back(scenarios[s], split[s]);
    allocation.push_back(std::move(item));
  }
  return allocation;
}

}  // namespace cx::sampling
