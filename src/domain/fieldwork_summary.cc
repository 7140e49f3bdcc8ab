#include "domain/fieldwork_summary.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "core/civil_time.h"

namespace cx::domain {

std::optional<double> Quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  // h = (n - 1) q; Q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])
  const double h = static_cast<double>(values.size() - 1) * std::clamp(q, 0.0, 1.0);
  const size_t low = static_cast<size_t>(std::floor(h));
  const size_t high = std::min(low + 1, values.size() - 1);
  return values[low] + (h - static_cast<double>(low)) * (values[high] - values[low]);
}

FieldworkSummary SummarizeFieldwork(const Study& study, const std::vector<Contact>& contacts) {
  FieldworkSummary summary;
  summary.participants = static_cast<int>(study.participants.size());
  summary.industries = static_cast<int>(study.industries.size());
  std::set<std::string> companies;
  std::map<std::string, const Participant*> by_id;
  for (const auto& participant : study.participants) {
    companies.insert(participant.company);
    by_id[participant.id] = &participant;
  }
  summary.companies = static_cast<int>(companies.size());

  std::map<Channel, std::vector<double>> waits;
  for (Channel channel : kAllChannels) {
    ChannelSummary item;
    item.channel = channel;
    for (const auto& participant : study.participants) {
      for (const auto& audit : participant.audit) {
        if (audit.channel != channel || !audit.offered) continue;
        ++item.participants_offering;
        if (audit.ease == Ease::kEasy) ++item.participants_easy;
      }
    }
    summary.channels.push_back(item);
  }

  std::map<std::string, int> per_shopper;
  std::map<std::pair<std::string, std::string>, int> per_shopper_company;
  for (const Contact& contact : contacts) {
    ++summary.contacts;
    ChannelSummary& item = summary.channels[static_cast<size_t>(contact.channel)];
    ++item.contacts;
    ++per_shopper[contact.shopper];
    auto participant = by_id.find(contact.participant);
    if (participant != by_id.end()) {
      const int times = ++per_shopper_company[{contact.shopper, participant->second->company}];
      summary.max_contacts_shopper_company = std::max(summary.max_contacts_shopper_company, times);
    }
    if (contact.status != ContactStatus::kSubmitted && contact.status != ContactStatus::kApproved)
      continue;
    ++summary.reported;
    ++item.reported;
    if (contact.Answered()) {
      ++item.answered;
      waits[contact.channel].push_back(*contact.wait_seconds);
    }
    if (contact.responder == Responder::kChatbot) ++item.chatbot_first;
  }
  for (auto& item : summary.channels) {
    item.median_wait_s = Quantile(waits[item.channel], 0.5);
    item.p90_wait_s = Quantile(waits[item.channel], 0.9);
  }
  summary.shoppers_used = static_cast<int>(per_shopper.size());
  if (!per_shopper.empty()) {
    summary.min_contacts_per_shopper = summary.max_contacts_per_shopper =
        per_shopper.begin()->second;
    for (const auto& [shopper, count] : per_shopper) {
      summary.min_contacts_per_shopper = std::min(summary.min_contacts_per_shopper, count);
      summary.max_contacts_per_shopper = std::max(summary.max_contacts_per_shopper, count);
    }
    summary.mean_contacts_per_shopper =
        static_cast<double>(summary.contacts) / static_cast<double>(per_shopper.size());
  }
  return summary;
}

void ProgressTally::Add(ContactStatus status) {
  switch (status) {
    case ContactStatus::kPlanned:
      ++planned;
      break;
    case ContactStatus::kStarted:
      ++started;
      break;
    case ContactStatus::kSubmitted:
      ++submitted;
      break;
    case ContactStatus::kApproved:
      ++approved;
      break;
    case ContactStatus::kReturned:
      ++returned;
      break;
    case ContactStatus::kFailed:
      ++failed;
      break;
  }
}

namespace {

// The week of fieldwork of a planned local date-time as the planner counts
// it (FieldworkPeriod::WeekOf: calendar weeks, week 1 holds the start day);
// "?" without a date.
std::string ProgressWeek(const FieldworkPeriod& period, const std::string& planned_at) {
  const auto planned = LocalDateTime::Parse(planned_at);
  return planned ? std::to_string(period.WeekOf(planned->date)) : "?";
}

}  // namespace

ProgressTallies TallyProgress(const Study& study, const std::vector<Contact>& contacts) {
  ProgressTallies groups;
  for (const auto& contact : contacts) {
    const std::string keys[][2] = {{"participant", contact.participant},
                                   {"channel", std::string(ToString(contact.channel))},
                                   {"week", ProgressWeek(study.period, contact.planned_at)},
                                   {"shopper", contact.shopper},
                                   {"total", "all"}};
    for (const auto& key : keys) groups[key[0]][key[1]].Add(contact.status);
  }
  return groups;
}

}  // namespace cx::domain
