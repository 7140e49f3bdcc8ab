#pragma once
// The three inputs KPIs are computed from (docs/kpi.md, "Inputs"): Asterisk's
// queue_log, Asterisk's CDR CSV (cdr_csv), and a contact CSV described by a
// column mapping. Each streams its file: memory grows with groups, customers
// and calls in progress, never with the file.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "kpi/kpi.h"

namespace cx::kpi {

// Which column of a contact CSV holds what (docs/kpi.md, "Mapping file").
struct Mapping {
  std::string contact_id = "contact_id";
  std::string channel = "channel";
  std::string queue = "queue";
  std::string customer_id = "customer_id";
  std::string case_id = "case_id";
  std::string offered = "offered";
  std::string answered = "answered";
  std::string ended = "ended";
  std::string hold_s = "hold_s";
  std::string wrap_s = "wrap_s";
  std::string agent = "agent";
  std::string outcome = "outcome";
  char delimiter = ',';
  std::string time_zone;  // empty: the run's --tz
  std::vector<std::string> transfer_outcomes = {"transferred", "transfer"};
};

// A mapping file, YAML or JSON (JSON is YAML): see docs/kpi.md.
Result<Mapping> LoadMapping(const std::string& path);

struct RunResult {
  std::vector<Row> rows;                    // the first report
  std::vector<std::vector<Row>> more_rows;  // Options::more_reports, in order
  Diagnostics diagnostics;
  int64_t lines = 0;
  int64_t contacts = 0;
  int64_t bytes = 0;
};

// Puts the reports of a run into `result`: the first into rows, the others
// into more_rows.
void SetReports(std::vector<std::vector<Row>> reports, RunResult& result);
// An error when the options ask for more than kMaxReports reports.
Result<void> CheckReports(const Options& options);

// `threads` parts of the file are parsed at once (1 or more).
Result<RunResult> RunContactCsv(const std::string& path, const Mapping& mapping,
                                const Options& options, int threads);
Result<RunResult> RunQueueLog(const std::string& path, const Options& options);
Result<RunResult> RunCdr(const std::string& path, const Options& options);

}  // namespace cx::kpi
