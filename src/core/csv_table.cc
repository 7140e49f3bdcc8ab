#include "core/csv_table.h"

#include <fstream>

#include "core/csv.h"

namespace cx {
namespace {

// An error of ReadCsvRecord, its "LINE[:COLUMN]" prefixed with the file's name.
Error InFile(const Error& error, const std::string& name) {
  return Error{error.code, error.message, name + ":" + error.where, error.said};
}

// The header's index of each wanted column (-1: not there), or an error
// naming the first required column missing.
Result<std::vector<int>> FindColumns(const std::vector<std::string>& header,
                                     const std::string& name,
                                     const std::vector<CsvColumn>& columns) {
  std::vector<int> position(columns.size(), -1);
  for (size_t wanted = 0; wanted < columns.size(); ++wanted) {
    for (size_t index = 0; index < header.size(); ++index) {
      if (header[index] == columns[wanted].name) position[wanted] = static_cast<int>(index);
    }
    if (position[wanted] < 0 && columns[wanted].required) {
      return InvalidInput("no column '" + columns[wanted].name + "' in the header", name + ":1");
    }
  }
  return position;
}

}  // namespace

Result<std::vector<CsvRow>> ReadCsvWithHeader(std::istream& in, const std::string& name,
                                              const std::vector<CsvColumn>& columns) {
  std::vector<std::string> fields;
  int line = 0;
  auto header = ReadCsvRecord(in, fields, line);
  if (!header) return InFile(header.error(), name);
  if (!*header) return InvalidInput("the file is empty; expected a header line", name);
  auto position = FindColumns(fields, name, columns);
  if (!position) return position.error();
  std::vector<CsvRow> rows;
  while (true) {
    auto record = ReadCsvRecord(in, fields, line);
    if (!record) return InFile(record.error(), name);
    if (!*record) break;
    if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
    CsvRow row{line, std::vector<std::string>(columns.size())};
    for (size_t wanted = 0; wanted < columns.size(); ++wanted) {
      const int index = (*position)[wanted];
      if (index < 0) continue;
      if (static_cast<size_t>(index) >= fields.size()) {
        return InvalidInput("expected " + std::to_string(index + 1) + " or more fields, found " +
                                std::to_string(fields.size()),
                            name + ":" + std::to_string(line));
      }
      row.cells[wanted] = fields[static_cast<size_t>(index)];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<CsvRow>> ReadCsvFileWithHeader(const std::string& path,
                                                  const std::vector<CsvColumn>& columns) {
  std::ifstream in(path);
  if (!in) return IoError("cannot open the file", path);
  return ReadCsvWithHeader(in, path, columns);
}

}  // namespace cx
