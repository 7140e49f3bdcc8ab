#pragma once
// The ranking as the contest publishes it ("Best i test", docs/publication.md):
// per industry the ranked companies with their score, 95 % interval,
// probable rank range and probability of being best, whether the winner is
// clear, the best per channel, chat by a person or a chatbot, and the facts
// of the method note (how many contacts, on which channels, when). It holds
// only what the contest publishes: names and figures, never a contact, a
// shopper or a comment. Staff's live preview and the published page are
// this one document, so what is previewed is what is published.

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"
#include "results/results.h"

namespace cx::results {

// The study as a publication counts it: approved reports only, whatever the
// study's rule while QA is under way (a published ranking is final).
domain::Study ForPublication(domain::Study study);

// The public document of `results`, computed from `contacts` of `study`.
nlohmann::json PublicRankingJson(const domain::Study& study,
                                 const std::vector<domain::Contact>& contacts,
                                 const StudyResults& results);

}  // namespace cx::results
