#pragma once
// The fieldwork planner of a benchmark study: which shopper contacts which
// participant, on which channel, with which scenario, when. It optimises
// with real solvers inside a decomposition (docs/planning.md):
//   1. per participant, contacts per channel by domain::AllocateContacts;
//   2. time slots: contacts spread evenly over the weeks, weekdays and hours
//      of each channel's opening hours, scenarios rotated (constructive, exact);
//   3. shoppers: week by week a min-cost flow (Boost Graph, successive
//      shortest paths) over contacts -> (company, shopper) -> shopper, which
//      enforces every hard shopper constraint and prices the soft goals; the
//      company-once rule is carried forward from week to week;
//   4. whatever a week's flow cannot place is solved again, together with
//      the other contacts of its companies, as an integer programme (GLPK).
// When the plan cannot exist it says why in the study's own terms.
// Depends on the domain only; the independent checker is src/plan_check.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/change_record.h"
#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::plan {

// Shoppers per contact first offered to an integer programme (stage 4 and
// repairs); when that bounded programme has no solution, it is solved again
// over every eligible shopper.
inline constexpr size_t kIlpCandidates = 80;

struct PlanOptions {
  uint64_t seed = 2026;  // breaks ties between equally good shoppers
  // Shoppers are split into blocks of about this many contacts' worth of
  // companies for the flows (see docs/planning.md); 0 = one block.
  int contacts_per_block = 5000;
  // false: skip the flows, every company is planned by the integer
  // programme alone (stage 4), one after another. Slower; for comparison.
  bool flows = true;
  // Shoppers per contact in stage 4's first programme (see kIlpCandidates);
  // 0 = every eligible shopper at once.
  size_t ilp_candidates = kIlpCandidates;
};

struct PlanStats {
  int contacts = 0;
  int shoppers_used = 0;
  int flow_problems = 0;    // min-cost flows solved
  int placed_by_flow = 0;   // contacts the flows placed
  int ilp_problems = 0;     // integer programmes solved (GLPK)
  int placed_by_ilp = 0;    // contacts the integer programmes placed
  int ilp_widened = 0;      // programmes solved again over all eligible shoppers
  int min_per_shopper = 0;  // contacts per shopper among the shoppers used
  int max_per_shopper = 0;
};

struct Plan {
  std::vector<domain::Contact> contacts;  // ids "<participant>-NN", status kPlanned
  PlanStats stats;
};

// Why a plan cannot exist, each reason a sentence in the study's terms, e.g.
// "the study needs 350 phone contacts in weeks 1-17; shoppers who can phone
// have 280 free slots". Checks channels and profiles against shopper
// capacity over the period and per week, and each company's need for
// distinct shoppers. Empty when no reason is found (the plan may still fail).
std::vector<std::string> ExplainInfeasibility(const domain::Study& study,
                                              const std::vector<domain::Shopper>& shoppers);

// The whole plan. kInvalidInput with every reason (one per line) when it
// cannot exist. Deterministic for (study, shoppers, options).
Result<Plan> MakePlan(const domain::Study& study, const std::vector<domain::Shopper>& shoppers,
                      const PlanOptions& options = {});

struct RepairRequest {
  std::set<std::string> dropped_shoppers;  // shoppers who left: their open contacts move
};

struct RepairOutcome {
  std::vector<domain::Contact> changed;  // new or changed contacts, to save
  // One record per field changed (shopper, channel, scenario, planned_at) or
  // contact created, with no actor yet: the caller logs them as its actor.
  std::vector<domain::ChangeRecord> changes;
  int ilp_problems = 0;
};

// Re-plans what is not yet done: contacts still kPlanned of a dropped
// shopper get another shopper (same time where the rules allow), and every
// kFailed contact without a replacement gets one (same participant, channel,
// scenario and week, a free hour), and a participant whose channels changed
// has its still-planned contacts moved to the channels its new split asks
// for. Contacts started, submitted, approved or
// returned are never touched. Every hard constraint holds afterwards when
// it held before. Shoppers are placed by an integer programme (GLPK); when
// none exists, kInvalidInput says why.
Result<RepairOutcome> Repair(const domain::Study& study,
                             const std::vector<domain::Shopper>& shoppers,
                             const std::vector<domain::Contact>& contacts,
                             const RepairRequest& request);

// A change of one participant's channel audit (cxbench participant
// channels): the new audit and what it does to the participant's split.
struct ChannelChange {
  std::vector<domain::ChannelAudit> audit;                 // the whole new audit, by channel
  std::vector<domain::Channel> old_offers;                 // the study's channels offered before
  std::vector<domain::Channel> new_offers;                 // ... and now
  std::vector<std::pair<domain::Channel, int>> old_split;  // domain::AllocateContacts
  std::vector<std::pair<domain::Channel, int>> new_split;
  // Contacts still planned on a channel that now gets fewer than it has:
  // plan repair moves them.
  int contacts_to_move = 0;
};

// The audit in which participant `participant_id` offers exactly the study's
// channels named in `offers` (ids phone, email_form, chat, messenger; case and
// spaces ignored, repeats once). A channel still offered keeps its ease; one
// newly offered has none yet; channels that are not the study's keep their
// entries. Errors, with nothing to write: kNotFound for an unknown
// participant; kInvalidInput naming the bad value for a name that is no
// channel or not one of the study's, when no channel of the study is left,
// and when contacts done or under way on a channel exceed what the new split
// gives it (no repair could then keep the split exact).
Result<ChannelChange> ChangeOfferedChannels(const domain::Study& study,
                                            const std::string& participant_id,
                                            const std::vector<std::string>& offers,
                                            const std::vector<domain::Contact>& contacts);

}  // namespace cx::plan
