#include "domain/worklist.h"

#include <algorithm>
#include <tuple>

#include "core/civil_time.h"

namespace cx::domain {

std::string_view ToString(WorkGroup group) {
  switch (group) {
    case WorkGroup::kReturned:
      return "returned";
    case WorkGroup::kOverdue:
      return "overdue";
    case WorkGroup::kOpen:
      return "open";
    case WorkGroup::kUpcoming:
      return "upcoming";
    case WorkGroup::kDone:
      return "done";
  }
  return "?";
}

namespace {

// The channel's closing minute as a wall-clock minute (24:00 is shown as 23:59).
int CloseMinute(const Study& study, Channel channel) {
  const ChannelSpec* spec = study.FindChannel(channel);
  const int close = spec != nullptr ? spec->hours.close_minute : 24 * 60;
  return std::clamp(close, 0, 24 * 60 - 1);
}

}  // namespace

WorkWindow WindowOf(const Study& study, const Contact& contact) {
  const auto planned = LocalDateTime::Parse(contact.planned_at);
  if (!planned) return {};
  const int close = CloseMinute(study, contact.channel);
  LocalDateTime to = *planned;
  to.minute_of_day = std::max(planned->minute_of_day, close);
  // Sunday of the planned day's ISO week: Monday + 6 days.
  const std::chrono::sys_days day = planned->date.days();
  const std::chrono::weekday weekday{day};
  const int from_monday = static_cast<int>(weekday.iso_encoding()) - 1;
  std::chrono::sys_days last = day + std::chrono::days(6 - from_monday);
  const std::chrono::sys_days period_end{study.period.end};
  if (study.period.end.ok() && period_end >= day && period_end < last) last = period_end;
  const LocalDateTime deadline{Date{last}, close};
  return {planned->ToString(), to.ToString(), deadline.ToString()};
}

WorkGroup GroupOf(const Study& study, const Contact& contact, const std::string& now_local) {
  switch (contact.status) {
    case ContactStatus::kSubmitted:
    case ContactStatus::kApproved:
    case ContactStatus::kFailed:
      return WorkGroup::kDone;
    case ContactStatus::kReturned:
      return WorkGroup::kReturned;
    case ContactStatus::kPlanned:
    case ContactStatus::kStarted:
      break;
  }
  const WorkWindow window = WindowOf(study, contact);
  // The texts are all "YYYY-MM-DDTHH:MM": they compare as times.
  if (!window.deadline.empty() && now_local > window.deadline) return WorkGroup::kOverdue;
  if (contact.status == ContactStatus::kStarted || now_local >= window.from) {
    return WorkGroup::kOpen;
  }
  return WorkGroup::kUpcoming;
}

void SortWorklist(const Study& study, std::vector<Contact>& contacts,
                  const std::string& now_local) {
  std::stable_sort(contacts.begin(), contacts.end(), [&](const Contact& a, const Contact& b) {
    return std::make_tuple(GroupOf(study, a, now_local), a.planned_at, a.id) <
           std::make_tuple(GroupOf(study, b, now_local), b.planned_at, b.id);
  });
}

}  // namespace cx::domain
