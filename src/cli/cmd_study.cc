// cxbench study check | load | list | delete | questionnaire
#include "cli/cmd_study.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "domain/channel.h"
#include "server/json_views.h"
#include "store/evidence_files.h"
#include "store/store.h"
#include "study/study_reader.h"

namespace cx::cli {
namespace {

int PrintDiagnostics(const study::ReadOutcome& outcome) {
  for (const auto& diagnostic : outcome.errors) std::cerr << diagnostic.ToString() << "\n";
  return outcome.errors.empty() ? kExitOk : kExitBadInput;
}

}  // namespace

int RunStudyCheck(const std::vector<std::string>& files, Format format) {
  int exit_code = kExitOk;
  nlohmann::json report = nlohmann::json::array();
  for (const std::string& file : files) {
    const auto outcome = study::ReadStudyFile(file);
    if (PrintDiagnostics(outcome) != kExitOk) exit_code = kExitBadInput;
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& d : outcome.errors) {
      errors.push_back({{"line", d.line}, {"column", d.column}, {"message", d.message}});
    }
    report.push_back({{"file", file}, {"valid", outcome.errors.empty()}, {"errors", errors}});
    if (format == Format::kTable && outcome.study) {
      const auto& s = *outcome.study;
      std::cout << file << ": ok: study '" << s.id << "' (" << s.name << "), " << s.channels.size()
                << " channels, " << s.industries.size() << " industries, " << s.participants.size()
                << " participants, " << s.areas.size() << " areas, " << s.questions.size()
                << " questions\n";
    }
  }
  if (format == Format::kJson) std::cout << report.dump(2) << "\n";
  if (format == Format::kCsv) {
    Table table{{"file", "valid", "errors"}, {}, {}};
    for (const auto& item : report) {
      table.rows.push_back({item["file"].get<std::string>(),
                            item["valid"].get<bool>() ? "yes" : "no",
                            std::to_string(item["errors"].size())});
    }
    PrintCsv(std::cout, table);
  }
  return exit_code;
}

int RunStudyLoad(const std::string& db, const std::string& file, bool replace) {
  const auto outcome = study::ReadStudyFile(file);
  if (!outcome.study) return PrintDiagnostics(outcome);
  auto store = store::OpenSqlite(db);
  if (!store) {
    std::cerr << "cxbench: error: " << store.error().ToString() << "\n";
    return ExitCodeFor(store.error());
  }
  const Status saved = (*store)->SaveStudy(*outcome.study, replace);
  if (!saved) {
    std::cerr << "cxbench: error: " << saved.error().ToString() << "\n";
    return ExitCodeFor(saved.error());
  }
  // A replaced study's fieldwork is gone, and with it its evidence files.
  if (replace) {
    if (Status removed =
            store::EvidenceFiles(store::EvidenceRootFor(db)).RemoveStudy(outcome.study->id);
        !removed) {
      std::cerr << "cxbench: warning: " << removed.error().ToString() << "\n";
    }
  }
  std::cout << "loaded study '" << outcome.study->id << "' into " << db << "\n";
  return kExitOk;
}

int RunStudyDelete(const std::string& db, const std::string& study_id) {
  auto store = store::OpenSqlite(db);
  if (!store) {
    std::cerr << "cxbench: error: " << store.error().ToString() << "\n";
    return ExitCodeFor(store.error());
  }
  if (Status deleted = (*store)->DeleteStudy(study_id); !deleted) {
    std::cerr << "cxbench: error: " << deleted.error().ToString() << "\n";
    return ExitCodeFor(deleted.error());
  }
  // The rows first: a crash between the two leaves files no row names,
  // which nothing serves and the next delete or start removes.
  if (Status removed = store::EvidenceFiles(store::EvidenceRootFor(db)).RemoveStudy(study_id);
      !removed) {
    std::cerr << "cxbench: error: the study is deleted, but its evidence files are not: "
              << removed.error().ToString() << "\n";
    return ExitCodeFor(removed.error());
  }
  std::cout << "deleted study '" << study_id << "' from " << db
            << " with its fieldwork, change log, evidence files, publication and participant "
               "accounts\n";
  return kExitOk;
}

int RunStudyList(const std::string& db, Format format) {
  auto store = store::OpenSqlite(db);
  if (!store) {
    std::cerr << "cxbench: error: " << store.error().ToString() << "\n";
    return ExitCodeFor(store.error());
  }
  auto studies = (*store)->ListStudies();
  if (!studies) {
    std::cerr << "cxbench: error: " << studies.error().ToString() << "\n";
    return ExitCodeFor(studies.error());
  }
  if (format == Format::kJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : *studies) {
      out.push_back({{"id", s.id},
                     {"name", s.name},
                     {"year", s.year},
                     {"participants", s.participants},
                     {"contacts", s.contacts}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  Table table{
      {"id", "name", "year", "participants", "contacts"}, {}, {false, false, true, true, true}};
  for (const auto& s : *studies) {
    table.rows.push_back({s.id, s.name, std::to_string(s.year), std::to_string(s.participants),
                          std::to_string(s.contacts)});
  }
  format == Format::kCsv ? PrintCsv(std::cout, table) : PrintTable(std::cout, table);
  return kExitOk;
}

int RunStudyQuestionnaire(const std::string& file, const std::string& channel,
                          const std::string& language) {
  const auto outcome = study::ReadStudyFile(file);
  if (!outcome.study) return PrintDiagnostics(outcome);
  const domain::Study& study = *outcome.study;
  const std::optional<domain::Channel> parsed = domain::ParseChannel(channel);
  if (!parsed || study.FindChannel(*parsed) == nullptr) {
    std::cerr << "cxbench: error: --channel: '" << channel << "' is not a channel of study '"
              << study.id << "'; it has:";
    for (const auto& spec : study.channels) std::cerr << " " << domain::ToString(spec.channel);
    std::cerr << "\n";
    return kExitBadInput;
  }
  if (!language.empty() && std::find(study.languages.begin(), study.languages.end(), language) ==
                               study.languages.end()) {
    std::cerr << "cxbench: error: --language: '" << language << "' is not a language of study '"
              << study.id << "'\n";
    return kExitBadInput;
  }
  const std::string shown =
      language.empty() && !study.languages.empty() ? study.languages.front() : language;
  std::cout << server::QuestionnaireJson(study, *parsed, shown).dump(2) << "\n";
  return kExitOk;
}

}  // namespace cx::cli
