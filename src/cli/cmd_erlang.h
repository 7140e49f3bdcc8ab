#pragma once
// `cxbench erlang`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <optional>
#include <string>

#include "cli/output.h"

namespace cx::cli {

struct ErlangArgs {
  std::optional<double> volume;
  std::string volumes_file;
  std::string interval = "30m";
  std::string aht;
  std::string target;
  std::string asa;
  std::optional<double> max_occupancy;
  double shrinkage = 0;
  std::optional<int> agents;
  Format format = Format::kTable;
};

int RunErlang(const ErlangArgs& args);

}  // namespace cx::cli
