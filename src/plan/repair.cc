// plan repair: re-plans what is not yet done, keeps what is done or under way.
#include <algorithm>
#include <map>
#include <set>

#include "domain/allocation.h"
#include "plan/model.h"
#include "plan/planner.h"

namespace cx::plan {
namespace {

using domain::ContactStatus;

const domain::Scenario* FindScenario(const domain::Study& study,
                                     const domain::Participant& participant,
                                     const std::string& id) {
  const auto* industry = study.FindIndustry(participant.industry);
  if (!industry) return nullptr;
  for (const auto& scenario : industry->scenarios) {
    if (scenario.id == id) return &scenario;
  }
  return nullptr;
}

// (participant, (day, clock hour)): the hours a participant already has a contact in.
using TakenHours = std::set<std::pair<int, std::pair<Day, int>>>;

// Moves `slot` to the first hour on the hour of `spec`'s opening hours, on
// the first of `days` (in their order) that has one, that its participant has
// free. False, and `slot` untouched, when every such hour is taken.
bool FindFreeHour(const TakenHours& taken_hours, const std::vector<Day>& days,
                  const domain::ChannelSpec& spec, Slot& slot) {
  const int hours = std::max(1, (spec.hours.close_minute - spec.hours.open_minute) / 60);
  for (Day day : days) {
    for (int hour = 0; hour < hours; ++hour) {
      const int minute = spec.hours.open_minute + 60 * hour;
      if (taken_hours.count({slot.participant, {day, minute / 60}})) continue;
      slot.day = day;
      slot.minute = minute;
      return true;
    }
  }
  return false;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

// The phases of a repair, in the order Repair() runs them, over one shared
// state: the plan as slots (one per contact not failed, then replacements),
// the ledger of what each shopper holds, and the problems found so far.
struct Repairer {
  Repairer(const domain::Study& study_in, const std::vector<domain::Shopper>& shoppers_in,
           const std::vector<domain::Contact>& contacts_in, const RepairRequest& request_in)
      : study(study_in),
        shoppers(shoppers_in),
        contacts(contacts_in),
        request(request_in),
        where("repair of study " + study_in.id),
        model(study_in, shoppers_in),
        ledger(model) {
    for (const auto& id : request.dropped_shoppers)
      model.excluded[static_cast<size_t>(model.shopper_index.at(id))] = true;
  }

  Status CollectSlots();
  void KeepFailedShoppersAway();
  Status ReplaceFailedContacts();
  Status FollowChannelChanges();
  // False when no slot is open (nothing is placed, and nothing written back).
  Result<bool> PlaceOpenSlots(RepairOutcome& outcome);
  void WriteBack(RepairOutcome& outcome) const;

  const domain::Study& study;
  const std::vector<domain::Shopper>& shoppers;
  const std::vector<domain::Contact>& contacts;
  const RepairRequest& request;
  const std::string where;

  Status ToSlot(const domain::Contact& contact, Slot& slot) const;
  // A slot the repair may still change: a replacement, or a contact still planned.
  bool Movable(int index) const {
    const int contact = contact_of[static_cast<size_t>(index)];
    return contact < 0 || contacts[static_cast<size_t>(contact)].status == ContactStatus::kPlanned;
  }
  void FollowChannelChange(int participant_index, const std::vector<int>& list);
  std::set<int> MoveToWantedChannels(const domain::Participant& participant,
                                     const std::vector<int>& list, const std::vector<int>& order,
                                     std::map<domain::Channel, int> wanted);
  void RotateScenarios(const domain::Participant& participant, const std::vector<int>& order,
                       domain::Channel channel, const std::set<int>& converted,
                       std::map<std::string, int>& overall);

  Model model;
  Ledger ledger;
  std::vector<Slot> slots;
  std::vector<int> contact_of;  // by slot: index into contacts, -1 for a replacement
  std::vector<std::string> reason_of;
  std::set<std::string> ids;
  std::map<int, int> live_per_participant;
  TakenHours taken_hours;
  std::vector<std::string> problems;
};

Status Repairer::ToSlot(const domain::Contact& contact, Slot& slot) const {
  auto participant = model.participant_index.find(contact.participant);
  if (participant == model.participant_index.end())
    return InvalidInput("participant '" + contact.participant + "' is not in the study",
                        "contact " + contact.id);
  const auto& person = study.participants[static_cast<size_t>(participant->second)];
  slot.id = contact.id;
  slot.participant = participant->second;
  slot.company = model.company_of[static_cast<size_t>(participant->second)];
  slot.channel = contact.channel;
  slot.scenario = FindScenario(study, person, contact.scenario);
  if (!slot.scenario)
    return InvalidInput("scenario '" + contact.scenario + "' is not one of its industry's",
                        "contact " + contact.id);
  const auto planned = LocalDateTime::Parse(contact.planned_at);
  if (!planned)
    return InvalidInput("planned time '" + contact.planned_at + "' is not YYYY-MM-DDTHH:MM",
                        "contact " + contact.id);
  slot.day = ToDay(planned->date);
  slot.minute = planned->minute_of_day;
  slot.week = std::clamp(model.WeekOf(slot.day), 0, model.weeks + 1);
  return {};
}

// Every contact in the plan (not failed) becomes a slot; the index of each
// slot's contact is kept to write the changes back.
Status Repairer::CollectSlots() {
  for (size_t index = 0; index < contacts.size(); ++index) {
    const auto& contact = contacts[index];
    ids.insert(contact.id);
    if (contact.status == ContactStatus::kFailed) continue;
    Slot slot;
    if (auto status = ToSlot(contact, slot); !status) return status;
    auto shopper = model.shopper_index.find(contact.shopper);
    const bool open = contact.status == ContactStatus::kPlanned;
    const bool dropped = request.dropped_shoppers.count(contact.shopper) > 0;
    ledger.Expect(model, slot);
    if (open && (dropped || shopper == model.shopper_index.end())) {
      reason_of.push_back(dropped ? "shopper " + contact.shopper + " dropped out"
                                  : "shopper " + contact.shopper + " is not in the pool");
    } else {
      if (shopper != model.shopper_index.end()) {
        slot.shopper = shopper->second;
        ledger.Take(model, slot, slot.shopper);
      }
      reason_of.push_back("");
    }
    ++live_per_participant[slot.participant];
    taken_hours.insert({slot.participant, {slot.day, slot.minute / 60}});
    slots.push_back(slot);
    contact_of.push_back(static_cast<int>(index));
  }
  return Ok();
}

// A shopper who made a failed attempt has been in touch with the company:
// the company-once rule keeps them from it.
void Repairer::KeepFailedShoppersAway() {
  for (const auto& contact : contacts) {
    if (contact.status != ContactStatus::kFailed) continue;
    auto participant = model.participant_index.find(contact.participant);
    auto shopper = model.shopper_index.find(contact.shopper);
    if (participant == model.participant_index.end() || shopper == model.shopper_index.end())
      continue;
    ledger.used[static_cast<size_t>(model.company_of[static_cast<size_t>(participant->second)]) *
                    ledger.shoppers +
                static_cast<size_t>(shopper->second)] = 1;
  }
}

// A failed contact without a replacement ("<id>-r") gets one while its
// participant is short of contacts: same channel, scenario and week (the
// rotation and the spread over weeks stay exact), a free hour, later
// than the failed attempt where the week allows.
Status Repairer::ReplaceFailedContacts() {
  for (const auto& contact : contacts) {
    if (contact.status != ContactStatus::kFailed || ids.count(contact.id + "-r")) continue;
    Slot slot;
    if (auto status = ToSlot(contact, slot); !status) return status;
    if (live_per_participant[slot.participant] >= study.contacts_per_participant) continue;
    const auto* spec = study.FindChannel(slot.channel);
    if (!spec) return InvalidInput("channel is not one of the study's", "contact " + contact.id);
    std::vector<Day> days = model.OpenDays(slot.week, slot.channel);
    std::stable_partition(days.begin(), days.end(), [&](Day day) { return day > slot.day; });
    if (!FindFreeHour(taken_hours, days, *spec, slot)) {
      problems.push_back("contact " + contact.id + " failed and week " + std::to_string(slot.week) +
                         " has no free hour left for another " +
                         std::string(domain::ToString(slot.channel)) + " contact of " +
                         contact.participant);
      continue;
    }
    taken_hours.insert({slot.participant, {slot.day, slot.minute / 60}});
    ++live_per_participant[slot.participant];
    slot.id = contact.id + "-r";
    slot.shopper = -1;
    ledger.Expect(model, slot);
    slots.push_back(slot);
    contact_of.push_back(-1);
    reason_of.push_back("replaces failed contact " + contact.id);
    ids.insert(slot.id);
  }
  if (!problems.empty()) return InvalidInput(Join(problems), where);
  return Ok();
}

// A participant whose channels changed (its audit in the study no longer
// gives the split its contacts have): contacts still planned on a channel
// that now gets fewer move to a channel that now gets more, at the same
// time when that channel is open then, else at a free hour of the same
// week; each takes the scenario its new channel has used least.
Status Repairer::FollowChannelChanges() {
  std::map<int, std::vector<int>> by_participant;
  for (size_t index = 0; index < slots.size(); ++index)
    by_participant[slots[index].participant].push_back(static_cast<int>(index));
  for (const auto& [participant_index, list] : by_participant)
    FollowChannelChange(participant_index, list);
  if (!problems.empty()) return InvalidInput(Join(problems), where);
  return Ok();
}

void Repairer::FollowChannelChange(int participant_index, const std::vector<int>& list) {
  const auto& participant = study.participants[static_cast<size_t>(participant_index)];
  std::map<domain::Channel, int> wanted, have;
  for (const auto& [channel, count] : domain::AllocateContacts(study, participant))
    wanted[channel] = count;
  for (int index : list) ++have[slots[static_cast<size_t>(index)].channel];
  if (have == wanted) return;
  std::vector<int> order = list;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const Slot& x = slots[static_cast<size_t>(a)];
    const Slot& y = slots[static_cast<size_t>(b)];
    return x.day != y.day ? x.day < y.day : x.minute < y.minute;
  });
  const std::set<int> converted = MoveToWantedChannels(participant, list, order, wanted);
  if (!problems.empty()) return;

  // Scenarios rotate evenly again on each of its channels: contacts done or
  // under way keep theirs, and the still-planned ones (kept or moved) fill
  // the scenarios used least on the channel; ties go to the scenario the
  // participant has used least over all its channels, then to one the
  // contacts already hold (fewest changes), then in the industry's order.
  std::map<std::string, int> overall;
  for (int index : list) {
    if (!Movable(index)) ++overall[slots[static_cast<size_t>(index)].scenario->id];
  }
  for (const auto& [channel, count] : wanted)
    RotateScenarios(participant, order, channel, converted, overall);
}

// Moves still-planned slots off channels that now get fewer contacts onto
// ones that get more; returns the slots moved.
std::set<int> Repairer::MoveToWantedChannels(const domain::Participant& participant,
                                             const std::vector<int>& list,
                                             const std::vector<int>& order,
                                             std::map<domain::Channel, int> wanted) {
  std::map<domain::Channel, int> room = wanted;  // places left per channel
  for (int index : list) {
    if (!Movable(index)) --room[slots[static_cast<size_t>(index)].channel];
  }
  for (const auto& [channel, left] : room) {
    if (left < 0) {
      problems.push_back("participant " + participant.id + " has " +
                         std::to_string(wanted[channel] - left) + " " +
                         std::string(domain::ToString(channel)) +
                         " contacts done or under way; its channels now give that channel " +
                         std::to_string(wanted[channel]));
    }
  }
  std::vector<int> convert;
  for (int index : order) {
    const Slot& slot = slots[static_cast<size_t>(index)];
    if (!Movable(index)) continue;
    if (room[slot.channel] > 0) {
      --room[slot.channel];
    } else {
      convert.push_back(index);
    }
  }
  std::set<int> converted;
  for (int index : convert) {
    Slot& slot = slots[static_cast<size_t>(index)];
    const domain::Channel old_channel = slot.channel;
    auto open_at = [&](domain::Channel channel, Day day, int minute) {
      const auto* spec = study.FindChannel(channel);
      return spec &&
             std::find(spec->hours.weekdays.begin(), spec->hours.weekdays.end(),
                       ToDate(day).IsoWeekday()) != spec->hours.weekdays.end() &&
             minute >= spec->hours.open_minute && minute < spec->hours.close_minute;
    };
    const domain::Channel* chosen = nullptr;
    for (const auto& [channel, left] : room) {
      if (left > 0 && open_at(channel, slot.day, slot.minute)) chosen = &channel;
    }
    if (!chosen) {
      for (const auto& [channel, left] : room) {
        if (left > 0 && (!chosen || left > room[*chosen])) chosen = &channel;
      }
    }
    if (!chosen) continue;  // reported above: done contacts exceed the split
    const domain::Channel channel = *chosen;
    if (!open_at(channel, slot.day, slot.minute)) {
      const auto* spec = study.FindChannel(channel);
      taken_hours.erase({slot.participant, {slot.day, slot.minute / 60}});
      const bool found = FindFreeHour(taken_hours, model.OpenDays(slot.week, channel), *spec, slot);
      taken_hours.insert({slot.participant, {slot.day, slot.minute / 60}});
      if (!found) {
        problems.push_back("participant " + participant.id + ": no free hour in week " +
                           std::to_string(slot.week) + " for the " +
                           std::string(domain::ToString(channel)) + " contact that replaces " +
                           slot.id);
        continue;
      }
    }
    --room[channel];
    // Out of the ledger on its old channel; back in below, once its
    // scenario on the new channel is chosen.
    if (slot.shopper >= 0) ledger.Release(model, slot);
    ledger.Expect(model, slot, -1);
    slot.channel = channel;
    slot.shopper = -1;
    converted.insert(index);
    if (reason_of[static_cast<size_t>(index)].empty()) {
      reason_of[static_cast<size_t>(index)] =
          participant.id + " changed its channels: " + std::string(domain::ToString(old_channel)) +
          " now gets fewer contacts";
    }
  }
  return converted;
}

void Repairer::RotateScenarios(const domain::Participant& participant,
                               const std::vector<int>& order, domain::Channel channel,
                               const std::set<int>& converted,
                               std::map<std::string, int>& overall) {
  const auto* industry = study.FindIndustry(participant.industry);
  std::vector<const domain::Scenario*> suitable;
  for (const auto& scenario : industry->scenarios) {
    if (Suits(scenario, channel)) suitable.push_back(&scenario);
  }
  std::vector<int> open_list;
  std::map<std::string, int> on_channel, held, want;
  for (int index : order) {
    const Slot& slot = slots[static_cast<size_t>(index)];
    if (slot.channel != channel) continue;
    if (!Movable(index)) {
      ++on_channel[slot.scenario->id];
    } else {
      open_list.push_back(index);
      ++held[slot.scenario->id];
    }
  }
  if (open_list.empty()) return;
  if (suitable.empty()) {
    problems.push_back("industry " + industry->id + " has no scenario that suits " +
                       std::string(domain::ToString(channel)));
    return;
  }
  auto rank = [&](const domain::Scenario* scenario) {
    const std::string& id = scenario->id;
    return std::make_tuple(on_channel[id] + want[id], overall[id] + want[id], want[id] - held[id]);
  };
  for (size_t placed = 0; placed < open_list.size(); ++placed) {
    const domain::Scenario* best = nullptr;
    for (const auto* scenario : suitable) {
      if (!best || rank(scenario) < rank(best)) best = scenario;
    }
    ++want[best->id];
  }
  std::vector<int> reassign;
  for (int index : open_list) {
    const Slot& slot = slots[static_cast<size_t>(index)];
    if (want[slot.scenario->id] > 0) {
      --want[slot.scenario->id];
    } else {
      reassign.push_back(index);
    }
  }
  for (int index : reassign) {
    Slot& slot = slots[static_cast<size_t>(index)];
    const domain::Scenario* next = nullptr;
    for (const auto* scenario : suitable) {
      if (!next && want[scenario->id] > 0) next = scenario;
    }
    --want[next->id];
    const bool moved = converted.count(index) > 0;
    const int shopper = slot.shopper;
    if (!moved) {
      // Its shopper stays when they fit the new scenario's profile.
      ledger.Release(model, slot);
      ledger.Expect(model, slot, -1);
    }
    slot.scenario = next;
    if (!moved) {
      ledger.Expect(model, slot);
      slot.shopper = -1;
      if (shopper >= 0 && model.Eligible(shopper, slot)) {
        slot.shopper = shopper;
        ledger.Take(model, slot, shopper);
      }
    }
    if (reason_of[static_cast<size_t>(index)].empty()) {
      reason_of[static_cast<size_t>(index)] = participant.id +
                                              " changed its channels: scenarios rotated "
                                              "again on " +
                                              std::string(domain::ToString(channel));
    }
  }
  for (int index : open_list) {
    ++overall[slots[static_cast<size_t>(index)].scenario->id];
    if (converted.count(index)) ledger.Expect(model, slots[static_cast<size_t>(index)]);
  }
}

// Places the open slots by the integer programme: first only them; when no
// programme exists, also every still-planned contact of their companies may move.
Result<bool> Repairer::PlaceOpenSlots(RepairOutcome& outcome) {
  std::vector<int> open;
  for (size_t index = 0; index < slots.size(); ++index) {
    if (slots[index].shopper < 0) open.push_back(static_cast<int>(index));
  }
  if (open.empty()) return false;

  // First only the open contacts; when no programme exists, also every
  // still-planned contact of their companies may move.
  ++outcome.ilp_problems;
  bool solved = PlaceByIlp(model, ledger, slots, open).placed;
  std::vector<int> widened = open;
  if (!solved) {
    // Said now, while the ledger still holds every other contact.
    for (int index : open) {
      const Slot& slot = slots[static_cast<size_t>(index)];
      int fit = 0, free = 0;
      for (int s = 0; s < static_cast<int>(shoppers.size()); ++s) {
        if (!model.Eligible(s, slot)) continue;
        ++fit;
        if (!ledger.UsedFor(slot.company, s) && ledger.WeeklyFree(model, s, slot.week) > 0) ++free;
      }
      problems.push_back(
          "contact " + slot.id + " (" + model.companies[static_cast<size_t>(slot.company)] + ", " +
          std::string(domain::ToString(slot.channel)) + ", " + slot.scenario->id + ", week " +
          std::to_string(slot.week) + "): " + std::to_string(fit) + " shoppers can do it on " +
          ToDate(slot.day).ToString() + ", " + std::to_string(free) +
          " of them have a free place that week and have not contacted the company");
    }

    std::set<int> companies;
    for (int index : open) companies.insert(slots[static_cast<size_t>(index)].company);
    for (size_t index = 0; index < slots.size(); ++index) {
      const int contact = contact_of[index];
      if (contact < 0 || slots[index].shopper < 0 || !companies.count(slots[index].company))
        continue;
      if (contacts[static_cast<size_t>(contact)].status == ContactStatus::kPlanned)
        widened.push_back(static_cast<int>(index));
    }
    ++outcome.ilp_problems;
    solved = PlaceByIlp(model, ledger, slots, widened).placed;
  }
  if (!solved) {
    return InvalidInput("no repair keeps every hard constraint:\n" + Join(problems), where);
  }
  return true;
}

// The contacts created or changed, and one change record per changed field.
void Repairer::WriteBack(RepairOutcome& outcome) const {
  for (size_t index = 0; index < slots.size(); ++index) {
    const Slot& slot = slots[index];
    const int contact = contact_of[index];
    const std::string new_shopper = shoppers[static_cast<size_t>(slot.shopper)].id;
    if (contact < 0) {
      domain::Contact created;
      created.id = slot.id;
      created.participant = study.participants[static_cast<size_t>(slot.participant)].id;
      created.shopper = new_shopper;
      created.channel = slot.channel;
      created.scenario = slot.scenario->id;
      created.planned_at = LocalDateTime{ToDate(slot.day), slot.minute}.ToString();
      created.status = ContactStatus::kPlanned;
      outcome.changes.push_back(domain::ContactRecord(
          created.id, "created", "", "shopper " + created.shopper + " at " + created.planned_at,
          reason_of[index]));
      outcome.changed.push_back(std::move(created));
      continue;
    }
    const auto& original = contacts[static_cast<size_t>(contact)];
    domain::Contact updated = original;
    updated.shopper = new_shopper;
    updated.channel = slot.channel;
    updated.scenario = slot.scenario->id;
    updated.planned_at = LocalDateTime{ToDate(slot.day), slot.minute}.ToString();
    if (updated == original) continue;
    const std::string reason = reason_of[index].empty()
                                   ? "moved to make room for the contacts being re-planned"
                                   : reason_of[index];
    const std::pair<const char*, std::pair<std::string, std::string>> fields[] = {
        {"channel",
         {std::string(domain::ToString(original.channel)),
          std::string(domain::ToString(updated.channel))}},
        {"scenario", {original.scenario, updated.scenario}},
        {"planned_at", {original.planned_at, updated.planned_at}},
        {"shopper", {original.shopper, updated.shopper}}};
    for (const auto& [field, values] : fields) {
      if (values.first != values.second)
        outcome.changes.push_back(
            domain::ContactRecord(updated.id, field, values.first, values.second, reason));
    }
    outcome.changed.push_back(std::move(updated));
  }
}

}  // namespace

Result<RepairOutcome> Repair(const domain::Study& study,
                             const std::vector<domain::Shopper>& shoppers,
                             const std::vector<domain::Contact>& contacts,
                             const RepairRequest& request) {
  const std::string where = "repair of study " + study.id;
  for (const auto& id : request.dropped_shoppers) {
    if (std::none_of(shoppers.begin(), shoppers.end(),
                     [&](const domain::Shopper& shopper) { return shopper.id == id; })) {
      return NotFound("shopper '" + id + "' is not in the shopper pool", where);
    }
  }
  Repairer repair(study, shoppers, contacts, request);
  CX_RETURN_IF_ERROR(repair.CollectSlots());
  repair.KeepFailedShoppersAway();
  CX_RETURN_IF_ERROR(repair.ReplaceFailedContacts());
  CX_RETURN_IF_ERROR(repair.FollowChannelChanges());
  RepairOutcome outcome;
  auto placed = repair.PlaceOpenSlots(outcome);
  if (!placed) return placed.error();
  // Written back even when no slot was open: a scenario rotated on a kept
  // contact is a change too (WriteBack skips the contacts left as they were).
  repair.WriteBack(outcome);
  return outcome;
}

}  // namespace cx::plan
