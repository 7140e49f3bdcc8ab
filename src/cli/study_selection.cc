#include "cli/study_selection.h"

#include <iostream>

namespace cx::cli {

Result<std::string> ResolveStudyId(store::Store& store, const std::string& requested) {
  auto studies = store.ListStudies();
  if (!studies) return studies.error();
  std::string ids;
  for (const auto& study : *studies) {
    if (!requested.empty() && study.id == requested) return study.id;
    ids += (ids.empty() ? "" : ", ") + study.id;
  }
  if (!requested.empty()) {
    return NotFound("no study '" + requested + "' in the database" +
                        (ids.empty() ? "" : " (it has: " + ids + ")"),
                    "--study");
  }
  if (studies->empty())
    return NotFound("the database holds no study; load one with `cxbench study load`");
  if (studies->size() > 1)
    return InvalidInput("the database holds several studies (" + ids + "); choose one", "--study");
  return studies->front().id;
}

Result<LoadedStudy> LoadStudyWithContacts(const std::string& db,
                                          const std::string& requested_study) {
  auto store = store::OpenSqlite(db);
  if (!store) return store.error();
  auto study_id = ResolveStudyId(**store, requested_study);
  if (!study_id) return study_id.error();
  auto study = (*store)->LoadStudy(*study_id);
  if (!study) return study.error();
  auto contacts = (*store)->LoadContacts(*study_id);
  if (!contacts) return contacts.error();
  return LoadedStudy{std::move(*store), std::move(*study), std::move(*contacts)};
}

int ReportError(const Error& error) {
  std::cerr << "cxbench: error: " << error.ToString() << "\n";
  return ExitCodeFor(error);
}

}  // namespace cx::cli
