// cxbench plan check: re-verify every hard constraint of the stored plan.
#include "cli/cmd_plan_check.h"

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "plan_check/plan_checker.h"

namespace cx::cli {

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

}  // namespace cx::cli
