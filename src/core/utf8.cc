#include "core/utf8.h"

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

}  // namespace

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
