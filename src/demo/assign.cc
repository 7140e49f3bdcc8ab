// The demo's own simple assignment (the real planner lives in src/plan).
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "core/civil_time.h"
#include "demo/generator.h"
#include "demo/random.h"
#include "domain/allocation.h"

namespace cx::demo {
namespace {

using domain::Channel;

bool Matches(const domain::ProfileRequirement& profile, const domain::Shopper& shopper) {
  if (!profile.age_bands.empty() && std::find(profile.age_bands.begin(), profile.age_bands.end(),
                                              shopper.age_band) == profile.age_bands.end()) {
    return false;
  }
  return !profile.gender || *profile.gender == shopper.gender;
}

// The period in days: contact times are laid out in its weeks.
struct Calendar {
  explicit Calendar(const domain::FieldworkPeriod& period_in)
      : period(period_in),
        weeks(std::max(1, period.Weeks())),
        start(std::chrono::sys_days{period.start}),
        end(std::chrono::sys_days{period.end}),
        first_monday(period.FirstMonday().days()) {}
  const domain::FieldworkPeriod& period;
  int weeks;
  std::chrono::sys_days start, end, first_monday;
};

// What the assignment has given so far, over every participant.
struct Loads {
  explicit Loads(const std::vector<domain::Shopper>& shoppers)
      : total(shoppers.size(), 0), away(shoppers.size()) {
    for (size_t s = 0; s < shoppers.size(); ++s) {
      away[s].insert(shoppers[s].away_dates.begin(), shoppers[s].away_dates.end());
    }
  }
  std::vector<int> total;
  std::map<std::pair<size_t, int>, int> weekly;              // (shopper, week) -> contacts
  std::map<std::string, std::set<size_t>> company_shoppers;  // shoppers used per company
  std::vector<std::set<std::string>> away;
};

// Interleaves channels so each channel's contacts spread over the period:
// contact k gets the channel whose share of contacts so far lags most.
std::vector<Channel> ChannelSequence(const std::vector<std::pair<Channel, int>>& allocation,
                                     int total) {
  std::vector<Channel> sequence;
  std::map<Channel, int> given;
  for (int k = 0; k < total; ++k) {
    Channel best = allocation.front().first;
    double best_lag = -1e9;
    for (const auto& [channel, count] : allocation) {
      if (given[channel] >= count) continue;
      const double lag = static_cast<double>(count) * (k + 1) / total - given[channel];
      if (lag > best_lag) {
        best_lag = lag;
        best = channel;
      }
    }
    ++given[best];
    sequence.push_back(best);
  }
  return sequence;
}

// When contact k of n happens.
struct When {
  int week = 0;           // the week of the period the contact is laid out in
  int calendar_week = 0;  // the week it falls in (FieldworkPeriod::WeekOf): the weekly maximum's
  std::chrono::sys_days day;
  int minute = 0;
  std::string date;
};

// Contact k in week k*W/n; weekdays and hours rotate so no two of the
// participant's contacts share an hour.
When TimeOf(const Calendar& calendar, const domain::ChannelSpec& spec, int k, int total,
            size_t p_index, Rng& rng) {
  When when;
  when.week = k * calendar.weeks / total;
  const auto& weekdays = spec.hours.weekdays;
  const int weekday =
      weekdays[static_cast<size_t>(k + static_cast<int>(p_index)) % weekdays.size()];
  when.day = calendar.first_monday + std::chrono::days{7 * when.week + weekday - 1};
  while (when.day < calendar.start) when.day += std::chrono::days{7};
  while (when.day > calendar.end) when.day -= std::chrono::days{7};
  const int hours = std::max(1, (spec.hours.close_minute - spec.hours.open_minute) / 60);
  const int hour = (k * 7 + static_cast<int>(p_index) * 3) % hours;
  when.minute = spec.hours.open_minute + hour * 60 + 5 * static_cast<int>(rng.Below(12));
  when.date = Date{when.day}.ToString();
  when.calendar_week = calendar.period.WeekOf(Date{when.day});
  return when;
}

// Rotates the industry's scenarios that suit the channel; `turn` counts the
// channel's contacts of this participant so far.
const domain::Scenario& ScenarioFor(const domain::Industry& industry, Channel channel, int turn,
                                    size_t p_index) {
  std::vector<const domain::Scenario*> suited;
  for (const auto& scenario : industry.scenarios) {
    if (scenario.channels.empty() || std::find(scenario.channels.begin(), scenario.channels.end(),
                                               channel) != scenario.channels.end()) {
      suited.push_back(&scenario);
    }
  }
  return *suited[static_cast<size_t>(turn + static_cast<int>(p_index)) % suited.size()];
}

// The least loaded shopper who may take the contact; the weekly maximum and
// then the scenario profile are relaxed before giving up, never the company
// rule. Returns shoppers.size() when none may.
size_t ChooseShopper(const std::vector<domain::Shopper>& shoppers, const Loads& loads,
                     const std::set<size_t>& used, Channel channel,
                     const domain::Scenario& scenario, const When& when, Rng& rng) {
  size_t chosen = shoppers.size();
  for (int strictness = 2; strictness >= 0 && chosen == shoppers.size(); --strictness) {
    int best_score = 1 << 30;
    const size_t offset = rng.Below(shoppers.size());
    for (size_t step = 0; step < shoppers.size(); ++step) {
      const size_t s = (offset + step) % shoppers.size();
      const domain::Shopper& shopper = shoppers[s];
      if (!shopper.CanDo(channel) || used.count(s) || loads.away[s].count(when.date)) continue;
      if (strictness >= 1 && !Matches(scenario.profile, shopper)) continue;
      const auto found = loads.weekly.find({s, when.calendar_week});
      const int this_week = found == loads.weekly.end() ? 0 : found->second;
      if (strictness >= 2 && this_week >= shopper.max_contacts_per_week) continue;
      const int score = this_week * 1000 + loads.total[s];
      if (score < best_score) {
        best_score = score;
        chosen = s;
      }
    }
  }
  return chosen;
}

// One participant's contacts, appended to `contacts`; throws when too few
// shoppers are left for one of them.
void AssignParticipant(const DemoWorld& world, const Calendar& calendar, size_t p_index,
                       Loads& loads, Rng& rng, std::vector<domain::Contact>& contacts) {
  const domain::Study& study = world.study;
  const domain::Participant& participant = study.participants[p_index];
  const domain::Industry& industry = *study.FindIndustry(participant.industry);
  const auto allocation = domain::AllocateContacts(study, participant);
  if (allocation.empty()) return;  // offers none of the study's channels
  const int total = study.contacts_per_participant;
  const std::vector<Channel> sequence = ChannelSequence(allocation, total);

  std::map<Channel, int> scenario_turn;
  auto& used = loads.company_shoppers[participant.company];
  for (int k = 0; k < total; ++k) {
    const Channel channel = sequence[static_cast<size_t>(k)];
    const When when = TimeOf(calendar, *study.FindChannel(channel), k, total, p_index, rng);
    const domain::Scenario& scenario =
        ScenarioFor(industry, channel, scenario_turn[channel]++, p_index);
    const size_t chosen = ChooseShopper(world.shoppers, loads, used, channel, scenario, when, rng);
    if (chosen == world.shoppers.size()) {
      throw std::invalid_argument(
          "too few shoppers: no shopper left who can do " + std::string(domain::ToString(channel)) +
          " and has not contacted " + participant.company + " already (use more shoppers)");
    }
    used.insert(chosen);
    ++loads.total[chosen];
    ++loads.weekly[{chosen, when.calendar_week}];

    domain::Contact contact;
    char id[32];
    std::snprintf(id, sizeof id, "-%02d", k + 1);
    contact.id = participant.id + id;
    contact.participant = participant.id;
    contact.shopper = world.shoppers[chosen].id;
    contact.channel = channel;
    contact.scenario = scenario.id;
    contact.planned_at = LocalDateTime{Date{when.day}, when.minute}.ToString();
    contact.status = domain::ContactStatus::kPlanned;
    contacts.push_back(std::move(contact));
  }
}

}  // namespace

std::vector<domain::Contact> AssignContacts(const DemoWorld& world, uint64_t seed) {
  Rng rng(seed, "assign");
  const Calendar calendar(world.study.period);
  Loads loads(world.shoppers);
  std::vector<domain::Contact> contacts;
  for (size_t p_index = 0; p_index < world.study.participants.size(); ++p_index) {
    AssignParticipant(world, calendar, p_index, loads, rng, contacts);
  }
  return contacts;
}

}  // namespace cx::demo
