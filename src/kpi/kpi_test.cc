// KPIs from hand-made files. Every expected number is worked out by hand in
// the comment above it (docs/kpi.md has the definitions).
#include "kpi/kpi.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "kpi/local_time.h"
#include "kpi/sources.h"

namespace cx::kpi {
namespace {

class KpiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kpi_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path dir_;
};

const char kHeader[] =
    "contact_id,channel,queue,customer_id,case_id,offered,answered,ended,hold_s,wrap_s,agent,"
    "outcome\n";

const Row* FindRow(const std::vector<Row>& rows, const std::string& label,
                   const std::string& queue = "") {
  for (const Row& row : rows) {
    if (row.interval_label == label && (queue.empty() || row.queue == queue)) return &row;
  }
  return nullptr;
}

TEST(ParseTimestampTest, OffsetsZoneFreeAndEpoch) {
  int64_t seconds = 0;
  bool has_offset = false;
  // 2026-02-02T08:00:00+01:00 = 2026-02-02T07:00:00Z = 1770015600 (date -d).
  ASSERT_EQ(ParseTimestamp("2026-02-02T08:00:00+01:00", seconds, has_offset), TimeParse::kOk);
  EXPECT_EQ(seconds, 1770015600);
  EXPECT_TRUE(has_offset);
  ASSERT_EQ(ParseTimestamp("2026-02-02 07:00:00.250Z", seconds, has_offset), TimeParse::kOk);
  EXPECT_EQ(seconds, 1770015600);
  ASSERT_EQ(ParseTimestamp("2026-02-02T02:00:00-0500", seconds, has_offset), TimeParse::kOk);
  EXPECT_EQ(seconds, 1770015600);
  ASSERT_EQ(ParseTimestamp("1770015600", seconds, has_offset), TimeParse::kOk);
  EXPECT_EQ(seconds, 1770015600);
  // Without an offset: wall-clock seconds, 1 h later than the UTC reading.
  ASSERT_EQ(ParseTimestamp("2026-02-02 08:00:00", seconds, has_offset), TimeParse::kOk);
  EXPECT_FALSE(has_offset);
  EXPECT_EQ(seconds, 1770015600 + 3600);
  EXPECT_EQ(ParseTimestamp("", seconds, has_offset), TimeParse::kEmpty);
  EXPECT_EQ(ParseTimestamp("2026-02-30X08:00:00", seconds, has_offset), TimeParse::kMalformed);
  EXPECT_EQ(ParseTimestamp("2026-02-02T08:00", seconds, has_offset), TimeParse::kMalformed);
  EXPECT_EQ(ParseTimestamp("2026-13-02T08:00:00", seconds, has_offset), TimeParse::kMalformed);
  EXPECT_EQ(ParseTimestamp("2026-02-02T08:00:00+1", seconds, has_offset), TimeParse::kMalformed);
}

TEST(ZoneClockTest, DstGapAndOverlap) {
  ZoneClock clock(ZoneClock::Locate("Europe/Oslo"));
  int64_t local = 0, utc = 0;
  bool has_offset = false;
  // 2026-03-29 02:30 does not exist in Oslo (clocks go 02:00 -> 03:00).
  ASSERT_EQ(ParseTimestamp("2026-03-29 02:30:00", local, has_offset), TimeParse::kOk);
  EXPECT_EQ(clock.LocalToUtc(local, utc), ZoneClock::LocalResult::kNonexistent);
  // 2026-10-25 02:30 happens twice; the earlier is 02:30+02:00 = 00:30Z.
  ASSERT_EQ(ParseTimestamp("2026-10-25 02:30:00", local, has_offset), TimeParse::kOk);
  EXPECT_EQ(clock.LocalToUtc(local, utc), ZoneClock::LocalResult::kAmbiguous);
  EXPECT_EQ(clock.Label(utc), "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(ZoneClock::Locate("Mars/Olympus"), nullptr);
}

// One queue, 15-minute intervals, winter time (+01:00), default options
// (SL 80/20, short abandon < 5 s).
//   1 08:00:00 answered 08:00:10, ended 08:05:10, hold 20, wrap 30: wait 10, handle 300+30=330
//   2 08:01:00 abandoned at 08:01:03: wait 3 -> short abandon (also within Y)
//   3 08:02:00 abandoned at 08:02:30: wait 30 -> abandoned, after Y
//   4 08:03:00 answered 08:03:40, ended 08:13:40, wrap 60, transferred: wait 40, handle 660
//   5 08:04:00 abandoned at 08:04:15: wait 15 -> abandoned, within Y
//   6 08:14:59 answered 08:15:19 (next interval), ended 08:20:19: wait 20, handle 300;
//     belongs to 08:00, the interval it was offered in
//   7 08:15:00 answered 08:15:05, ended 08:16:05: wait 5, handle 60 -> 08:15
TEST_F(KpiTest, EveryKpiOfOneInterval) {
  const std::string path =
      Write("contacts.csv",
            std::string(kHeader) +
                "1,voice,sales,u1,,2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,"
                "2026-02-02T08:05:10+01:00,20,30,ann,resolved\n"
                "2,voice,sales,u2,,2026-02-02T08:01:00+01:00,,2026-02-02T08:01:03+01:00,0,0,,\n"
                "3,voice,sales,u3,,2026-02-02T08:02:00+01:00,,2026-02-02T08:02:30+01:00,0,0,,\n"
                "4,voice,sales,u4,,2026-02-02T08:03:00+01:00,2026-02-02T08:03:40+01:00,"
                "2026-02-02T08:13:40+01:00,0,60,bob,transferred\n"
                "5,voice,sales,u5,,2026-02-02 08:04:00,,2026-02-02 08:04:15,,,,\n"
                "6,voice,sales,u6,,2026-02-02T08:14:59+01:00,2026-02-02T08:15:19+01:00,"
                "2026-02-02T08:20:19+01:00,0,0,ann,resolved\n"
                "7,voice,sales,u7,,2026-02-02T08:15:00+01:00,2026-02-02T08:15:05+01:00,"
                "2026-02-02T08:16:05+01:00,0,0,bob,resolved\n");
  Options options;
  auto run = RunContactCsv(path, Mapping{}, options, 1);
  ASSERT_TRUE(run.ok()) << run.error().ToString();
  EXPECT_EQ(run->diagnostics.bad_lines, 0);
  ASSERT_EQ(run->rows.size(), 2u);
  const Row* first = FindRow(run->rows, "2026-02-02T08:00:00+01:00");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->queue, "sales");
  EXPECT_EQ(first->offered, 6);          // contacts 1-6
  EXPECT_EQ(first->answered, 3);         // 1, 4, 6
  EXPECT_EQ(first->abandoned, 2);        // 3, 5
  EXPECT_EQ(first->short_abandoned, 1);  // 2
  // abandon rate = 2 / (6 - 1) = 0.4
  EXPECT_DOUBLE_EQ(first->abandon_rate, 0.4);
  // ASA = (10 + 40 + 20) / 3 = 23.333...
  EXPECT_DOUBLE_EQ(first->asa_s, 70.0 / 3);
  // within 20 s: answered 1 (10 s) and 6 (20 s) = 2; abandoned 2 (3 s), 5 (15 s) = 2;
  // abandoned after 20 s: 3 (30 s) = 1.
  // short-excluded: 2 / (3 + 2) = 0.4
  EXPECT_DOUBLE_EQ(first->service_level, 0.4);
  EXPECT_DOUBLE_EQ(first->service_level_variants[0], 0.4);
  // within-y: (2 + 2) / (3 + 3) = 2/3
  EXPECT_DOUBLE_EQ(first->service_level_variants[1], 4.0 / 6);
  // answered-only: 2 / 3
  EXPECT_DOUBLE_EQ(first->service_level_variants[2], 2.0 / 3);
  // all-abandoned: 2 / (3 + 3) = 1/3
  EXPECT_DOUBLE_EQ(first->service_level_variants[3], 2.0 / 6);
  // abandoned-after-y: 2 / (3 + 1) = 0.5
  EXPECT_DOUBLE_EQ(first->service_level_variants[4], 0.5);
  // short-abandons-met: (2 + 1 short) / (3 + 3) = 0.5
  EXPECT_DOUBLE_EQ(first->service_level_variants[5], 0.5);
  EXPECT_EQ(first->sl_met, 0);  // 0.4 < 0.8
  // AHT = (330 + 660 + 300) / 3 = 430
  EXPECT_DOUBLE_EQ(first->aht_s, 430);
  EXPECT_EQ(first->longest_wait_s, 40);
  // transfer rate = 1 / 3
  EXPECT_DOUBLE_EQ(first->transfer_rate, 1.0 / 3);
  // FCR: seven customers with one contact each; the 3 answered ones here
  // each open an episode and have no repeat: 3 / 3.
  EXPECT_EQ(first->fcr_contacts, 3);
  EXPECT_DOUBLE_EQ(first->fcr, 1);

  const Row* second = FindRow(run->rows, "2026-02-02T08:15:00+01:00");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->offered, 1);
  EXPECT_DOUBLE_EQ(second->asa_s, 5);
  EXPECT_DOUBLE_EQ(second->service_level, 1);  // 1 / (1 + 0)
  EXPECT_EQ(second->sl_met, 1);
  EXPECT_DOUBLE_EQ(second->aht_s, 60);
  EXPECT_DOUBLE_EQ(second->abandon_rate, 0);  // 0 / (1 - 0)

  // Another variant and another short-abandon threshold: with --short-abandon
  // 0 nothing is short: abandoned = 3, abandon rate = 3 / 6 = 0.5; the
  // default variant is then 2 / (3 + 3) = 1/3.
  options.short_abandon_s = 0;
  options.sl_variant = SlVariant::kAbandonedAfterY;
  run = RunContactCsv(path, Mapping{}, options, 1);
  ASSERT_TRUE(run.ok());
  first = FindRow(run->rows, "2026-02-02T08:00:00+01:00");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->abandoned, 3);
  EXPECT_DOUBLE_EQ(first->abandon_rate, 0.5);
  EXPECT_DOUBLE_EQ(first->service_level_variants[0], 2.0 / 6);
  EXPECT_DOUBLE_EQ(first->service_level, 0.5);  // abandoned-after-y, as above
}

// FCR, 7 days = 604800 s, all answered unless said; one queue, by day.
//   A: 02-02 10:00:00 and 02-09 09:59:59 by chat (7 days - 1 s): first
//      unresolved, second opens nothing (its previous contact is inside the
//      window)
//   B: 02-02 10:00:00 and 02-09 10:00:01 (7 days + 1 s): first resolved, second
//      opens an episode and, having no repeat, is resolved
//   C: 02-02 10:00:00 and 02-09 10:00:00 (exactly 7 days: inside): first unresolved
//   D: case k1 on 02-02 10:00, case k2 (same customer) on 02-03 10:00: two cases,
//      each opens and is resolved
//   E: abandoned 02-02 11:00, answered 02-04 10:00: the answered one had a
//      contact 2 days before, so it opens no episode
// Day 02-02: openers A1, B1, C1, D-k1 = 4; resolved B1, D-k1 = 2 -> 0.5
// Day 02-03: D-k2 opens, resolved -> 1/1
// Day 02-04: E2 opens nothing -> no FCR (NaN)
// Day 02-09: B2 opens, resolved -> 1/1
TEST_F(KpiTest, FcrWindowInsideAndOutsideWithEveryThreadCount) {
  auto contact = [](int id, const char* customer, const char* case_id, const char* offered,
                    bool answered) {
    const std::string time = std::string("2026-02-") + offered + "+01:00";
    return std::to_string(id) + ",voice,q," + customer + "," + case_id + "," + time + "," +
           (answered ? time : "") + "," + time + ",0,0," + (answered ? "ann" : "") + ",\n";
  };
  auto chat = [](std::string line) { return line.replace(line.find(",voice,"), 7, ",chat,"); };
  const std::string path = Write(
      "fcr.csv",
      std::string(kHeader) + contact(1, "A", "", "02T10:00:00", true) +
          contact(2, "B", "", "02T10:00:00", true) + contact(3, "C", "", "02T10:00:00", true) +
          contact(4, "D", "k1", "02T10:00:00", true) + contact(5, "E", "", "02T11:00:00", false) +
          contact(6, "D", "k2", "03T10:00:00", true) + contact(7, "E", "", "04T10:00:00", true) +
          chat(contact(8, "A", "", "09T09:59:59", true)) +
          contact(9, "C", "", "09T10:00:00", true) + contact(10, "B", "", "09T10:00:01", true));
  Options options;
  options.interval = IntervalKind::kDay;
  // Two more reports from the same pass: by agent and day (every answered
  // contact is ann's, so her FCR is the queue's), and everything by month:
  // openers A1, B1, C1, D-k1, D-k2, B2 = 6, resolved B1, D-k1, D-k2, B2 = 4.
  options.more_reports = {Grouping{false, true, false, IntervalKind::kDay},
                          Grouping{false, false, false, IntervalKind::kMonth}};
  // The same answer however the file is split between threads and chunks
  // (with 1-byte chunks every line is a chunk of its own, and the threads
  // take turns line by line).
  for (int threads = 1; threads <= 5; ++threads) {
    for (size_t chunk_bytes : {size_t{1}, size_t{100}, size_t{4} << 20}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", chunks of " +
                   std::to_string(chunk_bytes) + " bytes");
      options.chunk_bytes = chunk_bytes;
      auto run = RunContactCsv(path, Mapping{}, options, threads);
      ASSERT_TRUE(run.ok()) << run.error().ToString();
      ASSERT_EQ(run->rows.size(), 4u);
      ASSERT_EQ(run->more_rows.size(), 2u);
      const Row* ann2 = nullptr;  // E's abandoned call has a row of its own, without agent
      for (const Row& row : run->more_rows[0]) {
        if (row.agent == "ann" && row.interval_label == "2026-02-02T00:00:00+01:00") ann2 = &row;
      }
      ASSERT_NE(ann2, nullptr);
      EXPECT_EQ(ann2->fcr_contacts, 4);
      EXPECT_EQ(ann2->fcr_resolved, 2);
      ASSERT_EQ(run->more_rows[1].size(), 1u);
      const Row& month = run->more_rows[1][0];
      EXPECT_EQ(month.interval_label, "2026-02-01T00:00:00+01:00");
      EXPECT_EQ(month.offered, 10);
      EXPECT_EQ(month.fcr_contacts, 6);
      EXPECT_EQ(month.fcr_resolved, 4);
      const Row* day2 = FindRow(run->rows, "2026-02-02T00:00:00+01:00");
      const Row* day3 = FindRow(run->rows, "2026-02-03T00:00:00+01:00");
      const Row* day4 = FindRow(run->rows, "2026-02-04T00:00:00+01:00");
      const Row* day9 = FindRow(run->rows, "2026-02-09T00:00:00+01:00");
      ASSERT_TRUE(day2 && day3 && day4 && day9);
      EXPECT_EQ(day2->fcr_contacts, 4);
      EXPECT_EQ(day2->fcr_resolved, 2);
      EXPECT_DOUBLE_EQ(day2->fcr, 0.5);
      EXPECT_EQ(day3->fcr_contacts, 1);
      EXPECT_DOUBLE_EQ(day3->fcr, 1);
      EXPECT_EQ(day4->fcr_contacts, 0);
      EXPECT_TRUE(std::isnan(day4->fcr));
      EXPECT_EQ(day9->fcr_contacts, 1);
      EXPECT_DOUBLE_EQ(day9->fcr, 1);
    }
  }
  options.more_reports.clear();
  options.chunk_bytes = size_t{4} << 20;
  // Per channel, A's chat contact is a key of its own: A1 has no repeat on
  // voice and is resolved, A2 opens on chat and is resolved. Day 02-02:
  // resolved B1, D-k1, A1 = 3 of 4; day 02-09: B2, A2 = 2 of 2.
  options.fcr_per_channel = true;
  auto run = RunContactCsv(path, Mapping{}, options, 2);
  ASSERT_TRUE(run.ok());
  EXPECT_DOUBLE_EQ(FindRow(run->rows, "2026-02-02T00:00:00+01:00")->fcr, 0.75);
  EXPECT_EQ(FindRow(run->rows, "2026-02-09T00:00:00+01:00")->fcr_contacts, 2);
  EXPECT_DOUBLE_EQ(FindRow(run->rows, "2026-02-09T00:00:00+01:00")->fcr, 1);
  // A shorter window, 0 days: every answered contact opens and none is
  // repeated within 0 s: day 02-02 4 of 4; day 02-04 E2 now opens: 1 of 1.
  options.fcr_days = 0;
  run = RunContactCsv(path, Mapping{}, options, 2);
  ASSERT_TRUE(run.ok());
  EXPECT_DOUBLE_EQ(FindRow(run->rows, "2026-02-02T00:00:00+01:00")->fcr, 1);
  EXPECT_EQ(FindRow(run->rows, "2026-02-04T00:00:00+01:00")->fcr_contacts, 1);
}

// Daylight-saving days in Oslo. 2026-03-29 has 23 hours (02:00 -> 03:00),
// 2026-10-25 has 25 hours (03:00 -> 02:00).
//   00:30+01:00 and 23:30+02:00 on 03-29 are the same day; 00:10+02:00 on
//   03-30 is the next. On 10-25, 00:30+02:00 and 23:59+01:00 are one day of
//   25 hours; by 15 minutes, 02:10+02:00 and 02:10+01:00 are two intervals.
//   "2026-03-29 02:30:00" without an offset does not exist: a bad line.
TEST_F(KpiTest, DaylightSavingDays) {
  auto contact = [](int id, const std::string& offered) {
    return std::to_string(id) + ",voice,q,u" + std::to_string(id) + ",," + offered + "," + offered +
           "," + offered + ",0,0,ann,\n";
  };
  const std::string path =
      Write("dst.csv",
            std::string(kHeader) + contact(1, "2026-03-29T00:30:00+01:00") +
                contact(2, "2026-03-29T23:30:00+02:00") + contact(3, "2026-03-30T00:10:00+02:00") +
                contact(4, "2026-03-29 02:30:00") + contact(5, "2026-10-25T00:30:00+02:00") +
                contact(6, "2026-10-25T02:10:00+02:00") + contact(7, "2026-10-25T02:10:00+01:00") +
                contact(8, "2026-10-25T23:59:00+01:00"));
  Options options;
  options.interval = IntervalKind::kDay;
  auto run = RunContactCsv(path, Mapping{}, options, 2);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->diagnostics.bad_lines, 1);
  ASSERT_FALSE(run->diagnostics.messages.empty());
  EXPECT_EQ(run->diagnostics.messages[0].line, 5);  // header + 4
  EXPECT_NE(run->diagnostics.messages[0].why.find("does not exist"), std::string::npos);
  ASSERT_EQ(run->rows.size(), 3u);
  const Row* spring = FindRow(run->rows, "2026-03-29T00:00:00+01:00");
  ASSERT_NE(spring, nullptr);
  EXPECT_EQ(spring->offered, 2);
  EXPECT_EQ(FindRow(run->rows, "2026-03-30T00:00:00+02:00")->offered, 1);
  const Row* autumn = FindRow(run->rows, "2026-10-25T00:00:00+02:00");
  ASSERT_NE(autumn, nullptr);
  EXPECT_EQ(autumn->offered, 4);
  // The day starts at 2026-03-28T23:00Z and the next at 2026-03-29T22:00Z:
  // 23 hours; the autumn day 2026-10-24T22:00Z to 2026-10-25T23:00Z: 25 hours.
  EXPECT_EQ(
      FindRow(run->rows, "2026-03-30T00:00:00+02:00")->interval_start - spring->interval_start,
      23 * 3600);

  options.interval = IntervalKind::k15m;
  run = RunContactCsv(path, Mapping{}, options, 1);
  ASSERT_TRUE(run.ok());
  EXPECT_NE(FindRow(run->rows, "2026-10-25T02:00:00+02:00"), nullptr);
  EXPECT_NE(FindRow(run->rows, "2026-10-25T02:00:00+01:00"), nullptr);
  // Week and month rows start on local Monday / the first, at local midnight.
  options.interval = IntervalKind::kWeek;
  run = RunContactCsv(path, Mapping{}, options, 1);
  ASSERT_TRUE(run.ok());
  EXPECT_NE(FindRow(run->rows, "2026-03-23T00:00:00+01:00"), nullptr);  // Monday of 03-29
  EXPECT_NE(FindRow(run->rows, "2026-03-30T00:00:00+02:00"), nullptr);
  options.interval = IntervalKind::kMonth;
  run = RunContactCsv(path, Mapping{}, options, 1);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(FindRow(run->rows, "2026-03-01T00:00:00+01:00")->offered, 3);
  EXPECT_EQ(FindRow(run->rows, "2026-10-01T00:00:00+02:00")->offered, 4);
}

// Every kind of malformed CSV line is reported by number and skipped; with
// --strict the run stops at the first.
TEST_F(KpiTest, MalformedCsvLines) {
  const std::string good =
      "2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,2026-02-02T08:01:10+01:00";
  const std::string path =
      Write("bad.csv",
            std::string(kHeader) + "1,voice,\"sales, \"\"north\"\"\",u1,," + good + ",0,0,ann,\n" +
                "2,voice,sales,u2,," + good + ",0,0\n" +                            // line 3
                "3,voice,sales,u3,,yesterday," + good.substr(26) + ",0,0,ann,\n" +  // line 4
                "4,voice,\"sales,u4,," + good + ",0,0,ann,\n" +                     // line 5
                "5,voice,sales,u5,,2026-02-02T08:00:10+01:00,2026-02-02T08:00:00+01:00,"
                "2026-02-02T08:01:00+01:00,0,0,ann,\n" +  // line 6
                "6,voice,sales,u6,," +
                good + ",61,0,ann,\n" +                                          // line 7
                "7,voice,sales,u7,,2026-02-02T08:00:00+01:00,,,0,0,,\n" +        // line 8
                "8,voice,sales,u8,," + good + ",-3,0,ann,\n" +                   // line 9
                "9,voice,sales,u9,,2026-02-02T08:00:00+01:00,2026-02-02T08:0");  // line 10
  Options options;
  options.chunk_bytes = 150;  // line numbers carried across chunks and threads
  auto run = RunContactCsv(path, Mapping{}, options, 2);
  ASSERT_TRUE(run.ok());
  // Line 2 is good (a quoted queue name with a comma and doubled quotes).
  EXPECT_EQ(run->contacts, 1);
  ASSERT_EQ(run->rows.size(), 1u);
  EXPECT_EQ(run->rows[0].queue, "sales, \"north\"");
  EXPECT_EQ(run->diagnostics.bad_lines, 8);
  std::vector<int64_t> lines;
  for (const auto& message : run->diagnostics.messages) lines.push_back(message.line);
  EXPECT_EQ(lines, (std::vector<int64_t>{3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_NE(run->diagnostics.messages[0].why.find("expected 12 fields, found 10"),
            std::string::npos);
  EXPECT_NE(run->diagnostics.messages[1].why.find("expected a time"), std::string::npos);
  EXPECT_NE(run->diagnostics.messages[2].why.find("does not close"), std::string::npos);
  EXPECT_NE(run->diagnostics.messages[3].why.find("out of order"), std::string::npos);
  EXPECT_NE(run->diagnostics.messages[4].why.find("hold is longer"), std::string::npos);
  EXPECT_NE(run->diagnostics.messages[5].why.find("without an end"), std::string::npos);
  EXPECT_NE(run->diagnostics.messages[6].why.find("whole seconds"), std::string::npos);
  EXPECT_NE(run->diagnostics.messages[7].why.find("truncated"), std::string::npos);

  options.strict = true;
  run = RunContactCsv(path, Mapping{}, options, 1);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->diagnostics.bad_lines, 1);
}

TEST_F(KpiTest, MappingFileRenamesColumns) {
  const std::string mapping_path = Write("mapping.yaml",
                                         "columns:\n"
                                         "  offered: Start\n"
                                         "  answered: Answer\n"
                                         "  ended: End\n"
                                         "  queue: Skill\n"
                                         "  wrap_s: ACW\n"
                                         "  hold_s: null\n"
                                         "delimiter: ';'\n"
                                         "time_zone: UTC\n");
  auto mapping = LoadMapping(mapping_path);
  ASSERT_TRUE(mapping.ok()) << mapping.error().ToString();
  EXPECT_EQ(mapping->time_zone, "UTC");
  // One call in UTC: wait 10, handle 50 + 5 = 55.
  const std::string path = Write("skill.csv",
                                 "Skill;Start;Answer;End;ACW\n"
                                 "billing;2026-02-02 08:00:00;2026-02-02 08:00:10;"
                                 "2026-02-02 08:01:00;5\n");
  Options options;
  options.time_zone = mapping->time_zone;
  auto run = RunContactCsv(path, *mapping, options, 1);
  ASSERT_TRUE(run.ok()) << run.error().ToString();
  ASSERT_EQ(run->rows.size(), 1u);
  EXPECT_EQ(run->rows[0].queue, "billing");
  EXPECT_EQ(run->rows[0].interval_label, "2026-02-02T08:00:00+00:00");
  EXPECT_DOUBLE_EQ(run->rows[0].asa_s, 10);
  EXPECT_DOUBLE_EQ(run->rows[0].aht_s, 55);

  const std::string json_path =
      Write("mapping.json", R"({"columns": {"offered": "Start", "ended": "End"}})");
  EXPECT_TRUE(LoadMapping(json_path).ok());
  EXPECT_FALSE(LoadMapping(Write("wrong.yaml", "columns:\n  offerd: Start\n")).ok());
  EXPECT_FALSE(LoadMapping((dir_ / "missing.yaml").string()).ok());
  // A mapping naming a column the header lacks is refused before any line.
  Mapping missing;
  missing.offered = "Begin";
  EXPECT_FALSE(RunContactCsv(path, missing, options, 1).ok());
}

// queue_log with its known defects. 1770015600 = 2026-02-02T08:00:00+01:00.
//   sales 1.1: ENTERQUEUE, CONNECT holdtime 12, COMPLETECALLER calltime 200
//   support 1.2: ABANDON after 4 s -> short abandon (interleaved queue)
//   sales 1.3: ENTERQUEUE with a trailing '|' (warning), ABANDON waittime 30
//   sales 1.4: ATTENDEDTRANSFER with no CONNECT (warning): hold 25, call 215
//   "hello": bad line (too few fields)
//   sales 1.5: EXITWITHTIMEOUT waittime 20 -> exited
//   sales 1.6: ENTERQUEUE only -> never ended (warning), left out
//   PAUSE and RINGNOANSWER: agent events, no call outcome
//   last line cut off inside the event name: bad line
// sales 08:00: offered 4 (1.1, 1.3, 1.4, 1.5), answered 2, abandoned 1,
//   exited 1; abandon rate 1 / 4; ASA (12 + 25) / 2 = 18.5; within 20 s:
//   1.1 only -> SL 1 / (2 + 1); AHT (200 + 215) / 2 = 207.5; longest wait 30;
//   transfer rate 1 / 2; FCR 2 callers, no repeats: 2 / 2.
// support 08:00: offered 1, short 1: abandon rate 0 / 0 (NaN); longest 4.
TEST_F(KpiTest, QueueLogWithKnownDefects) {
  const std::string path =
      Write("queue_log",
            "1770015600|1.1|sales|NONE|ENTERQUEUE||5551001\n"
            "1770015602|1.2|support|NONE|ENTERQUEUE||5551002\n"
            "1770015612|1.1|sales|PJSIP/ann|CONNECT|12|1.1b|3\n"
            "1770015606|1.2|support|NONE|ABANDON|1|1|4\n"
            "1770015620|1.3|sales|NONE|ENTERQUEUE||5551003|\n"
            "1770015812|1.1|sales|PJSIP/ann|COMPLETECALLER|12|200|1\n"
            "1770015650|1.3|sales|NONE|ABANDON|1|1|30\n"
            "1770015660|1.4|sales|NONE|ENTERQUEUE||5551004\n"
            "1770015900|1.4|sales|PJSIP/bob|ATTENDEDTRANSFER|BRIDGE|abc|25|215|1\n"
            "hello\n"
            "1770015670|1.5|sales|NONE|ENTERQUEUE||5551005\n"
            "1770015690|1.5|sales|NONE|EXITWITHTIMEOUT|1|1|20\n"
            "1770015695|1.6|sales|NONE|ENTERQUEUE||5551006\n"
            "1770015700|NONE|sales|PJSIP/ann|PAUSE|lunch\n"
            "1770015640|1.7|sales|PJSIP/ann|RINGNOANSWER|15000\n"
            "1770016100|1.8|sales|PJSIP/ann|COMPLETECAL");
  Options options;
  auto run = RunQueueLog(path, options);
  ASSERT_TRUE(run.ok()) << run.error().ToString();
  EXPECT_EQ(run->diagnostics.bad_lines, 2);
  EXPECT_EQ(run->diagnostics.warnings, 4);  // 5, 9, 14 (ann paused, never logged in), 13
  std::vector<int64_t> lines;
  for (const auto& message : run->diagnostics.messages) lines.push_back(message.line);
  EXPECT_EQ(lines, (std::vector<int64_t>{5, 9, 10, 14, 16, 13}));
  const Row* sales = FindRow(run->rows, "2026-02-02T08:00:00+01:00", "sales");
  ASSERT_NE(sales, nullptr);
  EXPECT_EQ(sales->offered, 4);
  EXPECT_EQ(sales->answered, 2);
  EXPECT_EQ(sales->abandoned, 1);
  EXPECT_EQ(sales->exited, 1);
  EXPECT_DOUBLE_EQ(sales->abandon_rate, 0.25);
  EXPECT_DOUBLE_EQ(sales->asa_s, 18.5);
  EXPECT_DOUBLE_EQ(sales->service_level, 1.0 / 3);
  EXPECT_DOUBLE_EQ(sales->aht_s, 207.5);
  EXPECT_EQ(sales->longest_wait_s, 30);
  EXPECT_DOUBLE_EQ(sales->transfer_rate, 0.5);
  EXPECT_DOUBLE_EQ(sales->fcr, 1);
  const Row* support = FindRow(run->rows, "2026-02-02T08:00:00+01:00", "support");
  ASSERT_NE(support, nullptr);
  EXPECT_EQ(support->short_abandoned, 1);
  EXPECT_TRUE(std::isnan(support->abandon_rate));
  EXPECT_EQ(support->longest_wait_s, 4);

  options.strict = true;
  run = RunQueueLog(path, options);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->diagnostics.bad_lines, 1);  // stopped at "hello"
}

// Occupancy from queue_log agent events, 2026-02-02 in Oslo (+01:00):
//   ann: ADDMEMBER 08:00:00; call 08:02:10-08:07:10 (300 s); PAUSE 08:10:00,
//        UNPAUSE 08:12:00; call 08:20:05-08:25:05 (300 s); REMOVEMEMBER 08:30:00
//   bob: ADDMEMBER 08:20:00, still logged in when the log ends (08:30:00)
// By queue x 15 min:
//   08:00-08:15: staffed ann 08:00-08:10 + 08:12-08:15 = 600 + 180 = 780 s;
//                busy 300 s -> 300 / 780
//   08:15-08:30: staffed ann 900 + bob 600 = 1500 s; busy 300 -> 0.2
// By agent x day: ann 600 / (780 + 900) = 600 / 1680; bob 0 / 600 = 0.
TEST_F(KpiTest, OccupancyFromAgentEvents) {
  const std::string path = Write("queue_log",
                                 "1770015600|NONE|sales|PJSIP/ann|ADDMEMBER|\n"
                                 "1770015720|c1|sales|NONE|ENTERQUEUE||5551001\n"
                                 "1770015730|c1|sales|PJSIP/ann|CONNECT|10|c1b|2\n"
                                 "1770016030|c1|sales|PJSIP/ann|COMPLETECALLER|10|300|1\n"
                                 "1770016200|NONE|NONE|PJSIP/ann|PAUSE|lunch\n"
                                 "1770016320|NONE|NONE|PJSIP/ann|UNPAUSE|\n"
                                 "1770016800|NONE|sales|PJSIP/bob|ADDMEMBER|\n"
                                 "1770016800|c2|sales|NONE|ENTERQUEUE||5551002\n"
                                 "1770016805|c2|sales|PJSIP/ann|CONNECT|5|c2b|2\n"
                                 "1770017105|c2|sales|PJSIP/ann|COMPLETEAGENT|5|300|1\n"
                                 "1770017400|NONE|sales|PJSIP/ann|REMOVEMEMBER|\n");
  Options options;
  options.more_reports = {Grouping{false, true, false, IntervalKind::kDay}};
  auto run = RunQueueLog(path, options);
  ASSERT_TRUE(run.ok()) << run.error().ToString();
  EXPECT_EQ(run->diagnostics.bad_lines, 0);
  EXPECT_EQ(run->diagnostics.warnings, 1);  // bob still logged in
  const Row* first = FindRow(run->rows, "2026-02-02T08:00:00+01:00", "sales");
  const Row* second = FindRow(run->rows, "2026-02-02T08:15:00+01:00", "sales");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->staffed_s, 780);
  EXPECT_EQ(first->busy_s, 300);
  EXPECT_DOUBLE_EQ(first->occupancy, 300.0 / 780);
  EXPECT_EQ(second->staffed_s, 1500);
  EXPECT_DOUBLE_EQ(second->occupancy, 0.2);
  ASSERT_EQ(run->more_rows.size(), 1u);
  const std::vector<Row>& agents = run->more_rows[0];
  ASSERT_EQ(agents.size(), 2u);  // ann and bob (ann answered both calls)
  const Row* ann = nullptr;
  const Row* bob = nullptr;
  for (const Row& row : agents) {
    if (row.agent == "PJSIP/ann") ann = &row;
    if (row.agent == "PJSIP/bob") bob = &row;
  }
  ASSERT_TRUE(ann && bob);
  EXPECT_EQ(ann->staffed_s, 1680);
  EXPECT_DOUBLE_EQ(ann->occupancy, 600.0 / 1680);
  EXPECT_EQ(bob->staffed_s, 600);
  EXPECT_DOUBLE_EQ(bob->occupancy, 0);
  // A contact CSV has no agent states: occupancy is unknown (NaN), not 0.
  const std::string csv = Write("c.csv", std::string(kHeader) +
                                             "1,voice,q,u1,,2026-02-02T08:00:00+01:00,,"
                                             "2026-02-02T08:00:30+01:00,0,0,,\n");
  auto from_csv = RunContactCsv(csv, Mapping{}, Options{}, 1);
  ASSERT_TRUE(from_csv.ok());
  ASSERT_EQ(from_csv->rows.size(), 1u);
  EXPECT_TRUE(std::isnan(from_csv->rows[0].occupancy));
}

// CDR CSV (cdr_csv order). Queue 600 on 2026-02-02, local Oslo time:
//   5551001 answered after 15 s (08:00:00 -> 08:00:15), billsec 180, agent SIP/1001
//   5551002 NO ANSWER after 40 s -> abandoned
//   a start at 2026-03-29 02:30:00 (does not exist) and a cut line: bad
// 08:00: offered 2, answered 1, abandoned 1: abandon rate 1/2, ASA 15,
//   SL 1 / (1 + 1) = 0.5, AHT 180, longest wait 40.
TEST_F(KpiTest, CdrCsv) {
  const std::string path = Write(
      "Master.csv",
      "\"\",\"5551001\",\"600\",\"from-queue\",\"\"\"Kari\"\" <5551001>\",\"SIP/trunk-01\","
      "\"SIP/1001-0000002a\",\"Queue\",\"600\",\"2026-02-02 08:00:00\",\"2026-02-02 "
      "08:00:15\",\"2026-02-02 08:03:15\",195,180,\"ANSWERED\",\"DOCUMENTATION\",\"1.1\",\"\"\n"
      "\"\",\"5551002\",\"600\",\"from-queue\",\"\",\"SIP/trunk-02\",\"\",\"Queue\",\"600\","
      "\"2026-02-02 08:01:00\",\"\",\"2026-02-02 08:01:40\",40,0,\"NO ANSWER\","
      "\"DOCUMENTATION\"\n"
      "\"\",\"5551003\",\"600\",\"from-queue\",\"\",\"SIP/trunk-03\",\"\",\"Queue\",\"600\","
      "\"2026-03-29 02:30:00\",\"\",\"2026-03-29 03:31:00\",60,0,\"NO ANSWER\","
      "\"DOCUMENTATION\"\n"
      "\"\",\"5551004\",\"600\",\"from-queue\"\n");
  Options options;
  options.by_agent = true;
  auto run = RunCdr(path, options);
  ASSERT_TRUE(run.ok()) << run.error().ToString();
  EXPECT_EQ(run->diagnostics.bad_lines, 2);
  ASSERT_EQ(run->rows.size(), 2u);  // agent SIP/1001, and no agent for the abandon
  options.by_agent = false;
  run = RunCdr(path, options);
  ASSERT_TRUE(run.ok());
  ASSERT_EQ(run->rows.size(), 1u);
  const Row& row = run->rows[0];
  EXPECT_EQ(row.queue, "600");
  EXPECT_EQ(row.offered, 2);
  EXPECT_DOUBLE_EQ(row.abandon_rate, 0.5);
  EXPECT_DOUBLE_EQ(row.asa_s, 15);
  EXPECT_DOUBLE_EQ(row.service_level, 0.5);
  EXPECT_DOUBLE_EQ(row.aht_s, 180);
  EXPECT_EQ(row.longest_wait_s, 40);
}

// The seams of the contact CSV reader: chunks of 1 byte (a line each), 100
// bytes and 4 MB, taken by 1 to 5 threads.
template <class Fn>
void ForEverySeam(Fn&& check) {
  for (int threads = 1; threads <= 5; ++threads) {
    for (size_t chunk_bytes : {size_t{1}, size_t{100}, size_t{4} << 20}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", chunks of " +
                   std::to_string(chunk_bytes) + " bytes");
      check(threads, chunk_bytes);
    }
  }
}

TEST_F(KpiTest, QuotedLineBreaksAtEverySeam) {
  const std::string times =
      "2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,2026-02-02T08:01:10+01:00";
  const std::string path = Write(
      "breaks.csv", std::string(kHeader) + "1,voice,\"sales\nnorth\",u1,," + times +
                        ",0,0,ann,\n" +                                 // lines 2-3
                        "2,voice,sales,u2,," + times + ",0,0,ann,\n" +  // line 4
                        // lines 5-8: a blank line and doubled quotes inside the quotes
                        "3,voice,sales,u3,," + times + ",0,0,ann,\"a\n\nb \"\"q\"\"\r\nc\"\n" +
                        "4,voice,sales,u4,," + times + ",0,0\n" +                    // line 9
                        "5,voice,\"sales\nnorth\",u5,," + times + ",0,0,bob,\r\n");  // 10-11
  ForEverySeam([&](int threads, size_t chunk_bytes) {
    Options options;
    options.chunk_bytes = chunk_bytes;
    auto run = RunContactCsv(path, Mapping{}, options, threads);
    ASSERT_TRUE(run.ok()) << run.error().ToString();
    EXPECT_EQ(run->contacts, 4);
    EXPECT_EQ(run->lines, 11);
    ASSERT_EQ(run->diagnostics.bad_lines, 1);
    EXPECT_EQ(run->diagnostics.messages[0].line, 9);
    const Row* north = FindRow(run->rows, "2026-02-02T08:00:00+01:00", "sales\nnorth");
    const Row* sales = FindRow(run->rows, "2026-02-02T08:00:00+01:00", "sales");
    ASSERT_TRUE(north && sales);
    EXPECT_EQ(north->offered, 2);
    EXPECT_EQ(sales->offered, 2);
  });
}

TEST_F(KpiTest, AQuoteThatNeverClosesIsReportedAtItsLineAtEverySeam) {
  const std::string times =
      "2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,2026-02-02T08:01:10+01:00";
  const std::string path =
      Write("open.csv", std::string(kHeader) + "1,voice,sales,u1,," + times + ",0,0,ann,\n" +
                            "2,voice,\"sales,u2,," + times + ",0,0,ann,\n" +  // line 3
                            "3,voice,sales,u3,," + times + ",0,0,ann,\n");
  ForEverySeam([&](int threads, size_t chunk_bytes) {
    Options options;
    options.chunk_bytes = chunk_bytes;
    auto run = RunContactCsv(path, Mapping{}, options, threads);
    ASSERT_TRUE(run.ok()) << run.error().ToString();
    EXPECT_EQ(run->contacts, 2);  // reading goes on after the line that opened it
    ASSERT_EQ(run->diagnostics.bad_lines, 1);
    EXPECT_EQ(run->diagnostics.messages[0].line, 3);
    EXPECT_NE(run->diagnostics.messages[0].why.find("does not close"), std::string::npos);
  });
}

TEST_F(KpiTest, InvalidUtf8InAContactCsvIsAnErrorAtItsLineAndColumnAtEverySeam) {
  const std::string times =
      "2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,2026-02-02T08:01:10+01:00";
  // Line 4 names the agent "Kåre" in Latin-1: before 0xE5 come
  // "3,voice,sales,u3,," (18), the times (77), ",0,0," (5) and "K": column 102.
  const std::string path =
      Write("latin1.csv", std::string(kHeader) + "1,voice,\"sales\nnorth\",u1,," + times +
                              ",0,0,ann,\n" + "3,voice,sales,u3,," + times + ",0,0,K\xE5re,\n" +
                              "4,voice,sales,u4,," + times + ",0,0,ann,\n");
  ForEverySeam([&](int threads, size_t chunk_bytes) {
    Options options;
    options.chunk_bytes = chunk_bytes;
    auto run = RunContactCsv(path, Mapping{}, options, threads);
    ASSERT_FALSE(run.ok());
    EXPECT_EQ(run.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(run.error().where, path + ":4:102");
    EXPECT_NE(run.error().message.find("not valid UTF-8 (byte 0xE5)"), std::string::npos);
  });
}

TEST_F(KpiTest, InvalidUtf8InAQueueLogCdrOrMappingIsAnError) {
  const std::string log = Write("queue_log",
                                "1770015600|NONE|sales|PJSIP/ann|ADDMEMBER|\n"
                                "1770015720|c1|s\xE6lg|NONE|ENTERQUEUE||5551001\n");
  auto queue_log = RunQueueLog(log, Options{});
  ASSERT_FALSE(queue_log.ok());
  EXPECT_EQ(queue_log.error().where, log + ":2:16");

  const std::string cdr =
      Write("Master.csv",
            "\"\",\"5551001\",\"600\",\"from-queue\",\"\"\"K\xE5re\"\" <5551001>\","
            "\"SIP/trunk-01\"\n");
  auto cdr_run = RunCdr(cdr, Options{});
  ASSERT_FALSE(cdr_run.ok());
  EXPECT_EQ(cdr_run.error().where, cdr + ":1:37");

  const std::string mapping = Write("m.yaml", "columns:\n  queue: K\xF8\n");
  auto loaded = LoadMapping(mapping);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().where, mapping + ":2:11");
}

TEST_F(KpiTest, AFarFutureTimeInAQueueLogIsABadLineNotAnEndlessShift) {
  // ann logs in at 08:00 and out at 08:13; line 2 claims the year 2533.
  const std::string path = Write("queue_log",
                                 "1770015600|NONE|sales|PJSIP/ann|ADDMEMBER|\n"
                                 "17770015600|NONE|sales|PJSIP/ann|PAUSE|\n"
                                 "1770016380|NONE|sales|PJSIP/ann|REMOVEMEMBER|\n"
                                 "4000000000|NONE|sales|PJSIP/ann|ADDMEMBER|\n");
  auto run = RunQueueLog(path, Options{});
  ASSERT_TRUE(run.ok()) << run.error().ToString();
  ASSERT_EQ(run->diagnostics.bad_lines, 2);
  EXPECT_EQ(run->diagnostics.messages[0].line, 2);
  EXPECT_NE(run->diagnostics.messages[0].why.find("from 1970 to 2106"), std::string::npos);
  EXPECT_EQ(run->diagnostics.messages[1].line, 4);
  EXPECT_NE(run->diagnostics.messages[1].why.find("more than 3660 days from the log's first"),
            std::string::npos);
  ASSERT_EQ(run->rows.size(), 1u);
  EXPECT_EQ(run->rows[0].staffed_s, 780);
}

// The CLI's progress bar follows these calls: they only grow, and the last
// one says the whole file was read (its size on disk).
TEST_F(KpiTest, ProgressGrowsToTheFileSizeInEveryFormat) {
  std::string csv = kHeader;
  for (int i = 0; i < 40; ++i) {
    csv += std::to_string(i) +
           ",voice,sales,u1,,2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,"
           "2026-02-02T08:05:10+01:00,0,0,ann,resolved\n";
  }
  const std::string csv_path = Write("contacts.csv", csv);
  const std::string log_path =
      Write("queue_log", "1770015600|1.1|sales|NONE|ENTERQUEUE||5551001\n");
  const std::string cdr_path =
      Write("Master.csv",
            "\"\",\"5551002\",\"600\",\"from-queue\",\"\",\"SIP/trunk-02\",\"\",\"Queue\",\"600\","
            "\"2026-02-02 08:01:00\",\"\",\"2026-02-02 08:01:40\",40,0,\"NO ANSWER\","
            "\"DOCUMENTATION\"\n");
  std::vector<std::pair<int64_t, int64_t>> calls;
  Options options;
  options.chunk_bytes = 300;  // several rounds of two chunks
  options.on_progress = [&calls](int64_t read, int64_t total) { calls.emplace_back(read, total); };
  auto expect_whole_file = [&](const std::string& path, size_t at_least) {
    const auto size = static_cast<int64_t>(std::filesystem::file_size(path));
    ASSERT_GE(calls.size(), at_least) << path;
    for (size_t i = 1; i < calls.size(); ++i) EXPECT_LE(calls[i - 1].first, calls[i].first);
    EXPECT_EQ(calls.back(), std::make_pair(size, size)) << path;
    calls.clear();
  };
  ASSERT_TRUE(RunContactCsv(csv_path, Mapping(), options, 2).ok());
  expect_whole_file(csv_path, 3);
  ASSERT_TRUE(RunQueueLog(log_path, options).ok());
  expect_whole_file(log_path, 1);
  ASSERT_TRUE(RunCdr(cdr_path, options).ok());
  expect_whole_file(cdr_path, 1);
}

}  // namespace
}  // namespace cx::kpi
