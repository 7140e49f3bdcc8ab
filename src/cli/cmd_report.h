#pragma once
// `cxbench report`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>

namespace cx::cli {

struct ReportArgs {
  std::string db;
  std::string study;
  std::string participant;
  bool all = false;
  std::string format = "pdf";
  std::string out;
  std::string language;
  int jobs = 0;
  int resamples = 10000;
};

int RunReport(const ReportArgs& args);

}  // namespace cx::cli
