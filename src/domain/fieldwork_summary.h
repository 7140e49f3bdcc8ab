#pragma once
// What fieldwork looks like so far: channel availability from the audit,
// contacts and answer rates by channel, wait times, shopper workload. Used by
// `cxbench demo` and later by the manager's progress views.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::domain {

struct ChannelSummary {
  Channel channel = Channel::kPhone;
  int participants_offering = 0;
  int participants_easy = 0;  // of those offering, easy to find
  int contacts = 0;
  int reported = 0;                     // submitted or approved
  int answered = 0;                     // of reported, answered at all
  std::optional<double> median_wait_s;  // over answered contacts
  std::optional<double> p90_wait_s;
  int chatbot_first = 0;  // reported contacts a chatbot answered first
};

struct FieldworkSummary {
  int participants = 0;
  int companies = 0;
  int industries = 0;
  int shoppers_used = 0;
  int contacts = 0;
  int reported = 0;
  std::vector<ChannelSummary> channels;  // in kAllChannels order
  int min_contacts_per_shopper = 0;
  int max_contacts_per_shopper = 0;
  double mean_contacts_per_shopper = 0;
  // The most times one shopper contacted one company (the rule: at most 1).
  int max_contacts_shopper_company = 0;
};

FieldworkSummary SummarizeFieldwork(const Study& study, const std::vector<Contact>& contacts);

// Contacts by status, for the manager's progress view.
struct ProgressTally {
  int planned = 0, started = 0, submitted = 0, approved = 0, returned = 0, failed = 0;

  void Add(ContactStatus status);
  int Total() const { return planned + started + submitted + approved + returned + failed; }
  int Done() const { return submitted + approved; }  // reported, whether approved yet or not

  bool operator==(const ProgressTally&) const = default;
};

// Group -> key -> tally. Groups: "participant" (by id), "channel" (by its id),
// "week" (the planned day's week of fieldwork, "1" for the first seven days
// from the start day; "?" when planned_at has no date), "shopper", and
// "total" (key "all"). Keys in text order.
using ProgressTallies = std::map<std::string, std::map<std::string, ProgressTally>>;
ProgressTallies TallyProgress(const Study& study, const std::vector<Contact>& contacts);

// The q-quantile (0..1) of `values` by linear interpolation between order
// statistics (type 7 of Hyndman and Fan 1996, R's default); nullopt if empty.
std::optional<double> Quantile(std::vector<double> values, double q);

}  // namespace cx::domain
