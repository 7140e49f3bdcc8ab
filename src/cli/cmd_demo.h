#pragma once
// `cxbench demo`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>

#include "cli/output.h"
#include "demo/generator.h"

namespace cx::cli {

struct DemoArgs {
  std::string db = "var/demo.db";
  demo::DemoOptions options;
  bool replace = false;
  int open = 0;               // contacts per shopper left to do, as if fieldwork were under way
  bool no_fieldwork = false;  // the study and shoppers only, for cxbench plan
  Format format = Format::kTable;
};

int RunDemo(const DemoArgs& args);

}  // namespace cx::cli
