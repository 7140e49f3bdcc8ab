#include <cmath>
#include <cstdio>
#include <fstream>

#include "export/writers.h"

namespace cx::exporting {

namespace {
std::string Quote(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

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
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write the file", path);
    for (size_t col = 0; col < table.columns.size(); ++col)
      out << (col ? "," : "") << Quote(table.columns[col].name);
    out << "\r\n";
    for (const auto& row : table.rows) {
      for (size_t col = 0; col < row.size(); ++col) {
        if (col) out << ',';
        if (const double* number = std::get_if<double>(&row[col])) out << FormatNumber(*number);
        if (const std::string* text = std::get_if<std::string>(&row[col])) out << Quote(*text);
      }
      out << "\r\n";
    }
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      return IoError("cannot write the file (disk full?)", path);
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return IoError("cannot move the finished file into place", path);
  }
  return Ok();
}

}  // namespace cx::exporting
