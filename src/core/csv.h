#pragma once
// CSV as RFC 4180 writes it.

#include <string>

namespace cx {

// One field, quoted (with inner quotes doubled) when it holds a comma,
// quote, CR or LF; as it is otherwise.
std::string CsvField(const std::string& text);

}  // namespace cx
