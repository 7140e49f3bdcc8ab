#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>

#include "core/file_commit.h"
#include "export/writers.h"

namespace cx::exporting {
namespace {

// Excel sheet names: at most 31 characters, none of []:*?/\ .
std::string SheetName(const std::string& title, size_t index) {
  std::string name;
  for (char c : title) name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : ' ';
  if (name.empty()) name = "Sheet" + std::to_string(index + 1);
  // Cut on a UTF-8 character boundary.
  if (name.size() > 31) {
    size_t cut = 31;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name;
}

}  // namespace

Status WriteXlsx(const std::vector<ExportTable>& sheets, const std::string& path) {
  const std::string temporary = TemporaryPathFor(path);
  lxw_workbook* workbook = workbook_new(temporary.c_str());
  if (!workbook) return IoError("cannot create the workbook", path);
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_bg_color(header, 0xDDE6F0);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);

  for (size_t sheet_index = 0; sheet_index < sheets.size(); ++sheet_index) {
    const ExportTable& table = sheets[sheet_index];
    lxw_worksheet* sheet =
        workbook_add_worksheet(workbook, SheetName(table.title, sheet_index).c_str());
    for (size_t col = 0; col < table.columns.size(); ++col) {
      const Column& column = table.columns[col];
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(col), column.label.c_str(), header);
      // Answer columns are narrow; texts and labels wider.
      const double width =
          column.kind == ColumnKind::kText || !column.value_labels.empty() ? 24 : 12;
      worksheet_set_column(sheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width,
                           nullptr);
    }
    worksheet_set_row(sheet, 0, 45, nullptr);
    for (size_t row_index = 0; row_index < table.rows.size(); ++row_index) {
      const auto row = static_cast<lxw_row_t>(row_index + 1);
      const auto& cells = table.rows[row_index];
      for (size_t col = 0; col < cells.size(); ++col) {
        const auto column = static_cast<lxw_col_t>(col);
        if (const double* number = std::get_if<double>(&cells[col])) {
          // Coded answers show their label ("Ja", "Ikke relevant"), as people read them.
          auto label = table.columns[col].value_labels.find(*number);
          if (label != table.columns[col].value_labels.end()) {
            worksheet_write_string(sheet, row, column, label->second.c_str(), nullptr);
          } else {
            worksheet_write_number(sheet, row, column, *number, nullptr);
          }
        } else if (const std::string* text = std::get_if<std::string>(&cells[col])) {
          worksheet_write_string(sheet, row, column, text->c_str(), nullptr);
        }
      }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (!table.columns.empty()) {
      worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                           static_cast<lxw_col_t>(table.columns.size() - 1));
    }
  }
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    return DiscardFile(
        temporary, IoError(std::string("cannot write the workbook: ") + lxw_strerror(error), path));
  }
  return CommitFile(temporary, path);
}

}  // namespace cx::exporting
