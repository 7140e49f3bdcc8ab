#pragma once
// `cxbench callback`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <cstdint>
#include <string>

#include "cli/output.h"

namespace cx::cli {

struct SampleArgs {
  std::string contacts;
  std::string history;
  std::string out;
  std::string as_of;
  int per_agent = 10;
  uint64_t seed = 1;
};

struct CallbackReportArgs {
  std::string answers;
  Format format = Format::kTable;
};

int RunCallbackReport(const CallbackReportArgs& args);
int RunSample(const SampleArgs& args);

}  // namespace cx::cli
