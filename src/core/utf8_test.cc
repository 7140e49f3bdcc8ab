#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace cx {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST(FindInvalidUtf8, AcceptsEveryWellFormedLength) {
  EXPECT_EQ(FindInvalidUtf8(""), kValid);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII, longer than eight bytes"), kValid);
  // U+00C5 Å, U+20AC €, U+1F600 (four bytes), U+10FFFF (the last code point).
  EXPECT_EQ(FindInvalidUtf8("\xC3\x85 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"), kValid);
  EXPECT_EQ(FindInvalidUtf8("\xED\x9F\xBF"), kValid);  // U+D7FF, just below the surrogates
}

TEST(FindInvalidUtf8, RefusesEachKindOfBadSequenceAtItsFirstByte) {
  EXPECT_EQ(FindInvalidUtf8("Caf\xE9"), 3u);                  // Latin-1 é
  EXPECT_EQ(FindInvalidUtf8("ab\x80"), 2u);                   // stray continuation
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);                 // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xE0\x80\xAF"), 1u);            // overlong, three bytes
  EXPECT_EQ(FindInvalidUtf8("\xF0\x80\x80\xAF"), 0u);         // overlong, four bytes
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);             // U+D800, a surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);         // U+110000
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);         // lead byte F5
  EXPECT_EQ(FindInvalidUtf8("12345678\xE2\x82"), 8u);         // cut short at the end
  EXPECT_EQ(FindInvalidUtf8("\xC3\x85\xC3(more text)"), 2u);  // second byte not 10xxxxxx
}

TEST(PositionOf, CountsLinesAndCharactersNotBytes) {
  const std::string text = "first\n\xC3\x85s \xE2\x82\xAC\xFF";
  const TextPosition position = PositionOf(text, text.size() - 1);
  EXPECT_EQ(position.line, 2);
  EXPECT_EQ(position.column, 5);  // Å, s, space, € before it
}

TEST(CheckUtf8, NamesFileLineAndColumn) {
  const Status status = CheckUtf8("id: a\nname: Caf\xE9\n", "study.yaml");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(status.error().where, "study.yaml:2:10");
  EXPECT_EQ(status.error().message,
            "not valid UTF-8 (byte 0xE9); save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)");
  EXPECT_EQ(CheckUtf8("x\n\xFF", "log", 41).error().where, "log:42:1");
  EXPECT_TRUE(CheckUtf8("fine", "f").ok());
}

}  // namespace
}  // namespace cx

namespace cx {
namespace {

TEST(EscapeForLog, NoClientTextCanStartALineOrReachTheTerminal) {
  // A forged log line, a terminal colour code, a Latin-1 byte, a C1 control
  // (U+0085, "next line"), a backslash, and UTF-8 that is kept as it is.
  EXPECT_EQ(EscapeForLog("a\nb\x1b[31m\xFF\xC2\x85\\\xC3\xA5"),
            "a\\nb\\x1b[31m\\xff\\xc2\\x85\\\\\xC3\xA5");
  EXPECT_EQ(EscapeForLog("\r\t"), "\\r\\t");
  EXPECT_EQ(EscapeForLog("abcdef", 3), "abc...");
  // A sequence cut by the limit is escaped byte by byte, never half-printed.
  EXPECT_EQ(EscapeForLog("a\xC3\xA5", 2), "a\\xc3...");
}

TEST(DecodeUtf8, CodePointsOrNothing) {
  EXPECT_EQ(DecodeUtf8("a\xC3\xA5\xE2\x82\xAC\xF0\x9F\x98\x80"),
            std::u32string({U'a', U'\u00E5', U'\u20AC', U'\U0001F600'}));
  EXPECT_FALSE(DecodeUtf8("\xC0\xAF"));
  EXPECT_FALSE(DecodeUtf8("\xED\xA0\x80"));
}

}  // namespace
}  // namespace cx
