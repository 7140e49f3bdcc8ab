// cxbench plan: make the fieldwork plan (src/plan), repair it, export each
// shopper's list. `plan check` lives in cmd_plan_check.cc.
#include "cli/cmd_plan.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "cli/output.h"
#include "cli/progress.h"
#include "cli/study_selection.h"
#include "core/civil_time.h"
#include "export/writers.h"
#include "plan/planner.h"

namespace cx::cli {

std::string DefaultPlanActor() {
  const char* user = std::getenv("USER");
  return user && *user ? user : "cxbench plan";
}

namespace {

// A new plan replaces planned contacts only: fieldwork under way or done
// goes through `plan repair`.
Status CheckNothingStarted(const LoadedStudy& loaded) {
  for (const auto& contact : loaded.contacts) {
    if (contact.status != domain::ContactStatus::kPlanned) {
      return Conflict("contact " + contact.id + " is " +
                          std::string(domain::ToString(contact.status)) +
                          "; a new plan would overwrite fieldwork under way or done: "
                          "use cxbench plan repair",
                      "study " + loaded.study.id);
    }
  }
  return Ok();
}

// Saving replaces contacts by id: one the new plan lacks would stay behind.
Status CheckKeepsEveryId(const LoadedStudy& loaded, const plan::Plan& made) {
  std::set<std::string> ids;
  for (const auto& contact : made.contacts) ids.insert(contact.id);
  for (const auto& contact : loaded.contacts) {
    if (!ids.count(contact.id)) {
      return Conflict("planned contact " + contact.id +
                          " is not in the new plan and cannot be removed; use a new "
                          "database or cxbench plan repair",
                      "study " + loaded.study.id);
    }
  }
  return Ok();
}

domain::ChangeRecord PlanEntry(const PlanArgs& args, const LoadedStudy& loaded,
                               const plan::Plan& made) {
  domain::ChangeRecord entry;
  entry.actor = args.actor;
  entry.entity = "study";
  entry.entity_id = loaded.study.id;
  entry.field = "plan";
  entry.old_value = std::to_string(loaded.contacts.size()) + " planned contacts";
  entry.new_value = std::to_string(made.contacts.size()) + " planned contacts";
  entry.reason = "cxbench plan --seed " + std::to_string(args.seed);
  return entry;
}

void PrintPlanJson(const std::string& study_id, const plan::PlanStats& stats, double seconds) {
  std::cout << nlohmann::json{{"study", study_id},
                              {"contacts", stats.contacts},
                              {"shoppers_used", stats.shoppers_used},
                              {"min_per_shopper", stats.min_per_shopper},
                              {"max_per_shopper", stats.max_per_shopper},
                              {"flow_problems", stats.flow_problems},
                              {"placed_by_flow", stats.placed_by_flow},
                              {"ilp_problems", stats.ilp_problems},
                              {"placed_by_ilp", stats.placed_by_ilp},
                              {"ilp_widened", stats.ilp_widened},
                              {"seconds", seconds}}
                   .dump(2)
            << "\n";
}

void PrintPlanSummary(const PlanArgs& args, const domain::Study& study, size_t shoppers,
                      const plan::PlanStats& stats, double seconds) {
  std::cout << "Planned " << stats.contacts << " contacts of " << study.participants.size()
            << " participants over " << study.period.Weeks() << " weeks: " << stats.shoppers_used
            << " of " << shoppers << " shoppers, " << stats.min_per_shopper << " to "
            << stats.max_per_shopper << " contacts each.\n"
            << "Solvers: " << stats.flow_problems << " min-cost flows placed "
            << stats.placed_by_flow << " contacts; " << stats.ilp_problems
            << " integer programmes placed " << stats.placed_by_ilp;
  if (stats.ilp_widened > 0)
    std::cout << ", " << stats.ilp_widened << " of them solved again over all shoppers";
  std::cout << " (";
  std::cout.setf(std::ios::fixed);
  std::cout.precision(2);
  std::cout << seconds << " s). Written to " << args.db << "; verify with: cxbench plan check --db "
            << args.db << "\n";
}

}  // namespace

int RunPlan(const PlanArgs& args) {
  if (args.db.empty()) {
    std::cerr << "cxbench: error: plan needs --db FILE (or a subcommand: check, repair, export)\n";
    return kExitBadInput;
  }
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  auto shoppers = loaded->store->LoadShoppers();
  if (!shoppers) return ReportError(shoppers.error());
  if (shoppers->empty()) {
    return ReportError(InvalidInput(
        "the database has no shoppers: import the pool with cxbench shoppers import", args.db));
  }
  if (Status fresh = CheckNothingStarted(*loaded); !fresh) return ReportError(fresh.error());
  const auto started = std::chrono::steady_clock::now();
  plan::PlanOptions options;
  options.seed = args.seed;
  // Two phases, plan and store (the planner reports no finer progress).
  std::optional<Progress> progress;
  progress.emplace("plan", 2);
  auto made = plan::MakePlan(loaded->study, *shoppers, options);
  if (!made) return ReportError(made.error());
  progress->Advance();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (Status kept = CheckKeepsEveryId(*loaded, *made); !kept) return ReportError(kept.error());
  if (auto saved = loaded->store->SaveContacts(loaded->study.id, made->contacts); !saved)
    return ReportError(saved.error());
  progress->Advance();
  progress.reset();  // the bar's line ends before the summary
  if (auto logged =
          loaded->store->AppendChangeLog(loaded->study.id, PlanEntry(args, *loaded, *made));
      !logged)
    return ReportError(logged.error());
  if (args.format == Format::kJson) {
    PrintPlanJson(loaded->study.id, made->stats, seconds);
  } else {
    PrintPlanSummary(args, loaded->study, shoppers->size(), made->stats, seconds);
  }
  return kExitOk;
}

int RunRepair(const RepairArgs& args) {
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  auto shoppers = loaded->store->LoadShoppers();
  if (!shoppers) return ReportError(shoppers.error());
  plan::RepairRequest request;
  request.dropped_shoppers.insert(args.dropped.begin(), args.dropped.end());
  auto outcome = plan::Repair(loaded->study, *shoppers, loaded->contacts, request);
  if (!outcome) return ReportError(outcome.error());
  // Every changed contact and every log entry in one transaction: a repair
  // is stored whole, with its log, or not at all.
  std::vector<domain::ChangeRecord> entries = outcome->changes;
  for (auto& entry : entries) entry.actor = args.actor;
  if (!outcome->changed.empty() || !entries.empty()) {
    if (auto saved =
            loaded->store->SaveContactsWithLog(loaded->study.id, outcome->changed, entries);
        !saved)
      return ReportError(saved.error());
  }
  if (args.format == Format::kJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : outcome->changes) {
      out.push_back({{"contact", c.entity_id},
                     {"field", c.field},
                     {"old", c.old_value},
                     {"new", c.new_value},
                     {"reason", c.reason}});
    }
    std::cout << out.dump(2) << "\n";
  } else if (args.format == Format::kCsv) {
    Table table{{"contact", "field", "old", "new", "reason"}, {}, {}};
    for (const auto& c : outcome->changes)
      table.rows.push_back({c.entity_id, c.field, c.old_value, c.new_value, c.reason});
    PrintCsv(std::cout, table);
  } else {
    for (const auto& c : outcome->changes) {
      std::cout << c.entity_id << ": " << c.field << " "
                << (c.old_value.empty() ? "" : c.old_value + " -> ") << c.new_value << " ("
                << c.reason << ")\n";
    }
    std::cout << (outcome->changes.empty()
                      ? "plan repair: nothing to re-plan"
                      : "plan repair: " + std::to_string(outcome->changes.size()) +
                            " changes, logged as " + args.actor)
              << "\n";
  }
  return kExitOk;
}

int RunPlanExport(const PlanExportArgs& args) {
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  auto shoppers = loaded->store->LoadShoppers();
  if (!shoppers) return ReportError(shoppers.error());
  const auto& study = loaded->study;
  const std::string language =
      args.language.empty() && !study.languages.empty() ? study.languages.front() : args.language;
  std::map<std::string, const domain::Shopper*> shopper_of;
  for (const auto& shopper : *shoppers) shopper_of[shopper.id] = &shopper;

  exporting::ExportTable table;
  table.title = "Plan";
  const std::pair<const char*, const char*> columns[] = {
      {"shopper", "Shopper"},    {"shopper_name", "Name"},  {"date", "Date"},
      {"window", "Time window"}, {"company", "Company"},    {"participant", "Customer centre"},
      {"channel", "Channel"},    {"scenario", "Scenario"},  {"scenario_title", "Role play"},
      {"script", "Script"},      {"contact", "Contact id"}, {"status", "Status"}};
  for (const auto& [name, label] : columns)
    table.columns.push_back({name, label, exporting::ColumnKind::kText, {}, std::nullopt});
  std::vector<const domain::Contact*> list;
  for (const auto& contact : loaded->contacts) {
    if (contact.status != domain::ContactStatus::kFailed) list.push_back(&contact);
  }
  std::sort(list.begin(), list.end(), [](const auto* a, const auto* b) {
    return a->shopper != b->shopper ? a->shopper < b->shopper : a->planned_at < b->planned_at;
  });
  for (const auto* contact : list) {
    const auto* participant = study.FindParticipant(contact->participant);
    const domain::Scenario* scenario = nullptr;
    if (participant) {
      if (const auto* industry = study.FindIndustry(participant->industry)) {
        for (const auto& item : industry->scenarios) {
          if (item.id == contact->scenario) scenario = &item;
        }
      }
    }
    // The hour from the planned time, cut at the channel's closing time.
    std::string window;
    if (const auto planned = LocalDateTime::Parse(contact->planned_at)) {
      int end = planned->minute_of_day + 60;
      if (const auto* spec = study.FindChannel(contact->channel))
        end = std::min(end, spec->hours.close_minute);
      window = FormatClock(planned->minute_of_day) + "-" + FormatClock(end);
    }
    auto shopper = shopper_of.find(contact->shopper);
    std::vector<exporting::Cell> row = {
        contact->shopper,
        shopper == shopper_of.end() ? std::string() : shopper->second->name,
        contact->planned_at.substr(0, 10),
        window,
        participant ? participant->company : std::string(),
        participant ? participant->name : contact->participant,
        std::string(domain::ToString(contact->channel)),
        contact->scenario,
        scenario ? study.TextFor(scenario->title, language) : std::string(),
        scenario ? study.TextFor(scenario->script, language) : std::string(),
        contact->id,
        std::string(domain::ToString(contact->status))};
    table.rows.push_back(std::move(row));
  }
  const Status written = WriteFileOrStdout(args.out, [&](const std::string& path) {
    return args.format == "xlsx" ? exporting::WriteXlsx({table}, path)
                                 : exporting::WriteCsv(table, path);
  });
  if (!written) return ReportError(written.error());
  std::set<std::string> used;
  for (const auto* contact : list) used.insert(contact->shopper);
  NoteStream(args.out) << "Wrote " << table.rows.size() << " planned contacts of " << used.size()
                       << " shoppers to " << args.out << "\n";
  return kExitOk;
}

}  // namespace cx::cli
