#pragma once
// The independent checker of a fieldwork plan: re-verifies every hard
// constraint of a benchmark study from the stored study, shoppers and
// contacts. It shares no code with any planner; from the domain it uses only
// the study's own rule for splitting contacts over channels
// (domain::AllocateContacts). See docs/planning.md.

#include <string>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::plan_check {

struct Violation {
  std::string rule;     // e.g. "contacts_per_participant", "shopper_once_per_company"
  std::string subject;  // the participant, shopper or contact at fault
  std::string message;
};

// Every violation, in a stable order (by rule, then subject). Contacts with
// status failed are not part of the plan and are not checked.
std::vector<Violation> CheckPlan(const domain::Study& study,
                                 const std::vector<domain::Shopper>& shoppers,
                                 const std::vector<domain::Contact>& contacts);

}  // namespace cx::plan_check
