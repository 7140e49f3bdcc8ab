// .xlsx bytes as `cxbench shoppers import pool.xlsx` reads them: the first
// sheet (src/core/xlsx_reader), then the shopper rules (src/plan/shopper_xlsx).
//
// An input that starts with "PK" is the archive itself (the ZIP layer is
// fuzzed). Any other input is a list of parts,
//   === xl/workbook.xml
//   <workbook ...>...
//   === xl/worksheets/sheet1.xml
//   ...
// that is zipped here (stored, with correct CRCs) before it is read: so the
// fuzzer mutates the XML itself, which inside a real archive every CRC and
// deflate stream would hide from it. The seeds (fuzz/corpus/xlsx_reader_fuzz)
// are of both kinds.
// Properties: no crash, leak or timeout (issue 12: quadratic in the sheet's
// XML); an error names the file; rows and cells are numbered from 1 and
// ascending, as xlsx_reader.h promises.
#include <zip.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/xlsx_reader.h"
#include "fuzz/fuzz_support.h"
#include "plan/shopper_xlsx.h"

namespace {

// "=== name\ncontent\n=== name\ncontent": the parts, in order.
std::vector<std::pair<std::string, std::string>> SplitParts(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> parts;
  const std::string marker = "=== ";
  size_t position = text.rfind(marker, 0) == 0 ? 0 : text.find("\n" + marker);
  if (position == std::string::npos) return parts;
  if (position > 0) ++position;  // past the '\n'
  while (position < text.size()) {
    const size_t name_start = position + marker.size();
    size_t name_end = text.find('\n', name_start);
    if (name_end == std::string::npos) name_end = text.size();
    size_t next = text.find("\n" + marker, name_end);
    const size_t content_start = std::min(name_end + 1, text.size());
    const size_t content_end = next == std::string::npos ? text.size() : next;
    parts.emplace_back(
        text.substr(name_start, name_end - name_start),
        text.substr(content_start, content_end - std::min(content_start, content_end)));
    if (next == std::string::npos) break;
    position = next + 1;
  }
  return parts;
}

// Zips `parts` (stored) to `path`; false when libzip refuses a name.
bool WriteArchive(const std::string& path,
                  const std::vector<std::pair<std::string, std::string>>& parts) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == nullptr) cx::fuzz::Fail("libzip cannot create the archive", path);
  bool ok = true;
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      ok = false;
      break;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (!ok) {
    zip_discard(archive);
    return false;
  }
  return zip_close(archive) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path;
  if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
    path = cx::fuzz::WriteTemp(data, size, "book.xlsx");
  } else {
    const auto parts = SplitParts(std::string(reinterpret_cast<const char*>(data), size));
    if (parts.empty()) return 0;
    path = cx::fuzz::WriteTemp(nullptr, 0, "book.xlsx");
    if (!WriteArchive(path, parts)) return 0;
  }
  auto sheet = cx::xlsx::ReadFirstSheet(path);
  if (!sheet) {
    if (sheet.error().ToString().find(path) == std::string::npos) {
      cx::fuzz::Fail("an error that does not name the file", sheet.error().ToString());
    }
    return 0;
  }
  int previous_row = 0;
  for (const auto& row : sheet->rows) {
    if (row.number < 1 || row.number < previous_row) cx::fuzz::Fail("rows out of order");
    previous_row = row.number;
    int previous_column = 0;
    for (const auto& cell : row.cells) {
      if (cell.column < 1 || cell.column < previous_column) cx::fuzz::Fail("cells out of order");
      previous_column = cell.column;
    }
  }
  // The same file through the shopper rules, as the import reads it.
  (void)cx::plan::ReadShoppersXlsx(path);
  return 0;
}
