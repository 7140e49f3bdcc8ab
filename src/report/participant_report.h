#pragma once
// The participant report: what a company takes to its board. Rendered from a
// plain input model as one self-contained HTML page (inline CSS and SVG, no
// script, nothing loaded from anywhere), which Chromium prints to PDF.
// The model is filled from the results engine by report_builder.cc.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cx::report {

struct Estimate {
  std::optional<double> value;
  std::optional<double> low;  // 95 % interval
  std::optional<double> high;
};

struct AreaRow {
  std::string label;
  std::optional<double> own;
  std::optional<double> industry_mean;
  std::optional<double> industry_best;
};

struct ChannelRow {
  std::string label;
  int n = 0;
  std::optional<double> own;
  std::optional<double> industry_mean;
};

struct QuestionRow {
  std::string area;
  std::string label;
  std::optional<double> own;       // 0..100: share of points, or % yes
  std::optional<double> industry;  // the same over the industry
  bool significant = false;        // |own - industry| larger than its uncertainty
};

struct WaitRow {
  std::string channel;
  std::optional<double> own_median_s, own_p90_s;
  std::optional<double> industry_median_s, industry_p90_s;
};

struct ReferenceRow {
  std::string label;
  std::optional<double> own_yes;  // % yes
  std::optional<double> industry_yes;
};

struct AuditRow {
  std::string channel;
  bool offered = false;
  std::string ease;  // already translated; empty when not offered
};

struct PriorityRow {
  std::string label;
  double gap = 0;     // points behind the industry's best on this item
  double weight = 0;  // how strongly the item relates to the total impression (|r|)
};

struct ParticipantReportInput {
  std::string language = "nb";  // nb or en: the texts of the page
  std::string study_name;
  std::string participant;
  std::string company;
  std::string industry;
  int contacts = 0;
  int provisional = 0;  // of the contacts, still in QA (docs/scoring.md, "Which reports count")
  int answered = 0;
  Estimate total;  // the total result with its bootstrap interval
  std::optional<double> score_answered;
  std::optional<double> agent_score;
  std::optional<int> rank, rank_best, rank_worst;
  int ranked_in_industry = 0;
  bool best_in_test = false;  // the clear winner of its industry
  std::optional<double> industry_mean;
  std::optional<double> industry_best;
  std::vector<AreaRow> areas;
  std::vector<ChannelRow> channels;
  std::optional<double> chat_person;  // own chat score, answered by a person
  std::optional<double> chat_bot;     // ... and by a chatbot
  std::vector<QuestionRow> questions;
  std::vector<double> own_totals;       // every contact's total
  std::vector<double> industry_totals;  // every contact of the industry
  std::optional<double> sd;
  std::optional<double> share_90_plus;  // 0..100
  std::vector<WaitRow> waits;
  Estimate nps, csat, ces_mean, ces_easy;
  std::vector<ReferenceRow> references;
  std::vector<AuditRow> audit;
  std::map<std::string, std::vector<std::string>> comments;  // area label -> verbatims
  std::vector<PriorityRow> priorities;                       // most important first
};

std::string RenderParticipantReportHtml(const ParticipantReportInput& input);

}  // namespace cx::report
