#pragma once
// A CSV file with a header line (RFC 4180, core/csv.h), read by column name:
// the call-back command's contact lists, histories and answers.

#include <istream>
#include <string>
#include <vector>

#include "core/result.h"

namespace cx {

// A column wanted by name; a required one missing from the header is an error.
struct CsvColumn {
  std::string name;
  bool required = true;
};

// One data row: its physical line number (the last line of a record that
// spans several, as the short-row error names it) and its cells in the order of the wanted columns
// (empty for an optional column the header lacks).
struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

// Reads the header, then every record; blank lines are skipped. Errors
// (kInvalidInput) name `name:LINE` (`name:LINE:COLUMN` for invalid UTF-8):
// an empty input, a required column missing, a row too short to hold a
// wanted column, an unterminated quote. When a name appears twice in the
// header, the last such column is read.
Result<std::vector<CsvRow>> ReadCsvWithHeader(std::istream& in, const std::string& name,
                                              const std::vector<CsvColumn>& columns);

// The same for the file at `path` (kIo when it cannot be opened).
Result<std::vector<CsvRow>> ReadCsvFileWithHeader(const std::string& path,
                                                  const std::vector<CsvColumn>& columns);

}  // namespace cx
