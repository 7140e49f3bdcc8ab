#include "cli/output.h"

#include <gtest/gtest.h>

#include <sstream>

#include "core/csv.h"

namespace cx::cli {
namespace {

TEST(CsvField, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hei\""), "\"say \"\"hei\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
}

TEST(PrintTable, AlignsByCharactersNotBytes) {
  Table table{{"name", "score"}, {{"Tønsberg", "9.5"}, {"Bø", "10.0"}}, {false, true}};
  std::ostringstream out;
  PrintTable(out, table);
  // "Tønsberg" is 8 characters (9 bytes): the column is 8 wide.
  EXPECT_EQ(out.str(),
            "name      score\n"
            "--------  -----\n"
            "Tønsberg    9.5\n"
            "Bø         10.0\n");
}

TEST(PrintCsv, UsesCrLfLineEnds) {
  Table table{{"a", "b"}, {{"1", "x,y"}}, {}};
  std::ostringstream out;
  PrintCsv(out, table);
  EXPECT_EQ(out.str(), "a,b\r\n1,\"x,y\"\r\n");
}

}  // namespace
}  // namespace cx::cli
