// Stage 2 of the planner: when each contact happens and with which scenario.
// Constructive and exact for the hard rules it owns: contacts per week differ
// by at most one, no two of a participant's contacts in one hour, times
// inside the channel's opening hours, scenarios rotated within each channel
// (and, where the channels' counts allow, within the participant).
#include <algorithm>
#include <map>
#include <set>

#include "domain/allocation.h"
#include "plan/model.h"

namespace cx::plan {
namespace {

using domain::Channel;

using Allocation = std::vector<std::pair<Channel, int>>;  // domain::AllocateContacts

std::string Name(Channel channel) { return std::string(domain::ToString(channel)); }

// Stage 2's state across participants: the load placed on each week and
// day so far (later participants go where it is lightest) and the slots.
struct SlotMaker {
  explicit SlotMaker(const Model& model_in)
      : model(model_in),
        study(model_in.study),
        weeks(model_in.weeks),
        week_load(static_cast<size_t>(model_in.weeks) + 1, 0) {}

  void CountAvailable();
  Status AddParticipant(size_t p);
  Result<std::vector<int>> SpreadOverWeeks(int pi, const Allocation& allocation, int n,
                                           const std::string& where);
  Result<std::vector<Channel>> InterleaveChannels(const Allocation& allocation,
                                                  const std::vector<int>& week_of, int n,
                                                  const std::string& where) const;
  Result<std::map<Channel, std::vector<const domain::Scenario*>>> RotateScenarios(
      const domain::Industry* industry, const Allocation& allocation, int pi,
      const std::string& where) const;
  Status PlaceTimes(size_t p, const std::vector<int>& week_of,
                    const std::vector<Channel>& channel_of,
                    std::map<Channel, std::vector<const domain::Scenario*>>& rotation,
                    const std::string& where);

  const Model& model;
  const domain::Study& study;
  const int weeks;
  std::vector<int> week_load;
  // Shoppers who can do each channel and are not away, by day; and the
  // contacts placed on each day so far. Days nobody can work are skipped,
  // and days short of shoppers for their load are used last.
  std::map<std::pair<Channel, Day>, int> available;
  std::map<Day, int> day_load;
  std::vector<Slot> slots;
};

void SlotMaker::CountAvailable() {
  for (const auto& spec : study.channels) {
    for (Day day = model.first_day; day <= model.last_day; ++day) {
      int count = 0;
      for (size_t s = 0; s < model.shoppers.size(); ++s) {
        if (model.shoppers[s].CanDo(spec.channel) && !model.Away(static_cast<int>(s), day)) ++count;
      }
      available[{spec.channel, day}] = count;
    }
  }
}

Status SlotMaker::AddParticipant(size_t p) {
  const domain::Participant& participant = study.participants[p];
  const int pi = static_cast<int>(p);
  const std::string where = "participant " + participant.id;
  const auto allocation = domain::AllocateContacts(study, participant);
  if (allocation.empty()) {
    return InvalidInput("offers none of the study's channels, so it cannot be contacted", where);
  }
  const domain::Industry* industry = study.FindIndustry(participant.industry);
  if (!industry) return InvalidInput("industry '" + participant.industry + "' is unknown", where);
  int n = 0;
  for (const auto& [channel, count] : allocation) n += count;
  auto week_of = SpreadOverWeeks(pi, allocation, n, where);
  if (!week_of) return week_of.error();
  auto channel_of = InterleaveChannels(allocation, *week_of, n, where);
  if (!channel_of) return channel_of.error();
  auto rotation = RotateScenarios(industry, allocation, pi, where);
  if (!rotation) return rotation.error();
  return PlaceTimes(p, *week_of, *channel_of, *rotation, where);
}

// Weeks: each gets n / weeks, the n % weeks left over go to the weeks
// the study has fewest contacts in so far (spreading the shoppers' load).
// The week of each contact, ascending.
Result<std::vector<int>> SlotMaker::SpreadOverWeeks(int pi, const Allocation& allocation, int n,
                                                    const std::string& where) {
  std::vector<bool> usable(static_cast<size_t>(weeks) + 1, false);
  int usable_count = 0;
  for (int week = 1; week <= weeks; ++week) {
    for (const auto& [channel, count] : allocation) {
      if (!model.OpenDays(week, channel).empty()) usable[static_cast<size_t>(week)] = true;
    }
    usable_count += usable[static_cast<size_t>(week)] ? 1 : 0;
  }
  const int base = n / weeks;
  const int extra = n % weeks;
  if ((base > 0 && usable_count < weeks) || usable_count < extra) {
    return InvalidInput("needs " + std::to_string(n) + " contacts spread evenly over " +
                            std::to_string(weeks) + " weeks, but its channels are open in only " +
                            std::to_string(usable_count) + " of them",
                        where);
  }
  std::vector<int> order;
  for (int week = 1; week <= weeks; ++week) {
    if (usable[static_cast<size_t>(week)]) order.push_back(week);
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const int la = week_load[static_cast<size_t>(a)], lb = week_load[static_cast<size_t>(b)];
    if (la != lb) return la < lb;
    return (a + pi * 7) % weeks < (b + pi * 7) % weeks;
  });
  std::vector<int> per_week(static_cast<size_t>(weeks) + 1, base);
  for (int index = 0; index < extra; ++index)
    ++per_week[static_cast<size_t>(order[static_cast<size_t>(index)])];
  std::vector<int> week_of;  // by contact, ascending
  for (int week = 1; week <= weeks; ++week) {
    week_load[static_cast<size_t>(week)] += per_week[static_cast<size_t>(week)];
    for (int k = 0; k < per_week[static_cast<size_t>(week)]; ++k) week_of.push_back(week);
  }
  return week_of;
}

// Channels interleaved so each spreads over the period: contact k gets
// the open channel whose share of the contacts so far lags most.
Result<std::vector<Channel>> SlotMaker::InterleaveChannels(const Allocation& allocation,
                                                           const std::vector<int>& week_of, int n,
                                                           const std::string& where) const {
  std::map<Channel, int> given;
  std::vector<Channel> channel_of;
  for (int k = 0; k < n; ++k) {
    const int week = week_of[static_cast<size_t>(k)];
    const Channel* best = nullptr;
    double best_lag = -1e18;
    for (const auto& [channel, count] : allocation) {
      if (given[channel] >= count || model.OpenDays(week, channel).empty()) continue;
      const double lag = static_cast<double>(count) * (k + 1) / n - given[channel];
      if (lag > best_lag) {
        best_lag = lag;
        best = &channel;
      }
    }
    if (!best) {
      return InvalidInput("no channel it still needs is open in week " + std::to_string(week),
                          where);
    }
    ++given[*best];
    channel_of.push_back(*best);
  }
  return channel_of;
}

// Scenarios: within each channel in turn, starting at the scenario the
// participant has used least (ties rotate with the participant).
Result<std::map<Channel, std::vector<const domain::Scenario*>>> SlotMaker::RotateScenarios(
    const domain::Industry* industry, const Allocation& allocation, int pi,
    const std::string& where) const {
  std::map<std::string, int> scenario_count;
  std::map<Channel, std::vector<const domain::Scenario*>> rotation;
  for (const auto& [channel, count] : allocation) {
    std::vector<const domain::Scenario*> suited;
    for (const auto& scenario : industry->scenarios) {
      if (Suits(scenario, channel)) suited.push_back(&scenario);
    }
    if (suited.empty()) {
      return InvalidInput(
          "industry " + industry->id + " has no scenario that suits " + Name(channel), where);
    }
    const int size = static_cast<int>(suited.size());
    int start = 0;
    for (int j = 1; j < size; ++j) {
      const int cj = scenario_count[suited[static_cast<size_t>(j)]->id];
      const int cs = scenario_count[suited[static_cast<size_t>(start)]->id];
      if (cj < cs ||
          (cj == cs && (j - pi % size + size) % size < (start - pi % size + size) % size))
        start = j;
    }
    std::vector<const domain::Scenario*> sequence;
    for (int k = 0; k < count; ++k) {
      const auto* scenario = suited[static_cast<size_t>((start + k) % size)];
      sequence.push_back(scenario);
      ++scenario_count[scenario->id];
    }
    rotation[channel] = std::move(sequence);
  }
  return rotation;
}

// Days and hours: the open day the participant has used least that week
// and weekday, then the hour it has used least, never an hour taken.
Status SlotMaker::PlaceTimes(size_t p, const std::vector<int>& week_of,
                             const std::vector<Channel>& channel_of,
                             std::map<Channel, std::vector<const domain::Scenario*>>& rotation,
                             const std::string& where) {
  const domain::Participant& participant = study.participants[p];
  const int pi = static_cast<int>(p);
  const int n = static_cast<int>(week_of.size());
  std::map<Channel, int> turn;
  std::map<Day, int> on_day;
  std::map<int, int> weekday_use, hour_use;
  std::set<std::pair<Day, int>> taken;  // (day, clock hour)
  for (int k = 0; k < n; ++k) {
    const int week = week_of[static_cast<size_t>(k)];
    const Channel channel = channel_of[static_cast<size_t>(k)];
    const domain::ChannelSpec& spec = *study.FindChannel(channel);
    std::vector<Day> days = model.OpenDays(week, channel);
    std::erase_if(days, [&](Day day) { return available[{channel, day}] == 0; });
    if (days.empty()) {
      return InvalidInput(
          "in week " + std::to_string(week) + " no shopper who " +
              (channel == Channel::kPhone ? "can phone" : "can do " + Name(channel)) +
              " is free on a day " + Name(channel) + " is open",
          where);
    }
    auto pressure = [&](Day day) { return 2 * day_load[day] / available[{channel, day}]; };
    std::stable_sort(days.begin(), days.end(), [&](Day a, Day b) {
      if (on_day[a] != on_day[b]) return on_day[a] < on_day[b];
      if (pressure(a) != pressure(b)) return pressure(a) < pressure(b);
      const int wa = weekday_use[ToDate(a).IsoWeekday()], wb = weekday_use[ToDate(b).IsoWeekday()];
      if (wa != wb) return wa < wb;
      return (ToDate(a).IsoWeekday() + pi + k) % 7 < (ToDate(b).IsoWeekday() + pi + k) % 7;
    });
    const int hours = std::max(1, (spec.hours.close_minute - spec.hours.open_minute) / 60);
    bool placed = false;
    for (Day day : days) {
      int best = -1;
      for (int h = 0; h < hours; ++h) {
        const int minute = spec.hours.open_minute + 60 * h;
        if (taken.count({day, minute / 60})) continue;
        if (best < 0) {
          best = h;
          continue;
        }
        const int bm = spec.hours.open_minute + 60 * best;
        const int uh = hour_use[minute / 60], ub = hour_use[bm / 60];
        if (uh < ub || (uh == ub && (h + pi * 5 + k * 3) % hours < (best + pi * 5 + k * 3) % hours))
          best = h;
      }
      if (best < 0) continue;
      const int minute = spec.hours.open_minute + 60 * best;
      taken.insert({day, minute / 60});
      ++on_day[day];
      ++day_load[day];
      ++weekday_use[ToDate(day).IsoWeekday()];
      ++hour_use[minute / 60];
      Slot slot;
      char suffix[16];
      std::snprintf(suffix, sizeof suffix, "-%02d", k + 1);
      slot.id = participant.id + suffix;
      slot.participant = pi;
      slot.company = model.company_of[p];
      slot.channel = channel;
      slot.scenario = rotation[channel][static_cast<size_t>(turn[channel]++)];
      slot.week = week;
      slot.day = day;
      slot.minute = minute;
      slots.push_back(std::move(slot));
      placed = true;
      break;
    }
    if (!placed) {
      return InvalidInput("no free hour for its " + Name(channel) + " contact in week " +
                              std::to_string(week) + " (" + std::to_string(days.size()) +
                              " open days, one contact an hour)",
                          where);
    }
  }
  return Ok();
}

}  // namespace

Result<std::vector<Slot>> MakeSlots(const Model& model) {
  SlotMaker maker(model);
  maker.CountAvailable();
  for (size_t p = 0; p < model.study.participants.size(); ++p) {
    CX_RETURN_IF_ERROR(maker.AddParticipant(p));
  }
  return std::move(maker.slots);
}

}  // namespace cx::plan
