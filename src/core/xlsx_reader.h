#pragma once
// Reads the cells of the first worksheet of an Office Open XML workbook
// (.xlsx, ECMA-376 Part 1): text (shared or inline strings), numbers,
// booleans and error values, each with its row and column.
//
// Why libzip and expat: Debian 12 packages no C or C++ library that reads
// XLSX (libxlsxwriter only writes, libfreexl 1.0 reads only the old binary
// .xls, xlsxio is not packaged). An .xlsx is a ZIP archive of XML parts, so
// two well-kept Debian libraries read it: libzip (libzip-dev) opens the
// archive, and expat (libexpat1-dev), a streaming XML parser that loads no
// external entities and limits entity expansion, reads the workbook, its
// relationships, the shared strings and the sheet. Parts are read in chunks
// and refused past kMaxPartBytes, and a cell's text past kMaxCellBytes, so a
// ZIP bomb cannot exhaust memory. Reading is linear in a part's size, also
// for one huge token (a comment, a long text): see Reader::Parse.
//
// Thread-safety: the functions keep no state; call them from any thread.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace cx::xlsx {

// The most bytes one XML part may unpack to (the sheet, the shared strings).
constexpr long long kMaxPartBytes = 64LL << 20;
// The most bytes of one cell's text or one shared string: Excel's limit is
// 32,767 characters a cell ("Excel specifications and limits"), each at most
// three bytes of UTF-8 per UTF-16 unit.
constexpr size_t kMaxCellBytes = 3 * 32767;

enum class CellKind { kText, kNumber, kBoolean, kError };

struct Cell {
  int column = 0;  // 1-based: A = 1
  CellKind kind = CellKind::kText;
  // kText: the text; kNumber: the number as the sheet writes it ("46055",
  // "3.5", "1E-3"); kBoolean: "TRUE" or "FALSE"; kError: the error ("#N/A").
  std::string text;
};

struct Row {
  int number = 0;           // 1-based, as in the sheet
  std::vector<Cell> cells;  // ascending by column; cells without a value are left out
};

struct Sheet {
  std::string name;       // the tab's name, e.g. "Sheet1"
  bool date1904 = false;  // the workbook counts date serials from 1904 (old Mac Excel)
  std::vector<Row> rows;  // ascending by number; rows without a value are left out
};

// The first worksheet, in tab order, of the workbook at `path` (chart sheets
// are passed over). Errors name the file, and the part or the cell
// ("Sheet1!C4") where one is at fault.
Result<Sheet> ReadFirstSheet(const std::string& path);

// "C4" for column 3, row 4; columns run A..Z, AA..AZ, ..., XFD.
std::string CellName(int column, int row);
// A cell as Excel names it across sheets: "Sheet1!C4", or "'Shopper pool'!C4"
// when the sheet's name holds more than letters, digits, '_' and '.'.
std::string CellReference(const std::string& sheet, int column, int row);

// The calendar date of an Excel date serial; a fraction (the time of day) is
// dropped. 1900 date system: serial 1 is 1900-01-01, and Excel counts a
// 29 February 1900 that never was (serial 60, kept from Lotus 1-2-3), so
//   date = 1899-12-31 + serial   for 1 <= serial < 60,
//   date = 1899-12-30 + serial   for serial >= 61.
// 1904 date system: date = 1904-01-01 + serial, serial >= 0.
// nullopt for serial 60 (1900 system), before the system's first day, after
// 9999-12-31 (serial 2958465 in the 1900 system), or not a finite number.
std::optional<std::chrono::sys_days> SerialToDate(double serial, bool date1904);

}  // namespace cx::xlsx
