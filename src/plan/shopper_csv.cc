#include "plan/shopper_csv.h"

#include "core/csv.h"
#include "core/utf8.h"
#include "plan/shopper_rows.h"

namespace cx::plan {

Result<std::vector<domain::Shopper>> ReadShoppersCsv(std::istream& in, const std::string& file) {
  std::vector<std::string> fields;
  int line = 0;
  auto header = ReadCsvRecord(in, fields, line);
  if (!header)
    return Error{header.error().code, header.error().message, file + ":" + header.error().where,
                 header.error().said};
  if (!*header) return InvalidInput("empty file: expected a header row", file);
  // Columns are named by their first character: exact for unquoted fields.
  auto cells_of = [&](int at_line) {
    std::vector<PoolCell> cells;
    int column = 1;
    for (const auto& field : fields) {
      cells.push_back({field, file + ":" + std::to_string(at_line) + ":" + std::to_string(column)});
      column += static_cast<int>(PositionOf(field, field.size()).column);  // characters + ','
    }
    return cells;
  };
  ShopperRows rows;
  if (auto set = rows.SetHeader(cells_of(1), file + ":1:1"); !set) return set.error();
  while (true) {
    const int first_line = line + 1;
    auto read = ReadCsvRecord(in, fields, line);
    if (!read)
      return Error{read.error().code, read.error().message, file + ":" + read.error().where,
                   read.error().said};
    if (!*read) break;
    if (fields.size() == 1 && fields[0].find_first_not_of(" \t\r\n\v\f") == std::string::npos)
      continue;  // a blank line
    if (fields.size() != rows.Columns()) {
      return InvalidInput("has " + std::to_string(fields.size()) + " fields; the header has " +
                              std::to_string(rows.Columns()),
                          file + ":" + std::to_string(first_line) + ":1");
    }
    if (auto added = rows.AddRow(cells_of(first_line)); !added) return added.error();
  }
  return rows.Take();
}

}  // namespace cx::plan
