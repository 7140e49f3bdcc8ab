#include "core/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace cx::xlsx {
namespace {

using std::chrono::sys_days;
using namespace std::chrono_literals;

// Writes an archive of the given parts (name -> content), as a workbook
// writer would, so each test states the XML it reads.
class Workbook {
 public:
  explicit Workbook(const std::string& name)
      : path_((std::filesystem::temp_directory_path() /
               ("cx_xlsx_" + std::to_string(::getpid()) + "_" + name + ".xlsx"))
                  .string()) {}
  ~Workbook() { std::remove(path_.c_str()); }

  const std::string& Write(const std::map<std::string, std::string>& parts) {
    int code = 0;
    zip_t* archive = zip_open(path_.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    EXPECT_NE(archive, nullptr);
    for (const auto& [name, content] : parts) {
      zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
      EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
    }
    EXPECT_EQ(zip_close(archive), 0);
    return path_;
  }

 private:
  std::string path_;
};

const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::map<std::string, std::string> Parts(const std::string& sheet_data,
                                         const std::string& shared = "",
                                         const std::string& workbook_pr = "") {
  std::map<std::string, std::string> parts;
  parts["_rels/.rels"] =
      std::string(
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
          "relationships\"><Relationship Id=\"rId1\" Type=\"") +
      kRel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  // A chart sheet comes first in tab order: the first worksheet is "Pool".
  parts["xl/workbook.xml"] = std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel +
                             "\">" + workbook_pr +
                             "<sheets><sheet name=\"Chart\" sheetId=\"2\" r:id=\"rId3\"/>"
                             "<sheet name=\"Pool\" sheetId=\"1\" r:id=\"rId1\"/>"
                             "<sheet name=\"Other\" sheetId=\"3\" r:id=\"rId4\"/></sheets>"
                             "</workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
      std::string(
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
          "relationships\">") +
      "<Relationship Id=\"rId1\" Type=\"" + kRel +
      "/worksheet\" Target=\"/xl/worksheets/../worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"" +
      kRel +
      "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"" +
      kRel +
      "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId4\" Type=\"" +
      kRel + "/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>";
  parts["xl/sharedStrings.xml"] = std::string("<sst xmlns=\"") + kMain + "\">" + shared + "</sst>";
  parts["xl/worksheets/sheet1.xml"] = std::string("<x:worksheet xmlns:x=\"") + kMain +
                                      "\"><x:sheetData>" + sheet_data +
                                      "</x:sheetData></x:worksheet>";
  parts["xl/worksheets/sheet2.xml"] =
      std::string("<worksheet xmlns=\"") + kMain +
      "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>other</t></is></c></row>"
      "</sheetData></worksheet>";
  return parts;
}

TEST(XlsxReader, ReadsSharedInlineNumberBooleanAndErrorCells) {
  Workbook book("kinds");
  // Shared strings: plain, rich text in runs (concatenated), with a phonetic
  // hint (left out), and an empty one.
  const std::string shared =
      "<si><t>id</t></si>"
      "<si><r><t>Kari </t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">Nord mann</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>KARI</t></rPh></si>"
      "<si><t/></si>";
  // Row 2 has no r attributes: its cells are A2, B2, ...; row 5 skips columns.
  const std::string data =
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c></x:row>"
      "<x:row><x:c t=\"s\"><x:v>1</x:v></x:c><x:c><x:v>46055</x:v></x:c>"
      "<x:c t=\"b\"><x:v>1</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
      "<x:row r=\"5\"><x:c r=\"C5\" t=\"inlineStr\"><x:is><x:t>inline</x:t></x:is></x:c>"
      "<x:c r=\"AB5\" t=\"str\"><x:f>A1</x:f><x:v>formula</x:v></x:c>"
      "<x:c r=\"AC5\" s=\"3\"/><x:c r=\"AD5\" t=\"s\"><x:v>2</x:v></x:c></x:row>"
      "<x:row r=\"6\"><x:c r=\"A6\" s=\"1\"/></x:row>";
  auto sheet = ReadFirstSheet(book.Write(Parts(data, shared)));
  ASSERT_TRUE(sheet) << sheet.error().ToString();
  EXPECT_EQ(sheet->name, "Pool");
  EXPECT_FALSE(sheet->date1904);
  ASSERT_EQ(sheet->rows.size(), 3u);  // row 6 has no value
  EXPECT_EQ(sheet->rows[0].number, 1);
  EXPECT_EQ(sheet->rows[0].cells[0].text, "id");
  const auto& two = sheet->rows[1];
  EXPECT_EQ(two.number, 2);
  ASSERT_EQ(two.cells.size(), 4u);
  EXPECT_EQ(two.cells[0].text, "Kari Nord mann");
  EXPECT_EQ(two.cells[1].kind, CellKind::kNumber);
  EXPECT_EQ(two.cells[1].column, 2);
  EXPECT_EQ(two.cells[1].text, "46055");
  EXPECT_EQ(two.cells[2].kind, CellKind::kBoolean);
  EXPECT_EQ(two.cells[2].text, "TRUE");
  EXPECT_EQ(two.cells[3].kind, CellKind::kError);
  EXPECT_EQ(two.cells[3].text, "#N/A");
  const auto& five = sheet->rows[2];
  EXPECT_EQ(five.number, 5);
  ASSERT_EQ(five.cells.size(), 3u);  // AC5 is formatted but empty
  EXPECT_EQ(five.cells[0].column, 3);
  EXPECT_EQ(five.cells[0].text, "inline");
  EXPECT_EQ(five.cells[1].column, 28);  // AB = 26 + 2
  EXPECT_EQ(five.cells[1].text, "formula");
  EXPECT_EQ(five.cells[2].column, 30);
  EXPECT_EQ(five.cells[2].kind, CellKind::kText);
  EXPECT_EQ(five.cells[2].text, "");
}

TEST(XlsxReader, DateSystemOfTheWorkbook) {
  Workbook book("1904");
  auto sheet =
      ReadFirstSheet(book.Write(Parts("<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></x:row>", "",
                                      "<workbookPr date1904=\"1\"/>")));
  ASSERT_TRUE(sheet) << sheet.error().ToString();
  EXPECT_TRUE(sheet->date1904);
}

TEST(XlsxReader, ErrorsNameTheFileAndTheCell) {
  Workbook book("bad");
  const std::string& path = book.Write(Parts(
      "<x:row r=\"3\"><x:c r=\"B3\" t=\"s\"><x:v>7</x:v></x:c></x:row>", "<si><t>a</t></si>"));
  auto missing = ReadFirstSheet(path);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().ToString(),
            path + ": Pool!B3: shared string '7' does not exist in the workbook");

  auto wrong_row =
      ReadFirstSheet(book.Write(Parts("<x:row r=\"3\"><x:c r=\"B4\"><x:v>1</x:v></x:c></x:row>")));
  ASSERT_FALSE(wrong_row);
  EXPECT_EQ(wrong_row.error().ToString(),
            path + ": Pool: cell reference 'B4' is not a cell of row 3");

  auto not_number =
      ReadFirstSheet(book.Write(Parts("<x:row r=\"1\"><x:c r=\"C1\"><x:v>1x</x:v></x:c></x:row>")));
  ASSERT_FALSE(not_number);
  EXPECT_EQ(not_number.error().ToString(), path + ": Pool!C1: the number '1x' is not a number");

  auto broken = ReadFirstSheet(book.Write(Parts("<x:row r=\"1\"><x:c r=\"C1\"><x:v>1</x:c>")));
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().ToString(),
            path +
                ": the part xl/worksheets/sheet1.xml is not well-formed XML (line 1, column 128: "
                "mismatched tag)");

  auto parts = Parts("");
  parts.erase("xl/workbook.xml");
  auto no_workbook = ReadFirstSheet(book.Write(parts));
  ASSERT_FALSE(no_workbook);
  EXPECT_EQ(no_workbook.error().ToString(),
            path + ": not an XLSX workbook: the part xl/workbook.xml is missing");
}

TEST(XlsxReader, InvalidUtf8IsRefusedWithItsPartLineAndColumn) {
  Workbook book("latin1");
  // "Kåre" with a Latin-1 å (0xE5), in a part that declares no encoding (UTF-8).
  auto sheet = ReadFirstSheet(book.Write(
      Parts("<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>K\xE5re</x:t></x:is></x:c>"
            "</x:row>")));
  ASSERT_FALSE(sheet);
  EXPECT_EQ(sheet.error().ToString(),
            book.Write(Parts("")) +
                ": the part xl/worksheets/sheet1.xml is not well-formed XML (line 1, column 146: "
                "not well-formed (invalid token))");
}

// A token as long as the part (here a 16 MB comment in an 18 KB archive)
// reads in one pass; the time it took before and after is in the commit
// message, not here.
TEST(XlsxReader, AHugeCommentIsRead) {
  Workbook book("comment");
  const std::string data = "<!--" + std::string(16 << 20, 'x') +
                           "--><x:row r=\"1\"><x:c r=\"A1\"><x:v>7</x:v></x:c></x:row>";
  auto sheet = ReadFirstSheet(book.Write(Parts(data)));
  ASSERT_TRUE(sheet) << sheet.error().ToString();
  ASSERT_EQ(sheet->rows.size(), 1u);
  EXPECT_EQ(sheet->rows[0].cells[0].text, "7");
}

TEST(XlsxReader, APartPastTheExpansionLimitIsRefused) {
  Workbook book("bomb");
  const std::string data = "<!--" + std::string(kMaxPartBytes, 'x') + "-->";
  const std::string& path = book.Write(Parts(data));
  auto sheet = ReadFirstSheet(path);
  ASSERT_FALSE(sheet);
  EXPECT_EQ(sheet.error().ToString(),
            path + ": the part xl/worksheets/sheet1.xml unpacks to more than 64 MiB; refused");
}

TEST(XlsxReader, CellsAndSharedStringsPastExcelsLengthAreRefused) {
  Workbook book("long");
  const std::string longest(kMaxCellBytes, 'a');
  const std::string too_long(kMaxCellBytes + 1, 'a');
  auto fits =
      ReadFirstSheet(book.Write(Parts("<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
                                      "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>" +
                                          longest + "</x:t></x:is></x:c></x:row>",
                                      "<si><t>" + longest + "</t></si>")));
  ASSERT_TRUE(fits) << fits.error().ToString();
  EXPECT_EQ(fits->rows[0].cells[0].text.size(), kMaxCellBytes);
  EXPECT_EQ(fits->rows[0].cells[1].text.size(), kMaxCellBytes);

  const std::string& path =
      book.Write(Parts("<x:row r=\"2\"><x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>" + too_long +
                       "</x:t></x:is></x:c></x:row>"));
  auto inline_text = ReadFirstSheet(path);
  ASSERT_FALSE(inline_text);
  EXPECT_EQ(inline_text.error().ToString(),
            path +
                ": Pool!C2: the text is longer than 32767 characters, Excel's limit for a "
                "cell; refused");
  auto shared =
      ReadFirstSheet(book.Write(Parts("", "<si><t>a</t></si><si><t>" + too_long + "</t></si>")));
  ASSERT_FALSE(shared);
  EXPECT_EQ(shared.error().ToString(),
            path +
                ": shared string 1: the text is longer than 32767 characters, Excel's limit "
                "for a cell; refused");
}

TEST(XlsxReader, NotAZipArchiveIsRefused) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("cx_xlsx_" + std::to_string(::getpid()) + "_text.xlsx"))
                               .string();
  std::ofstream(path) << "id,name\n";
  auto sheet = ReadFirstSheet(path);
  std::remove(path.c_str());
  ASSERT_FALSE(sheet);
  EXPECT_EQ(sheet.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(sheet.error().ToString(), path + ": not an XLSX workbook (Not a zip archive)");
  auto absent = ReadFirstSheet("/nonexistent/pool.xlsx");
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code, ErrorCode::kIo);
}

TEST(XlsxReader, DamagedArchivesAreErrorsNeverCrashes) {
  // A stand-in for a fuzzer (GCC has no libFuzzer): every byte of a small
  // workbook flipped in turn, and every truncation; ASan and UBSan watch.
  Workbook book("mutate");
  const std::string path = book.Write(Parts(
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\"><x:v>2</x:v></x:c>"
      "</x:row>",
      "<si><t>id</t></si>"));
  std::ifstream in(path, std::ios::binary);
  const std::string original((std::istreambuf_iterator<char>(in)), {});
  ASSERT_GT(original.size(), 500u);
  const std::string mutated_path = path + ".mutated";
  int read_ok = 0;
  for (size_t at = 0; at < original.size(); ++at) {
    for (int variant = 0; variant < 2; ++variant) {
      std::string bytes = variant == 0 ? original : original.substr(0, at);
      if (variant == 0) bytes[at] = static_cast<char>(bytes[at] ^ 0x5a);
      std::ofstream(mutated_path, std::ios::binary | std::ios::trunc) << bytes;
      auto sheet = ReadFirstSheet(mutated_path);
      if (sheet) ++read_ok;
    }
  }
  std::remove(mutated_path.c_str());
  // Most damage is caught by the archive's checksums; the loop is for the sanitizers.
  EXPECT_LT(read_ok, static_cast<int>(original.size()));
}

TEST(XlsxReader, CellNamesAndReferences) {
  EXPECT_EQ(CellName(1, 1), "A1");
  EXPECT_EQ(CellName(26, 4), "Z4");
  EXPECT_EQ(CellName(27, 4), "AA4");
  EXPECT_EQ(CellName(16384, 1048576), "XFD1048576");  // the last cell of a sheet
  EXPECT_EQ(CellReference("Sheet1", 3, 4), "Sheet1!C4");
  EXPECT_EQ(CellReference("Shopper pool", 3, 4), "'Shopper pool'!C4");
  EXPECT_EQ(CellReference("Kari's", 1, 2), "'Kari''s'!A2");
}

TEST(XlsxReader, DateSerialsOfThe1900And1904Systems) {
  using std::chrono::day;
  using std::chrono::month;
  using std::chrono::year;
  auto date = [](int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; };
  // 1900 system, by hand: serial 1 = 1900-01-01; 59 = 1900-02-28; 60 is
  // Excel's 29 February 1900, which never was; 61 = 1900-03-01.
  EXPECT_EQ(SerialToDate(1, false), date(1900, 1, 1));
  EXPECT_EQ(SerialToDate(59, false), date(1900, 2, 28));
  EXPECT_EQ(SerialToDate(60, false), std::nullopt);
  EXPECT_EQ(SerialToDate(61, false), date(1900, 3, 1));
  // 2000-01-01 is 36526 (Microsoft's documentation of DATEVALUE); 2026-01-01
  // is 36526 + 26 years of which 7 leap (2000, 2004, ..., 2024):
  // 36526 + 26 * 365 + 7 = 46023; 2026-02-02 is 46023 + 31 + 1 = 46055.
  EXPECT_EQ(SerialToDate(36526, false), date(2000, 1, 1));
  EXPECT_EQ(SerialToDate(46055, false), date(2026, 2, 2));
  EXPECT_EQ(SerialToDate(46055.75, false), date(2026, 2, 2));  // 18:00 that day
  EXPECT_EQ(SerialToDate(2958465, false), date(9999, 12, 31));
  EXPECT_EQ(SerialToDate(2958466, false), std::nullopt);
  EXPECT_EQ(SerialToDate(0, false), std::nullopt);
  EXPECT_EQ(SerialToDate(-3, false), std::nullopt);
  // 1904 system: serial 0 = 1904-01-01; a date is 1462 less than in 1900's.
  EXPECT_EQ(SerialToDate(0, true), date(1904, 1, 1));
  EXPECT_EQ(SerialToDate(46055 - 1462, true), date(2026, 2, 2));
  EXPECT_EQ(SerialToDate(-1, true), std::nullopt);
}

}  // namespace
}  // namespace cx::xlsx
