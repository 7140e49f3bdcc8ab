#pragma once
// `cxbench export`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>

namespace cx::cli {

struct ExportArgs {
  std::string db;
  std::string study;
  std::string format;
  std::string out;
  std::string language;
};

int RunExport(const ExportArgs& args);

}  // namespace cx::cli
