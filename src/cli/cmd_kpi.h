#pragma once
// `cxbench kpi`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>
#include <vector>

namespace cx::cli {

struct KpiArgs {
  std::string input;
  std::string format;
  std::string mapping;
  std::string by = "queue";
  std::string interval = "15m";
  std::string sl = "80/20";
  std::string sl_variant = "short-excluded";
  std::string short_abandon = "5s";
  int fcr_days = 7;
  std::string fcr_scope = "all";
  std::string tz;
  bool strict = false;
  std::string out;
  std::vector<std::string> reports;  // BY:INTERVAL:FILE
  std::string format_out = "table";
  int threads = 2;
};

int RunKpi(const KpiArgs& args);

}  // namespace cx::cli
