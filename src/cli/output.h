#pragma once
// How commands print data: --format table|json|csv, the same for every command.

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace cx::cli {

enum class Format { kTable, kJson, kCsv };

// Adds --format table|json|csv to `command`, writing the choice to `format`.
CLI::Option* AddFormatOption(CLI::App* command, Format& format);

// A table of text cells: printed aligned for people, or as RFC 4180 CSV.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Columns (by index) to right-align in the table format: numbers.
  std::vector<bool> right_align;
};

void PrintTable(std::ostream& out, const Table& table);
void PrintCsv(std::ostream& out, const Table& table);

// Exit codes, as documented in `cxbench --help` and docs/cli.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

}  // namespace cx::cli
