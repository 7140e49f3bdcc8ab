#include "report/participant_report_builder.h"

#include <gtest/gtest.h>

#include "results/test_study.h"

namespace cx::report {
namespace {

using namespace cx::results::testing;  // NOLINT: the results tests' study builders

// One industry, two participants, two yes/no questions of 2 points:
// q1 in area agent, q2 in area total. Four answered phone contacts each:
//   a: q1 = 1 1 1 1,  q2 = 1 1 0 0
//   b: q1 = 0 0 0 0,  q2 = 0 1 0 0
domain::Study SmallStudy() {
  domain::Study study;
  study.id = "s";
  study.name = "Liten studie";
  study.languages = {"en"};
  domain::ChannelSpec phone;
  phone.channel = Channel::kPhone;
  phone.max_wait_seconds = 600;
  study.channels = {phone};
  study.areas = {MakeArea("agent"), MakeArea("total")};
  study.areas[0].label.by_language["en"] = "The agent";
  study.areas[1].label.by_language["en"] = "Total impression";
  study.questions = {MakeQuestion("q1", "agent", QuestionType::kYesNo, 2),
                     MakeQuestion("q2", "total", QuestionType::kYesNo, 2)};
  study.questions[0].label.by_language["en"] = "Asked about needs";
  study.questions[1].label.by_language["en"] = "Would recommend";
  study.industries = {MakeIndustry("bank")};
  study.participants = {MakeParticipant("a", "bank"), MakeParticipant("b", "bank")};
  return study;
}

std::vector<domain::Contact> SmallContacts() {
  const int q1_a[] = {1, 1, 1, 1}, q2_a[] = {1, 1, 0, 0}, q1_b[] = {0, 0, 0, 0},
            q2_b[] = {0, 1, 0, 0};
  std::vector<domain::Contact> contacts;
  for (int index = 0; index < 4; ++index) {
    contacts.push_back(MakeContact("a" + std::to_string(index), "a", Channel::kPhone, 10.0,
                                   {Number("q1", q1_a[index]), Number("q2", q2_a[index])}));
    contacts.push_back(MakeContact("b" + std::to_string(index), "b", Channel::kPhone, 10.0,
                                   {Number("q1", q1_b[index]), Number("q2", q2_b[index])}));
  }
  return contacts;
}

struct Built {
  domain::Study study = SmallStudy();
  std::vector<domain::Contact> contacts = SmallContacts();
  results::StudyResults results;
  ScoredFieldwork scored;
  Built() {
    results::ResultsOptions options;
    options.resamples = 200;
    results = results::ComputeResults(study, contacts, options).value();
    scored = ScoreFieldwork(study, contacts);
  }
  ParticipantReportInput For(const std::string& id) {
    return BuildParticipantReport(study, contacts, scored, results, id, "en");
  }
};

TEST(BuildParticipantReport, TotalsAndAreasAgainstTheIndustry) {
  Built built;
  const auto a = built.For("a");
  // a's contact totals: (2 + 2) / 4 = 100, 100, (2 + 0) / 4 = 50, 50 -> mean 75.
  EXPECT_EQ(a.own_totals, (std::vector<double>{100, 100, 50, 50}));
  EXPECT_DOUBLE_EQ(*a.total.value, 75);
  EXPECT_EQ(a.industry_totals.size(), 8u);
  // Agent area: a 100, b 0 -> industry mean 50, best 100.
  ASSERT_EQ(a.areas.size(), 2u);
  EXPECT_EQ(a.areas[0].label, "The agent");
  EXPECT_DOUBLE_EQ(*a.areas[0].own, 100);
  EXPECT_DOUBLE_EQ(*a.areas[0].industry_mean, 50);
  EXPECT_DOUBLE_EQ(*a.areas[0].industry_best, 100);
}

TEST(BuildParticipantReport, QuestionDifferencesMarkedOnlyBeyondTheirUncertainty) {
  Built built;
  const auto a = built.For("a");
  ASSERT_EQ(a.questions.size(), 2u);
  // q1: own 100 (sd 0, n 4); industry 100 x4 and 0 x4: mean 50, s^2 = 8 * 2500 / 7 = 2857.1.
  // se = sqrt(0 / 4 + 2857.1 / 8) = 18.90; 1.96 se = 37.0 < 50: significant.
  EXPECT_DOUBLE_EQ(*a.questions[0].own, 100);
  EXPECT_DOUBLE_EQ(*a.questions[0].industry, 50);
  EXPECT_TRUE(a.questions[0].significant);
  // q2: own {100, 100, 0, 0}: mean 50, s^2 = 4 * 2500 / 3 = 3333.3; industry
  // {100,100,0,0,0,100,0,0}: mean 37.5, s^2 = (3 * 62.5^2 + 5 * 37.5^2) / 7 = 2678.6.
  // se = sqrt(3333.3 / 4 + 2678.6 / 8) = 34.18; 1.96 se = 67.0 > 12.5: not significant.
  EXPECT_DOUBLE_EQ(*a.questions[1].own, 50);
  EXPECT_DOUBLE_EQ(*a.questions[1].industry, 37.5);
  EXPECT_FALSE(a.questions[1].significant);
}

TEST(BuildParticipantReport, PrioritiesWeighGapByRelationToTheTotalImpression) {
  Built built;
  // b is 100 points behind a (the industry's best) on q1. The total impression
  // without q1 is q2 alone; over the 8 contacts, pairs (q1, q2) are
  // (100,100) (100,100) (100,0) (100,0) (0,0) (0,100) (0,0) (0,0):
  // mx = 50, my = 37.5, Sxy = 5000, Sxx = 20000, Syy = 18750,
  // r = 5000 / sqrt(20000 * 18750) = 0.2582.
  // q2 is inside the total area: without itself the area is empty, so no r.
  const auto b = built.For("b");
  ASSERT_EQ(b.priorities.size(), 1u);
  EXPECT_EQ(b.priorities[0].label, "Asked about needs");
  EXPECT_DOUBLE_EQ(b.priorities[0].gap, 100);
  EXPECT_NEAR(b.priorities[0].weight, 0.2582, 1e-4);
  // a is the best on q1: no gap, nothing to prioritise there.
  EXPECT_TRUE(built.For("a").priorities.empty());
}

TEST(BuildRankingPage, ListsEveryIndustryWithItsWinner) {
  Built built;
  const auto page = BuildRankingPage(built.study, built.results, "en");
  ASSERT_EQ(page.industries.size(), 1u);
  ASSERT_EQ(page.industries[0].rows.size(), 2u);
  EXPECT_EQ(page.industries[0].rows[0].participant, "Name of a");
  EXPECT_EQ(page.industries[0].rows[0].rank, 1);
  // b: (0 + 0) x3 and (0 + 2) / 4 = 50 once -> 12.5.
  EXPECT_DOUBLE_EQ(*page.industries[0].rows[1].score, 12.5);
}

}  // namespace
}  // namespace cx::report
