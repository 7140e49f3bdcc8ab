// Contact scores by the contest's rule, worked out by hand. The study is
// results/test_study.h: wait 5 % (duration 10 points), reception 9 points,
// agent up to 15 points.
#include "results/contact_score.h"

#include <gtest/gtest.h>

#include "domain/fieldwork_service.h"
#include "results/test_study.h"

namespace cx::results {
namespace {

using namespace cx::results::testing;

TEST(WaitShare, PiecewiseLinearPerChannel) {
  const domain::Study study = ContestStudy();
  const ContactScorer scorer(study);
  // Phone: at or below 20 s the first point's share.
  EXPECT_DOUBLE_EQ(scorer.WaitShare(Channel::kPhone, 5), 1.0);
  EXPECT_DOUBLE_EQ(scorer.WaitShare(Channel::kPhone, 20), 1.0);
  // 40 s: 1.0 + (40 - 20)/(60 - 20) * (0.75 - 1.0) = 0.875.
  EXPECT_DOUBLE_EQ(scorer.WaitShare(Channel::kPhone, 40), 0.875);
  EXPECT_DOUBLE_EQ(scorer.WaitShare(Channel::kPhone, 180), 0.4);
  // 390 s: 0.4 + (390 - 180)/(600 - 180) * (0 - 0.4) = 0.4 - 0.2 = 0.2.
  EXPECT_NEAR(scorer.WaitShare(Channel::kPhone, 390), 0.2, 1e-12);
  EXPECT_DOUBLE_EQ(scorer.WaitShare(Channel::kPhone, 600), 0.0);
  // E-mail, 2 h: 1.0 + (7200 - 3600)/(14400 - 3600) * (0.8 - 1.0) = 1 - 1/15 = 0.933333.
  EXPECT_NEAR(scorer.WaitShare(Channel::kEmailForm, 7200), 14.0 / 15, 1e-12);
  // A channel without a table: full share.
  EXPECT_DOUBLE_EQ(scorer.WaitShare(Channel::kChat, 7200), 1.0);
}

TEST(ContactScore, PhoneWithNaChoiceBadAnswerAndZeroPointQuestion) {
  const domain::Study study = ContestStudy();
  const ContactScorer scorer(study);
  ContactIssue issue;
  const auto score = scorer.Score(ContactA(), &issue);
  ASSERT_TRUE(score) << issue.ToString();
  ASSERT_TRUE(score->answered);
  // wait: 40 s -> share 0.875 -> 8.75 of 10 points, r_wait = 0.875
  EXPECT_DOUBLE_EQ(score->areas[0].obtained, 8.75);
  // reception: rec_name yes 2/2; rec_tone 4 -> (4-1)/(6-1)*5 = 3 of 5; rec_right N/A leaves
  // the denominator -> 5 of 7
  EXPECT_DOUBLE_EQ(score->areas[1].obtained, 5);
  EXPECT_DOUBLE_EQ(score->areas[1].possible, 7);
  // agent: ag_needs yes 3/3; ag_count one_two 1.5/3; ag_bad yes (the bad answer) 0/2;
  // ag_hold no 0/1; ag_zero carries no points; ag_optional unanswered leaves -> 4.5 of 9
  EXPECT_DOUBLE_EQ(score->areas[2].obtained, 4.5);
  EXPECT_DOUBLE_EQ(score->areas[2].possible, 9);
  EXPECT_DOUBLE_EQ(score->areas[3].possible, 0);  // cx: never scored
  // total = 0.05 * 0.875 + 0.95 * (5 + 4.5)/(7 + 9) = 0.04375 + 0.95 * 0.59375
  //       = 0.04375 + 0.5640625 = 0.6078125 -> 60.78125
  ASSERT_TRUE(score->total);
  EXPECT_NEAR(*score->total, 60.78125, 1e-9);
}

TEST(ContactScore, EmailWithIrrelevantFollowUpAndOptionalAnswered) {
  const domain::Study study = ContestStudy();
  const ContactScorer scorer(study);
  const auto score = scorer.Score(ContactB(), nullptr);
  ASSERT_TRUE(score);
  // wait: 2 h -> share 14/15 -> 9.3333 of 10
  // reception: rec_name no 0/2, rec_tone 6 -> 5/5, rec_right yes 2/2 -> 7 of 9
  EXPECT_DOUBLE_EQ(score->areas[1].obtained, 7);
  EXPECT_DOUBLE_EQ(score->areas[1].possible, 9);
  // agent: ag_needs no 0/3; ag_count not relevant (ag_needs is not yes) leaves; ag_bad no
  // (the good answer) 2/2; ag_hold is phone only, leaves; ag_optional 6 -> 4/4 -> 6 of 9
  EXPECT_DOUBLE_EQ(score->areas[2].obtained, 6);
  EXPECT_DOUBLE_EQ(score->areas[2].possible, 9);
  // total = 0.05 * 14/15 + 0.95 * 13/18 = 0.0466667 + 0.6861111 = 0.7327778 -> 73.27778
  EXPECT_NEAR(*score->total, 73.277777777, 1e-6);
}

TEST(ContactScore, UnansweredEmailScoresZero) {
  const domain::Study study = ContestStudy();
  const ContactScorer scorer(study);
  const auto score = scorer.Score(ContactC(), nullptr);
  ASSERT_TRUE(score);
  EXPECT_FALSE(score->answered);
  EXPECT_DOUBLE_EQ(*score->total, 0.0);
  EXPECT_TRUE(score->areas.empty());
}

TEST(ContactScore, WaitBeyondMaximumIsUnanswered) {
  const domain::Study study = ContestStudy();
  const ContactScorer scorer(study);
  // Phone max wait 600 s: a 700 s wait is by definition no answer -> 0.
  auto contact = PerfectContact("late", "p1");
  contact.wait_seconds = 700;
  const auto score = scorer.Score(contact, nullptr);
  ASSERT_TRUE(score);
  EXPECT_FALSE(score->answered);
  EXPECT_DOUBLE_EQ(*score->total, 0.0);
}

TEST(ContactScore, PerfectIsExactlyHundred) {
  const domain::Study study = ContestStudy();
  const ContactScorer scorer(study);
  const auto score = scorer.Score(PerfectContact("perfect", "p1"), nullptr);
  ASSERT_TRUE(score);
  EXPECT_EQ(*score->total, 100.0);
}

TEST(ContactScore, MissingRequiredAnswersCountZero) {
  const domain::Study study = ContestStudy();
  const ContactScorer scorer(study);
  // Phone, 20 s (share 1.0), only rec_name answered (yes). Required and missing:
  // rec_tone 0/5, rec_right 0/2 (N/A allowed, but not answered), ag_needs 0/3, ag_bad 0/2,
  // ag_hold 0/1. ag_count: its condition has no answer, so not relevant; ag_optional leaves.
  // reception 2 of 9, agent 0 of 6: total = 0.05 * 1 + 0.95 * 2/15 = 0.05 + 0.1266667 = 17.66667
  const auto contact = MakeContact("g", "p1", Channel::kPhone, 20, {Number("rec_name", 1)});
  const auto score = scorer.Score(contact, nullptr);
  ASSERT_TRUE(score);
  EXPECT_DOUBLE_EQ(score->areas[2].possible, 6);
  EXPECT_NEAR(*score->total, 17.6666666667, 1e-9);
}

TEST(ContactScore, AnswerOutsideScaleNamesContactAndQuestion) {
  const domain::Study study = ContestStudy();
  const ContactScorer scorer(study);
  ContactIssue issue;
  auto contact = ContactA("bad-one");
  contact.answers[1] = Number("rec_tone", 7);
  EXPECT_FALSE(scorer.Score(contact, &issue));
  EXPECT_EQ(issue.contact, "bad-one");
  EXPECT_EQ(issue.question, "rec_tone");
  EXPECT_NE(issue.ToString().find("outside the scale 1..6"), std::string::npos) << issue.ToString();

  auto nps = ContactA("bad-two");
  nps.answers.push_back(Number("cx_nps", 11));
  EXPECT_FALSE(scorer.Score(nps, &issue));
  EXPECT_EQ(issue.question, "cx_nps");

  auto choice = ContactA("bad-three");
  choice.answers[4] = Text("ag_count", "lots");
  EXPECT_FALSE(scorer.Score(choice, &issue));
  EXPECT_EQ(issue.question, "ag_count");
}

TEST(ContactScore, WeightedAreaWithoutApplicablePointsLeavesItsWeight) {
  // A study whose wait area has no duration question: only unweighted areas apply, and they
  // get the whole: 5 of 7 reception points on contact A's reception answers -> 71.428571.
  domain::Study study = ContestStudy();
  study.questions.erase(study.questions.begin());                                 // drop wait_time
  study.questions.erase(study.questions.begin() + 3, study.questions.end() - 3);  // agent items
  const ContactScorer scorer(study);
  const auto score = scorer.Score(ContactA(), nullptr);
  ASSERT_TRUE(score);
  EXPECT_NEAR(*score->total, 100.0 * 5 / 7, 1e-9);
}

// --- Outcomes recorded in the field, through the fieldwork service ----------

domain::Stamp At(const std::string& utc) { return {"kari@example.no", utc}; }

domain::Contact Must(const domain::ContactOutcome& outcome) {
  EXPECT_TRUE(outcome.ok()) << (outcome.ok() ? "" : outcome.error().message.English());
  return outcome.ok() ? outcome->contact : domain::Contact{};
}

// Contact A's answers, made in the field: nobody answered at 10:00, busy at
// 10:05, answered at 10:10:30 on the attempt begun at 10:10:00.
TEST(ContactScore, TheWaitIsMeasuredFromTheAttemptThatWasAnswered) {
  domain::Study study = ContestStudy();
  study.channels[0].max_attempts = 3;  // phone
  domain::Contact contact = ContactA();
  contact.status = domain::ContactStatus::kPlanned;
  contact.wait_seconds.reset();
  contact = Must(domain::Start(study, contact, At("2026-11-24T10:00:00.000Z")));
  contact = Must(domain::RecordOutcome(study, contact, domain::AttemptOutcome::kNoAnswer,
                                       At("2026-11-24T10:01:00.000Z")));
  contact = Must(domain::Start(study, contact, At("2026-11-24T10:05:00.000Z")));
  contact = Must(domain::RecordOutcome(study, contact, domain::AttemptOutcome::kBusy,
                                       At("2026-11-24T10:05:10.000Z")));
  contact = Must(domain::Start(study, contact, At("2026-11-24T10:10:00.000Z")));
  contact =
      Must(domain::MarkAnswered(study, contact, std::nullopt, At("2026-11-24T10:10:30.000Z")));
  const auto score = ContactScorer(study).Score(contact, nullptr);
  ASSERT_TRUE(score);
  ASSERT_TRUE(score->answered);
  // wait 30 s: share 1.0 + (30 - 20)/(60 - 20) * (0.75 - 1.0) = 0.9375 -> 9.375 of 10;
  // total = 0.05 * 0.9375 + 0.95 * 0.59375 = 0.046875 + 0.5640625 = 0.6109375.
  // (Measured from 10:00 it would be 630 s, beyond the 600 s maximum: 0.)
  EXPECT_DOUBLE_EQ(score->areas[0].obtained, 9.375);
  EXPECT_NEAR(*score->total, 61.09375, 1e-9);
}

// Every unanswered outcome scores 0, however good the answers the shopper
// may have typed: the contact has no measured wait, so it is no answer.
TEST(ContactScore, EveryUnansweredOutcomeScoresZero) {
  const domain::Study study = ContestStudy();
  struct Case {
    Channel channel;
    domain::AttemptOutcome outcome;
    std::string ended;  // 600 s after 10:00 for gave_up, 72 h for never_answered
  };
  const std::vector<Case> cases = {
      {Channel::kPhone, domain::AttemptOutcome::kNoAnswer, "2026-11-24T10:01:00.000Z"},
      {Channel::kPhone, domain::AttemptOutcome::kBusy, "2026-11-24T10:00:05.000Z"},
      {Channel::kPhone, domain::AttemptOutcome::kClosed, "2026-11-24T10:00:05.000Z"},
      {Channel::kPhone, domain::AttemptOutcome::kGaveUp, "2026-11-24T10:10:00.000Z"},
      {Channel::kEmailForm, domain::AttemptOutcome::kNeverAnswered, "2026-11-27T10:00:00.000Z"},
  };
  for (const Case& c : cases) {
    domain::Contact contact = PerfectContact("x", "p1");
    contact.channel = c.channel;
    contact.status = domain::ContactStatus::kPlanned;
    contact.wait_seconds.reset();
    contact.answers.clear();
    contact = Must(domain::Start(study, contact, At("2026-11-24T10:00:00.000Z")));
    contact = Must(domain::RecordOutcome(study, contact, c.outcome, At(c.ended)));
    contact = Must(domain::Submit(study, contact, At(c.ended)));
    const auto score = ContactScorer(study).Score(contact, nullptr);
    ASSERT_TRUE(score) << domain::ToString(c.outcome);
    EXPECT_FALSE(score->answered) << domain::ToString(c.outcome);
    EXPECT_DOUBLE_EQ(*score->total, 0.0) << domain::ToString(c.outcome);
  }
}

}  // namespace
}  // namespace cx::results
