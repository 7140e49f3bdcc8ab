#include "core/csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cx {
namespace {

TEST(ReadCsvRecord, QuotesCommasLineBreaksAndCrLf) {
  std::istringstream in("agent,customer\r\n\"Ås, Kari\",\"say \"\"hei\"\"\"\nx,\"two\nlines\"\n");
  std::vector<std::string> fields;
  int line = 0;
  ASSERT_TRUE(*ReadCsvRecord(in, fields, line));
  EXPECT_EQ(fields, (std::vector<std::string>{"agent", "customer"}));
  ASSERT_TRUE(*ReadCsvRecord(in, fields, line));
  EXPECT_EQ(fields, (std::vector<std::string>{"Ås, Kari", "say \"hei\""}));
  ASSERT_TRUE(*ReadCsvRecord(in, fields, line));
  EXPECT_EQ(fields, (std::vector<std::string>{"x", "two\nlines"}));
  EXPECT_EQ(line, 4);
  EXPECT_FALSE(*ReadCsvRecord(in, fields, line));
}

TEST(ReadCsvRecord, UnclosedQuoteNamesItsLine) {
  std::istringstream in("a,b\n\"open,\nnever closed\n");
  std::vector<std::string> fields;
  int line = 0;
  ASSERT_TRUE(*ReadCsvRecord(in, fields, line));
  auto record = ReadCsvRecord(in, fields, line);
  ASSERT_FALSE(record.ok());
  EXPECT_EQ(record.error().message, "a quoted field opened on line 2 never closes");
}

TEST(ReadCsvRecord, InvalidUtf8NamesLineAndColumn) {
  // Latin-1 "Kåre" (0xE5) on line 2, and on the second line of a quoted field.
  for (const auto& [text, where] :
       {std::pair{std::string("id,name\nx,K\xE5re\n"), "2:4"},
        std::pair{std::string("id,name\nx,\"first\nK\xE5re\"\n"), "3:2"}}) {
    std::istringstream in(text);
    std::vector<std::string> fields;
    int line = 0;
    ASSERT_TRUE(*ReadCsvRecord(in, fields, line));
    auto record = ReadCsvRecord(in, fields, line);
    ASSERT_FALSE(record.ok());
    EXPECT_EQ(record.error().where, where);
    EXPECT_EQ(record.error().message,
              "not valid UTF-8 (byte 0xE5); save the file as UTF-8 (e.g. iconv -f latin1 -t "
              "utf-8)");
  }
}

}  // namespace
}  // namespace cx
