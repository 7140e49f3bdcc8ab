#pragma once
// Which reports the results count while quality assurance is under way: the
// one rule (docs/scoring.md, "Which reports count") that the results engine,
// the reports and the server's results replies all ask.

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::domain {

// Whether a contact in `status` counts in the results under `rule`: approved
// always; submitted (still in QA) under kApprovedAndInQa; planned, started,
// returned and failed never.
inline bool CountsInResults(ResultsFrom rule, ContactStatus status) {
  if (status == ContactStatus::kApproved) return true;
  return rule == ResultsFrom::kApprovedAndInQa && status == ContactStatus::kSubmitted;
}

// Whether a counted contact's figures are provisional: it is still in QA.
inline bool IsProvisional(ContactStatus status) { return status == ContactStatus::kSubmitted; }

}  // namespace cx::domain
