#pragma once
// Reads a study definition from YAML and validates it. Every problem is
// reported, all at once, with the file, line and column it is at.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/study.h"

namespace cx::study {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  std::string message;

  // "FILE:LINE:COLUMN: error: MESSAGE", as compilers print it.
  std::string ToString() const;
};

struct ReadOutcome {
  std::optional<domain::Study> study;  // set iff errors is empty
  std::vector<Diagnostic> errors;      // in file order
};

// Parses and validates `text`; `file_name` is what diagnostics call the file.
ReadOutcome ReadStudyText(std::string_view text, const std::string& file_name);
// Reads the file at `path`; an unreadable file is one diagnostic at 1:1.
ReadOutcome ReadStudyFile(const std::string& path);

}  // namespace cx::study
