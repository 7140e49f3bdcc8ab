#include "cli/study_selection.h"

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

}  // namespace cx::cli
