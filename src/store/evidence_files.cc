#include "store/evidence_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace cx::store {
namespace fs = std::filesystem;
namespace {

Error SystemError(const std::string& what, const fs::path& path) {
  return IoError("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

// Writes all of `content` to `fd`, through short writes and EINTR.
bool WriteAll(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    content.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

// A rename is durable only once the folder holding it is synced.
bool SyncFolder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

bool IsStoredEvidenceName(const std::string& name) {
  if (name.size() != 32) return false;
  for (char c : name) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string EvidenceRootFor(const std::string& database_path) {
  return database_path + ".evidence";
}

std::string EvidenceFiles::FolderOf(const std::string& study_id) {
  bool safe = !study_id.empty() && study_id.front() != '.' && study_id.size() <= 100;
  for (char c : study_id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    safe = safe && allowed;
  }
  if (safe) return study_id;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string folder = "x";
  for (unsigned char c : study_id) {
    folder += kHex[c >> 4];
    folder += kHex[c & 15];
  }
  return folder;
}

Status EvidenceFiles::Write(const std::string& study_id, const std::string& name,
                            std::string_view content) {
  if (!IsStoredEvidenceName(name))
    return InvalidInput("an evidence file's name must be 32 hex digits");
  const fs::path folder = fs::path(root_) / FolderOf(study_id);
  std::error_code made;
  fs::create_directories(folder, made);
  if (made) return IoError("cannot make " + folder.string() + ": " + made.message());
  const fs::path path = folder / name;
  const fs::path temporary = folder / (name + ".tmp");
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return SystemError("create", temporary);
  const bool written = WriteAll(fd, content) && ::fsync(fd) == 0;
  const Error failure = SystemError("write", temporary);
  ::close(fd);
  if (!written) {
    ::unlink(temporary.c_str());
    return failure;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const Error renamed = SystemError("rename into", path);
    ::unlink(temporary.c_str());
    return renamed;
  }
  if (!SyncFolder(folder)) return SystemError("sync", folder);
  return Ok();
}

Result<std::string> EvidenceFiles::Read(const std::string& study_id, const std::string& name,
                                        size_t from, size_t length) const {
  if (!IsStoredEvidenceName(name))
    return InvalidInput("an evidence file's name must be 32 hex digits");
  const fs::path path = fs::path(root_) / FolderOf(study_id) / name;
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return NotFound("the evidence file " + path.string() + " is missing");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<size_t>(in.tellg());
  if (from > size) from = size;
  if (length == 0 || length > size - from) length = size - from;
  std::string content(length, '\0');
  in.seekg(static_cast<std::streamoff>(from));
  in.read(content.data(), static_cast<std::streamsize>(length));
  if (static_cast<size_t>(in.gcount()) != length) {
    return IoError("cannot read the evidence file " + path.string());
  }
  return content;
}

Status EvidenceFiles::Remove(const std::string& study_id, const std::string& name) {
  if (!IsStoredEvidenceName(name))
    return InvalidInput("an evidence file's name must be 32 hex digits");
  const fs::path path = fs::path(root_) / FolderOf(study_id) / name;
  std::error_code error;
  fs::remove(path, error);
  if (error) return IoError("cannot remove " + path.string() + ": " + error.message());
  return Ok();
}

Status EvidenceFiles::RemoveStudy(const std::string& study_id) {
  const fs::path folder = fs::path(root_) / FolderOf(study_id);
  std::error_code error;
  fs::remove_all(folder, error);
  if (error) return IoError("cannot remove " + folder.string() + ": " + error.message());
  return Ok();
}

Result<int> EvidenceFiles::RemoveOrphans(const std::string& study_id,
                                         const std::set<std::string>& kept) {
  const fs::path folder = fs::path(root_) / FolderOf(study_id);
  std::error_code error;
  if (!fs::is_directory(folder, error)) return 0;
  int removed = 0;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (kept.count(name) > 0) continue;
    std::error_code ignored;
    if (fs::remove(entry.path(), ignored)) ++removed;
  }
  if (error) return IoError("cannot list " + folder.string() + ": " + error.message());
  return removed;
}

}  // namespace cx::store
