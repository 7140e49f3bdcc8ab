#include "plan/shopper_xlsx.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/xlsx_reader.h"
#include "plan/model.h"
#include "plan/shopper_rows.h"

namespace cx::plan {
namespace {

// A number cell as text: whole numbers as their digits ("3", not "3.0"),
// others as the sheet writes them.
std::string NumberText(const std::string& text) {
  const double number = std::strtod(text.c_str(), nullptr);
  if (std::floor(number) != number || std::fabs(number) >= 1e15) return text;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f", number);
  return buffer;
}

}  // namespace

Result<std::vector<domain::Shopper>> ReadShoppersXlsx(const std::string& path) {
  auto sheet = xlsx::ReadFirstSheet(path);
  if (!sheet) return sheet.error();
  auto where = [&](int column, int row) {
    return path + ": " + xlsx::CellReference(sheet->name, column, row);
  };
  auto text_of = [&](const xlsx::Cell& cell, int row, bool date) -> Result<std::string> {
    switch (cell.kind) {
      case xlsx::CellKind::kText:
      case xlsx::CellKind::kBoolean:
        return cell.text;
      case xlsx::CellKind::kError:
        return InvalidInput("the cell holds the error " + cell.text + "; expected a value",
                            where(cell.column, row));
      case xlsx::CellKind::kNumber:
        break;
    }
    if (!date) return NumberText(cell.text);
    const auto day = xlsx::SerialToDate(std::strtod(cell.text.c_str(), nullptr), sheet->date1904);
    if (!day) {
      return InvalidInput("the number " + cell.text +
                              " is not a date; expected a date cell or the text " +
                              "YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD" +
                              (sheet->date1904 || NumberText(cell.text) != "60"
                                   ? std::string()
                                   : " (Excel's day 60 is 29 February 1900, which never was)"),
                          where(cell.column, row));
    }
    return Date{*day}.ToString();
  };
  if (sheet->rows.empty())
    return InvalidInput("the sheet is empty: expected a header row",
                        path + ": " + xlsx::CellReference(sheet->name, 1, 1));

  // The header: its cells with text name the columns.
  const xlsx::Row& header = sheet->rows.front();
  std::vector<PoolCell> names;
  std::map<int, size_t> index_of_column;  // sheet column -> header index
  std::vector<int> column_of_index;
  for (const auto& cell : header.cells) {
    auto text = text_of(cell, header.number, false);
    if (!text) return text.error();
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) continue;
    index_of_column[cell.column] = names.size();
    column_of_index.push_back(cell.column);
    names.push_back({*text, where(cell.column, header.number)});
  }
  ShopperRows rows;
  const int first_column = header.cells.empty() ? 1 : header.cells.front().column;
  if (auto set = rows.SetHeader(names, where(first_column, header.number)); !set)
    return set.error();
  const int away = rows.IndexOf("away_dates");

  for (size_t row_index = 1; row_index < sheet->rows.size(); ++row_index) {
    const xlsx::Row& row = sheet->rows[row_index];
    std::vector<PoolCell> cells;
    for (int column : column_of_index) cells.push_back({"", where(column, row.number)});
    bool any = false;
    for (const auto& cell : row.cells) {
      auto index = index_of_column.find(cell.column);
      const bool date = index != index_of_column.end() && static_cast<int>(index->second) == away;
      auto text = text_of(cell, row.number, date);
      if (!text) return text.error();
      if (text->find_first_not_of(" \t\r\n") == std::string::npos) continue;
      if (index == index_of_column.end()) {
        return InvalidInput("a value in a column the header (row " + std::to_string(header.number) +
                                ") does not name",
                            where(cell.column, row.number));
      }
      cells[index->second].text = *text;
      any = true;
    }
    if (!any) continue;  // a row of empty cells
    if (auto added = rows.AddRow(cells); !added) return added.error();
  }
  return rows.Take();
}

}  // namespace cx::plan
