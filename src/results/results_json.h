#pragma once
// The results as JSON: the shape `cxbench results --format json` prints and
// the web API serves (docs/cli.md describes the fields).

#include <nlohmann/json.hpp>

#include "results/results.h"

namespace cx::results {

// A figure that may be missing: the double, or null (never 0).
nlohmann::json NumberOrNull(const std::optional<double>& value);
// An interval as [low, high], or null.
nlohmann::json IntervalOrNull(const std::optional<stats::Interval>& ci);

nlohmann::json ToJson(const StudyResults& results);
nlohmann::json ParticipantJson(const ParticipantResult& participant);
nlohmann::json IndustryJson(const IndustryResult& industry);

}  // namespace cx::results
