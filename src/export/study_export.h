#pragma once
// A study's export as the command line and the web app give it: which
// contacts and columns a reader may have (staff: all; a participant: its own
// reported contacts, without shopper ids), the per-contact scores, and the
// file in the chosen format. One place for both, so `cxbench export` and
// GET /api/v1/export cannot drift apart.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/fieldwork.h"
#include "domain/study.h"
#include "export/export_table.h"

namespace cx::exporting {

enum class ExportFormat { kCsv, kXlsx, kSav };

// "csv", "xlsx" or "sav"; anything else is nullopt.
std::optional<ExportFormat> ParseExportFormat(const std::string& text);
const char* FileExtension(ExportFormat format);
const char* MediaType(ExportFormat format);

// Whose data goes in. Empty participant_id: the whole study (staff).
struct ExportScope {
  std::string participant_id;
};

// The per-contact scores docs/cli.md promises, from the results engine's
// scorer: the total and each scored area as a percentage of its points, for
// every reported (submitted or approved) contact it can score.
std::map<std::string, ContactScore> ExportScores(const domain::Study& study,
                                                 const std::vector<domain::Contact>& contacts);

// The sheets of an export: the contacts first, then the codebook and the
// participants (only the Excel workbook holds more than the first).
std::vector<ExportTable> BuildStudyExport(const domain::Study& study,
                                          const std::vector<domain::Contact>& contacts,
                                          const std::string& language, const ExportScope& scope);

// Writes `sheets` to `path` in `format` (all-or-nothing, as the writers are).
Status WriteExport(const std::vector<ExportTable>& sheets, ExportFormat format,
                   const std::string& path);

}  // namespace cx::exporting
