// Exports from the web app (docs/web.md): the study's contacts as CSV, Excel
// or SPSS for staff, and a participant's own reported contacts for that
// participant; the rules of what goes in are export/study_export.h, the same
// as `cxbench export`.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/study_export.h"
#include "i18n/translator.h"
#include "server/app.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

std::string QueryValue(const ApiRequest& request, const std::string& name) {
  const auto found = request.query.find(name);
  return found == request.query.end() ? std::string() : found->second;
}

// Writes the sheets in a private temporary folder (the writers are
// all-or-nothing on a path) and reads the file back.
Result<std::string> ExportBytes(const std::vector<exporting::ExportTable>& sheets,
                                exporting::ExportFormat format) {
  char folder[] = "/tmp/cxbench-export-XXXXXX";
  if (mkdtemp(folder) == nullptr) return IoError("cannot make a temporary folder");
  const std::string path = std::string(folder) + "/export." + exporting::FileExtension(format);
  Result<std::string> out = IoError("cannot write the export");
  if (Status written = exporting::WriteExport(sheets, format, path); !written) {
    out = written.error();
  } else {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    out = bytes.str();
  }
  std::filesystem::remove_all(folder);
  return out;
}

// Whose data: a participant only its own (and only in its own study).
exporting::ExportScope ScopeOf(const domain::Account& account) {
  if (account.role != Role::kParticipant) return {};
  return {account.participant_id};
}

Reply ExportReply(App& app, ApiRequest& request) {
  const std::string format_text = QueryValue(request, "format");
  const auto format = exporting::ParseExportFormat(format_text);
  if (!format)
    return Problem(400, Msg("format is csv, xlsx or sav, not '{1}'", format_text), "format");
  std::string language = QueryValue(request, "lang");
  if (language.empty()) language = request.account->language;
  if (!i18n::IsInterfaceLanguage(language))
    return Problem(400, Msg("lang is nb, sv, da or en, not '{1}'", language), "lang");
  const exporting::ExportScope scope = ScopeOf(*request.account);
  if (request.account->role == Role::kParticipant &&
      (request.account->study_id != app.study().id || scope.participant_id.empty()))
    return Problem(403, Msg("you may export your own data only"));
  Result<std::vector<domain::Contact>> contacts = IoError("not read");
  {
    std::lock_guard lock(app.mutex());
    contacts = app.store().LoadContacts(app.study().id);
  }
  if (!contacts) return ProblemFor(contacts.error());
  const auto sheets = exporting::BuildStudyExport(app.study(), *contacts, language, scope);
  auto bytes = ExportBytes(sheets, *format);
  if (!bytes) return ProblemFor(bytes.error());
  Reply reply;
  const std::string name =
      app.study().id + (scope.participant_id.empty() ? "" : "-" + scope.participant_id);
  reply.headers["Content-Disposition"] =
      "attachment; filename=\"" + name + "." + exporting::FileExtension(*format) + "\"";
  reply.headers["X-Export-Rows"] = std::to_string(sheets.front().rows.size());
  reply.content_type = exporting::MediaType(*format);
  reply.raw = std::move(bytes).value();
  return reply;
}

}  // namespace

void App::AddExportRoutes() {
  routes_.push_back({"GET", "/api/v1/export", kParticipantOrStaff,
                     "The contacts, one row each with every answer, timestamp and score, to "
                     "download: ?format=csv, xlsx (with the codebook and the participants) or "
                     "sav (SPSS, with variable and value labels); ?lang= nb, sv, da or en (default "
                     "the account's). Staff get the whole study; a participant its own reported "
                     "contacts, without shopper ids",
                     nullptr, [this](ApiRequest& request) { return ExportReply(*this, request); },
                     /*csrf=*/true,
                     /*heavy=*/true});
}

}  // namespace cx::server
