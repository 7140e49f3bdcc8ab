// Why a plan cannot exist, in the study's own terms. Each check is a
// necessary condition: demand on one side, the shoppers' room on the other.
//   - per industry and channel, and for the study, over the whole period:
//     contacts needed vs the weekly places of the shoppers who can do the
//     channel, counted in the weeks they are not away the whole week;
//   - per week and channel (from the time slots, stage 2): the same per week;
//   - per scenario profile (e.g. age 60+), over the period;
//   - per company: its contacts need distinct shoppers, so for every set of
//     its (channel, profile) groups the contacts in them must not exceed the
//     shoppers who can do at least one of them (Hall's condition).
#include <algorithm>
#include <map>
#include <set>

#include "domain/allocation.h"
#include "plan/model.h"
#include "plan/planner.h"

namespace cx::plan {
namespace {

using domain::Channel;

std::string Name(Channel channel) { return std::string(domain::ToString(channel)); }

std::string Can(Channel channel) {
  return channel == Channel::kPhone ? "can phone" : "can do " + Name(channel);
}

std::string Describe(const domain::ProfileRequirement& profile) {
  std::string text;
  for (const auto& band : profile.age_bands) text += (text.empty() ? "age " : "/") + band;
  if (profile.gender) text += (text.empty() ? "" : ", ") + *profile.gender;
  return text;
}

// Weekly places of `shopper` on `channel` in `week`: the weekly maximum when
// the channel is open on a day of that week the shopper is not away.
int Places(const Model& model, int shopper, int week, Channel channel) {
  if (!model.shoppers[static_cast<size_t>(shopper)].CanDo(channel)) return 0;
  for (Day day : model.OpenDays(week, channel)) {
    if (!model.Away(shopper, day))
      return model.shoppers[static_cast<size_t>(shopper)].max_contacts_per_week;
  }
  return 0;
}

int AnyPlaces(const Model& model, int shopper, int week) {
  for (Channel channel : domain::kAllChannels) {
    if (model.study.FindChannel(channel) && Places(model, shopper, week, channel) > 0)
      return model.shoppers[static_cast<size_t>(shopper)].max_contacts_per_week;
  }
  return 0;
}

using Reasons = std::vector<std::string>;

// Over the whole period, per industry and channel, then for the study.
void ExplainPeriod(const Model& model, const domain::Study& study, int shopper_count,
                   const std::string& period, Reasons& reasons) {
  std::map<std::string, std::map<Channel, int>> industry_need;
  std::map<Channel, int> study_need;
  int need = 0;
  for (const auto& participant : study.participants) {
    for (const auto& [channel, count] : domain::AllocateContacts(study, participant)) {
      industry_need[participant.industry][channel] += count;
      study_need[channel] += count;
      need += count;
    }
  }
  std::map<Channel, int> places;
  int all_places = 0;
  for (int s = 0; s < shopper_count; ++s) {
    for (int week = 1; week <= model.weeks; ++week) {
      for (const auto& [channel, count] : study_need)
        places[channel] += Places(model, s, week, channel);
      all_places += AnyPlaces(model, s, week);
    }
  }
  for (const auto& [channel, count] : study_need) {
    bool said = false;
    for (const auto& [industry, by_channel] : industry_need) {
      auto it = by_channel.find(channel);
      if (it == by_channel.end() || it->second <= places[channel]) continue;
      reasons.push_back("industry " + industry + " needs " + std::to_string(it->second) + " " +
                        Name(channel) + " contacts in " + period + "; shoppers who " +
                        Can(channel) + " have " + std::to_string(places[channel]) + " free slots");
      said = true;
    }
    if (!said && count > places[channel]) {
      reasons.push_back("the study needs " + std::to_string(count) + " " + Name(channel) +
                        " contacts in " + period + "; shoppers who " + Can(channel) + " have " +
                        std::to_string(places[channel]) + " free slots");
    }
  }
  if (need > all_places) {
    reasons.push_back("the study needs " + std::to_string(need) + " contacts in " + period +
                      "; the shoppers have " + std::to_string(all_places) + " free slots");
  }
}

// The time slots: per week and channel.
void ExplainWeeks(const Model& model, const std::vector<Slot>& slots, int shopper_count,
                  Reasons& reasons) {
  std::map<int, std::map<Channel, int>> week_need;
  for (const Slot& slot : slots) ++week_need[slot.week][slot.channel];
  for (const auto& [week, by_channel] : week_need) {
    int week_total = 0, week_places = 0;
    for (int s = 0; s < shopper_count; ++s) week_places += AnyPlaces(model, s, week);
    for (const auto& [channel, count] : by_channel) {
      week_total += count;
      int free = 0;
      for (int s = 0; s < shopper_count; ++s) free += Places(model, s, week, channel);
      if (count > free) {
        reasons.push_back("week " + std::to_string(week) + " needs " + std::to_string(count) + " " +
                          Name(channel) + " contacts; shoppers who " + Can(channel) + " have " +
                          std::to_string(free) + " free slots that week");
      }
    }
    if (week_total > week_places) {
      reasons.push_back("week " + std::to_string(week) + " needs " + std::to_string(week_total) +
                        " contacts; the shoppers have " + std::to_string(week_places) +
                        " free slots that week");
    }
  }
}

// Per scenario profile over the period: contacts that need it vs the
// weekly places of the shoppers who fit it and can do one of their channels.
void ExplainProfiles(const Model& model, const std::vector<domain::Shopper>& shoppers,
                     const std::vector<Slot>& slots, const std::string& period, Reasons& reasons) {
  const int shopper_count = static_cast<int>(shoppers.size());
  for (size_t profile = 1; profile < model.profiles.size(); ++profile) {
    int count = 0;
    std::set<Channel> channels;
    std::set<std::string> scenarios;
    for (const Slot& slot : slots) {
      if (model.profile_of.at(slot.scenario) != static_cast<int>(profile)) continue;
      ++count;
      channels.insert(slot.channel);
      scenarios.insert(slot.scenario->id);
    }
    if (count == 0) continue;
    int free = 0;
    for (int s = 0; s < shopper_count; ++s) {
      if (!FitsProfile(model.profiles[profile], shoppers[static_cast<size_t>(s)])) continue;
      for (int week = 1; week <= model.weeks; ++week) {
        int best = 0;
        for (Channel channel : channels) best = std::max(best, Places(model, s, week, channel));
        free += best;
      }
    }
    if (count > free) {
      std::string names;
      for (const auto& id : scenarios) names += (names.empty() ? "" : ", ") + id;
      const std::string who = "shoppers of " + Describe(model.profiles[profile]);
      reasons.push_back("the study needs " + std::to_string(count) + " contacts for " + who + " (" +
                        names + ") in " + period + "; " + who + " have " + std::to_string(free) +
                        " free slots");
    }
  }
}

using Groups = std::vector<std::pair<int, int>>;  // (group, contacts)

// The contacts in the groups of `mask`, and what they are ("2 phone (age 60+), 1 chat").
int ContactsIn(const Model& model, const Groups& list, int mask, std::string& what) {
  const int profile_count = static_cast<int>(model.profiles.size());
  const int n = static_cast<int>(list.size());
  int contacts = 0;
  for (int g = 0; g < n; ++g) {
    if (!(mask & (1 << g))) continue;
    const auto [group, count] = list[static_cast<size_t>(g)];
    contacts += count;
    const auto& profile = model.profiles[static_cast<size_t>(group % profile_count)];
    std::string item =
        std::to_string(count) + " " + Name(static_cast<Channel>(group / profile_count));
    if (!profile.Empty()) item += " (" + Describe(profile) + ")";
    what += (what.empty() ? "" : ", ") + item;
  }
  return contacts;
}

// The shoppers who fit at least one of the groups of `mask`.
int ShoppersFor(const Model& model, const Groups& list, int mask, int shopper_count) {
  const int n = static_cast<int>(list.size());
  int able = 0;
  for (int s = 0; s < shopper_count; ++s) {
    bool fits = false;
    for (int g = 0; g < n && !fits; ++g) {
      fits = (mask & (1 << g)) && model.FitsGroup(s, list[static_cast<size_t>(g)].first);
    }
    able += fits ? 1 : 0;
  }
  return able;
}

// Per company: distinct shoppers for every set of its groups (Hall's
// condition); the first set that fails, smallest first, is the reason.
void ExplainCompanies(const Model& model, const domain::Study& study,
                      const std::vector<Slot>& slots, int shopper_count, Reasons& reasons) {
  std::map<int, std::map<int, int>> company_groups;  // company -> group -> contacts
  std::map<int, std::vector<std::string>> company_centres;
  for (const Slot& slot : slots) ++company_groups[slot.company][model.Group(slot)];
  for (size_t p = 0; p < study.participants.size(); ++p)
    company_centres[model.company_of[p]].push_back(study.participants[p].id);
  for (const auto& [company, groups] : company_groups) {
    const Groups list(groups.begin(), groups.end());
    const int n = static_cast<int>(list.size());
    if (n > 12) continue;  // never in practice: 4 channels x a few profiles
    std::vector<int> masks;
    for (int mask = 1; mask < (1 << n); ++mask) masks.push_back(mask);
    // Smallest sets first, and among equals the full set's order.
    std::stable_sort(masks.begin(), masks.end(), [](int a, int b) {
      return __builtin_popcount(static_cast<unsigned>(a)) <
             __builtin_popcount(static_cast<unsigned>(b));
    });
    for (int mask : masks) {
      std::string what;
      const int contacts = ContactsIn(model, list, mask, what);
      const int able = ShoppersFor(model, list, mask, shopper_count);
      if (contacts <= able) continue;
      const auto& centres = company_centres[company];
      std::string subject = centres.size() == 1
                                ? "participant " + centres.front()
                                : "company " + model.companies[static_cast<size_t>(company)] +
                                      " (" + std::to_string(centres.size()) + " customer centres)";
      reasons.push_back(subject + " needs " + std::to_string(contacts) +
                        " contacts from distinct shoppers (" + what + ") but only " +
                        std::to_string(able) + (able == 1 ? " shopper can" : " shoppers can") +
                        " do them");
      break;
    }
  }
}

}  // namespace

std::vector<std::string> ExplainInfeasibility(const domain::Study& study,
                                              const std::vector<domain::Shopper>& shoppers) {
  std::vector<std::string> reasons;
  const Model model(study, shoppers);
  const int shopper_count = static_cast<int>(shoppers.size());
  const std::string period = "weeks 1-" + std::to_string(model.weeks);
  ExplainPeriod(model, study, shopper_count, period, reasons);
  // A slot error is itself the reason.
  auto slots = MakeSlots(model);
  if (!slots) {
    reasons.push_back(slots.error().ToString());
    return reasons;
  }
  ExplainWeeks(model, *slots, shopper_count, reasons);
  ExplainProfiles(model, shoppers, *slots, period, reasons);
  ExplainCompanies(model, study, *slots, shopper_count, reasons);
  return reasons;
}

}  // namespace cx::plan
