#include "core/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cx {
namespace {

// The length of the valid sequence at `data[0]`, or 0 when it is invalid.
// Table 3-7 of The Unicode Standard ("Well-Formed UTF-8 Byte Sequences")
// gives the allowed range of the second byte for each lead byte.
size_t SequenceLength(const unsigned char* data, size_t available) {
  const unsigned char lead = data[0];
  size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // below: overlong
    if (lead == 0xED) second_max = 0x9F;  // above: surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // below: overlong
    if (lead == 0xF4) second_max = 0x8F;  // above: beyond U+10FFFF
  } else {
    return 0;  // a continuation byte, C0/C1 (overlong) or F5-FF
  }
  if (available < length) return 0;
  if (data[1] < second_min || data[1] > second_max) return 0;
  for (size_t index = 2; index < length; ++index) {
    if ((data[index] & 0xC0) != 0x80) return 0;
  }
  return length;
}

// The code point of the valid sequence of `length` bytes at `data`.
char32_t CodePointOf(const unsigned char* data, size_t length) {
  if (length == 1) return data[0];
  char32_t point = data[0] & (0x7F >> length);
  for (size_t index = 1; index < length; ++index) point = (point << 6) | (data[index] & 0x3F);
  return point;
}

// The length of the sequence at `data[0]`: 1 for ASCII, 0 when invalid.
size_t LengthAt(const unsigned char* data, size_t available) {
  return data[0] < 0x80 ? 1 : SequenceLength(data, available);
}

}  // namespace

std::optional<std::u32string> DecodeUtf8(std::string_view text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  std::u32string points;
  points.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = LengthAt(data + pos, text.size() - pos);
    if (length == 0) return std::nullopt;
    points.push_back(CodePointOf(data + pos, length));
    pos += length;
  }
  return points;
}

std::string EscapeForLog(std::string_view text, size_t limit) {
  static const char kHex[] = "0123456789abcdef";
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t end = std::min(text.size(), limit);
  std::string out;
  for (size_t pos = 0; pos < end;) {
    const unsigned char byte = data[pos];
    const size_t length = LengthAt(data + pos, end - pos);
    const char32_t point = length == 0 ? 0 : CodePointOf(data + pos, length);
    const bool escaped_point =
        (point >= 0x80 && point < 0xA0) || point == 0x2028 || point == 0x2029;
    if (byte >= 0x20 && byte < 0x7F && byte != '\\') {
      out += static_cast<char>(byte);
    } else if (length > 1 && !escaped_point) {
      out.append(text.substr(pos, length));
      pos += length;
      continue;
    } else if (byte == '\\') {
      out += "\\\\";
    } else if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte == '\t') {
      out += "\\t";
    } else {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
    ++pos;
  }
  if (text.size() > limit) out += "...";
  return out;
}

// Why not a library: Debian 12 has no simdutf, and ICU's converters report
// errors by a substitution, not an offset; the eight-byte ASCII step below
// keeps a 4 MB chunk of a KPI log (nearly all ASCII) to a fraction of a
// millisecond.
size_t FindInvalidUtf8(std::string_view text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t pos = 0;
  while (pos < size) {
    if (pos + 8 <= size) {
      uint64_t block = 0;
      std::memcpy(&block, data + pos, 8);
      if ((block & 0x8080808080808080ULL) == 0) {
        pos += 8;
        continue;
      }
    }
    if (data[pos] < 0x80) {
      ++pos;
      continue;
    }
    const size_t length = SequenceLength(data + pos, size - pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

TextPosition PositionOf(std::string_view text, size_t offset) {
  TextPosition position;
  size_t line_start = 0;
  for (size_t index = 0; index < offset && index < text.size(); ++index) {
    if (text[index] == '\n') {
      ++position.line;
      line_start = index + 1;
    }
  }
  for (size_t index = line_start; index < offset && index < text.size(); ++index) {
    if ((static_cast<unsigned char>(text[index]) & 0xC0) != 0x80) ++position.column;
  }
  return position;
}

std::string InvalidUtf8Message(unsigned char byte) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string hex = "0x";
  hex += kHex[byte >> 4];
  hex += kHex[byte & 0xF];
  return "not valid UTF-8 (byte " + hex +
         "); save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)";
}

bool IsInvalidUtf8(const Error& error) {
  return error.code == ErrorCode::kInvalidInput && error.message.starts_with("not valid UTF-8");
}

Status CheckUtf8(std::string_view text, const std::string& file_name, int64_t first_line) {
  const size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return Ok();
  const TextPosition position = PositionOf(text, bad);
  return InvalidInput(InvalidUtf8Message(static_cast<unsigned char>(text[bad])),
                      file_name + ":" + std::to_string(position.line + first_line - 1) + ":" +
                          std::to_string(position.column));
}

}  // namespace cx
