#include "plan/shopper_csv.h"

#include <gtest/gtest.h>

#include <sstream>

#include "plan/shopper_rows.h"

namespace cx::plan {
namespace {

using domain::Channel;

Result<std::vector<domain::Shopper>> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadShoppersCsv(in, "pool.csv");
}

TEST(ShopperCsv, ReadsEveryColumnListsAndDateRanges) {
  const auto shoppers = Read(
      "ID,Name,Age_Band,Gender,Region,Languages,Channels,Max_Per_Week,Away_Dates\n"
      "s1,Kari Nordmann,60+,Female,Oslo,nb;en,phone; chat,4,2026-02-27..2026-03-02;2026-04-01\n"
      "\n"
      "s2,\"Hansen, Ole\",18-29,male,,nb,messenger,3,\n");
  ASSERT_TRUE(shoppers) << shoppers.error().ToString();
  ASSERT_EQ(shoppers->size(), 2u);
  const auto& kari = (*shoppers)[0];
  EXPECT_EQ(kari.id, "s1");
  EXPECT_EQ(kari.age_band, "60+");
  EXPECT_EQ(kari.gender, "female");
  EXPECT_EQ(kari.languages, (std::vector<std::string>{"nb", "en"}));
  EXPECT_EQ(kari.channels, (std::vector<Channel>{Channel::kPhone, Channel::kChat}));
  EXPECT_EQ(kari.max_contacts_per_week, 4);
  // 27 and 28 February, 1 and 2 March (2026 is no leap year), 1 April.
  EXPECT_EQ(kari.away_dates, (std::vector<std::string>{"2026-02-27", "2026-02-28", "2026-03-01",
                                                       "2026-03-02", "2026-04-01"}));
  EXPECT_EQ((*shoppers)[1].name, "Hansen, Ole");
  EXPECT_TRUE((*shoppers)[1].away_dates.empty());
}

TEST(ShopperCsv, ErrorsNameFileLineAndColumn) {
  const std::string header = "id,age_band,gender,channels,max_per_week,away_dates\n";
  auto bad_channel = Read(header + "s1,30-44,male,phone;fax,3,\n");
  ASSERT_FALSE(bad_channel);
  EXPECT_EQ(bad_channel.error().ToString(),
            "pool.csv:2:15: channel 'fax' is not phone, email_form, chat or messenger");
  auto bad_date = Read(header + "s1,30-44,male,phone,3,\ns2,30-44,male,phone,3,2026-02-30\n");
  ASSERT_FALSE(bad_date);
  EXPECT_EQ(bad_date.error().ToString(),
            "pool.csv:3:23: away date '2026-02-30' is not YYYY-MM-DD or a range "
            "YYYY-MM-DD..YYYY-MM-DD of at most a year");
  // Only four-digit years, two-digit months and days: "20026-4-01" is ten
  // characters too, and once passed as the year 20026 (found by fuzzing).
  for (const std::string date : {"20026-4-01", "2026-4-011", "+026-04-01", "2026-04- 1"}) {
    auto odd = Read(header + "s1,30-44,male,phone,3," + date + "\n");
    ASSERT_FALSE(odd) << date;
    EXPECT_EQ(odd.error().ToString(), "pool.csv:2:23: away date '" + date +
                                          "' is not YYYY-MM-DD or a range "
                                          "YYYY-MM-DD..YYYY-MM-DD of at most a year");
  }
  auto twice = Read(header + "s1,30-44,male,phone,3,\ns1,30-44,male,phone,3,\n");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().ToString(), "pool.csv:3:1: shopper 's1' is listed twice");
  auto max = Read(header + "s1,30-44,male,phone,0,\n");
  ASSERT_FALSE(max);
  EXPECT_EQ(max.error().ToString(),
            "pool.csv:2:21: max_per_week '0' is not a whole number from 1 to 999");
  auto missing = Read("id,gender,channels,max_per_week\n");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().ToString(), "pool.csv:1:1: missing column 'age_band'");
  auto short_row = Read(header + "s1,30-44\n");
  ASSERT_FALSE(short_row);
  EXPECT_EQ(short_row.error().ToString(), "pool.csv:2:1: has 2 fields; the header has 6");
}

TEST(ShopperCsv, InvalidUtf8AndColumnsCountedInCharacters) {
  // "Ås" is two characters, three bytes: the gender "x" is at column 13 of
  // line 2 ("s1,Ås,30-44,x").
  auto bad_gender = Read(
      "id,name,age_band,gender,channels,max_per_week\n"
      "s1,\xC3\x85s,30-44,x,phone,3\n");
  ASSERT_FALSE(bad_gender);
  EXPECT_EQ(bad_gender.error().where, "pool.csv:2:13");
  auto latin1 = Read(
      "id,name,age_band,gender,channels,max_per_week\n"
      "s1,\xC5se,30-44,female,phone,3\n");
  ASSERT_FALSE(latin1);
  EXPECT_EQ(latin1.error().where, "pool.csv:2:4");
  EXPECT_EQ(latin1.error().message,
            "not valid UTF-8 (byte 0xC5); save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)");
}

TEST(ShopperCsv, APoolPastTheBoundIsRefused) {
  std::string text = "id,age_band,gender,channels,max_per_week\n";
  for (size_t index = 0; index <= kMaxShoppers; ++index) {
    text += "s" + std::to_string(index) + ",30-44,female,phone,3\n";
  }
  auto pool = Read(text);
  ASSERT_FALSE(pool);
  EXPECT_EQ(pool.error().ToString(), "pool.csv:10002:1: more than 10000 shoppers in the pool");
}

}  // namespace
}  // namespace cx::plan
