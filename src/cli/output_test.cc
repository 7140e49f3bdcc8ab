#include "cli/output.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
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

// Captures what std::cout receives while alive.
class CaptureStdout {
 public:
  CaptureStdout() : old_(std::cout.rdbuf(text_.rdbuf())) {}
  ~CaptureStdout() { std::cout.rdbuf(old_); }
  std::string Text() const { return text_.str(); }

 private:
  std::ostringstream text_;
  std::streambuf* old_;
};

Status WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return out ? Ok() : IoError("cannot write", path);
}

TEST(WriteFileOrStdout, DashCopiesTheFileToStdoutAndRemovesIt) {
  std::string written_to;
  CaptureStdout capture;
  Status status = WriteFileOrStdout("-", [&](const std::string& path) {
    written_to = path;
    return WriteText(path, std::string("PK\0binary", 9));
  });
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(capture.Text(), std::string("PK\0binary", 9));
  EXPECT_NE(written_to, "-");
  EXPECT_FALSE(std::filesystem::exists(written_to));
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(written_to).parent_path()));
}

TEST(WriteFileOrStdout, AnEmptyFileLeavesStdoutUsable) {
  CaptureStdout capture;
  ASSERT_TRUE(
      WriteFileOrStdout("-", [](const std::string& path) { return WriteText(path, ""); }).ok());
  EXPECT_TRUE(std::cout.good());
}

TEST(WriteFileOrStdout, AFileNameIsWrittenDirectlyAndErrorsPassThrough) {
  const std::string path = ::testing::TempDir() + "/output_test_direct.txt";
  CaptureStdout capture;
  ASSERT_TRUE(
      WriteFileOrStdout(path, [](const std::string& to) { return WriteText(to, "x"); }).ok());
  EXPECT_EQ(capture.Text(), "");
  std::ifstream in(path);
  std::string text;
  in >> text;
  EXPECT_EQ(text, "x");
  std::filesystem::remove(path);
  Status failed = WriteFileOrStdout(
      "-", [](const std::string&) -> Status { return InvalidInput("no", "cell"); });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(capture.Text(), "");
}

TEST(NoteStream, NotesGoToStderrWhenTheDataGoesToStdout) {
  EXPECT_EQ(&NoteStream("-"), &std::cerr);
  EXPECT_EQ(&NoteStream("out.csv"), &std::cout);
}

}  // namespace
}  // namespace cx::cli
