#pragma once
// The results engine: participants' total results, the score over answered
// contacts, the agent score, areas, channels, questions, reference questions,
// CX metrics, variation, bootstrap intervals, ranks and winners per industry.
// The rules are in docs/scoring.md. Pure computation over the domain model:
// no SQL, no terminal.
//
// Thread-safety: ComputeResults reads its arguments only and may run
// concurrently with itself; it starts worker threads of its own.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/fieldwork.h"
#include "domain/study.h"
#include "results/contact_score.h"
#include "stats/intervals.h"

namespace cx::results {

struct ResultsOptions {
  int resamples = 10000;  // bootstrap resamples; 0 = no intervals, ranks or p_best
  uint64_t seed = 20260101;
  std::string industry;                    // empty = every industry
  std::optional<domain::Channel> channel;  // only contacts on this channel
  std::string agent_area = kDefaultAgentArea;
  int threads = 0;  // 0 = std::thread::hardware_concurrency(); never changes the numbers
};

struct Proportion {  // as percentages
  int64_t n = 0;
  double value = 0;
  stats::Interval ci;
};

struct NpsResult {
  int64_t n = 0;
  double value = 0;  // -100..100
  stats::Interval ci;
  double promoters = 0;   // %
  double detractors = 0;  // %
};

struct CesResult {
  int64_t n = 0;
  double mean = 0;     // 1..7
  stats::Interval ci;  // Student t interval of the mean
  Proportion easy;     // % 5-7, Wilson
};

struct ChannelScore {
  int n = 0;
  int n_answered = 0;
  std::optional<double> score;  // total result on this channel (unanswered at 0)
};

struct ParticipantResult {
  std::string id;
  std::string name;
  std::string industry;
  int n = 0;  // counted contacts
  // Of them approved, and still in QA (provisional: docs/scoring.md, "Which reports count").
  int n_approved = 0;
  int n_provisional = 0;
  int n_answered = 0;
  bool ranked = false;                         // n >= the study's minimum for ranking (and n > 0)
  std::optional<double> score;                 // total result: mean over contacts, unanswered at 0
  std::optional<double> score_answered;        // mean over answered contacts
  std::optional<double> agent_score;           // the agent area alone, over answered contacts
  std::optional<stats::Interval> ci;           // 95 % percentile bootstrap of score
  std::optional<int> rank;                     // 1 = best; equal to one decimal share a rank
  std::optional<std::pair<int, int>> rank_ci;  // [best, worst] 95 % bootstrap rank interval
  std::optional<double> p_best;  // share of resamples in which it is best (ties split)
  // Variation of the contact totals.
  std::optional<double> sd, min, max, iqr;
  std::optional<double> share_90;     // % of contacts at 90 or more
  bool consistently_high = false;     // ranked and at least 80 % of its contacts at 90 or more
  std::optional<double> vs_industry;  // score - industry mean
  std::map<std::string, std::optional<double>> areas;      // scored area id -> score
  std::map<std::string, ChannelScore> channels;            // channel id -> score
  std::map<std::string, std::optional<double>> questions;  // scored question id -> % of points
  std::map<std::string, std::optional<double>> reference;  // reference question id -> % yes
  std::optional<NpsResult> nps;
  std::optional<Proportion> csat;
  std::optional<CesResult> ces;
};

struct IndustryResult {
  std::string id;
  std::string name;
  std::optional<double> mean;  // mean of its participants' totals (those with contacts)
  std::optional<double> best;  // the best total among ranked participants
  std::string winner;          // participant id; empty when none is ranked
  std::string runner_up;
  bool winner_clear = false;  // the winner beats the runner-up in >= 97.5 % of resamples
  std::optional<double> p_winner_beats_runner_up;
  std::optional<stats::Interval> lead_ci;       // bootstrap interval of winner - runner-up
  std::vector<ParticipantResult> participants;  // ranked first by rank, then the unranked
};

struct GroupScore {
  int n = 0;
  std::optional<double> score;  // mean contact total
};

struct StudyResults {
  std::string study_id;
  std::string study_name;
  // The study's rule for which reports count (domain/results_rule.h).
  domain::ResultsFrom results_from = domain::ResultsFrom::kApprovedAndInQa;
  bool approved_only = false;  // results_from is approved_only
  int contacts_counted = 0;
  int contacts_approved = 0;     // of the counted, approved
  int contacts_provisional = 0;  // of the counted, still in QA: their figures may change
  int contacts_answered = 0;
  int resamples = 0;
  uint64_t seed = 0;
  std::string agent_area;
  std::vector<IndustryResult> industries;
  std::map<std::string, GroupScore> channel_means;  // channel id -> over all counted contacts
  // Chat and Messenger contacts answered first by a person versus a chatbot
  // (answered contacts only: who answered is unknown otherwise).
  GroupScore chat_person;
  GroupScore chat_chatbot;
  std::vector<ContactIssue> issues;  // contacts left out for bad answers
};

// Computes the results. Errors (kInvalidInput): an unknown --industry, no
// counted contacts (none submitted or approved) in the selection.
Result<StudyResults> ComputeResults(const domain::Study& study,
                                    const std::vector<domain::Contact>& contacts,
                                    const ResultsOptions& options);

}  // namespace cx::results
