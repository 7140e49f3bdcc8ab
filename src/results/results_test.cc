// The results engine on small studies; every expected number is worked out
// by hand in the comments (contact totals: see contact_score_test.cc).
#include "results/results.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "results/test_study.h"

namespace cx::results {
namespace {

using namespace cx::results::testing;

ResultsOptions Options(int resamples = 2000) {
  ResultsOptions options;
  options.resamples = resamples;
  options.seed = 7;
  return options;
}

const ParticipantResult& Find(const StudyResults& results, const std::string& id) {
  for (const auto& industry : results.industries) {
    for (const auto& participant : industry.participants) {
      if (participant.id == id) return participant;
    }
  }
  throw std::runtime_error("no participant " + id);
}

TEST(Results, ThreeFiguresAreasChannelsAndReference) {
  const domain::Study study = ContestStudy();
  // A (phone, 60.78125), B (e-mail, 73.27778), C (e-mail never answered, 0); plus a
  // planned, a failed and a returned contact that never count.
  std::vector<Contact> contacts = {ContactA(), ContactB(), ContactC()};
  contacts.push_back(PerfectContact("d-planned", "p1"));
  contacts.back().status = ContactStatus::kPlanned;
  contacts.push_back(PerfectContact("e-failed", "p1"));
  contacts.back().status = ContactStatus::kFailed;
  contacts.push_back(PerfectContact("f-returned", "p1"));
  contacts.back().status = ContactStatus::kReturned;
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results) << results.error().ToString();
  EXPECT_FALSE(results->approved_only);
  const ParticipantResult& p1 = Find(*results, "p1");
  EXPECT_EQ(p1.n, 3);
  EXPECT_EQ(p1.n_answered, 2);
  // total = (60.78125 + 73.277778 + 0) / 3 = 134.059028 / 3 = 44.686343
  EXPECT_NEAR(*p1.score, 44.686343, 1e-6);
  // answered only = 134.059028 / 2 = 67.029514
  EXPECT_NEAR(*p1.score_answered, 67.029514, 1e-6);
  // agent: A 4.5/9 = 50 %, B 6/9 = 66.6667 % -> 58.3333
  EXPECT_NEAR(*p1.agent_score, 58.333333, 1e-6);
  // reception: A 5/7 = 71.428571, B 7/9 = 77.777778 -> 74.603175
  EXPECT_NEAR(*p1.areas.at("reception"), 74.603175, 1e-6);
  // wait: A 87.5, B 93.3333 -> 90.416667
  EXPECT_NEAR(*p1.areas.at("wait"), 90.416667, 1e-6);
  EXPECT_EQ(p1.areas.count("cx"), 0u);  // not scored: not an area score
  // channels: phone A 60.78125 (n 1); e-mail (73.277778 + 0)/2 = 36.638889 (n 2, 1 answered)
  EXPECT_EQ(p1.channels.at("phone").n, 1);
  EXPECT_NEAR(*p1.channels.at("phone").score, 60.78125, 1e-9);
  EXPECT_EQ(p1.channels.at("email_form").n, 2);
  EXPECT_EQ(p1.channels.at("email_form").n_answered, 1);
  EXPECT_NEAR(*p1.channels.at("email_form").score, 36.638889, 1e-6);
  // reference rec_right: A N/A, B yes -> 1 of 1 = 100 % yes
  EXPECT_DOUBLE_EQ(*p1.reference.at("rec_right"), 100.0);
  // per question: rec_tone A 3/5 = 60 %, B 100 % -> 80 %
  EXPECT_NEAR(*p1.questions.at("rec_tone"), 80.0, 1e-9);
  // variation of 0, 60.78125, 73.277778: min 0, max 73.277778, none at 90 or more;
  // type-7 quartiles: Q1 = 0 + 0.5 * 60.78125 = 30.390625, Q3 = 60.78125 + 0.5 * 12.496528
  // = 67.029514, iqr = 36.638889
  EXPECT_DOUBLE_EQ(*p1.min, 0.0);
  EXPECT_NEAR(*p1.max, 73.277778, 1e-6);
  EXPECT_NEAR(*p1.iqr, 36.638889, 1e-6);
  EXPECT_DOUBLE_EQ(*p1.share_90, 0.0);
  // sd: mean 44.686343; deviations -44.686343, 16.094907, 28.591435;
  // squares 1996.8692 + 259.0461 + 817.4702 = 3073.3855; / 2 = 1536.6928; sqrt = 39.2007
  EXPECT_NEAR(*p1.sd, 39.2007, 1e-3);
}

TEST(Results, ApprovingTheFirstReportKeepsTheOthersAsProvisional) {
  const domain::Study study = ContestStudy();  // results_from: approved_and_in_qa (default)
  std::vector<Contact> contacts = {ContactA(), ContactB(), ContactC()};
  contacts[1].status = ContactStatus::kApproved;  // B approved; A and C still in QA
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results);
  EXPECT_FALSE(results->approved_only);
  EXPECT_EQ(results->contacts_counted, 3);
  EXPECT_EQ(results->contacts_approved, 1);
  EXPECT_EQ(results->contacts_provisional, 2);
  const ParticipantResult& p1 = Find(*results, "p1");
  EXPECT_EQ(p1.n, 3);
  EXPECT_EQ(p1.n_approved, 1);
  EXPECT_EQ(p1.n_provisional, 2);
  // The same figure as before the approval: (60.78125 + 73.277778 + 0) / 3 = 44.686343.
  EXPECT_NEAR(*p1.score, 44.686343, 1e-6);
}

TEST(Results, ApprovedOnlyCountsTheApprovedReports) {
  domain::Study study = ContestStudy();
  study.results_from = domain::ResultsFrom::kApprovedOnly;
  std::vector<Contact> contacts = {ContactA(), ContactB(), ContactC()};
  contacts[1].status = ContactStatus::kApproved;  // B approved: A and C (submitted) leave
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results);
  EXPECT_TRUE(results->approved_only);
  EXPECT_EQ(results->contacts_provisional, 0);
  const ParticipantResult& p1 = Find(*results, "p1");
  EXPECT_EQ(p1.n, 1);
  EXPECT_EQ(p1.n_approved, 1);
  EXPECT_NEAR(*p1.score, 73.277778, 1e-6);
  // Nothing approved yet: nothing to count, said so (never a silent blank).
  contacts[1].status = ContactStatus::kSubmitted;
  EXPECT_FALSE(ComputeResults(study, contacts, Options()));
}

TEST(Results, CxMetricsWithIntervals) {
  domain::Study study = RankingStudy(1);
  study.participants = {MakeParticipant("p", "x")};
  // Five contacts: NPS 10, 9, 8, 6, 3; CSAT 5, 4, 4, 2, 1; CES 7, 6, 5, 3, 2.
  const double nps[] = {10, 9, 8, 6, 3}, csat[] = {5, 4, 4, 2, 1}, ces[] = {7, 6, 5, 3, 2};
  std::vector<Contact> contacts;
  for (int index = 0; index < 5; ++index) {
    contacts.push_back(MakeContact("c" + std::to_string(index), "p", Channel::kPhone, 10,
                                   {Number("q", 50), Number("cx_nps", nps[index]),
                                    Number("cx_csat", csat[index]), Number("cx_ces", ces[index])}));
  }
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results);
  const ParticipantResult& p = Find(*results, "p");
  // CX never enters the score: every contact total is 50.
  EXPECT_DOUBLE_EQ(*p.score, 50.0);
  // NPS: 2 promoters (10, 9), 2 detractors (6, 3), n 5 -> 0. Rocks 2016: n' = 8,
  // p' = d' = 2.75/8 = 0.34375, var = (0.6875 - 0)/8 = 0.0859375, sd = 0.2931507,
  // z sd = 0.5745654 -> [-57.46, 57.46].
  ASSERT_TRUE(p.nps);
  EXPECT_EQ(p.nps->n, 5);
  EXPECT_DOUBLE_EQ(p.nps->value, 0.0);
  EXPECT_NEAR(p.nps->ci.low, -57.46, 0.01);
  EXPECT_NEAR(p.nps->ci.high, 57.46, 0.01);
  // CSAT: 3 of 5 at 4-5 = 60 %. Wilson 3/5: centre = (0.6 + 0.3841459)/1.7682918 = 0.5565518,
  // half = 1.1083932 * sqrt(0.048 + 0.0384146) = 1.1083932 * 0.2939636 = 0.3258276
  // -> [23.07, 88.24].
  ASSERT_TRUE(p.csat);
  EXPECT_DOUBLE_EQ(p.csat->value, 60.0);
  EXPECT_NEAR(p.csat->ci.low, 23.07, 0.01);
  EXPECT_NEAR(p.csat->ci.high, 88.24, 0.01);
  // CES: mean 4.6; squared deviations 5.76 + 1.96 + 0.16 + 2.56 + 6.76 = 17.2, sd = sqrt(4.3)
  // = 2.0736441; t(0.975, 4) = 2.776; half = 2.776 * 2.0736441 / sqrt(5) = 2.5743565
  // -> [2.0256, 7.1744], clamped to the scale 1..7 -> [2.0256, 7] (as NPS is to +-100).
  // Easy (5-7): 3 of 5 = 60 %, the same Wilson interval as CSAT.
  ASSERT_TRUE(p.ces);
  EXPECT_NEAR(p.ces->mean, 4.6, 1e-12);
  EXPECT_NEAR(p.ces->ci.low, 2.0256, 1e-4);
  EXPECT_DOUBLE_EQ(p.ces->ci.high, 7.0);
  EXPECT_DOUBLE_EQ(p.ces->easy.value, 60.0);
  EXPECT_NEAR(p.ces->easy.ci.low, 23.07, 0.01);
}

TEST(Results, CesIntervalClampedAtTheLowEnd) {
  domain::Study study = RankingStudy(1);
  study.participants = {MakeParticipant("p", "x")};
  // CES 1, 1, 4: mean 2; deviations 1 + 1 + 4 = 6, sd = sqrt(3) = 1.7320508; t(0.975, 2) =
  // 4.303; half = 4.303 * 1.7320508 / sqrt(3) = 4.303 -> [-2.303, 6.303], clamped -> [1, 6.303].
  std::vector<Contact> contacts;
  const double ces[] = {1, 1, 4};
  for (int index = 0; index < 3; ++index) {
    contacts.push_back(MakeContact("c" + std::to_string(index), "p", Channel::kPhone, 10,
                                   {Number("q", 50), Number("cx_ces", ces[index])}));
  }
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results);
  const ParticipantResult& p = Find(*results, "p");
  ASSERT_TRUE(p.ces);
  EXPECT_DOUBLE_EQ(p.ces->mean, 2.0);
  EXPECT_DOUBLE_EQ(p.ces->ci.low, 1.0);
  EXPECT_NEAR(p.ces->ci.high, 6.303, 1e-3);
}

TEST(Results, TiesToOneDecimalAndMinimumContacts) {
  domain::Study study = RankingStudy(2);
  study.participants = {MakeParticipant("a", "x"), MakeParticipant("b", "x"),
                        MakeParticipant("c", "x"), MakeParticipant("d", "x"),
                        MakeParticipant("e", "x")};
  std::vector<Contact> contacts;
  for (auto& c : Totals("a", {80, 90})) contacts.push_back(c);        // 85.0
  for (auto& c : Totals("b", {85.04, 84.98})) contacts.push_back(c);  // 85.01 -> 85.0: tie
  for (auto& c : Totals("c", {70, 72})) contacts.push_back(c);        // 71.0 -> rank 3
  for (auto& c : Totals("d", {100})) contacts.push_back(c);           // 1 contact < 2: unranked
  // e: no contacts at all: listed, nothing computed, no NaN.
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results);
  ASSERT_EQ(results->industries.size(), 2u);  // x and y (y empty)
  const IndustryResult& x = results->industries[0];
  EXPECT_EQ(Find(*results, "a").rank, 1);
  EXPECT_EQ(Find(*results, "b").rank, 1);
  EXPECT_EQ(Find(*results, "c").rank, 3);
  EXPECT_FALSE(Find(*results, "d").rank);
  EXPECT_FALSE(Find(*results, "d").ranked);
  EXPECT_DOUBLE_EQ(*Find(*results, "d").score, 100.0);  // listed with its score
  EXPECT_FALSE(Find(*results, "d").p_best);
  const ParticipantResult& e = Find(*results, "e");
  EXPECT_EQ(e.n, 0);
  EXPECT_FALSE(e.score);
  EXPECT_FALSE(e.ci);
  EXPECT_FALSE(e.sd);
  // b leads unrounded (85.01 > 85.0) but they share first place: never a clear winner.
  EXPECT_EQ(x.winner, "b");
  EXPECT_EQ(x.runner_up, "a");
  EXPECT_FALSE(x.winner_clear);
  // Industry mean over participants with contacts: (85 + 85.01 + 71 + 100)/4 = 85.2525
  EXPECT_NEAR(*x.mean, 85.2525, 1e-9);
  EXPECT_NEAR(*Find(*results, "c").vs_industry, 71 - 85.2525, 1e-9);
  // Order: ranked by rank first, then unranked.
  EXPECT_EQ(x.participants[2].id, "c");
  EXPECT_EQ(x.participants[3].id, "d");
  EXPECT_FALSE(results->industries[1].mean);
  EXPECT_TRUE(results->industries[1].winner.empty());
}

TEST(Results, ClearWinnerWhenResamplesNeverDisagree) {
  domain::Study study = RankingStudy(1);
  study.participants = {MakeParticipant("a", "x"), MakeParticipant("b", "x")};
  std::vector<Contact> contacts = Totals("a", {95, 95, 95, 95, 95});
  for (auto& c : Totals("b", {50, 50, 50, 50, 50})) contacts.push_back(c);
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results);
  const IndustryResult& x = results->industries[0];
  // Every resample of a is 95 and of b is 50: a wins every time.
  EXPECT_EQ(x.winner, "a");
  EXPECT_TRUE(x.winner_clear);
  EXPECT_DOUBLE_EQ(*x.p_winner_beats_runner_up, 1.0);
  EXPECT_DOUBLE_EQ(x.lead_ci->low, 45.0);
  EXPECT_DOUBLE_EQ(*Find(*results, "a").p_best, 1.0);
  EXPECT_DOUBLE_EQ(*Find(*results, "b").p_best, 0.0);
  EXPECT_EQ(Find(*results, "a").rank_ci, std::make_pair(1, 1));
  EXPECT_EQ(Find(*results, "b").rank_ci, std::make_pair(2, 2));
  EXPECT_DOUBLE_EQ(Find(*results, "a").ci->low, 95.0);
  EXPECT_DOUBLE_EQ(Find(*results, "a").ci->high, 95.0);
}

TEST(Results, UnclearWinnerMatchesTheBinomialChance) {
  domain::Study study = RankingStudy(1);
  study.participants = {MakeParticipant("a", "x"), MakeParticipant("b", "x")};
  // a: 100, 0, 100, 0 (mean 50); b: 49 four times. A resample of a has mean 25 k with
  // k ~ Binomial(4, 1/2) hundreds; it beats 49 when k >= 2: P = (6 + 4 + 1)/16 = 0.6875.
  std::vector<Contact> contacts = Totals("a", {100, 0, 100, 0});
  for (auto& c : Totals("b", {49, 49, 49, 49})) contacts.push_back(c);
  const auto results = ComputeResults(study, contacts, Options(10000));
  ASSERT_TRUE(results);
  const IndustryResult& x = results->industries[0];
  EXPECT_EQ(x.winner, "a");
  EXPECT_FALSE(x.winner_clear);
  // Monte Carlo sd = sqrt(0.6875 * 0.3125 / 10000) = 0.0046: allow 4 sd.
  EXPECT_NEAR(*x.p_winner_beats_runner_up, 0.6875, 0.019);
  EXPECT_NEAR(*Find(*results, "a").p_best, 0.6875, 0.019);
  EXPECT_NEAR(*Find(*results, "a").p_best + *Find(*results, "b").p_best, 1.0, 1e-9);
  // a's resampled means take 0, 25, 50, 75, 100 with chances 1/16, 4/16, 6/16, 4/16, 1/16:
  // the 2.5 % and 97.5 % points are 0 and 100 (1/16 = 6.25 % > 2.5 %).
  EXPECT_DOUBLE_EQ(Find(*results, "a").ci->low, 0.0);
  EXPECT_DOUBLE_EQ(Find(*results, "a").ci->high, 100.0);
  EXPECT_EQ(Find(*results, "a").rank_ci, std::make_pair(1, 2));
}

TEST(Results, AlonePerfectIsExactlyHundredAndClear) {
  domain::Study study = ContestStudy();
  std::vector<Contact> contacts;
  for (int index = 0; index < 5; ++index) {
    contacts.push_back(PerfectContact("c" + std::to_string(index), "p1"));
  }
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results);
  const ParticipantResult& p1 = Find(*results, "p1");
  EXPECT_EQ(*p1.score, 100.0);
  EXPECT_EQ(*p1.score_answered, 100.0);
  EXPECT_EQ(*p1.agent_score, 100.0);
  EXPECT_EQ(p1.ci->low, 100.0);
  EXPECT_EQ(p1.ci->high, 100.0);
  EXPECT_DOUBLE_EQ(*p1.share_90, 100.0);
  EXPECT_TRUE(p1.consistently_high);
  EXPECT_TRUE(results->industries[0].winner_clear);
}

// A random contact of the contest study: random answers in range, random N/A, missing
// answers, random waits including unanswered.
Contact RandomContact(std::mt19937_64& rng, const std::string& id, const std::string& participant) {
  std::uniform_real_distribution<double> unit(0, 1);
  const bool phone = unit(rng) < 0.6;
  std::optional<double> wait;
  if (unit(rng) < 0.9) wait = phone ? unit(rng) * 700 : unit(rng) * 80 * 3600;
  std::vector<Answer> answers;
  const auto maybe = [&](Answer answer) {
    const double draw = unit(rng);
    if (draw < 0.1) return;
    if (draw < 0.15) answer = NotApplicable(answer.question);
    answers.push_back(answer);
  };
  maybe(Number("rec_name", unit(rng) < 0.7 ? 1 : 0));
  maybe(Number("rec_tone", 1 + std::floor(unit(rng) * 6)));
  maybe(Number("rec_right", unit(rng) < 0.5 ? 1 : 0));
  maybe(Number("ag_needs", unit(rng) < 0.5 ? 1 : 0));
  maybe(Text("ag_count", unit(rng) < 0.5 ? "one_two" : "three_plus"));
  maybe(Number("ag_bad", unit(rng) < 0.5 ? 1 : 0));
  maybe(Number("ag_hold", unit(rng) < 0.5 ? 1 : 0));
  maybe(Number("ag_optional", 1 + unit(rng) * 5));
  maybe(Number("cx_nps", std::floor(unit(rng) * 11)));
  return MakeContact(id, participant, phone ? Channel::kPhone : Channel::kEmailForm, wait,
                     std::move(answers));
}

domain::Study PropertyStudy() {
  domain::Study study = ContestStudy();
  study.industries = {MakeIndustry("bank"), MakeIndustry("insurance")};
  study.participants.clear();
  for (int index = 0; index < 8; ++index) {
    study.participants.push_back(
        MakeParticipant("p" + std::to_string(index), index < 5 ? "bank" : "insurance"));
  }
  study.min_contacts_for_ranking = 5;
  return study;
}

std::vector<Contact> RandomContacts(uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Contact> contacts;
  for (int index = 0; index < 120; ++index) {
    contacts.push_back(
        RandomContact(rng, "c" + std::to_string(1000 + index), "p" + std::to_string(index % 8)));
  }
  return contacts;
}

bool InRange(const std::optional<double>& value) {
  return !value || (std::isfinite(*value) && *value >= 0 && *value <= 100);
}

TEST(ResultsProperty, EveryScoreWithinZeroToHundred) {
  const domain::Study study = PropertyStudy();
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    const auto results = ComputeResults(study, RandomContacts(seed), Options(200));
    ASSERT_TRUE(results);
    for (const auto& industry : results->industries) {
      EXPECT_TRUE(InRange(industry.mean));
      for (const auto& p : industry.participants) {
        EXPECT_TRUE(InRange(p.score) && InRange(p.score_answered) && InRange(p.agent_score));
        EXPECT_TRUE(InRange(p.min) && InRange(p.max) && InRange(p.share_90));
        if (p.ci) {
          EXPECT_TRUE(InRange(p.ci->low) && InRange(p.ci->high));
        }
        for (const auto& [id, value] : p.areas) EXPECT_TRUE(InRange(value)) << id;
        for (const auto& [id, value] : p.questions) EXPECT_TRUE(InRange(value)) << id;
        for (const auto& [id, channel] : p.channels) EXPECT_TRUE(InRange(channel.score)) << id;
      }
    }
  }
}

void ExpectSame(const StudyResults& left, const StudyResults& right) {
  ASSERT_EQ(left.industries.size(), right.industries.size());
  for (size_t i = 0; i < left.industries.size(); ++i) {
    const auto& a = left.industries[i];
    const auto& b = right.industries[i];
    EXPECT_EQ(a.winner, b.winner);
    EXPECT_EQ(a.winner_clear, b.winner_clear);
    EXPECT_EQ(a.p_winner_beats_runner_up, b.p_winner_beats_runner_up);
    ASSERT_EQ(a.participants.size(), b.participants.size());
    for (size_t j = 0; j < a.participants.size(); ++j) {
      const auto& pa = a.participants[j];
      const auto& pb = b.participants[j];
      EXPECT_EQ(pa.id, pb.id);
      EXPECT_EQ(pa.score, pb.score);
      EXPECT_EQ(pa.rank, pb.rank);
      EXPECT_EQ(pa.rank_ci, pb.rank_ci);
      EXPECT_EQ(pa.p_best, pb.p_best);
      EXPECT_EQ(pa.ci.has_value(), pb.ci.has_value());
      if (pa.ci && pb.ci) {
        EXPECT_EQ(pa.ci->low, pb.ci->low);
        EXPECT_EQ(pa.ci->high, pb.ci->high);
      }
      EXPECT_EQ(pa.sd, pb.sd);
      EXPECT_EQ(pa.areas, pb.areas);
    }
  }
}

TEST(ResultsProperty, StorageOrderAndThreadCountDoNotMatter) {
  const domain::Study study = PropertyStudy();
  std::vector<Contact> contacts = RandomContacts(11);
  ResultsOptions options = Options(1000);
  options.threads = 1;
  const auto first = ComputeResults(study, contacts, options);
  ASSERT_TRUE(first);
  std::mt19937_64 rng(3);
  std::shuffle(contacts.begin(), contacts.end(), rng);
  domain::Study shuffled_study = study;
  std::shuffle(shuffled_study.participants.begin(), shuffled_study.participants.end(), rng);
  options.threads = 3;
  const auto second = ComputeResults(shuffled_study, contacts, options);
  ASSERT_TRUE(second);
  ExpectSame(*first, *second);
}

TEST(ResultsProperty, IndustryFilterGivesTheSameNumbers) {
  const domain::Study study = PropertyStudy();
  const std::vector<Contact> contacts = RandomContacts(12);
  const auto all = ComputeResults(study, contacts, Options(500));
  ResultsOptions options = Options(500);
  options.industry = "insurance";
  const auto one = ComputeResults(study, contacts, options);
  ASSERT_TRUE(all && one);
  ASSERT_EQ(one->industries.size(), 1u);
  StudyResults only_insurance = *all;
  only_insurance.industries.erase(only_insurance.industries.begin());
  ExpectSame(only_insurance, *one);
}

TEST(ResultsBadInput, NoCompletedContacts) {
  const domain::Study study = ContestStudy();
  std::vector<Contact> contacts = {PerfectContact("a", "p1")};
  contacts[0].status = ContactStatus::kPlanned;
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_FALSE(results);
  EXPECT_EQ(results.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(results.error().ToString().find("no completed contacts"), std::string::npos)
      << results.error().ToString();
  EXPECT_FALSE(ComputeResults(study, {}, Options()));
}

TEST(ResultsBadInput, UnknownIndustry) {
  ResultsOptions options = Options();
  options.industry = "nope";
  const auto results = ComputeResults(ContestStudy(), {ContactA()}, options);
  ASSERT_FALSE(results);
  EXPECT_NE(results.error().message.find("nope"), std::string::npos);
}

TEST(ResultsBadInput, AnswerOutsideScaleLeavesTheContactOutAndSaysSo) {
  const domain::Study study = ContestStudy();
  std::vector<Contact> contacts = {ContactA(), ContactB()};
  contacts[1].answers[1] = Number("rec_tone", 9);
  const auto results = ComputeResults(study, contacts, Options());
  ASSERT_TRUE(results);
  ASSERT_EQ(results->issues.size(), 1u);
  EXPECT_EQ(results->issues[0].contact, "b");
  EXPECT_EQ(results->issues[0].question, "rec_tone");
  EXPECT_EQ(Find(*results, "p1").n, 1);
  EXPECT_NEAR(*Find(*results, "p1").score, 60.78125, 1e-9);
}

TEST(Results, ChannelFilterAndChatbotComparison) {
  domain::Study study = ContestStudy();
  std::vector<Contact> contacts = {ContactA(), ContactB(), ContactC()};
  ResultsOptions options = Options();
  options.channel = Channel::kEmailForm;
  const auto results = ComputeResults(study, contacts, options);
  ASSERT_TRUE(results);
  EXPECT_EQ(Find(*results, "p1").n, 2);
  EXPECT_NEAR(*Find(*results, "p1").score, 36.638889, 1e-6);
  EXPECT_EQ(results->channel_means.count("phone"), 0u);

  // Chat answered by a person (100) versus a chatbot (the same answers as A on chat:
  // ag_hold is phone only, so agent 4.5/8; no chat wait table: wait share 1):
  // reception 5/7, agent 4.5/8 -> rest 9.5/15; total = 0.05 + 0.95 * 9.5/15 = 65.166667.
  std::vector<Contact> chats = {PerfectContact("p", "p1"), ContactA("q")};
  chats[0].channel = chats[1].channel = Channel::kChat;
  chats[0].responder = domain::Responder::kPerson;
  chats[1].responder = domain::Responder::kChatbot;
  const auto chat = ComputeResults(study, chats, Options());
  ASSERT_TRUE(chat);
  EXPECT_EQ(*chat->chat_person.score, 100.0);
  EXPECT_NEAR(*chat->chat_chatbot.score, 65.166667, 1e-6);
}

}  // namespace
}  // namespace cx::results
