#pragma once
// `cxbench plan`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <cstdint>
#include <string>
#include <vector>

#include "cli/output.h"

namespace cx::cli {

// The default --actor: $USER, else a name for the change log.
std::string DefaultPlanActor();

struct PlanArgs {
  std::string db;
  std::string study;
  uint64_t seed = 2026;
  std::string actor = DefaultPlanActor();
  Format format = Format::kTable;
};

struct RepairArgs {
  std::string db;
  std::string study;
  std::vector<std::string> dropped;
  std::string actor = DefaultPlanActor();
  Format format = Format::kTable;
};

struct PlanExportArgs {
  std::string db;
  std::string study;
  std::string format = "csv";
  std::string out;
  std::string language;
};

int RunPlan(const PlanArgs& args);
int RunPlanExport(const PlanExportArgs& args);
int RunRepair(const RepairArgs& args);

}  // namespace cx::cli
