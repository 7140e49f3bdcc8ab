// cxbench qa flags: the automatic QA flags of every report of a study
// (docs/quality-flags.md), for a reviewer to start from.
#include "cli/cmd_qa.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "domain/quality_flags.h"
#include "store/store.h"

namespace cx::cli {
namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : " ") + item;
  return text;
}

}  // namespace

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

}  // namespace cx::cli
