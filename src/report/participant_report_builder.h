#pragma once
// Fills a participant report from the results engine and the fieldwork:
// scores, ranks and intervals from results::ComputeResults; what the engine
// does not give (per-question differences with their uncertainty, the chat
// split of one participant, improvement priorities, the distributions) from
// the per-contact scores of results::ContactScorer.

#include <string>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"
#include "report/participant_report.h"
#include "report/ranking_page.h"
#include "results/results.h"

namespace cx::report {

// Per-contact scores of every counted contact, computed once for all reports.
struct ScoredFieldwork {
  std::vector<const domain::Contact*> contacts;  // counted, scorable, by id
  std::vector<results::ContactScore> scores;     // same index
};
ScoredFieldwork ScoreFieldwork(const domain::Study& study,
                               const std::vector<domain::Contact>& contacts);

// `language` empty = the participant's own report language.
ParticipantReportInput BuildParticipantReport(const domain::Study& study,
                                              const std::vector<domain::Contact>& contacts,
                                              const ScoredFieldwork& scored,
                                              const results::StudyResults& results,
                                              const std::string& participant_id,
                                              std::string language);

RankingPageInput BuildRankingPage(const domain::Study& study, const results::StudyResults& results,
                                  const std::string& language);

}  // namespace cx::report
