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

}  // namespace

std::vector<domain::Contact> AssignContacts(const DemoWorld& world, uint64_t seed) {
  const domain::Study& study = world.study;
  Rng rng(seed, "assign");
  const int weeks = std::max(1, study.period.Weeks());
  const auto start = std::chrono::sys_days{study.period.start};
  const auto end = std::chrono::sys_days{study.period.end};
  const auto first_monday = study.period.FirstMonday().days();

  std::vector<int> load(world.shoppers.size(), 0);
  std::map<std::pair<size_t, int>, int> week_load;           // (shopper, week) -> contacts
  std::map<std::string, std::set<size_t>> company_shoppers;  // shoppers used per company
  std::vector<std::set<std::string>> away(world.shoppers.size());
  for (size_t s = 0; s < world.shoppers.size(); ++s) {
    away[s].insert(world.shoppers[s].away_dates.begin(), world.shoppers[s].away_dates.end());
  }

  std::vector<domain::Contact> contacts;
  for (size_t p_index = 0; p_index < study.participants.size(); ++p_index) {
    const domain::Participant& participant = study.participants[p_index];
    const domain::Industry* industry = study.FindIndustry(participant.industry);
    const auto allocation = domain::AllocateContacts(study, participant);
    if (allocation.empty()) continue;  // offers none of the study's channels
    // Interleave channels so each channel's contacts spread over the period:
    // contact k gets the channel whose share of contacts so far lags most.
    std::vector<Channel> sequence;
    std::map<Channel, int> given;
    const int total = study.contacts_per_participant;
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

    std::map<Channel, int> scenario_turn;
    auto& used = company_shoppers[participant.company];
    for (int k = 0; k < total; ++k) {
      const Channel channel = sequence[static_cast<size_t>(k)];
      const domain::ChannelSpec& spec = *study.FindChannel(channel);
      // Time: contact k in week k*W/n; weekdays and hours rotate so no two
      // of the participant's contacts share an hour.
      const int week = k * weeks / total;
      const auto& weekdays = spec.hours.weekdays;
      const int weekday =
          weekdays[static_cast<size_t>(k + static_cast<int>(p_index)) % weekdays.size()];
      auto day = first_monday + std::chrono::days{7 * week + weekday - 1};
      while (day < start) day += std::chrono::days{7};
      while (day > end) day -= std::chrono::days{7};
      const int hours = std::max(1, (spec.hours.close_minute - spec.hours.open_minute) / 60);
      const int hour = (k * 7 + static_cast<int>(p_index) * 3) % hours;
      const int minute = spec.hours.open_minute + hour * 60 + 5 * static_cast<int>(rng.Below(12));
      const std::string date = Date{day}.ToString();
      // The shopper's weekly maximum counts the week the contact falls in.
      const int calendar_week = study.period.WeekOf(Date{day});

      // Scenario: rotate those of the industry that suit the channel.
      std::vector<const domain::Scenario*> suited;
      for (const auto& scenario : industry->scenarios) {
        if (scenario.channels.empty() ||
            std::find(scenario.channels.begin(), scenario.channels.end(), channel) !=
                scenario.channels.end()) {
          suited.push_back(&scenario);
        }
      }
      const domain::Scenario* scenario =
          suited[static_cast<size_t>(scenario_turn[channel]++ + static_cast<int>(p_index)) %
                 suited.size()];

      // Shopper: the least loaded who may take it; relax the weekly maximum
      // and then the scenario profile before giving up, never the company rule.
      size_t chosen = world.shoppers.size();
      for (int strictness = 2; strictness >= 0 && chosen == world.shoppers.size(); --strictness) {
        int best_score = 1 << 30;
        const size_t offset = rng.Below(world.shoppers.size());
        for (size_t step = 0; step < world.shoppers.size(); ++step) {
          const size_t s = (offset + step) % world.shoppers.size();
          const domain::Shopper& shopper = world.shoppers[s];
          if (!shopper.CanDo(channel) || used.count(s) || away[s].count(date)) continue;
          if (strictness >= 1 && !Matches(scenario->profile, shopper)) continue;
          const int this_week = week_load[{s, calendar_week}];
          if (strictness >= 2 && this_week >= shopper.max_contacts_per_week) continue;
          const int score = this_week * 1000 + load[s];
          if (score < best_score) {
            best_score = score;
            chosen = s;
          }
        }
      }
      if (chosen == world.shoppers.size()) {
        throw std::invalid_argument("too few shoppers: no shopper left who can do " +
                                    std::string(domain::ToString(channel)) +
                                    " and has not contacted " + participant.company +
                                    " already (use more shoppers)");
      }
      used.insert(chosen);
      ++load[chosen];
      ++week_load[{chosen, calendar_week}];

      domain::Contact contact;
      char id[32];
      std::snprintf(id, sizeof id, "-%02d", k + 1);
      contact.id = participant.id + id;
      contact.participant = participant.id;
      contact.shopper = world.shoppers[chosen].id;
      contact.channel = channel;
      contact.scenario = scenario->id;
      contact.planned_at = LocalDateTime{Date{day}, minute}.ToString();
      contact.status = domain::ContactStatus::kPlanned;
      contacts.push_back(std::move(contact));
    }
  }
  return contacts;
}

}  // namespace cx::demo
