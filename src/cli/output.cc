#include "cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "core/csv.h"

namespace cx::cli {

namespace {
// Display width of UTF-8 text: counts code points, not bytes, so "Tønsberg" aligns.
size_t Width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}
}  // namespace

void PrintTable(std::ostream& out, const Table& table) {
  std::vector<size_t> widths(table.header.size(), 0);
  for (size_t col = 0; col < table.header.size(); ++col) widths[col] = Width(table.header[col]);
  for (const auto& row : table.rows) {
    for (size_t col = 0; col < row.size() && col < widths.size(); ++col) {
      widths[col] = std::max(widths[col], Width(row[col]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t col = 0; col < widths.size(); ++col) {
      const std::string cell = col < row.size() ? row[col] : "";
      const std::string pad(widths[col] - Width(cell), ' ');
      const bool right = col < table.right_align.size() && table.right_align[col];
      if (col > 0) line += "  ";
      line += right ? pad + cell : cell + pad;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row(table.header);
  std::vector<std::string> rule;
  for (size_t width : widths) rule.push_back(std::string(width, '-'));
  print_row(rule);
  for (const auto& row : table.rows) print_row(row);
}

void PrintCsv(std::ostream& out, const Table& table) {
  auto print_row = [&](const std::vector<std::string>& row) {
    for (size_t col = 0; col < row.size(); ++col) {
      if (col > 0) out << ',';
      out << CsvField(row[col]);
    }
    out << "\r\n";
  };
  print_row(table.header);
  for (const auto& row : table.rows) print_row(row);
}

Status WriteFileOrStdout(const std::string& path,
                         const std::function<Status(const std::string& path)>& write) {
  if (!IsStdout(path)) return write(path);
  const char* tmpdir = std::getenv("TMPDIR");
  std::string pattern = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/cxbench-out-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return IoError("cannot make a temporary folder for standard output", pattern);
  }
  const std::filesystem::path folder(pattern);
  const std::string file = (folder / "out").string();
  Status written = write(file);
  if (written) {
    std::ifstream in(file, std::ios::binary);
    // (Inserting an empty stream buffer would set failbit on std::cout.)
    if (in && in.peek() != std::char_traits<char>::eof()) std::cout << in.rdbuf();
    std::cout.flush();
    if (!in || !std::cout) written = IoError("cannot write the file", "standard output");
  }
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);
  return written;
}

std::ostream& NoteStream(const std::string& path) { return IsStdout(path) ? std::cerr : std::cout; }

}  // namespace cx::cli
