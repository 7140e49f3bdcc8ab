#pragma once
// Which study a command works on: --study ID, or the only study in the database.

#include <string>

#include "core/result.h"
#include "store/store.h"

namespace cx::cli {

// `requested` when given (and present), else the id of the only study in the
// store; an error naming the studies when there are several or none.
Result<std::string> ResolveStudyId(store::Store& store, const std::string& requested);

}  // namespace cx::cli
