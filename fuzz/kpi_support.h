#pragma once
// What the KPI fuzz targets check on every run (src/kpi through the entry
// points `cxbench kpi` calls): the options of a typical command line, and
// the properties of a run's result.

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz/fuzz_support.h"
#include "kpi/sources.h"

namespace cx::fuzz {

// `cxbench kpi` with a second report by agent and channel per week, so both
// the 15-minute and the calendar intervals are computed.
inline kpi::Options KpiOptions() {
  kpi::Options options;
  options.time_zone = "Europe/Oslo";
  options.more_reports = {kpi::Grouping{false, true, true, kpi::IntervalKind::kWeek}};
  return options;
}

inline void CheckRows(const std::vector<kpi::Row>& rows) {
  for (const kpi::Row& row : rows) {
    // What `cxbench kpi --format-out json` does with a group's names: a name
    // that is not UTF-8 throws there (issue 12), so it must not get this far.
    for (const std::string* name : {&row.queue, &row.agent, &row.channel}) {
      if (!Checking("utf8")) continue;
      if (!IsUtf8(*name)) Fail("a group name that is not UTF-8 reached the report", *name);
      (void)nlohmann::json(*name).dump();
    }
    if (row.offered < 0 || row.answered < 0 || row.abandoned < 0 || row.short_abandoned < 0 ||
        row.exited < 0 ||
        row.answered + row.abandoned + row.short_abandoned + row.exited > row.offered) {
      Fail("counts that do not add up", row.queue + " " + row.interval_label);
    }
    if (row.wait_answered_s < 0 || row.handle_s < 0 || row.longest_wait_s < 0 ||
        row.staffed_s < 0 || row.busy_s < 0) {
      Fail("a negative time", row.queue + " " + row.interval_label);
    }
    for (double rate : {row.abandon_rate, row.service_level, row.transfer_rate, row.fcr}) {
      if (!std::isnan(rate) && (rate < 0 || rate > 1)) {
        Fail("a rate outside 0..1", row.queue + " " + row.interval_label);
      }
    }
  }
}

// The properties of every run: errors name where, rows are sane.
inline void CheckRun(const Result<kpi::RunResult>& run) {
  if (!run) return;
  CheckRows(run->rows);
  for (const auto& more : run->more_rows) CheckRows(more);
  if (run->diagnostics.messages.size() > kpi::Diagnostics::kMaxMessages) {
    Fail("more diagnostics kept than kMaxMessages");
  }
}

}  // namespace cx::fuzz
