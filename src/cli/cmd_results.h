#pragma once
// `cxbench results`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <cstdint>
#include <string>

#include "cli/output.h"

namespace cx::cli {

struct ResultsArgs {
  std::string db;
  std::string study;
  std::string industry;
  std::string channel;
  Format format = Format::kTable;
  int resamples = 10000;
  uint64_t seed = 20260101;
  bool winners = false;
};

int RunResults(const ResultsArgs& args);

}  // namespace cx::cli
