#pragma once
// A file read in chunks that end at line ends, each by pread into the
// reader's own buffer: the contact CSV's threads read this way instead of
// through a shared mapping. Measured on the bench file (2 threads): dropping
// read pages from a mapping (to keep memory flat) cost 10 % of the run in
// TLB shootdowns between the threads; the copy costs less than that.
//
// Thread-safety: Read() may be called from several threads at once.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cx::kpi {

class ChunkedFile {
 public:
  // The first line is the header; the rest is cut into chunks of about
  // `chunk_bytes`, each ending after a '\n' (the last where the file does).
  static Result<ChunkedFile> Open(const std::string& path, size_t chunk_bytes);
  ChunkedFile(ChunkedFile&& other) noexcept;
  ChunkedFile& operator=(ChunkedFile&& other) noexcept;
  ChunkedFile(const ChunkedFile&) = delete;
  ChunkedFile& operator=(const ChunkedFile&) = delete;
  ~ChunkedFile();

  // The first line, without its line end; empty for an empty file.
  const std::string& header() const { return header_; }
  bool header_complete() const { return header_complete_; }  // it ended with '\n'
  size_t chunks() const { return bounds_.empty() ? 0 : bounds_.size() - 1; }
  int64_t size() const { return size_; }
  // Reads chunk `index` into `buffer`; the view is valid until `buffer` changes.
  Result<std::string_view> Read(size_t index, std::string& buffer) const;

 private:
  ChunkedFile() = default;
  int descriptor_ = -1;
  std::string path_;
  int64_t size_ = 0;
  std::string header_;
  bool header_complete_ = false;
  std::vector<int64_t> bounds_;  // chunk i is [bounds_[i], bounds_[i + 1])
};

}  // namespace cx::kpi
