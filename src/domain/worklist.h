#pragma once
// A shopper's worklist: where each assignment stands today and in which order
// the day's work is shown. Open, returned and overdue contacts first, then
// the upcoming ones by date; done ones last (the screen puts them behind a
// filter). The server gives the browser each contact's group, window and
// deadline, so the rule lives here only.

#include <string>
#include <string_view>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::domain {

enum class WorkGroup {
  kReturned,  // sent back by quality assurance: to fix first
  kOverdue,   // not reported, its deadline has passed
  kOpen,      // under way (started), or its window is open now
  kUpcoming,  // planned for later
  kDone,      // submitted, approved or failed: nothing left for the shopper
};
std::string_view ToString(WorkGroup group);

// When a contact must be made, in the study's local time ("YYYY-MM-DDTHH:MM").
// The window runs from the planned time to the channel's closing time that
// day (the planned time itself when it is at or after closing). The deadline
// is the channel's closing time on the last day of the planned contact's
// fieldwork week (Sunday, or the fieldwork's last day when that comes
// first): the plan spreads contacts by week, so a contact made later in its
// week keeps the spread; after it, it is overdue.
struct WorkWindow {
  std::string from;
  std::string to;
  std::string deadline;
};

// The window of `contact`; empty texts when its planned time is unreadable.
WorkWindow WindowOf(const Study& study, const Contact& contact);

// The group of `contact` at `now_local` (the study's local time,
// "YYYY-MM-DDTHH:MM").
WorkGroup GroupOf(const Study& study, const Contact& contact, const std::string& now_local);

// Sorts `contacts` into worklist order at `now_local`: by group (the order
// of WorkGroup), then by planned time, then id.
void SortWorklist(const Study& study, std::vector<Contact>& contacts, const std::string& now_local);

}  // namespace cx::domain
