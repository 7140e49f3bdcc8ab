// plan repair: re-plans what is not yet done, keeps what is done or under way.
#include <algorithm>
#include <map>
#include <set>

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

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
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
  Model model(study, shoppers);
  for (const auto& id : request.dropped_shoppers)
    model.excluded[static_cast<size_t>(model.shopper_index.at(id))] = true;
  Ledger ledger(model);

  // Every contact in the plan (not failed) becomes a slot; the index of each
  // slot's contact is kept to write the changes back.
  std::vector<Slot> slots;
  std::vector<int> contact_of;
  std::vector<std::string> reason_of;
  std::set<std::string> ids;
  std::map<int, int> live_per_participant;
  std::set<std::pair<int, std::pair<Day, int>>> taken_hours;  // (participant, (day, clock hour))
  auto to_slot = [&](const domain::Contact& contact, Slot& slot) -> Status {
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
    if (!ParseLocal(contact.planned_at, slot.day, slot.minute))
      return InvalidInput("planned time '" + contact.planned_at + "' is not YYYY-MM-DDTHH:MM",
                          "contact " + contact.id);
    slot.week = std::clamp(model.WeekOf(slot.day), 0, model.weeks + 1);
    return {};
  };
  for (size_t index = 0; index < contacts.size(); ++index) {
    const auto& contact = contacts[index];
    ids.insert(contact.id);
    if (contact.status == ContactStatus::kFailed) continue;
    Slot slot;
    if (auto status = to_slot(contact, slot); !status) return status.error();
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

  // A shopper who made a failed attempt has been in touch with the company:
  // the company-once rule keeps them from it.
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

  // A failed contact without a replacement ("<id>-r") gets one while its
  // participant is short of contacts: same channel, scenario and week (the
  // rotation and the spread over weeks stay exact), a free hour, later
  // than the failed attempt where the week allows.
  std::vector<std::string> problems;
  for (const auto& contact : contacts) {
    if (contact.status != ContactStatus::kFailed || ids.count(contact.id + "-r")) continue;
    Slot slot;
    if (auto status = to_slot(contact, slot); !status) return status.error();
    if (live_per_participant[slot.participant] >= study.contacts_per_participant) continue;
    const auto* spec = study.FindChannel(slot.channel);
    if (!spec) return InvalidInput("channel is not one of the study's", "contact " + contact.id);
    std::vector<Day> days = model.OpenDays(slot.week, slot.channel);
    std::stable_partition(days.begin(), days.end(), [&](Day day) { return day > slot.day; });
    const int hours = std::max(1, (spec->hours.close_minute - spec->hours.open_minute) / 60);
    bool found = false;
    for (Day day : days) {
      for (int h = 0; h < hours && !found; ++h) {
        const int minute = spec->hours.open_minute + 60 * h;
        if (taken_hours.count({slot.participant, {day, minute / 60}})) continue;
        slot.day = day;
        slot.minute = minute;
        found = true;
      }
      if (found) break;
    }
    if (!found) {
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

  std::vector<int> open;
  for (size_t index = 0; index < slots.size(); ++index) {
    if (slots[index].shopper < 0) open.push_back(static_cast<int>(index));
  }
  RepairOutcome outcome;
  if (open.empty()) return outcome;

  // First only the open contacts; when no programme exists, also every
  // still-planned contact of their companies may move.
  ++outcome.ilp_problems;
  bool solved = PlaceByIlp(model, ledger, slots, open);
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
          DateText(slot.day) + ", " + std::to_string(free) +
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
    solved = PlaceByIlp(model, ledger, slots, widened);
  }
  if (!solved) {
    return InvalidInput("no repair keeps every hard constraint:\n" + Join(problems), where);
  }
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
      created.planned_at = LocalText(slot.day, slot.minute);
      created.status = ContactStatus::kPlanned;
      outcome.changes.push_back({created.id, "created", "",
                                 "shopper " + created.shopper + " at " + created.planned_at,
                                 reason_of[index]});
      outcome.changed.push_back(std::move(created));
      continue;
    }
    const auto& original = contacts[static_cast<size_t>(contact)];
    if (original.shopper == new_shopper) continue;
    domain::Contact updated = original;
    updated.shopper = new_shopper;
    outcome.changes.push_back({updated.id, "shopper", original.shopper, new_shopper,
                               reason_of[index].empty()
                                   ? "moved to make room for the contacts being re-planned"
                                   : reason_of[index]});
    outcome.changed.push_back(std::move(updated));
  }
  return outcome;
}

}  // namespace cx::plan
