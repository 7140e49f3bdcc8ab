// cxbench demo: generate the demo study, plan it with the planner, simulate the
// answers, store it, and print what exists so far.
#include "cli/cmd_demo.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "cli/output.h"
#include "cli/progress.h"
#include "demo/channel_facts.h"
#include "demo/generator.h"
#include "domain/fieldwork_summary.h"
#include "plan/planner.h"
#include "store/store.h"

namespace cx::cli {
namespace {

// Leaves each shopper's last `open` contacts (by planned time) planned, with
// nothing reported: the web app's demo needs work still to do.
void LeaveOpen(std::vector<domain::Contact>& contacts, int open) {
  if (open <= 0) return;
  std::map<std::string, std::vector<domain::Contact*>> by_shopper;
  for (auto& contact : contacts) by_shopper[contact.shopper].push_back(&contact);
  for (auto& [shopper, own] : by_shopper) {
    std::sort(own.begin(), own.end(), [](const domain::Contact* a, const domain::Contact* b) {
      return a->planned_at > b->planned_at;
    });
    for (size_t index = 0; index < own.size() && index < static_cast<size_t>(open); ++index) {
      domain::Contact& contact = *own[index];
      contact.status = domain::ContactStatus::kPlanned;
      contact.started_at.clear();
      contact.answered_at.clear();
      contact.wait_seconds.reset();
      contact.responder = domain::Responder::kUnknown;
      contact.answers.clear();
      contact.comments.clear();
    }
  }
}

// Channel availability among participants, Kundeserviceprisen 2022, in per cent.
double SeedOffered(domain::Channel channel) { return 100 * demo::OfferedShare2022(channel); }

std::string Percent(double part, double whole) {
  if (whole <= 0) return "-";
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  out << 100.0 * part / whole << "%";
  return out.str();
}

// "41 s", "12 min", "5.2 h": waits span seconds (phone) to hours (e-mail).
std::string Duration(const std::optional<double>& seconds) {
  if (!seconds) return "-";
  std::ostringstream out;
  out.setf(std::ios::fixed);
  if (*seconds < 120) {
    out.precision(0);
    out << *seconds << " s";
  } else if (*seconds < 2 * 3600) {
    out.precision(0);
    out << *seconds / 60 << " min";
  } else {
    out.precision(1);
    out << *seconds / 3600 << " h";
  }
  return out.str();
}

nlohmann::json ToJson(const domain::Study& study, const domain::FieldworkSummary& summary,
                      const std::string& db) {
  nlohmann::json channels = nlohmann::json::array();
  for (const auto& item : summary.channels) {
    nlohmann::json entry = {
        {"channel", domain::ToString(item.channel)},
        {"participants_offering", item.participants_offering},
        {"offered_share",
         summary.participants ? 1.0 * item.participants_offering / summary.participants : 0.0},
        {"seed_offered_share", demo::OfferedShare2022(item.channel)},
        {"easy_share", item.participants_offering
                           ? 1.0 * item.participants_easy / item.participants_offering
                           : 0.0},
        {"contacts", item.contacts},
        {"answered", item.answered},
        {"chatbot_first", item.chatbot_first},
        {"median_wait_s", nullptr},
        {"p90_wait_s", nullptr}};
    if (item.median_wait_s) entry["median_wait_s"] = *item.median_wait_s;
    if (item.p90_wait_s) entry["p90_wait_s"] = *item.p90_wait_s;
    channels.push_back(entry);
  }
  return {{"db", db},
          {"study", {{"id", study.id}, {"name", study.name}, {"weeks", study.period.Weeks()}}},
          {"participants", summary.participants},
          {"companies", summary.companies},
          {"industries", summary.industries},
          {"shoppers_used", summary.shoppers_used},
          {"contacts", summary.contacts},
          {"reported", summary.reported},
          {"channels", channels},
          {"contacts_per_shopper",
           {{"min", summary.min_contacts_per_shopper},
            {"mean", summary.mean_contacts_per_shopper},
            {"max", summary.max_contacts_per_shopper}}},
          {"max_contacts_shopper_company", summary.max_contacts_shopper_company}};
}

void PrintHuman(const domain::Study& study, const domain::FieldworkSummary& summary,
                const std::string& db) {
  std::cout << "Demo study '" << study.id << "' (" << study.name << ") written to " << db << "\n"
            << summary.participants << " customer centres of " << summary.companies
            << " companies in " << summary.industries << " industries; " << summary.contacts
            << " contacts by " << summary.shoppers_used << " shoppers over " << study.period.Weeks()
            << " weeks.\n\n";

  std::cout << "Channel audit: share of participants offering each channel\n";
  Table audit{{"channel", "offered", "seed 2022", "easy to find"}, {}, {false, true, true, true}};
  for (const auto& item : summary.channels) {
    audit.rows.push_back({std::string(domain::ToString(item.channel)),
                          Percent(item.participants_offering, summary.participants),
                          Percent(SeedOffered(item.channel), 100),
                          Percent(item.participants_easy, item.participants_offering)});
  }
  PrintTable(std::cout, audit);

  std::cout << "\nContacts by channel\n";
  Table contacts{
      {"channel", "contacts", "share", "answered", "median wait", "p90 wait", "chatbot first"},
      {},
      {false, true, true, true, true, true, true}};
  for (const auto& item : summary.channels) {
    contacts.rows.push_back(
        {std::string(domain::ToString(item.channel)), std::to_string(item.contacts),
         Percent(item.contacts, summary.contacts), Percent(item.answered, item.reported),
         Duration(item.median_wait_s), Duration(item.p90_wait_s),
         Percent(item.chatbot_first, item.reported)});
  }
  PrintTable(std::cout, contacts);

  std::cout << "\nShoppers: " << summary.min_contacts_per_shopper << " to "
            << summary.max_contacts_per_shopper << " contacts each (mean ";
  std::cout.setf(std::ios::fixed);
  std::cout.precision(1);
  std::cout << summary.mean_contacts_per_shopper << "); no shopper contacted a company more than "
            << summary.max_contacts_shopper_company << " time(s).\n";
}

}  // namespace

int RunDemo(const DemoArgs& args) {
  if (args.options.participants < 1 || args.options.shoppers < 1) {
    std::cerr << "cxbench: error: --participants and --shoppers must be at least 1\n";
    return kExitBadInput;
  }
  const std::filesystem::path parent = std::filesystem::path(args.db).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);

  // Four phases: generate, plan, play the contacts, store (the planner
  // reports no finer progress).
  std::optional<Progress> progress;
  progress.emplace("demo", args.no_fieldwork ? 2 : 4);
  demo::DemoWorld world = demo::GenerateWorld(args.options);
  progress->Advance();
  if (args.no_fieldwork) {
    auto store = store::OpenSqlite(args.db);
    if (!store) {
      std::cerr << "cxbench: error: " << store.error().ToString() << "\n";
      return ExitCodeFor(store.error());
    }
    for (const Status& status :
         {(*store)->SaveStudy(world.study, args.replace), (*store)->SaveShoppers(world.shoppers)}) {
      if (!status) {
        std::cerr << "cxbench: error: " << status.error().ToString() << "\n";
        return ExitCodeFor(status.error());
      }
    }
    progress->Advance();
    progress.reset();
    std::cout << "Demo study '" << world.study.id << "' with " << world.study.participants.size()
              << " participants and " << world.shoppers.size() << " shoppers written to " << args.db
              << " without fieldwork; plan it with: cxbench plan --db " << args.db << "\n";
    return kExitOk;
  }
  // The fieldwork planner places the contacts (src/plan), then the demo plays them.
  plan::PlanOptions plan_options;
  plan_options.seed = args.options.seed;
  auto plan = plan::MakePlan(world.study, world.shoppers, plan_options);
  if (!plan) {
    std::cerr << "cxbench: error: " << plan.error().ToString() << "\n";
    return ExitCodeFor(plan.error());
  }
  progress->Advance();
  std::vector<domain::Contact> contacts = std::move(plan->contacts);
  demo::SimulateAnswers(world, contacts, args.options.seed);
  LeaveOpen(contacts, args.open);
  progress->Advance();

  auto store = store::OpenSqlite(args.db);
  if (!store) {
    std::cerr << "cxbench: error: " << store.error().ToString() << "\n";
    return ExitCodeFor(store.error());
  }
  for (const Status& status :
       {(*store)->SaveStudy(world.study, args.replace), (*store)->SaveShoppers(world.shoppers),
        (*store)->SaveContacts(world.study.id, contacts)}) {
    if (!status) {
      std::cerr << "cxbench: error: " << status.error().ToString() << "\n";
      return ExitCodeFor(status.error());
    }
  }
  progress->Advance();
  progress.reset();  // the bar's line ends before the summary
  const auto summary = domain::SummarizeFieldwork(world.study, contacts);
  if (args.format == Format::kJson) {
    std::cout << ToJson(world.study, summary, args.db).dump(2) << "\n";
  } else if (args.format == Format::kCsv) {
    Table table{
        {"channel", "offered", "contacts", "answered", "median_wait_s", "p90_wait_s"}, {}, {}};
    for (const auto& item : summary.channels) {
      table.rows.push_back({std::string(domain::ToString(item.channel)),
                            std::to_string(item.participants_offering),
                            std::to_string(item.contacts), std::to_string(item.answered),
                            item.median_wait_s ? std::to_string(*item.median_wait_s) : "",
                            item.p90_wait_s ? std::to_string(*item.p90_wait_s) : ""});
    }
    PrintCsv(std::cout, table);
  } else {
    PrintHuman(world.study, summary, args.db);
  }
  return kExitOk;
}

}  // namespace cx::cli
