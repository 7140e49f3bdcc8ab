// The RFC 4180 reader of src/core/csv (ReadCsvRecord), record by record to
// the end, as its callers read. Properties: no crash; line numbers only go
// up and never pass the line breaks in the input plus one; a record written
// back with CsvField reads back as the same fields.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv.h"
#include "fuzz/fuzz_support.h"

namespace {

// Writes `fields` as one record with CsvField and reads it back.
void CheckRoundTrip(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t index = 0; index < fields.size(); ++index) {
    if (index > 0) line += ',';
    line += cx::CsvField(fields[index]);
  }
  line += '\n';
  std::istringstream in(line);
  std::vector<std::string> again;
  int line_number = 0;
  auto read = cx::ReadCsvRecord(in, again, line_number);
  if (!read || !*read || again != fields) cx::fuzz::Fail("CsvField output does not read back");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  long long line_breaks = 0;
  for (char c : text) line_breaks += c == '\n' || c == '\r';
  std::istringstream in(text);
  std::vector<std::string> fields;
  int line = 0;
  int previous = 0;
  for (int records = 0; records <= static_cast<int>(size) + 1; ++records) {
    auto read = cx::ReadCsvRecord(in, fields, line);
    if (!read || !*read) return 0;
    if (line < previous || line > line_breaks + 1) {
      cx::fuzz::Fail("line numbers run backwards or past the input");
    }
    previous = line;
    CheckRoundTrip(fields);
  }
  cx::fuzz::Fail("more records than bytes: the reader does not advance");
}
