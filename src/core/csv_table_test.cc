#include "core/csv_table.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace cx {
namespace {

Result<std::vector<CsvRow>> Read(const std::string& text, const std::vector<CsvColumn>& columns) {
  std::istringstream in(text);
  return ReadCsvWithHeader(in, "t.csv", columns);
}

TEST(ReadCsvWithHeader, CellsInTheOrderAskedWithLineNumbers) {
  // Header columns in another order than asked, an extra column, a blank line.
  auto rows = Read("customer,extra,agent\r\nu1,x,ann\r\n\r\n\"u,2\",y,bob\r\n",
                   {{"agent", true}, {"customer", true}});
  ASSERT_TRUE(rows.ok()) << rows.error().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[0].cells, (std::vector<std::string>{"ann", "u1"}));
  EXPECT_EQ((*rows)[1].line, 4);  // line 3 is blank
  EXPECT_EQ((*rows)[1].cells, (std::vector<std::string>{"bob", "u,2"}));
}

TEST(ReadCsvWithHeader, OptionalColumnMissingGivesEmptyCells) {
  auto rows =
      Read("agent,nps\nann,9\n", {{"agent", true}, {"nps", false}, {"satisfaction", false}});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].cells, (std::vector<std::string>{"ann", "9", ""}));
}

TEST(ReadCsvWithHeader, RequiredColumnMissingNamesTheHeader) {
  auto rows = Read("agent,customer\nann,u1\n", {{"agent", true}, {"handled_at", true}});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(rows.error().ToString(), "t.csv:1: no column 'handled_at' in the header");
}

TEST(ReadCsvWithHeader, EmptyInputWantsAHeader) {
  auto rows = Read("", {{"agent", true}});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().ToString(), "t.csv: the file is empty; expected a header line");
}

TEST(ReadCsvWithHeader, ShortRowNamesItsLineAndTheFieldsWanted) {
  // "customer" is the third column: a row of two fields cannot hold it.
  auto rows = Read("agent,x,customer\nann,1,u1\nbob,2\n", {{"agent", true}, {"customer", true}});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().ToString(), "t.csv:3: expected 3 or more fields, found 2");
}

TEST(ReadCsvWithHeader, RecordErrorsCarryTheFileName) {
  auto unterminated = Read("agent\n\"open\n", {{"agent", true}});
  ASSERT_FALSE(unterminated.ok());
  // ReadCsvRecord names an unterminated quote's line as "line N".
  EXPECT_EQ(unterminated.error().where, "t.csv:line 2");
  auto latin1 = Read("agent\nK\xE5re\n", {{"agent", true}});
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.error().where, "t.csv:2:2");
}

TEST(ReadCsvFileWithHeader, MissingFileIsAnIoError) {
  auto rows = ReadCsvFileWithHeader("/nonexistent/cxbench/none.csv", {{"agent", true}});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::kIo);
  EXPECT_EQ(rows.error().where, "/nonexistent/cxbench/none.csv");
}

TEST(ReadCsvFileWithHeader, ReadsAFile) {
  const std::string path = ::testing::TempDir() + "/csv_table_test.csv";
  std::ofstream(path) << "customer,sampled_on\nu1,2026-01-05\n";
  auto rows = ReadCsvFileWithHeader(path, {{"customer", true}, {"sampled_on", true}});
  std::remove(path.c_str());
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].cells, (std::vector<std::string>{"u1", "2026-01-05"}));
}

}  // namespace
}  // namespace cx
