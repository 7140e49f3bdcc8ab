#include "export/study_export.h"

#include "export/writers.h"
#include "results/contact_score.h"

namespace cx::exporting {

std::optional<ExportFormat> ParseExportFormat(const std::string& text) {
  if (text == "csv") return ExportFormat::kCsv;
  if (text == "xlsx") return ExportFormat::kXlsx;
  if (text == "sav") return ExportFormat::kSav;
  return std::nullopt;
}

const char* FileExtension(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "csv";
    case ExportFormat::kSav:
      return "sav";
    case ExportFormat::kXlsx:
      break;
  }
  return "xlsx";
}

const char* MediaType(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "text/csv; charset=utf-8";
    case ExportFormat::kSav:
      return "application/x-spss-sav";
    case ExportFormat::kXlsx:
      break;
  }
  return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

namespace {

bool IsReported(const domain::Contact& contact) {
  return contact.status == domain::ContactStatus::kSubmitted ||
         contact.status == domain::ContactStatus::kApproved;
}

// A participant's own reported contacts, without the shoppers' ids: the plan
// of contacts still to come stays secret (a company that knew when it will be
// called could prepare), and shoppers stay anonymous to those they test.
std::vector<domain::Contact> OwnReportedContacts(const std::vector<domain::Contact>& contacts,
                                                 const std::string& participant_id) {
  std::vector<domain::Contact> own;
  for (const auto& contact : contacts) {
    if (contact.participant != participant_id || !IsReported(contact)) continue;
    own.push_back(contact);
    own.back().shopper.clear();
  }
  return own;
}

// The participants sheet of a participant's export: its own row only.
void KeepOwnParticipantRow(ExportTable& participants, const std::string& participant_id) {
  std::erase_if(participants.rows, [&](const std::vector<Cell>& row) {
    const auto* id = row.empty() ? nullptr : std::get_if<std::string>(&row.front());
    return id == nullptr || *id != participant_id;
  });
}

}  // namespace

std::map<std::string, ContactScore> ExportScores(const domain::Study& study,
                                                 const std::vector<domain::Contact>& contacts) {
  const results::ContactScorer scorer(study);
  std::map<std::string, ContactScore> scores;
  for (const auto& contact : contacts) {
    if (!IsReported(contact)) continue;
    results::ContactIssue issue;
    const auto score = scorer.Score(contact, &issue);
    if (!score) continue;  // bad answers: no score cells (`cxbench results` names them)
    ContactScore& row = scores[contact.id];
    row.total = score->total;
    for (size_t area = 0; area < score->areas.size() && area < study.areas.size(); ++area) {
      const results::Points& points = score->areas[area];
      if (study.areas[area].scored && points.possible > 0)
        row.areas[study.areas[area].id] = 100 * points.obtained / points.possible;
    }
  }
  return scores;
}

std::vector<ExportTable> BuildStudyExport(const domain::Study& study,
                                          const std::vector<domain::Contact>& contacts,
                                          const std::string& language, const ExportScope& scope) {
  const bool own = !scope.participant_id.empty();
  const std::vector<domain::Contact> scoped =
      own ? OwnReportedContacts(contacts, scope.participant_id) : std::vector<domain::Contact>{};
  const std::vector<domain::Contact>& rows = own ? scoped : contacts;
  std::vector<ExportTable> sheets;
  sheets.push_back(BuildContactTable(study, rows, ExportScores(study, rows), language));
  sheets.push_back(BuildCodebook(study, language));
  sheets.push_back(BuildParticipantTable(study, language));
  if (own) KeepOwnParticipantRow(sheets.back(), scope.participant_id);
  return sheets;
}

Status WriteExport(const std::vector<ExportTable>& sheets, ExportFormat format,
                   const std::string& path) {
  switch (format) {
    case ExportFormat::kCsv:
      return WriteCsv(sheets.front(), path);
    case ExportFormat::kSav:
      return WriteSav(sheets.front(), path);
    case ExportFormat::kXlsx:
      break;
  }
  return WriteXlsx(sheets, path);
}

}  // namespace cx::exporting
