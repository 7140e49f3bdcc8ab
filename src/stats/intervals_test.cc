// Expected values are worked out by hand below (rounded to the digits shown)
// or taken from the cited tables; never from the code under test.
#include "stats/intervals.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/moments.h"
#include "stats/random.h"

namespace cx::stats {
namespace {

TEST(Wilson, EightOfTen) {
  // p = 0.8, n = 10, z = 1.959964, z^2 = 3.841459.
  // denominator = 1 + 3.841459/10 = 1.3841459
  // centre = (0.8 + 3.841459/20) / 1.3841459 = 0.9920730 / 1.3841459 = 0.7167401
  // half = 1.959964/1.3841459 * sqrt(0.16/10 + 3.841459/400)
  //      = 1.4160163 * sqrt(0.0256036) = 1.4160163 * 0.1600113 = 0.2265777
  // ci = [0.7167401 - 0.2265777, 0.7167401 + 0.2265777] = [0.4902, 0.9433].
  const auto ci = Wilson(8, 10);
  ASSERT_TRUE(ci);
  EXPECT_NEAR(ci->low, 0.4902, 1e-4);
  EXPECT_NEAR(ci->high, 0.9433, 1e-4);
}

TEST(Wilson, NoneOfFiveStaysAboveZero) {
  // p = 0: centre = (z^2/10) / (1 + z^2/5) = 0.3841459 / 1.7682918 = 0.2172412,
  // half = z/1.7682918 * sqrt(z^2/100) = 1.108394 * 0.1959964 = 0.2172412.
  // ci = [0, 0.4345].
  const auto ci = Wilson(0, 5);
  ASSERT_TRUE(ci);
  EXPECT_NEAR(ci->low, 0.0, 1e-12);
  EXPECT_NEAR(ci->high, 0.4345, 1e-4);
}

TEST(Wilson, EmptyIsNullopt) { EXPECT_FALSE(Wilson(0, 0)); }

TEST(Nps, AdjustedWaldByHand) {
  // 20 answers: 10 promoters, 6 passives, 4 detractors. NPS = 100 (10 - 4)/20 = 30.
  // Rocks 2016: n' = 23, p' = 10.75/23 = 0.4673913, d' = 4.75/23 = 0.2065217,
  // p' - d' = 0.2608696, var = (0.6739130 - 0.0680529) / 23 = 0.0263417,
  // sd = 0.1623014, z sd = 0.3181049, ci = 100 (0.2608696 -/+ 0.3181049) = [-5.72, 57.90].
  const auto nps = NpsAdjustedWald(10, 4, 20);
  ASSERT_TRUE(nps);
  EXPECT_DOUBLE_EQ(nps->nps, 30.0);
  EXPECT_NEAR(nps->ci.low, -5.72, 0.01);
  EXPECT_NEAR(nps->ci.high, 57.90, 0.01);
}

TEST(Nps, AllPromotersClampsAtHundred) {
  // 5 of 5 promoters: p' = 5.75/8 = 0.71875, d' = 0.75/8 = 0.09375, p'-d' = 0.625,
  // var = (0.8125 - 0.390625)/8 = 0.0527344, sd = 0.2296397, z sd = 0.4500855,
  // ci = [17.49, 107.5] -> high clamped to 100.
  const auto nps = NpsAdjustedWald(5, 0, 5);
  ASSERT_TRUE(nps);
  EXPECT_DOUBLE_EQ(nps->nps, 100.0);
  EXPECT_NEAR(nps->ci.low, 17.49, 0.01);
  EXPECT_DOUBLE_EQ(nps->ci.high, 100.0);
  EXPECT_FALSE(NpsAdjustedWald(0, 0, 0));
}

TEST(StudentT, TableAndExpansion) {
  EXPECT_NEAR(StudentT975(1), 12.706, 1e-3);
  EXPECT_NEAR(StudentT975(24), 2.064, 1e-3);
  // Tables: t(0.975, 40) = 2.0211, t(0.975, 120) = 1.9799.
  EXPECT_NEAR(StudentT975(40), 2.0211, 2e-4);
  EXPECT_NEAR(StudentT975(120), 1.9799, 2e-4);
}

TEST(MeanT, ByHand) {
  // 2 4 4 4 5 5 7 9: mean 5, sum of squares of deviations 32, sd = sqrt(32/7) = 2.138090,
  // t(0.975, 7) = 2.365, half = 2.365 * 2.138090 / sqrt(8) = 1.787772, ci = [3.2122, 6.7878].
  const auto estimate = MeanT({2, 4, 4, 4, 5, 5, 7, 9});
  ASSERT_TRUE(estimate);
  EXPECT_DOUBLE_EQ(estimate->mean, 5.0);
  EXPECT_NEAR(estimate->ci.low, 3.2122, 1e-4);
  EXPECT_NEAR(estimate->ci.high, 6.7878, 1e-4);
  EXPECT_FALSE(MeanT({}));
  const auto one = MeanT({3});
  ASSERT_TRUE(one);
  EXPECT_DOUBLE_EQ(one->ci.low, 3.0);
  EXPECT_DOUBLE_EQ(one->ci.high, 3.0);
}

TEST(Quantile, Type7) {
  // 1 2 3 4: h = 3 * 0.25 = 0.75 -> 1 + 0.75 (2 - 1) = 1.75; h = 2.25 -> 3.25.
  EXPECT_DOUBLE_EQ(*Quantile({4, 1, 3, 2}, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(*Quantile({4, 1, 3, 2}, 0.75), 3.25);
  EXPECT_DOUBLE_EQ(*Quantile({7}, 0.5), 7.0);
  EXPECT_FALSE(Quantile({}, 0.5));
}

TEST(Moments, CombineEqualsSequential) {
  // 2 4 4 4 | 5 5 7 9: the merged state equals one pass: mean 5, sd sqrt(32/7).
  Moments left, right, all;
  for (double x : {2, 4, 4, 4}) left.Update(x);
  for (double x : {5, 5, 7, 9}) right.Update(x);
  for (double x : {2, 4, 4, 4, 5, 5, 7, 9}) all.Update(x);
  left.Combine(right);
  EXPECT_EQ(left.n, 8);
  EXPECT_DOUBLE_EQ(*left.Mean(), 5.0);
  EXPECT_NEAR(*left.Sd(), std::sqrt(32.0 / 7), 1e-12);
  EXPECT_NEAR(*all.Sd(), std::sqrt(32.0 / 7), 1e-12);
  EXPECT_FALSE(Moments{}.Mean());
  EXPECT_FALSE(Moments{}.Sd());
}

TEST(Random, ReproducibleAndInRange) {
  Xoshiro256 a(StreamSeed(42, 7)), b(StreamSeed(42, 7)), c(StreamSeed(42, 8));
  bool differs = false;
  for (int draw = 0; draw < 1000; ++draw) {
    const uint32_t x = a.Index(25);
    EXPECT_EQ(x, b.Index(25));
    EXPECT_LT(x, 25u);
    differs = differs || (x != c.Index(25));
  }
  EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace cx::stats
