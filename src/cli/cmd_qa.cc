// cxbench qa flags: the automatic QA flags of every report of a study
// (docs/quality-flags.md), for a reviewer to start from.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/study_selection.h"
#include "domain/quality_flags.h"
#include "store/store.h"

namespace cx::cli {
namespace {

struct QaFlagsArgs {
  std::string db;
  std::string study;
  std::string code;
  std::string language;
  Format format = Format::kTable;
};

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : " ") + item;
  return text;
}

int RunQaFlags(const QaFlagsArgs& args) {
  std::optional<domain::FlagCode> only;
  if (!args.code.empty()) {
    only = domain::ParseFlagCode(args.code);
    if (!only) {
      std::string known;
      for (auto code : domain::kAllFlagCodes)
        known += (known.empty() ? "" : ", ") + std::string(domain::ToString(code));
      return ReportError(
          InvalidInput("unknown flag '" + args.code + "' (expected " + known + ")", "--flag"));
    }
  }
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  auto log = loaded->store->LoadChangeLog(loaded->study.id);
  if (!log) return ReportError(log.error());
  const domain::Study& study = loaded->study;
  const std::string language = args.language.empty() ? study.languages.front() : args.language;
  const auto timelines = domain::TimelinesFromChangeLog(study, loaded->contacts, log.value());
  const auto flags = domain::ComputeQualityFlags(study, loaded->contacts, timelines);

  Table table{{"contact", "flag", "fields", "message"}, {}, {}};
  nlohmann::json list = nlohmann::json::array();
  size_t flagged = 0;
  for (const auto& [contact, contact_flags] : flags) {
    bool any = false;
    for (const auto& flag : contact_flags) {
      if (only && flag.code != *only) continue;
      any = true;
      const std::string message = domain::ExplainFlag(study, flag, language);
      table.rows.push_back(
          {contact, std::string(domain::ToString(flag.code)), Joined(flag.fields), message});
      list.push_back({{"contact", contact},
                      {"code", std::string(domain::ToString(flag.code))},
                      {"fields", flag.fields},
                      {"params", flag.params},
                      {"message", message}});
    }
    if (any) ++flagged;
  }
  if (args.format == Format::kJson) {
    std::cout << nlohmann::json{{"study", study.id}, {"flags", list}}.dump(2) << "\n";
  } else if (args.format == Format::kCsv) {
    PrintCsv(std::cout, table);
  } else {
    PrintTable(std::cout, table);
    std::cout << table.rows.size() << " flags on " << flagged << " reports\n";
  }
  return kExitOk;
}

}  // namespace

void AddQaCommands(CLI::App& app, int& exit_code) {
  CLI::App* qa = app.add_subcommand("qa", "Quality assurance of the submitted reports");
  qa->require_subcommand(1);
  auto args = std::make_shared<QaFlagsArgs>();
  CLI::App* flags = qa->add_subcommand(
      "flags",
      "List the automatic QA flags of every submitted or approved report, each with its reason "
      "(docs/quality-flags.md)");
  flags->add_option("--db", args->db, "SQLite database file")->required()->check(CLI::ExistingFile);
  flags->add_option("--study", args->study, "Study id (default: the only study in the database)");
  flags->add_option("--flag", args->code, "Only this flag (e.g. contradiction, repeated_comment)");
  flags
      ->add_option("--language", args->language,
                   "Language of the messages: nb, sv, da or en (default: the study's first)")
      ->check(CLI::IsMember({"nb", "sv", "da", "en"}));
  AddFormatOption(flags, args->format);
  flags->callback([args, &exit_code] { exit_code = RunQaFlags(*args); });
}

}  // namespace cx::cli
