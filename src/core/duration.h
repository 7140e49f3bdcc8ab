#pragma once
// Durations as people write them: "20s", "10m", "1.5h", or a bare number of
// seconds. Used by study files and every CLI option that takes a duration.

#include <optional>
#include <string_view>

namespace cx {

// Seconds in `text`; nullopt when it is not a non-negative number optionally
// followed by one of the units s, m, h.
std::optional<double> ParseDurationSeconds(std::string_view text);

}  // namespace cx
