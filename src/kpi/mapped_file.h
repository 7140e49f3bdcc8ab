#pragma once
// A file mapped read-only into memory: the parsers read it in place, so no
// line is copied and memory does not grow with the file (the pages are the
// page cache's).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cx::kpi {

class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Tells the kernel that the pages wholly inside [begin, end) of a mapping
// are not needed any more: they leave this process's resident memory (they
// stay in the page cache; reading them again faults them back unchanged).
void DropPages(const char* begin, const char* end);

}  // namespace cx::kpi
