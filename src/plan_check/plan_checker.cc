#include "plan_check/plan_checker.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/civil_time.h"
#include "domain/allocation.h"

namespace cx::plan_check {
namespace {

using domain::Channel;

class Checker {
 public:
  Checker(const domain::Study& study, const std::vector<domain::Shopper>& shoppers)
      : study_(study) {
    for (const auto& shopper : shoppers) shoppers_[shopper.id] = &shopper;
  }

  std::vector<Violation> Run(const std::vector<domain::Contact>& contacts) {
    std::map<std::string, std::vector<const domain::Contact*>> by_participant;
    for (const auto& contact : contacts) {
      if (contact.status == domain::ContactStatus::kFailed) continue;
      by_participant[contact.participant].push_back(&contact);
      CheckContact(contact);
    }
    for (const auto& participant : study_.participants)
      CheckParticipant(participant, by_participant[participant.id]);
    for (const auto& [participant, list] : by_participant) {
      if (!study_.FindParticipant(participant))
        Add("known_participant", participant, "not a participant of the study");
    }
    CheckShoppers(contacts);
    std::stable_sort(violations_.begin(), violations_.end(),
                     [](const Violation& a, const Violation& b) {
                       return a.rule != b.rule ? a.rule < b.rule : a.subject < b.subject;
                     });
    return violations_;
  }

 private:
  void Add(std::string rule, std::string subject, std::string message) {
    violations_.push_back({std::move(rule), std::move(subject), std::move(message)});
  }

  int WeekOf(Date day) const { return study_.period.WeekOf(day); }

  void CheckContact(const domain::Contact& contact) {
    const std::string channel(domain::ToString(contact.channel));
    const auto* spec = study_.FindChannel(contact.channel);
    const auto* participant = study_.FindParticipant(contact.participant);
    auto time = LocalDateTime::Parse(contact.planned_at);
    if (!time) {
      Add("planned_time", contact.id,
          "planned time '" + contact.planned_at + "' is not YYYY-MM-DDTHH:MM");
    } else {
      if (time->date < Date{study_.period.start} || time->date > Date{study_.period.end}) {
        Add("fieldwork_period", contact.id,
            "planned on " + time->date.ToString() + ", outside the fieldwork period");
      }
      if (spec) {
        const auto& days = spec->hours.weekdays;
        if (std::find(days.begin(), days.end(), time->date.IsoWeekday()) == days.end() ||
            time->minute_of_day < spec->hours.open_minute ||
            time->minute_of_day >= spec->hours.close_minute) {
          Add("opening_hours", contact.id,
              contact.planned_at + " is outside the opening hours of " + channel);
        }
      }
    }
    if (!spec)
      Add("study_channel", contact.id,
          "channel " + channel + " is not one of the study's channels");
    const domain::Scenario* scenario = nullptr;
    if (participant) {
      if (const auto* industry = study_.FindIndustry(participant->industry)) {
        for (const auto& item : industry->scenarios) {
          if (item.id == contact.scenario) scenario = &item;
        }
      }
    }
    if (!scenario) {
      Add("scenario_of_industry", contact.id,
          "scenario '" + contact.scenario + "' is not a role play of its industry");
    } else if (!scenario->channels.empty() &&
               std::find(scenario->channels.begin(), scenario->channels.end(), contact.channel) ==
                   scenario->channels.end()) {
      Add("scenario_channel", contact.id,
          "scenario '" + scenario->id + "' does not suit " + channel);
    }
    auto shopper = shoppers_.find(contact.shopper);
    if (shopper == shoppers_.end()) {
      Add("known_shopper", contact.id,
          "shopper '" + contact.shopper + "' is not in the shopper pool");
      return;
    }
    const domain::Shopper& person = *shopper->second;
    if (!person.CanDo(contact.channel)) {
      Add("shopper_channel", contact.id, "shopper " + person.id + " cannot do " + channel);
    }
    if (time && std::find(person.away_dates.begin(), person.away_dates.end(),
                          time->date.ToString()) != person.away_dates.end()) {
      Add("shopper_away", contact.id,
          "shopper " + person.id + " is away on " + time->date.ToString());
    }
    if (scenario) {
      const auto& bands = scenario->profile.age_bands;
      const bool age_ok =
          bands.empty() || std::find(bands.begin(), bands.end(), person.age_band) != bands.end();
      const bool gender_ok =
          !scenario->profile.gender || *scenario->profile.gender == person.gender;
      if (!age_ok || !gender_ok) {
        Add("shopper_profile", contact.id,
            "shopper " + person.id + " does not fit the profile of " + scenario->id);
      }
    }
  }

  void CheckParticipant(const domain::Participant& participant,
                        const std::vector<const domain::Contact*>& list) {
    const int expected = study_.contacts_per_participant;
    if (static_cast<int>(list.size()) != expected) {
      Add("contacts_per_participant", participant.id,
          "has " + std::to_string(list.size()) + " contacts; the study asks for " +
              std::to_string(expected));
    }
    std::map<Channel, int> per_channel;
    for (const auto* contact : list) ++per_channel[contact->channel];
    std::map<Channel, int> wanted;
    for (const auto& [channel, count] : domain::AllocateContacts(study_, participant))
      wanted[channel] = count;
    for (Channel channel : domain::kAllChannels) {
      if (per_channel[channel] != wanted[channel]) {
        Add("channel_split", participant.id,
            std::string(domain::ToString(channel)) + ": " + std::to_string(per_channel[channel]) +
                " contacts; the split over its channels gives " + std::to_string(wanted[channel]) +
                (participant.Offers(channel) ? "" : " (not offered)"));
      }
    }
    // No two contacts in the same hour; even over the weeks of the period.
    std::set<std::pair<long, int>> hours;
    std::map<int, int> per_week;
    for (const auto* contact : list) {
      auto time = LocalDateTime::Parse(contact->planned_at);
      if (!time) continue;
      if (!hours.insert({time->date.DayNumber(), time->minute_of_day / 60}).second) {
        Add("one_per_hour", participant.id,
            "two contacts in the hour " + contact->planned_at.substr(0, 13) + ":00");
      }
      ++per_week[WeekOf(time->date)];
    }
    const int weeks = study_.period.Weeks();
    if (!list.empty() && weeks > 0) {
      int low = 1 << 30, high = 0;
      for (int week = 1; week <= weeks; ++week) {
        low = std::min(low, per_week[week]);
        high = std::max(high, per_week[week]);
      }
      if (high - low > 1) {
        Add("even_weeks", participant.id,
            "weeks hold " + std::to_string(low) + " to " + std::to_string(high) +
                " contacts; even means at most 1 apart");
      }
    }
    CheckRotation(participant, list);
  }

  // Scenarios rotate evenly within the participant and within each of its channels:
  // among the scenarios that suit, counts differ by at most one.
  void CheckRotation(const domain::Participant& participant,
                     const std::vector<const domain::Contact*>& list) {
    const auto* industry = study_.FindIndustry(participant.industry);
    if (!industry || list.empty()) return;
    std::map<Channel, std::map<std::string, int>> by_channel;
    for (const auto* contact : list) ++by_channel[contact->channel][contact->scenario];
    for (const auto& [channel, counts] : by_channel) {
      int low = 1 << 30, high = 0;
      for (const auto& scenario : industry->scenarios) {
        if (!scenario.channels.empty() &&
            std::find(scenario.channels.begin(), scenario.channels.end(), channel) ==
                scenario.channels.end()) {
          continue;
        }
        auto it = counts.find(scenario.id);
        const int count = it == counts.end() ? 0 : it->second;
        low = std::min(low, count);
        high = std::max(high, count);
      }
      if (high - low > 1) {
        Add("scenario_rotation", participant.id,
            std::string(domain::ToString(channel)) + ": scenarios used " + std::to_string(low) +
                " to " + std::to_string(high) + " times; even means at most 1 apart");
      }
    }
  }

  void CheckShoppers(const std::vector<domain::Contact>& contacts) {
    std::map<std::pair<std::string, std::string>, int> per_company;
    std::map<std::pair<std::string, int>, int> per_week;
    for (const auto& contact : contacts) {
      if (contact.status == domain::ContactStatus::kFailed) continue;
      const auto* participant = study_.FindParticipant(contact.participant);
      if (participant && ++per_company[{contact.shopper, participant->company}] == 2) {
        Add("shopper_once_per_company", contact.shopper,
            "contacts " + participant->company + " more than once");
      }
      if (auto time = LocalDateTime::Parse(contact.planned_at))
        ++per_week[{contact.shopper, WeekOf(time->date)}];
    }
    for (const auto& [key, count] : per_week) {
      auto shopper = shoppers_.find(key.first);
      if (shopper != shoppers_.end() && count > shopper->second->max_contacts_per_week) {
        Add("shopper_weekly_max", key.first,
            "week " + std::to_string(key.second) + ": " + std::to_string(count) +
                " contacts; the maximum is " +
                std::to_string(shopper->second->max_contacts_per_week));
      }
    }
  }

  const domain::Study& study_;
  std::map<std::string, const domain::Shopper*> shoppers_;
  std::vector<Violation> violations_;
};

}  // namespace

std::vector<Violation> CheckPlan(const domain::Study& study,
                                 const std::vector<domain::Shopper>& shoppers,
                                 const std::vector<domain::Contact>& contacts) {
  return Checker(study, shoppers).Run(contacts);
}

}  // namespace cx::plan_check
