#include "plan/shopper_xlsx.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <variant>

namespace cx::plan {
namespace {

using domain::Channel;

// A cell to write: text, a number, or a date (written as Excel writes a
// typed date: its serial, with a date format).
struct DateCell {
  int year, month, day;
};
using Value = std::variant<std::string, double, DateCell>;

// Writes rows into the first sheet of an .xlsx with libxlsxwriter, as Excel
// would save it; `constant_memory` makes it write inline strings instead of
// the shared string table.
std::string WritePool(const std::string& name, const std::vector<std::vector<Value>>& rows,
                      bool constant_memory = false, const char* sheet_name = nullptr) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("cx_pool_" + std::to_string(::getpid()) + "_" + name + ".xlsx"))
                               .string();
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name);
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "yyyy-mm-dd");
  for (size_t row = 0; row < rows.size(); ++row) {
    for (size_t column = 0; column < rows[row].size(); ++column) {
      const auto r = static_cast<lxw_row_t>(row);
      const auto c = static_cast<lxw_col_t>(column);
      const Value& value = rows[row][column];
      if (const auto* text = std::get_if<std::string>(&value)) {
        if (!text->empty()) worksheet_write_string(sheet, r, c, text->c_str(), nullptr);
      } else if (const auto* number = std::get_if<double>(&value)) {
        worksheet_write_number(sheet, r, c, *number, nullptr);
      } else {
        const auto& date = std::get<DateCell>(value);
        lxw_datetime when = {date.year, date.month, date.day, 0, 0, 0};
        worksheet_write_datetime(sheet, r, c, &when, date_format);
      }
    }
  }
  EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  return path;
}

const std::vector<Value> kHeader = {"ID",       "Name",         "Age_Band",  "Gender",    "Region",
                                    "Channels", "Max_Per_Week", "Languages", "Away_Dates"};

std::vector<std::vector<Value>> GoodPool() {
  return {kHeader,
          {"s1", "Kari Nordmann", "60+", "Female", "Oslo", "phone; chat", 4.0, "nb;en",
           "2026-02-27..2026-03-02;2026-04-01"},
          {},  // an empty row
          // A numeric id, and an away date typed as a date: its serial.
          {17.0, "Hansen, Ole", "18-29", "male", "", "messenger", 3.0, "nb", DateCell{2026, 2, 2}},
          {"s3", "", "45-59", "female", "Vestland", "email_form", 2.0, "", ""}};
}

void ExpectGoodPool(const Result<std::vector<domain::Shopper>>& shoppers) {
  ASSERT_TRUE(shoppers) << shoppers.error().ToString();
  ASSERT_EQ(shoppers->size(), 3u);
  const auto& kari = (*shoppers)[0];
  EXPECT_EQ(kari.id, "s1");
  EXPECT_EQ(kari.name, "Kari Nordmann");
  EXPECT_EQ(kari.age_band, "60+");
  EXPECT_EQ(kari.gender, "female");
  EXPECT_EQ(kari.region, "Oslo");
  EXPECT_EQ(kari.languages, (std::vector<std::string>{"nb", "en"}));
  EXPECT_EQ(kari.channels, (std::vector<Channel>{Channel::kPhone, Channel::kChat}));
  EXPECT_EQ(kari.max_contacts_per_week, 4);
  // 27 and 28 February, 1 and 2 March (2026 is no leap year), 1 April.
  EXPECT_EQ(kari.away_dates, (std::vector<std::string>{"2026-02-27", "2026-02-28", "2026-03-01",
                                                       "2026-03-02", "2026-04-01"}));
  const auto& ole = (*shoppers)[1];
  EXPECT_EQ(ole.id, "17");
  EXPECT_EQ(ole.name, "Hansen, Ole");
  EXPECT_EQ(ole.channels, (std::vector<Channel>{Channel::kMessenger}));
  EXPECT_EQ(ole.max_contacts_per_week, 3);
  // libxlsxwriter stores 2026-02-02 as its 1900-system serial, 46055
  // (see xlsx_reader_test.cc for the sum); read back as the same date.
  EXPECT_EQ(ole.away_dates, (std::vector<std::string>{"2026-02-02"}));
  const auto& third = (*shoppers)[2];
  EXPECT_EQ(third.id, "s3");
  EXPECT_EQ(third.region, "Vestland");
  EXPECT_TRUE(third.away_dates.empty());
  EXPECT_TRUE(third.languages.empty());
}

TEST(ShopperXlsx, ReadsSharedStringsNumbersAndDateSerials) {
  const std::string path = WritePool("shared", GoodPool());
  ExpectGoodPool(ReadShoppersXlsx(path));
  std::remove(path.c_str());
}

TEST(ShopperXlsx, ReadsInlineStrings) {
  const std::string path = WritePool("inline", GoodPool(), /*constant_memory=*/true);
  ExpectGoodPool(ReadShoppersXlsx(path));
  std::remove(path.c_str());
}

TEST(ShopperXlsx, ErrorsNameTheSheetCell) {
  auto pool = GoodPool();
  pool[4][3] = std::string("x");  // D5: the gender of s3
  const std::string path = WritePool("bad_gender", pool);
  auto shoppers = ReadShoppersXlsx(path);
  std::remove(path.c_str());
  ASSERT_FALSE(shoppers);
  EXPECT_EQ(shoppers.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(shoppers.error().ToString(), path + ": Sheet1!D5: gender 'x' is not female or male");
}

TEST(ShopperXlsx, MoreErrorsWithTheirCells) {
  struct Case {
    std::string name;
    size_t row, column;
    Value value;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"max", 1, 6, 3.5, "Pool!G2: max_per_week '3.5' is not a whole number from 1 to 999"},
      {"serial60", 3, 8, 60.0,
       "Pool!I4: the number 60 is not a date; expected a date cell or the text YYYY-MM-DD or "
       "YYYY-MM-DD..YYYY-MM-DD (Excel's day 60 is 29 February 1900, which never was)"},
      {"away", 1, 8, std::string("27.02.2026"),
       "Pool!I2: away date '27.02.2026' is not YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD of "
       "at most a year"},
      {"twice", 4, 0, std::string("s1"), "Pool!A5: shopper 's1' is listed twice"},
      {"header", 0, 5, std::string("Colour"),
       "Pool!F1: unknown column 'Colour'; expected id, name, age_band, gender, region, "
       "languages, channels, max_per_week, away_dates"},
      {"stray", 3, 10, std::string("note"),
       "Pool!K4: a value in a column the header (row 1) does not name"},
  };
  for (const auto& item : cases) {
    auto pool = GoodPool();
    if (pool[item.row].size() <= item.column) pool[item.row].resize(item.column + 1);
    pool[item.row][item.column] = item.value;
    const std::string path = WritePool(item.name, pool, false, "Pool");
    auto shoppers = ReadShoppersXlsx(path);
    std::remove(path.c_str());
    ASSERT_FALSE(shoppers) << item.name;
    EXPECT_EQ(shoppers.error().ToString(), path + ": " + item.message) << item.name;
  }
  const std::string path = WritePool("missing", {{"id", "gender"}}, false, "Pool");
  auto missing = ReadShoppersXlsx(path);
  std::remove(path.c_str());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().ToString(), path + ": Pool!A1: missing column 'age_band'");
}

}  // namespace
}  // namespace cx::plan
