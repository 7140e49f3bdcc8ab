// cxbench plan check: re-verify every hard constraint of the stored plan.
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/study_selection.h"
#include "plan_check/plan_checker.h"

namespace cx::cli {
namespace {

struct PlanCheckArgs {
  std::string db;
  std::string study;
  Format format = Format::kTable;
};

int RunPlanCheck(const PlanCheckArgs& args) {
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  auto shoppers = loaded->store->LoadShoppers();
  if (!shoppers) return ReportError(shoppers.error());
  const auto violations = plan_check::CheckPlan(loaded->study, *shoppers, loaded->contacts);
  if (args.format == Format::kJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : violations)
      out.push_back({{"rule", v.rule}, {"subject", v.subject}, {"message", v.message}});
    std::cout << out.dump(2) << "\n";
  } else if (args.format == Format::kCsv) {
    Table table{{"rule", "subject", "message"}, {}, {}};
    for (const auto& v : violations) table.rows.push_back({v.rule, v.subject, v.message});
    PrintCsv(std::cout, table);
  } else {
    for (const auto& v : violations)
      std::cout << v.rule << ": " << v.subject << ": " << v.message << "\n";
    std::map<std::string, int> per_rule;
    for (const auto& v : violations) ++per_rule[v.rule];
    std::cout << (violations.empty()
                      ? "plan check: every hard constraint holds"
                      : "plan check: " + std::to_string(violations.size()) + " violations")
              << " (" << loaded->contacts.size() << " contacts, "
              << loaded->study.participants.size() << " participants)\n";
    for (const auto& [rule, count] : per_rule) std::cout << "  " << rule << ": " << count << "\n";
  }
  return violations.empty() ? kExitOk : kExitFailure;
}

}  // namespace

void AddPlanCheckCommand(CLI::App* plan, int& exit_code) {
  auto args = std::make_shared<PlanCheckArgs>();
  CLI::App* check = plan->add_subcommand("check",
                                         "Re-verify every hard constraint of the stored plan and "
                                         "print each violation; exit 0 only when all hold "
                                         "(see docs/planning.md)");
  check->add_option("--db", args->db, "SQLite database file")->required()->check(CLI::ExistingFile);
  check->add_option("--study", args->study, "Study id (default: the only study in the database)");
  AddFormatOption(check, args->format);
  check->callback([args, &exit_code] { exit_code = RunPlanCheck(*args); });
}

}  // namespace cx::cli
