#pragma once
// `cxbench plan check`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>

#include "cli/output.h"

namespace cx::cli {

struct PlanCheckArgs {
  std::string db;
  std::string study;
  Format format = Format::kTable;
};

int RunPlanCheck(const PlanCheckArgs& args);

}  // namespace cx::cli
