#pragma once
// Writing a file so that a failure leaves nothing half-written: write to
// TemporaryPathFor(path), then CommitFile() renames it over `path`.
// PendingFiles does the same for several files written together.

#include <string>
#include <vector>

#include "core/result.h"

namespace cx {

// "PATH.tmp", beside the final file so the rename stays on one file system.
std::string TemporaryPathFor(const std::string& path);

// Renames the finished temporary file over `path`; on failure removes it.
Status CommitFile(const std::string& temporary, const std::string& path);

// Removes an unfinished temporary file and returns `error` (for early exits).
Error DiscardFile(const std::string& temporary, Error error);

// Files that are written together and appear together (`cxbench kpi` with
// --report): each is written to its temporary, and none is moved into place
// before all are complete. Whatever is not committed is removed when the
// object goes, so an early return leaves no temporary behind.
// Not thread-safe; the temporaries themselves may be written by one thread
// each once Add() has returned them.
class PendingFiles {
 public:
  PendingFiles() = default;
  PendingFiles(const PendingFiles&) = delete;
  PendingFiles& operator=(const PendingFiles&) = delete;
  ~PendingFiles();

  // The temporary to write `path`'s content to (TemporaryPathFor(path)).
  std::string Add(const std::string& path);

  // Moves every temporary over its file, in the order added. On the first
  // failure the remaining temporaries are removed and the error (kIo) names
  // that file; the files moved before it stay, each one whole.
  Status CommitAll();

  // Removes every temporary not yet committed.
  void DiscardAll();

 private:
  struct File {
    std::string temporary;
    std::string path;
  };
  std::vector<File> files_;  // not yet committed
};

}  // namespace cx
