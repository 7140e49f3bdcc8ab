#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/csv.h"
#include "core/file_commit.h"
#include "export/writers.h"

namespace cx::exporting {

namespace {
// Shortest text that reads back as the same double (integers without ".0").
std::string FormatNumber(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}
}  // namespace

Status WriteCsv(const ExportTable& table, const std::string& path) {
  const std::string temporary = TemporaryPathFor(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write the file", path);
    for (size_t col = 0; col < table.columns.size(); ++col)
      out << (col ? "," : "") << CsvField(table.columns[col].name);
    out << "\r\n";
    for (const auto& row : table.rows) {
      for (size_t col = 0; col < row.size(); ++col) {
        if (col) out << ',';
        if (const double* number = std::get_if<double>(&row[col])) out << FormatNumber(*number);
        if (const std::string* text = std::get_if<std::string>(&row[col])) out << CsvField(*text);
      }
      out << "\r\n";
    }
    out.flush();
    if (!out) return DiscardFile(temporary, IoError("cannot write the file (disk full?)", path));
  }
  return CommitFile(temporary, path);
}

}  // namespace cx::exporting
