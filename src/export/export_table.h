#pragma once
// One row per contact with every answer, timestamp, score and label, as a
// typed table that the CSV, XLSX and SPSS writers share. Built from the
// domain model only; the writers know their file formats, not the domain.

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::exporting {

enum class ColumnKind { kNumber, kText };

struct Column {
  std::string name;   // a valid SPSS/Stata/R variable name: letter first, [A-Za-z0-9_], <= 64 bytes
  std::string label;  // what an analyst reads: the question text
  ColumnKind kind = ColumnKind::kNumber;
  std::map<double, std::string> value_labels;  // code -> label (yes/no, choice options, N/A)
  std::optional<double> missing_code;          // a user-missing code (N/A), SPSS style
};

// A cell: nothing (not asked, system-missing), a number, or a text.
using Cell = std::variant<std::monostate, double, std::string>;

struct ExportTable {
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

// Scores of one contact from the results engine: total (0..100; 0 when
// unanswered) and per area. Optional in an export.
struct ContactScore {
  std::optional<double> total;
  std::map<std::string, double> areas;
};

// The code that marks "not applicable" in numeric answer columns, declared
// user-missing so it never enters a mean.
inline constexpr double kNotApplicableCode = -1;

// One row per contact, ordered by contact id. Labels in `language` (falling
// back to the study's first language). `scores` may be empty.
ExportTable BuildContactTable(const domain::Study& study,
                              const std::vector<domain::Contact>& contacts,
                              const std::map<std::string, ContactScore>& scores,
                              const std::string& language);

// The codebook: one row per question (id, area, type, label, points, channels, values).
ExportTable BuildCodebook(const domain::Study& study, const std::string& language);

// One row per participant: id, name, company, industry, size, and the channel audit.
ExportTable BuildParticipantTable(const domain::Study& study, const std::string& language);

// A variable name SPSS, Stata and R all accept, made from `id`.
std::string VariableName(const std::string& id);

}  // namespace cx::exporting
