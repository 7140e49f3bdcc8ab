// cxbench check: lists every row of a database that breaks the schema's rules
// (an unknown channel or status, a number that is not one or out of range, a
// reference to a row that is gone, a JSON column that does not parse).
// A thin shell over store::Store::CheckDatabase.
#include "cli/cmd_check.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "store/store.h"

namespace cx::cli {
namespace {

void Print(const std::vector<store::CorruptRow>& corrupt, Format format) {
  if (format == Format::kJson) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : corrupt) {
      rows.push_back({{"table", row.table},
                      {"row", row.row},
                      {"field", row.field},
                      {"expected", row.expected}});
    }
    std::cout << nlohmann::json{{"corrupt_rows", rows}}.dump(2) << "\n";
    return;
  }
  Table table{{"table", "row", "field", "expected"}, {}, {}};
  for (const auto& row : corrupt)
    table.rows.push_back({row.table, row.row, row.field, row.expected});
  if (format == Format::kCsv) {
    PrintCsv(std::cout, table);
  } else if (corrupt.empty()) {
    std::cout << "no corrupt rows\n";
  } else {
    PrintTable(std::cout, table);
    std::cout << corrupt.size() << " fault(s) in corrupt rows\n";
  }
}

}  // namespace

int RunCheck(const DatabaseCheckArgs& args) {
  auto store = store::OpenSqlite(args.db);
  if (!store) return ReportError(store.error());
  auto corrupt = (*store)->CheckDatabase();
  if (!corrupt) return ReportError(corrupt.error());
  Print(*corrupt, args.format);
  return corrupt->empty() ? kExitOk : kExitFailure;
}

}  // namespace cx::cli
