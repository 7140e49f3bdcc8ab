#include "staffing/erlang.h"

#include <gtest/gtest.h>

namespace cx::staffing {
namespace {

// Reference values: the Erlang C formula
//   C(N, A) = (A^N / N! * N / (N - A)) / (sum_{k<N} A^k / k! + A^N / N! * N / (N - A))
// evaluated with exact rational arithmetic (Python fractions), not with the
// recurrence under test. For A = 10 they agree with published Erlang C tables
// to four decimals (P(wait) 0.6821, 0.4494, 0.2853, 0.1741 for 11..14 agents).
// The example: 100 calls in 30 minutes, AHT 180 s: A = 100 * 180 / 1800 = 10 Erlangs.

TEST(ErlangC, MatchesTheFormulaForTenErlangs) {
  EXPECT_NEAR(ErlangC(11, 10), 0.682118, 1e-6);
  EXPECT_NEAR(ErlangC(12, 10), 0.449388, 1e-6);
  EXPECT_NEAR(ErlangC(13, 10), 0.285270, 1e-6);
  EXPECT_NEAR(ErlangC(14, 10), 0.174132, 1e-6);
  EXPECT_NEAR(ErlangC(15, 10), 0.102042, 1e-6);
  EXPECT_EQ(ErlangC(10, 10), 1.0);  // N <= A: everyone waits, forever
  EXPECT_EQ(ErlangC(3, 10), 1.0);
}

TEST(Evaluate, AsaServiceLevelAndOccupancy) {
  // N = 13: ASA = 0.285270 * 180 / 3 = 17.1162 s; SL(20) = 1 - 0.285270 e^(-3 * 20 / 180) =
  // 0.795595.
  const Staffing staffing = Evaluate(13, {10, 180}, 20);
  EXPECT_NEAR(*staffing.asa_s, 17.1162, 1e-4);
  EXPECT_NEAR(staffing.service_level, 0.795595, 1e-6);
  EXPECT_NEAR(staffing.occupancy, 10.0 / 13, 1e-12);
  EXPECT_FALSE(Evaluate(10, {10, 180}, 20).asa_s.has_value());
}

TEST(FewestAgents, MeetsEveryTargetGiven) {
  const Load load{10, 180};
  // 80/20: 13 agents give 0.7956, 14 give 0.8884.
  EXPECT_EQ(FewestAgents(load, {0.80, 20, std::nullopt, std::nullopt, 0}).agents, 14);
  // ASA at most 15 s: 13 give 17.1 s, 14 give 7.84 s.
  EXPECT_EQ(FewestAgents(load, {std::nullopt, 20, 15.0, std::nullopt, 0}).agents, 14);
  // ... and occupancy at most 0.70: 10 / 14 = 0.714, 10 / 15 = 0.667.
  EXPECT_EQ(FewestAgents(load, {0.80, 20, std::nullopt, 0.70, 0}).agents, 15);
  // Shrinkage 30 %: 14 on the phones need ceil(14 / 0.7) = 20 staffed.
  EXPECT_EQ(FewestAgents(load, {0.80, 20, std::nullopt, std::nullopt, 0.30}).heads, 20);
  // No target: the fewest with a finite queue.
  EXPECT_EQ(FewestAgents(load, {}).agents, 11);
}

TEST(ErlangC, StableForLargeCentres) {
  // A = 1000, N = 1030: exact C = 0.248908785843602; SL(20 s, AHT 180) = 0.991120.
  EXPECT_NEAR(ErlangC(1030, 1000), 0.248908785843602, 1e-9);
  EXPECT_NEAR(Evaluate(1030, {1000, 180}, 20).service_level, 0.991120, 1e-6);
  // 5,000 Erlangs: no overflow, no NaN, and more agents never wait more.
  double previous = 1;
  for (int agents = 5001; agents <= 5200; agents += 20) {
    const double c = ErlangC(agents, 5000);
    ASSERT_TRUE(c > 0 && c < 1) << agents;
    EXPECT_LT(c, previous);
    previous = c;
  }
}

}  // namespace
}  // namespace cx::staffing
