#pragma once
// CSV as RFC 4180 writes it.

#include <istream>
#include <string>
#include <vector>

#include "core/result.h"

namespace cx {

// One field, quoted (with inner quotes doubled) when it holds a comma,
// quote, CR or LF; as it is otherwise.
std::string CsvField(const std::string& text);

// Reads one RFC 4180 record (quoted fields may hold commas, quotes and line
// breaks); false at the end of input. `line` counts physical lines read.
// An unterminated quote is an error naming the line it started on; a line
// that is not valid UTF-8 is an error whose `where` is "LINE:COLUMN".
Result<bool> ReadCsvRecord(std::istream& in, std::vector<std::string>& fields, int& line);

}  // namespace cx
