#pragma once
// A service-level target as people write it: "80/20" is 80 % of contacts
// answered within 20 seconds (the seconds may carry a unit: "90/1m"). The
// one parser of `cxbench kpi --sl` and `cxbench erlang --target`.

#include <string_view>

#include "core/result.h"

namespace cx::kpi {

struct ServiceLevelTarget {
  double share = 0.8;   // X of X/Y as a fraction: 0 < share <= 1
  double seconds = 20;  // Y of X/Y: 0 or more
};

// "PERCENT/SECONDS" with 0 < PERCENT <= 100 (100: every contact in time)
// and SECONDS a duration of core/duration.h (0 or more; s, m or h). Any
// other text is kInvalidInput whose message reads
// "expected PERCENT/SECONDS such as 80/20".
Result<ServiceLevelTarget> ParseServiceLevelTarget(std::string_view text);

}  // namespace cx::kpi
