#include "cli/study_selection.h"

#include <algorithm>
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
  // Checked first: its list holds the faults of the study's rows, of the
  // shoppers and of the contacts, so one run names every corrupt row.
  auto contacts = (*store)->LoadContactsChecked(*study_id);
  if (!contacts) return contacts.error();
  if (!contacts->corrupt.empty()) return CorruptionError(contacts->corrupt);
  auto study = (*store)->LoadStudy(*study_id);
  if (!study) return study.error();
  return LoadedStudy{std::move(*store), std::move(*study), std::move(contacts->good)};
}

Error CorruptionError(const std::vector<store::CorruptRow>& corrupt) {
  std::string lines;
  for (const auto& row : corrupt) lines += "\n" + row.ToError().ToString();
  return {ErrorCode::kCorruption,
          "the database has " + std::to_string(corrupt.size()) +
              " fault(s) in corrupt rows; nothing was computed or written (see `cxbench check`):" +
              lines,
          "",
          {}};
}

int ReportError(const Error& error) {
  // One "cxbench: error:" line per line of the message.
  const std::string text = error.ToString();
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t end = std::min(text.find('\n', begin), text.size());
    std::cerr << "cxbench: error: " << text.substr(begin, end - begin) << "\n";
    begin = end + 1;
  }
  return ExitCodeFor(error);
}

}  // namespace cx::cli
