#pragma once
// `cxbench qa flags`: its arguments as parsed by the CLI (registered in
// commands_study.cc) and the function that runs it; it returns the exit code.

#include <string>

#include "cli/output.h"

namespace cx::cli {

struct QaFlagsArgs {
  std::string db;
  std::string study;
  std::string code;
  std::string language;
  Format format = Format::kTable;
};

int RunQaFlags(const QaFlagsArgs& args);

}  // namespace cx::cli
