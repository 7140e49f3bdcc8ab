#pragma once
// The shopper pool from the first worksheet of an Excel workbook (.xlsx), for
// cxbench shoppers import: the columns and rules of shopper_csv.h.

#include <string>
#include <vector>

#include "core/result.h"
#include "domain/fieldwork.h"

namespace cx::plan {

// The first row with a value is the header, naming the columns as in
// ReadShoppersCsv (any order, case-insensitive); each later row with a value
// is a shopper. Cells may be text (shared or inline strings) or numbers; a
// whole number reads as its digits (id 17, max_per_week 3). In away_dates a
// number is an Excel date serial, converted in the workbook's date system
// (1900, where serial 46055 is 2026-02-02; or 1904), and text holds dates and
// ranges as in the CSV. Errors name the file and the cell, e.g.
// "pool.xlsx: Sheet1!C4: gender 'x' is not female or male", and stop at the
// first fault.
Result<std::vector<domain::Shopper>> ReadShoppersXlsx(const std::string& path);

}  // namespace cx::plan
