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

}  // namespace cx
