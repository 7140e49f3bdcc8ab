#pragma once
// `cxbench check`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>

#include "cli/output.h"

namespace cx::cli {

struct DatabaseCheckArgs {
  std::string db;
  Format format = Format::kTable;
};

int RunCheck(const DatabaseCheckArgs& args);

}  // namespace cx::cli
