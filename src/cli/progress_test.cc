#include "cli/progress.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <iostream>
#include <sstream>

namespace cx::cli {
namespace {

TEST(ProgressLine, BarCountsPercentAndTimeLeft) {
  // 45 of 180 in 30 s: 135 left at 1.5 per second is 90 s.
  EXPECT_EQ(ProgressLine("report", 45, 180, 30.0, 8),
            "report [##......] 45/180 25 %, about 1 min 30 s left");
  // 1 of 3 in 10 s: 2 left at 10 s each is 20 s.
  EXPECT_EQ(ProgressLine("demo", 1, 3, 10.0, 6), "demo [##....] 1/3 33 %, about 20 s left");
  // 1 of 1000 after 7.2 s: 999 * 7.2 = 7192.8 s, rounded up to 7193 s = 1 h 59 min.
  EXPECT_EQ(ProgressLine("kpi", 1, 1000, 7.2, 4), "kpi [....] 1/1000 0 %, about 1 h 59 min left");
}

TEST(ProgressLine, BytesShowAsMegabytes) {
  // 800 MB of 3.2 GB in 20 s: 2.4 GB left at 40 MB/s is 60 s.
  EXPECT_EQ(ProgressLine("kpi", 800'000'000, 3'200'000'000, 20.0, 4, ProgressUnit::kBytes),
            "kpi [#...] 800.0/3200.0 MB 25 %, about 1 min 00 s left");
  EXPECT_EQ(ProgressLine("kpi", 0, 1'300'000, 0.0, 4, ProgressUnit::kBytes),
            "kpi [....] 0.0/1.3 MB 0 %");
}

TEST(ProgressLine, NoEstimateBeforeTheFirstUnitNorAtTheEnd) {
  EXPECT_EQ(ProgressLine("plan", 0, 4, 3.0, 4), "plan [....] 0/4 0 %");
  EXPECT_EQ(ProgressLine("plan", 4, 4, 3.0, 4), "plan [####] 4/4 100 %");
  // More reported than the total is shown as done; nothing to do is done.
  EXPECT_EQ(ProgressLine("plan", 9, 4, 3.0, 4), "plan [####] 4/4 100 %");
  EXPECT_EQ(ProgressLine("plan", 0, 0, 0.0, 4), "plan [####] 0/0 100 %");
}

TEST(Progress, SilentWhenStandardErrorIsNotATerminal) {
  if (isatty(STDERR_FILENO)) GTEST_SKIP() << "standard error is a terminal here";
  std::ostringstream captured;
  std::streambuf* old = std::cerr.rdbuf(captured.rdbuf());
  {
    Progress progress("report", 3);
    EXPECT_FALSE(progress.enabled());
    progress.Advance();
    progress.Advance(2);
  }
  std::cerr.rdbuf(old);
  EXPECT_EQ(captured.str(), "");
}

}  // namespace
}  // namespace cx::cli
