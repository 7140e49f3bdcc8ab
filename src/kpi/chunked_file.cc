#include "kpi/chunked_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace cx::kpi {
namespace {

// Reads [offset, offset + size) fully unless the file ends first; the count read.
int64_t ReadAt(int descriptor, char* into, int64_t size, int64_t offset) {
  int64_t done = 0;
  while (done < size) {
    const ssize_t got = ::pread(descriptor, into + done, static_cast<size_t>(size - done),
                                static_cast<off_t>(offset + done));
    if (got < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (got == 0) break;
    done += got;
  }
  return done;
}

// The offset just after the first '\n' at or after `from`, or `size`.
int64_t NextLineStart(int descriptor, int64_t from, int64_t size) {
  char block[4096];
  while (from < size) {
    const int64_t got = ReadAt(descriptor, block, sizeof block, from);
    if (got <= 0) return size;
    const void* newline = std::memchr(block, '\n', static_cast<size_t>(got));
    if (newline != nullptr) return from + (static_cast<const char*>(newline) - block) + 1;
    from += got;
  }
  return size;
}

}  // namespace

Result<ChunkedFile> ChunkedFile::Open(const std::string& path, size_t chunk_bytes) {
  ChunkedFile file;
  file.path_ = path;
  file.descriptor_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file.descriptor_ < 0) {
    return IoError(std::string("cannot open: ") + std::strerror(errno), path);
  }
  struct stat status {};
  if (::fstat(file.descriptor_, &status) != 0 || !S_ISREG(status.st_mode)) {
    return IoError("not a regular file", path);
  }
  file.size_ = status.st_size;
  ::posix_fadvise(file.descriptor_, 0, 0, POSIX_FADV_SEQUENTIAL);
  const int64_t body = NextLineStart(file.descriptor_, 0, file.size_);
  file.header_.resize(static_cast<size_t>(body));
  if (ReadAt(file.descriptor_, file.header_.data(), body, 0) != body) {
    return IoError(std::string("cannot read: ") + std::strerror(errno), path);
  }
  file.header_complete_ = !file.header_.empty() && file.header_.back() == '\n';
  if (file.header_complete_) file.header_.pop_back();
  if (!file.header_.empty() && file.header_.back() == '\r') file.header_.pop_back();
  file.bounds_.push_back(body);
  int64_t begin = body;
  while (begin < file.size_) {
    const int64_t target = begin + static_cast<int64_t>(chunk_bytes);
    const int64_t end =
        target >= file.size_ ? file.size_ : NextLineStart(file.descriptor_, target - 1, file.size_);
    file.bounds_.push_back(end);
    begin = end;
  }
  return file;
}

ChunkedFile::ChunkedFile(ChunkedFile&& other) noexcept { *this = std::move(other); }

ChunkedFile& ChunkedFile::operator=(ChunkedFile&& other) noexcept {
  std::swap(descriptor_, other.descriptor_);
  std::swap(path_, other.path_);
  std::swap(size_, other.size_);
  std::swap(header_, other.header_);
  std::swap(header_complete_, other.header_complete_);
  std::swap(bounds_, other.bounds_);
  return *this;
}

ChunkedFile::~ChunkedFile() {
  if (descriptor_ >= 0) ::close(descriptor_);
}

Result<std::string_view> ChunkedFile::Read(size_t index, std::string& buffer) const {
  const int64_t begin = bounds_[index];
  const int64_t size = bounds_[index + 1] - begin;
  if (buffer.size() < static_cast<size_t>(size)) buffer.resize(static_cast<size_t>(size));
  const int64_t got = ReadAt(descriptor_, buffer.data(), size, begin);
  if (got < 0) return IoError(std::string("cannot read: ") + std::strerror(errno), path_);
  // A file cut shorter while read: what was read is parsed, a cut line reported.
  return std::string_view(buffer.data(), static_cast<size_t>(got));
}

}  // namespace cx::kpi
