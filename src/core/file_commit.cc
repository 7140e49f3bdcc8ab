#include "core/file_commit.h"

#include <cstdio>

namespace cx {

std::string TemporaryPathFor(const std::string& path) { return path + ".tmp"; }

Status CommitFile(const std::string& temporary, const std::string& path) {
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return IoError("cannot move the finished file into place", path);
  }
  return Ok();
}

Error DiscardFile(const std::string& temporary, Error error) {
  std::remove(temporary.c_str());
  return error;
}

PendingFiles::~PendingFiles() { DiscardAll(); }

std::string PendingFiles::Add(const std::string& path) {
  files_.push_back({TemporaryPathFor(path), path});
  return files_.back().temporary;
}

Status PendingFiles::CommitAll() {
  for (size_t index = 0; index < files_.size(); ++index) {
    Status committed = CommitFile(files_[index].temporary, files_[index].path);
    if (!committed) {
      files_.erase(files_.begin(), files_.begin() + static_cast<std::ptrdiff_t>(index) + 1);
      DiscardAll();
      return committed;
    }
  }
  files_.clear();
  return Ok();
}

void PendingFiles::DiscardAll() {
  for (const File& file : files_) std::remove(file.temporary.c_str());
  files_.clear();
}

}  // namespace cx
