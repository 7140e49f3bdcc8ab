#pragma once
// Private to plan/: the planner's working model of a study and its shoppers.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/result.h"
#include "domain/fieldwork.h"
#include "domain/study.h"
#include "plan/planner.h"

namespace cx::plan {

using Day = long;  // days since 1970-01-01 (Date::DayNumber): the planner counts in these

inline Date ToDate(Day day) { return Date{std::chrono::sys_days{std::chrono::days{day}}}; }
inline Day ToDay(Date date) { return date.DayNumber(); }

bool FitsProfile(const domain::ProfileRequirement& profile, const domain::Shopper& shopper);
bool Suits(const domain::Scenario& scenario, domain::Channel channel);

// One contact to place: fixed in time by the slot stage, its shopper chosen later.
struct Slot {
  std::string id;
  int participant = 0;  // index into study.participants
  int company = 0;      // index into Model::companies
  domain::Channel channel = domain::Channel::kPhone;
  const domain::Scenario* scenario = nullptr;
  int week = 1;  // 1-based, FieldworkPeriod::WeekOf
  Day day = 0;
  int minute = 0;
  int shopper = -1;  // index into shoppers; -1 = not placed
};

struct Model {
  Model(const domain::Study& study, const std::vector<domain::Shopper>& shoppers);

  const domain::Study& study;
  const std::vector<domain::Shopper>& shoppers;
  std::vector<std::string> companies;
  std::vector<int> company_of;  // by participant index
  std::map<std::string, int> participant_index;
  std::map<std::string, int> shopper_index;
  uint64_t seed = 0;  // breaks ties between equal shoppers
  int weeks = 1;
  Day first_day = 0;  // period start
  Day last_day = 0;   // period end, inclusive
  Day first_monday = 0;
  std::vector<std::vector<Day>> away;  // by shopper, sorted
  std::vector<bool> excluded;          // by shopper: never given a contact (dropped out)
  // Distinct scenario profiles (index 0 = none); a slot's group is its
  // channel and profile. scarcity[group] = shoppers / shoppers fitting it.
  std::vector<domain::ProfileRequirement> profiles;
  std::map<const domain::Scenario*, int> profile_of;
  std::vector<double> scarcity;

  int Group(const Slot& slot) const;
  bool FitsGroup(int shopper, int group) const;

  int WeekOf(Day day) const { return study.period.WeekOf(ToDate(day)); }
  bool Away(int shopper, Day day) const;
  // The days of `week` inside the period on which `channel` is open.
  std::vector<Day> OpenDays(int week, domain::Channel channel) const;
  // Not excluded; channel, away date and scenario profile (not the company or
  // weekly rules).
  bool Eligible(int shopper, const Slot& slot) const;
};

// What the shoppers have taken so far: the company-once rule and the weekly
// maximum are checked against it, the soft goals priced from it.
struct Ledger {
  explicit Ledger(const Model& model);
  // A slot still to place: counted in its company's remaining need.
  void Expect(const Model& model, const Slot& slot, int count = 1);
  // Take and Release also move the slot out of and back into the remaining need.
  void Take(const Model& model, const Slot& slot, int shopper);
  void Release(const Model& model, const Slot& slot);
  int WeeklyFree(const Model& model, int shopper, int week) const;
  bool UsedFor(int company, int shopper) const {
    return used[static_cast<size_t>(company) * shoppers + static_cast<size_t>(shopper)] != 0;
  }

  size_t shoppers = 0;
  std::vector<char> used;                           // company x shopper
  std::vector<std::vector<int>> weekly;             // shopper -> week (1-based) -> contacts
  std::vector<int> total;                           // shopper -> contacts
  std::vector<std::map<std::string, int>> regions;  // company -> region -> contacts
  std::vector<std::map<int, int>> remaining;        // company -> group -> slots to place
};

// The cost of giving `slot` to `shopper` beyond workload: regions mixed
// within a company, and shoppers a company will still need for scarce
// channels or profiles kept for it. Integer, >= 0.
long AffinityCost(const Model& model, const Ledger& ledger, const Slot& slot, int shopper);

// The workload cost of giving `shopper` one more contact in `week` after
// `extra` more than the ledger holds: 8 per contact they have in the period
// and 20 per contact they have that week, so work spreads evenly over the
// pool and over the weeks. The flow and the integer programme both use it.
long WorkloadCost(const Ledger& ledger, int shopper, int week, int extra = 0);

// Stage 2: the time slots and scenarios of every participant. Errors name
// the participant and the reason.
Result<std::vector<Slot>> MakeSlots(const Model& model);

// Stage 3: places the slots listed (indices into `slots`, one week) with a
// min-cost flow over the shoppers listed, offering each slot its
// `candidates` cheapest; updates `ledger`. Returns how many it placed.
int PlaceByFlow(const Model& model, Ledger& ledger, std::vector<Slot>& slots,
                const std::vector<int>& which, const std::vector<int>& pool, size_t candidates);

// Stage 4: places the slots listed jointly by an integer programme (GLPK)
// over all shoppers, with whatever else is in `ledger` fixed. Slots already
// placed among them are released first. Each contact is first offered its
// `candidates` cheapest eligible shoppers; when that programme has no
// solution and the bound cut any contact's shoppers, it is solved again with
// every eligible shopper (`widened`), so `placed` is false only when the full
// programme has no solution (or GLPK's time limit passed without one). On
// false, the slots are left unplaced and the ledger without them.
struct IlpResult {
  bool placed = false;
  bool widened = false;  // the bounded programme failed; solved again over all eligible shoppers
};
IlpResult PlaceByIlp(const Model& model, Ledger& ledger, std::vector<Slot>& slots,
                     const std::vector<int>& which, size_t candidates = kIlpCandidates);

}  // namespace cx::plan
