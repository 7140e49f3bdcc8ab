#pragma once
// `cxbench programme`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <optional>
#include <string>
#include <vector>

#include "cli/output.h"

namespace cx::cli {

struct SizeArgs {
  double sd = 0;
  std::optional<double> margin;
  std::optional<int> n;
  std::optional<double> population;
  Format format = Format::kTable;
};

struct AllocateArgs {
  int total = 0;
  int minimum = 0;
  std::vector<std::string> centres;
  std::vector<std::string> scenarios;
  Format format = Format::kTable;
};

int RunAllocate(const AllocateArgs& args);
int RunSampleSize(const SizeArgs& args);

}  // namespace cx::cli
