#include "core/duration.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace cx {

std::optional<double> ParseDurationSeconds(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double factor = 1;
  switch (text.back()) {
    case 's':
      text.remove_suffix(1);
      break;
    case 'm':
      factor = 60;
      text.remove_suffix(1);
      break;
    case 'h':
      factor = 3600;
      text.remove_suffix(1);
      break;
    default:
      break;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if (!std::isfinite(value) || value < 0) return std::nullopt;
  return value * factor;
}

}  // namespace cx
