// cxbench export: one row per contact for analysts, as CSV, Excel or SPSS.
#include "cli/cmd_export.h"

#include <iostream>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "export/study_export.h"
#include "store/store.h"

namespace cx::cli {

int RunExport(const ExportArgs& args) {
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  const domain::Study* study = &loaded->study;
  const std::vector<domain::Contact>* contacts = &loaded->contacts;
  const std::string language = args.language.empty() ? study->languages.front() : args.language;

  const auto format = exporting::ParseExportFormat(args.format);
  const std::vector<exporting::ExportTable> sheets =
      exporting::BuildStudyExport(*study, *contacts, language, {});
  const exporting::ExportTable& table = sheets.front();
  const Status written = WriteFileOrStdout(args.out, [&](const std::string& path) {
    return exporting::WriteExport(sheets, format.value_or(exporting::ExportFormat::kXlsx), path);
  });
  if (!written) return ReportError(written.error());
  NoteStream(args.out) << "wrote " << table.rows.size() << " contacts x " << table.columns.size()
                       << " variables to " << args.out << "\n";
  return kExitOk;
}

}  // namespace cx::cli
