#pragma once
// The public results: the ranking of every industry (winner, score, interval),
// the best per channel, and channel and chatbot comparisons across all
// participants. One self-contained HTML page for the web and for print.

#include <optional>
#include <string>
#include <vector>

namespace cx::report {

struct RankingRow {
  std::optional<int> rank;  // none: listed, not ranked (too few contacts)
  std::string participant;
  std::optional<double> score;
  std::optional<double> low, high;  // 95 % interval of the score
  int contacts = 0;
};

struct IndustryRanking {
  std::string industry;
  std::vector<RankingRow> rows;  // ranked first, in rank order
  std::optional<double> mean;
  bool winner_clear = false;  // the first is "Best i test" only when its lead is clear
};

struct ChannelFigure {
  std::string channel;
  std::optional<double> mean;  // over all participants' contacts on it
  int contacts = 0;
  std::string best_participant;
  std::optional<double> best_score;
};

struct RankingPageInput {
  std::string language = "nb";
  std::string study_name;
  std::vector<IndustryRanking> industries;
  std::vector<ChannelFigure> channels;
  std::optional<double> chat_person_mean, chat_bot_mean;
  int chat_person_contacts = 0, chat_bot_contacts = 0;
};

std::string RenderRankingPageHtml(const RankingPageInput& input);

}  // namespace cx::report
