// The published ranking holds the approved reports only, the figures a
// reader needs, and nothing of a contact, a shopper or a comment.
#include "results/public_ranking.h"

#include <gtest/gtest.h>

#include "results/test_study.h"

namespace cx::results {
namespace {

using namespace cx::results::testing;

struct Published {
  nlohmann::json document;
  StudyResults results;
};

// a1: approved 90, 80, 70 (mean 80) and one report still in QA at 0, which
// a publication leaves out (with it a1 would be 60); a2: approved 60, 50, 40
// (mean 50). Every resample of a1 lies in 70..90 and of a2 in 40..60, so a1
// is best in every resample: p_best 1, rank range 1-1, a clear winner.
Published PublishTwoCompanies() {
  domain::Study study = RankingStudy(2);
  study.participants = {MakeParticipant("a1", "x"), MakeParticipant("a2", "x")};
  std::vector<Contact> contacts;
  const char* days[] = {"2026-01-12T09:00", "2026-01-20T10:00", "2026-02-03T11:00"};
  for (const auto& [participant, totals] :
       {std::pair{"a1", std::vector<double>{90, 80, 70}}, {"a2", {60, 50, 40}}}) {
    int index = 0;
    for (auto contact : Totals(participant, totals)) {
      contact.status = ContactStatus::kApproved;
      contact.planned_at = days[index++];
      contact.shopper = "s-secret";
      contact.comments = {{"agent", "Shopper Kari was put on hold"}};
      contacts.push_back(contact);
    }
  }
  auto in_qa = MakeContact("a1-qa", "a1", Channel::kPhone, 10, {Number("q", 0)});
  in_qa.planned_at = "2025-12-01T09:00";  // outside the published fieldwork: it does not count
  contacts.push_back(in_qa);

  const domain::Study publication = ForPublication(study);
  ResultsOptions options;
  options.resamples = 500;
  options.seed = 3;
  auto results = ComputeResults(publication, contacts, options);
  EXPECT_TRUE(results.ok()) << results.error().ToString();
  return {PublicRankingJson(publication, contacts, *results), *results};
}

TEST(PublicRanking, CountsApprovedReportsOnly) {
  const Published published = PublishTwoCompanies();
  const auto& method = published.document["method"];
  EXPECT_EQ(method["contacts"], 6);
  EXPECT_EQ(method["companies"], 2);
  EXPECT_EQ(method["industries"], 1);
  EXPECT_EQ(method["fieldwork"]["from"], "2026-01-12");
  EXPECT_EQ(method["fieldwork"]["to"], "2026-02-03");
  EXPECT_EQ(method["resamples"], 500);
  EXPECT_EQ(published.document["counts"]["provisional"], 0);
  EXPECT_EQ(published.document["counts"]["results_from"], "approved_only");
}

TEST(PublicRanking, NamesAClearWinnerWithItsChanceOfBeingBest) {
  const Published published = PublishTwoCompanies();
  const auto& industry = published.document["industries"][0];
  EXPECT_DOUBLE_EQ(industry["mean"].get<double>(), 65.0);  // (80 + 50) / 2
  EXPECT_EQ(industry["winner"], "a1");
  EXPECT_EQ(industry["winner_name"], "Name of a1");
  EXPECT_EQ(industry["runner_up"], "a2");
  EXPECT_TRUE(industry["winner_clear"].get<bool>());
  EXPECT_DOUBLE_EQ(industry["p_winner_beats_runner_up"].get<double>(), 1.0);
  const auto& first = industry["ranked"][0];
  EXPECT_EQ(first["id"], "a1");
  EXPECT_DOUBLE_EQ(first["score"].get<double>(), 80.0);
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["rank_range"], nlohmann::json::array({1, 1}));
  EXPECT_DOUBLE_EQ(first["p_best"].get<double>(), 1.0);
  EXPECT_EQ(first["n"], 3);
  const auto& second = industry["ranked"][1];
  EXPECT_DOUBLE_EQ(second["score"].get<double>(), 50.0);
  EXPECT_EQ(second["rank_range"], nlohmann::json::array({2, 2}));
  EXPECT_DOUBLE_EQ(second["p_best"].get<double>(), 0.0);
  // The lead's interval lies within (70 - 60, 90 - 40) = (10, 50).
  EXPECT_GE(industry["lead_ci"][0].get<double>(), 10.0);
  EXPECT_LE(industry["lead_ci"][1].get<double>(), 50.0);
}

TEST(PublicRanking, HoldsNoContactShopperOrComment) {
  const std::string text = PublishTwoCompanies().document.dump();
  EXPECT_EQ(text.find("s-secret"), std::string::npos);
  EXPECT_EQ(text.find("Kari"), std::string::npos);
  EXPECT_EQ(text.find("a1-0"), std::string::npos);  // a contact id
  EXPECT_EQ(text.find("a1-qa"), std::string::npos);
}

}  // namespace
}  // namespace cx::results
