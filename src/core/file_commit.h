#pragma once
// Writing a file so that a failure leaves nothing half-written: write to
// TemporaryPathFor(path), then CommitFile() renames it over `path`.

#include <string>

#include "core/result.h"

namespace cx {

// "PATH.tmp", beside the final file so the rename stays on one file system.
std::string TemporaryPathFor(const std::string& path);

// Renames the finished temporary file over `path`; on failure removes it.
Status CommitFile(const std::string& temporary, const std::string& path);

// Removes an unfinished temporary file and returns `error` (for early exits).
Error DiscardFile(const std::string& temporary, Error error);

}  // namespace cx
