#pragma once
// `cxbench shoppers`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>

namespace cx::cli {

struct ImportArgs {
  std::string db;
  std::string file;
};

int RunImport(const ImportArgs& args);

}  // namespace cx::cli
