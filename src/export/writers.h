#pragma once
// File writers for an ExportTable. Each writes to PATH.tmp and renames it
// over PATH only when the whole file is written, so a failure leaves no
// half-written export behind.

#include <string>
#include <vector>

#include "core/result.h"
#include "export/export_table.h"

namespace cx::exporting {

// RFC 4180 CSV in UTF-8: a header of variable names, codes as numbers,
// N/A as its code, nothing for not asked.
Status WriteCsv(const ExportTable& table, const std::string& path);

// An Excel workbook (libxlsxwriter): one sheet per table, readable headers
// (the labels), coded answers shown by their labels, a frozen header row
// and filters.
Status WriteXlsx(const std::vector<ExportTable>& sheets, const std::string& path);

// An SPSS .sav file (ReadStat) with variable labels, value labels and N/A
// declared user-missing, readable in SPSS, R (haven, foreign) and Stata.
Status WriteSav(const ExportTable& table, const std::string& path);

}  // namespace cx::exporting
