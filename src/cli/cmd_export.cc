// cxbench export: one row per contact for analysts, as CSV, Excel or SPSS.
#include "cli/cmd_export.h"

#include <iostream>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "export/export_table.h"
#include "export/writers.h"
#include "results/contact_score.h"
#include "store/store.h"

namespace cx::cli {

// The per-contact scores docs/cli.md promises, from the results engine's
// scorer: the total and each scored area as a percentage of its points, for
// every reported (submitted or approved) contact it can score. A contact with
// bad answers gets no score cells (`cxbench results` names it).
std::map<std::string, exporting::ContactScore> ExportScores(
    const domain::Study& study, const std::vector<domain::Contact>& contacts) {
  const results::ContactScorer scorer(study);
  std::map<std::string, exporting::ContactScore> scores;
  for (const auto& contact : contacts) {
    if (contact.status != domain::ContactStatus::kSubmitted &&
        contact.status != domain::ContactStatus::kApproved)
      continue;
    results::ContactIssue issue;
    const auto score = scorer.Score(contact, &issue);
    if (!score) continue;
    exporting::ContactScore& row = scores[contact.id];
    row.total = score->total;
    for (size_t area = 0; area < score->areas.size() && area < study.areas.size(); ++area) {
      const results::Points& points = score->areas[area];
      if (study.areas[area].scored && points.possible > 0)
        row.areas[study.areas[area].id] = 100 * points.obtained / points.possible;
    }
  }
  return scores;
}

int RunExport(const ExportArgs& args) {
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  const domain::Study* study = &loaded->study;
  const std::vector<domain::Contact>* contacts = &loaded->contacts;
  const std::string language = args.language.empty() ? study->languages.front() : args.language;

  const exporting::ExportTable table =
      exporting::BuildContactTable(*study, *contacts, ExportScores(*study, *contacts), language);
  const Status written = WriteFileOrStdout(args.out, [&](const std::string& path) {
    if (args.format == "csv") return exporting::WriteCsv(table, path);
    if (args.format == "sav") return exporting::WriteSav(table, path);
    return exporting::WriteXlsx({table, exporting::BuildCodebook(*study, language),
                                 exporting::BuildParticipantTable(*study, language)},
                                path);
  });
  if (!written) return ReportError(written.error());
  NoteStream(args.out) << "wrote " << table.rows.size() << " contacts x " << table.columns.size()
                       << " variables to " << args.out << "\n";
  return kExitOk;
}

}  // namespace cx::cli
