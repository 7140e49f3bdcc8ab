#include "sampling/sampling.h"

#include <gtest/gtest.h>

namespace cx::sampling {
namespace {

TEST(ContactsNeeded, ForAMarginOfPlusMinusFivePoints) {
  // sd 15, margin 5: (1.96 * 15 / 5)^2 = 5.8799^2 = 34.57 -> 35 contacts.
  EXPECT_EQ(*ContactsNeeded(15, 5), 35);
  // sd 20, margin 2: (1.96 * 20 / 2)^2 = 384.1 -> 385 (the classic 385).
  EXPECT_EQ(*ContactsNeeded(20, 2), 385);
  // With a population of 200: 384.15 / (1 + 383.15 / 200) = 131.7 -> 132.
  EXPECT_EQ(*ContactsNeeded(20, 2, 200.0), 132);
  EXPECT_FALSE(ContactsNeeded(0, 5).ok());
  EXPECT_FALSE(ContactsNeeded(15, -1).ok());
}

TEST(MarginFor, TheContestsTwentyFiveContacts) {
  // 25 contacts, sd 15: 1.96 * 15 / 5 = 5.88 points.
  EXPECT_NEAR(*MarginFor(15, 25), 5.8799, 1e-4);
  // Population 100: times sqrt(75 / 99) = 0.8704 -> 5.118.
  EXPECT_NEAR(*MarginFor(15, 25, 100.0), 5.1178, 1e-4);
  EXPECT_FALSE(MarginFor(15, 0).ok());
  EXPECT_FALSE(MarginFor(15, 30, 20.0).ok());
}

TEST(Allocate, MinimumFirstThenBySize) {
  // 100 contacts, minimum 10 each (30); 70 left by size 50:30:20 -> 35, 21, 14.
  auto allocation = Allocate(100, 10, {{"Oslo", 50}, {"Bergen", 30}, {"Tromsø", 20}}, {"a"});
  ASSERT_TRUE(allocation.ok());
  EXPECT_EQ((*allocation)[0].contacts, 45);
  EXPECT_EQ((*allocation)[1].contacts, 31);
  EXPECT_EQ((*allocation)[2].contacts, 24);
}

TEST(Allocate, LargestRemainderTiesToTheFirstAndScenariosEvenly) {
  // 50 contacts, minimum 5 (15); 35 left by 7:2:1 -> quotas 24.5, 7, 3.5; floors 34;
  // the seat left goes to the first of the tied .5 fractions: 25, 7, 3 -> 30, 12, 8.
  auto allocation = Allocate(50, 5, {{"A", 7}, {"B", 2}, {"C", 1}}, {"s1", "s2", "s3"});
  ASSERT_TRUE(allocation.ok());
  EXPECT_EQ((*allocation)[0].contacts, 30);
  EXPECT_EQ((*allocation)[1].contacts, 12);
  EXPECT_EQ((*allocation)[2].contacts, 8);
  // 8 over three scenarios: 2.67 each -> 2, 2, 2 and two left to the first two: 3, 3, 2.
  EXPECT_EQ((*allocation)[2].by_scenario[0].second, 3);
  EXPECT_EQ((*allocation)[2].by_scenario[1].second, 3);
  EXPECT_EQ((*allocation)[2].by_scenario[2].second, 2);
}

TEST(Allocate, SaysWhyItCannot) {
  auto allocation = Allocate(20, 10, {{"A", 1}, {"B", 1}, {"C", 1}}, {"s"});
  ASSERT_FALSE(allocation.ok());
  EXPECT_EQ(allocation.error().message,
            "3 centres with at least 10 contacts each need 30; the total is 20");
}

}  // namespace
}  // namespace cx::sampling
