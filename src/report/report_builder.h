#pragma once
// Fills the report models from the domain: the parts that come straight from
// fieldwork (waits, comments, the channel audit). Scores, ranks and
// intervals come from the results engine (see cmd_report.cc).

#include <string>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"
#include "report/participant_report.h"

namespace cx::report {

// "Telefon", "E-post/skjema", ... in the report's language.
std::string ChannelLabel(domain::Channel channel, const std::string& language);

// Median and 90th percentile wait per channel the participant was contacted
// on, beside the same over its industry; answered contacts only.
std::vector<WaitRow> BuildWaitRows(const domain::Study& study,
                                   const std::vector<domain::Contact>& contacts,
                                   const std::string& participant_id, const std::string& language);

// Verbatim comments of the participant's counted contacts, grouped by area
// label, in questionnaire area order. Nothing identifies the shopper.
std::map<std::string, std::vector<std::string>> BuildComments(
    const domain::Study& study, const std::vector<domain::Contact>& contacts,
    const std::string& participant_id, const std::string& language);

std::vector<AuditRow> BuildAuditRows(const domain::Participant& participant,
                                     const std::string& language);

// Contacts that count in results: the study's rule (domain/results_rule.h,
// docs/scoring.md "Which reports count"), as the results engine counts them.
bool Counts(const domain::Study& study, const domain::Contact& contact);

}  // namespace cx::report
