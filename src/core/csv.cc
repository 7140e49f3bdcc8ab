#include "core/csv.h"

#include "core/utf8.h"

namespace cx {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace cx

namespace cx {
namespace {

// An error at "LINE:COLUMN" for the first invalid UTF-8 byte of a physical
// line, or Ok.
Status CheckLine(const std::string& text, int line) {
  const size_t bad = FindInvalidUtf8(text);
  if (bad == std::string::npos) return Ok();
  return InvalidInput(InvalidUtf8Message(static_cast<unsigned char>(text[bad])),
                      std::to_string(line) + ":" + std::to_string(PositionOf(text, bad).column));
}

}  // namespace

Result<bool> ReadCsvRecord(std::istream& in, std::vector<std::string>& fields, int& line) {
  fields.clear();
  std::string text;
  if (!std::getline(in, text)) return false;
  ++line;
  const int first_line = line;
  CX_RETURN_IF_ERROR(CheckLine(text, line));
  std::string field;
  bool quoted = false;
  for (size_t index = 0;; ++index) {
    if (index == text.size()) {
      if (!quoted) break;
      // A line break inside quotes belongs to the field.
      std::string next;
      if (!std::getline(in, next)) {
        return InvalidInput(
            "a quoted field opened on line " + std::to_string(first_line) + " never closes",
            "line " + std::to_string(first_line));
      }
      ++line;
      CX_RETURN_IF_ERROR(CheckLine(next, line));
      field += '\n';
      text = next;
      index = static_cast<size_t>(-1);
      continue;
    }
    const char c = text[index];
    if (quoted) {
      if (c == '"' && index + 1 < text.size() && text[index + 1] == '"') {
        field += '"';
        ++index;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else if (c != '\r' || index + 1 != text.size()) {
      field += c;
    }
  }
  fields.push_back(field);
  return true;
}

}  // namespace cx
