#include "kpi/service_level_target.h"

#include <cstdlib>
#include <string>

#include "core/duration.h"

namespace cx::kpi {

Result<ServiceLevelTarget> ParseServiceLevelTarget(std::string_view text) {
  const Error bad = InvalidInput("expected PERCENT/SECONDS such as 80/20");
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return bad;
  // strtod wants a terminated string; "80x" and "" stop before the end.
  const std::string percent(text.substr(0, slash));
  char* end = nullptr;
  const double value = std::strtod(percent.c_str(), &end);
  if (end == percent.c_str() || *end != '\0' || !(value > 0) || value > 100) return bad;
  const auto seconds = ParseDurationSeconds(text.substr(slash + 1));
  if (!seconds) return bad;
  return ServiceLevelTarget{value / 100, *seconds};
}

}  // namespace cx::kpi
