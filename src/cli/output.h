#pragma once
// How commands print data: --format table|json|csv, the same for every command.

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.h"

namespace cx::cli {

enum class Format { kTable, kJson, kCsv };

// A table of text cells: printed aligned for people, or as RFC 4180 CSV.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Columns (by index) to right-align in the table format: numbers.
  std::vector<bool> right_align;
};

void PrintTable(std::ostream& out, const Table& table);
void PrintCsv(std::ostream& out, const Table& table);

// `--out -`: every command that writes one file writes it to standard
// output when the file is named "-".
inline bool IsStdout(const std::string& path) { return path == "-"; }

// Calls `write(path)`; for "-", `write` gets a file in a private temporary
// folder (the libraries write xlsx, sav and PDF to a path), whose bytes are
// then copied to standard output and which is removed. A failure to write
// standard output is kIo.
Status WriteFileOrStdout(const std::string& path,
                         const std::function<Status(const std::string& path)>& write);

// Where a command's note "wrote ... to FILE" goes: standard error when the
// data itself goes to standard output, else standard output.
std::ostream& NoteStream(const std::string& path);

// Exit codes, as documented in `cxbench --help` and docs/cli.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

}  // namespace cx::cli
