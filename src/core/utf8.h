#pragma once
// UTF-8 validation at the edge of every reader of text files: a file in
// another encoding (Latin-1, Windows-1252) is refused with where its first
// bad byte is, instead of being stored and failing later (JSON replies,
// reports).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cx {

// The byte offset of the first byte of the first invalid sequence in `text`,
// or std::string_view::npos when all of it is valid UTF-8 (RFC 3629):
// overlong forms, surrogates (U+D800-U+DFFF), code points above U+10FFFF,
// stray continuation bytes and sequences cut short are all invalid.
size_t FindInvalidUtf8(std::string_view text);

// The code points of `text`, or nullopt when it is not valid UTF-8 (the same
// rule as FindInvalidUtf8).
std::optional<std::u32string> DecodeUtf8(std::string_view text);

// For a log line: printable text as it is, everything else as \xNN (and \n,
// \r, \t, \\; C1 controls and the Unicode line separators escaped too), so
// no client can start a log line of its own or feed a terminal escape codes.
// At most `limit` bytes of `text`, then "...".
std::string EscapeForLog(std::string_view text, size_t limit = 300);

struct TextPosition {
  int64_t line = 1;    // 1-based
  int64_t column = 1;  // 1-based, in characters (bytes that start one)
};

// The line and column of byte `offset` of `text` ("\n" ends a line).
TextPosition PositionOf(std::string_view text, size_t offset);

// An InvalidInput error at "file:line:column" for the first invalid byte
// of `text`, or Ok. `first_line` is the line number `text` starts at.
Status CheckUtf8(std::string_view text, const std::string& file_name, int64_t first_line = 1);

// True iff `error` is one that CheckUtf8 or InvalidUtf8Message made.
bool IsInvalidUtf8(const Error& error);

// The message of that error: "not valid UTF-8 (byte 0xE9); ...".
std::string InvalidUtf8Message(unsigned char byte);

}  // namespace cx
