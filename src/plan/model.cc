#include "plan/model.h"

#include <algorithm>
#include <cmath>

namespace cx::plan {

bool FitsProfile(const domain::ProfileRequirement& profile, const domain::Shopper& shopper) {
  if (!profile.age_bands.empty() && std::find(profile.age_bands.begin(), profile.age_bands.end(),
                                              shopper.age_band) == profile.age_bands.end()) {
    return false;
  }
  return !profile.gender || *profile.gender == shopper.gender;
}

bool Suits(const domain::Scenario& scenario, domain::Channel channel) {
  return scenario.channels.empty() || std::find(scenario.channels.begin(), scenario.channels.end(),
                                                channel) != scenario.channels.end();
}

Model::Model(const domain::Study& study_in, const std::vector<domain::Shopper>& shoppers_in)
    : study(study_in), shoppers(shoppers_in) {
  std::map<std::string, int> company_index;
  for (size_t p = 0; p < study.participants.size(); ++p) {
    const auto& participant = study.participants[p];
    participant_index[participant.id] = static_cast<int>(p);
    auto [it, inserted] =
        company_index.emplace(participant.company, static_cast<int>(companies.size()));
    if (inserted) companies.push_back(participant.company);
    company_of.push_back(it->second);
  }
  weeks = std::max(1, study.period.Weeks());
  first_day = ToDay(Date{study.period.start});
  last_day = ToDay(Date{study.period.end});
  first_monday = ToDay(study.period.FirstMonday());
  excluded.assign(shoppers.size(), false);
  for (size_t s = 0; s < shoppers.size(); ++s) {
    shopper_index[shoppers[s].id] = static_cast<int>(s);
    std::vector<Day> days;
    for (const auto& text : shoppers[s].away_dates) {
      if (auto day = Date::Parse(text)) days.push_back(ToDay(*day));
    }
    std::sort(days.begin(), days.end());
    away.push_back(std::move(days));
  }
  profiles.push_back({});
  for (const auto& industry : study.industries) {
    for (const auto& scenario : industry.scenarios) {
      auto found = std::find(profiles.begin(), profiles.end(), scenario.profile);
      profile_of[&scenario] = static_cast<int>(found - profiles.begin());
      if (found == profiles.end()) profiles.push_back(scenario.profile);
    }
  }
  const int groups = static_cast<int>(domain::kAllChannels.size() * profiles.size());
  for (int group = 0; group < groups; ++group) {
    int fitting = 0;
    for (size_t s = 0; s < shoppers.size(); ++s) fitting += FitsGroup(static_cast<int>(s), group);
    scarcity.push_back(fitting == 0 ? 1.0 : static_cast<double>(shoppers.size()) / fitting);
  }
}

int Model::Group(const Slot& slot) const {
  const int profile = slot.scenario ? profile_of.at(slot.scenario) : 0;
  return static_cast<int>(slot.channel) * static_cast<int>(profiles.size()) + profile;
}

bool Model::FitsGroup(int shopper, int group) const {
  const int count = static_cast<int>(profiles.size());
  const auto& person = shoppers[static_cast<size_t>(shopper)];
  return person.CanDo(static_cast<domain::Channel>(group / count)) &&
         FitsProfile(profiles[static_cast<size_t>(group % count)], person);
}

bool Model::Away(int shopper, Day day) const {
  const auto& days = away[static_cast<size_t>(shopper)];
  return std::binary_search(days.begin(), days.end(), day);
}

std::vector<Day> Model::OpenDays(int week, domain::Channel channel) const {
  std::vector<Day> days;
  const auto* spec = study.FindChannel(channel);
  if (!spec) return days;
  for (int weekday : spec->hours.weekdays) {
    const Day day = first_monday + 7 * (week - 1) + (weekday - 1);
    if (day >= first_day && day <= last_day) days.push_back(day);
  }
  return days;
}

bool Model::Eligible(int shopper, const Slot& slot) const {
  const auto& person = shoppers[static_cast<size_t>(shopper)];
  return !excluded[static_cast<size_t>(shopper)] && person.CanDo(slot.channel) &&
         !Away(shopper, slot.day) &&
         (!slot.scenario || FitsProfile(slot.scenario->profile, person));
}

Ledger::Ledger(const Model& model)
    : shoppers(model.shoppers.size()),
      used(model.companies.size() * model.shoppers.size(), 0),
      weekly(model.shoppers.size(), std::vector<int>(static_cast<size_t>(model.weeks) + 2, 0)),
      total(model.shoppers.size(), 0),
      regions(model.companies.size()),
      remaining(model.companies.size()) {}

void Ledger::Expect(const Model& model, const Slot& slot, int count) {
  remaining[static_cast<size_t>(slot.company)][model.Group(slot)] += count;
}

void Ledger::Take(const Model& model, const Slot& slot, int shopper) {
  const size_t s = static_cast<size_t>(shopper);
  used[static_cast<size_t>(slot.company) * shoppers + s] = 1;
  if (slot.week >= 0 && slot.week < static_cast<int>(weekly[s].size()))
    ++weekly[s][static_cast<size_t>(slot.week)];
  ++total[s];
  ++regions[static_cast<size_t>(slot.company)][model.shoppers[s].region];
  --remaining[static_cast<size_t>(slot.company)][model.Group(slot)];
}

void Ledger::Release(const Model& model, const Slot& slot) {
  if (slot.shopper < 0) return;
  const size_t s = static_cast<size_t>(slot.shopper);
  used[static_cast<size_t>(slot.company) * shoppers + s] = 0;
  if (slot.week >= 0 && slot.week < static_cast<int>(weekly[s].size()))
    --weekly[s][static_cast<size_t>(slot.week)];
  --total[s];
  --regions[static_cast<size_t>(slot.company)][model.shoppers[s].region];
  ++remaining[static_cast<size_t>(slot.company)][model.Group(slot)];
}

int Ledger::WeeklyFree(const Model& model, int shopper, int week) const {
  const size_t s = static_cast<size_t>(shopper);
  const int taken = week >= 0 && week < static_cast<int>(weekly[s].size())
                        ? weekly[s][static_cast<size_t>(week)]
                        : 0;
  return model.shoppers[s].max_contacts_per_week - taken;
}

long WorkloadCost(const Ledger& ledger, int shopper, int week, int extra) {
  constexpr long kTotalWeight = 8;  // per contact the shopper already has in the period
  constexpr long kWeekWeight = 20;  // per contact the shopper already has this week
  const size_t s = static_cast<size_t>(shopper);
  return kTotalWeight * (ledger.total[s] + extra) +
         kWeekWeight * (ledger.weekly[s][static_cast<size_t>(week)] + extra);
}

long AffinityCost(const Model& model, const Ledger& ledger, const Slot& slot, int shopper) {
  const auto& person = model.shoppers[static_cast<size_t>(shopper)];
  const auto& regions = ledger.regions[static_cast<size_t>(slot.company)];
  auto region = regions.find(person.region);
  long cost = region == regions.end() ? 0 : 15L * region->second;
  const int own = model.Group(slot);
  for (const auto& [group, count] : ledger.remaining[static_cast<size_t>(slot.company)]) {
    if (count <= 0 || group == own || !model.FitsGroup(shopper, group)) continue;
    cost += std::lround(30.0 * count * (model.scarcity[static_cast<size_t>(group)] - 1.0));
  }
  return cost;
}

}  // namespace cx::plan
