// The worklist's groups, windows and deadlines, worked out by hand from the
// rules in worklist.h (2026-11-23 is a Monday, 2026-11-29 the Sunday).
#include "domain/worklist.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

Study WorkStudy() {
  Study study;
  study.period.start = std::chrono::year{2026} / 11 / 2;
  study.period.end = std::chrono::year{2026} / 11 / 27;  // a Friday
  ChannelSpec phone;
  phone.channel = Channel::kPhone;
  phone.hours = {{1, 2, 3, 4, 5}, 8 * 60, 16 * 60};
  ChannelSpec chat;
  chat.channel = Channel::kChat;
  chat.hours = {{1, 2, 3, 4, 5}, 8 * 60, 24 * 60};
  study.channels = {phone, chat};
  return study;
}

Contact At(const std::string& id, const std::string& planned_at,
           ContactStatus status = ContactStatus::kPlanned, Channel channel = Channel::kPhone) {
  Contact contact;
  contact.id = id;
  contact.channel = channel;
  contact.planned_at = planned_at;
  contact.status = status;
  return contact;
}

TEST(Worklist, WindowRunsToClosingAndTheDeadlineToTheWeeksEnd) {
  const Study study = WorkStudy();
  // Tuesday 17 Nov 09:30, phone closes 16:00; that week's Sunday is 22 Nov.
  const WorkWindow window = WindowOf(study, At("C1", "2026-11-17T09:30"));
  EXPECT_EQ(window.from, "2026-11-17T09:30");
  EXPECT_EQ(window.to, "2026-11-17T16:00");
  EXPECT_EQ(window.deadline, "2026-11-22T16:00");
  // The last week ends with the fieldwork on Friday 27 Nov; chat closes at
  // 24:00, shown as 23:59.
  const WorkWindow last =
      WindowOf(study, At("C2", "2026-11-24T18:00", ContactStatus::kPlanned, Channel::kChat));
  EXPECT_EQ(last.to, "2026-11-24T23:59");
  EXPECT_EQ(last.deadline, "2026-11-27T23:59");
  // Planned after closing: the window is the planned minute.
  EXPECT_EQ(WindowOf(study, At("C3", "2026-11-17T17:00")).to, "2026-11-17T17:00");
  EXPECT_EQ(WindowOf(study, At("C4", "soon")).deadline, "");
}

TEST(Worklist, GroupsAtAGivenTime) {
  const Study study = WorkStudy();
  const std::string now = "2026-11-24T12:00";
  EXPECT_EQ(GroupOf(study, At("C1", "2026-11-17T09:30"), now), WorkGroup::kOverdue);
  EXPECT_EQ(GroupOf(study, At("C2", "2026-11-24T09:00"), now), WorkGroup::kOpen);
  EXPECT_EQ(GroupOf(study, At("C3", "2026-11-25T09:00"), now), WorkGroup::kUpcoming);
  EXPECT_EQ(GroupOf(study, At("C4", "2026-11-25T09:00", ContactStatus::kStarted), now),
            WorkGroup::kOpen);
  EXPECT_EQ(GroupOf(study, At("C5", "2026-11-17T09:30", ContactStatus::kReturned), now),
            WorkGroup::kReturned);
  for (ContactStatus done :
       {ContactStatus::kSubmitted, ContactStatus::kApproved, ContactStatus::kFailed}) {
    EXPECT_EQ(GroupOf(study, At("C6", "2026-11-17T09:30", done), now), WorkGroup::kDone);
  }
  // The deadline minute itself is still in time.
  EXPECT_EQ(GroupOf(study, At("C1", "2026-11-17T09:30"), "2026-11-22T16:00"), WorkGroup::kOpen);
}

TEST(Worklist, SortsReturnedOverdueOpenThenUpcomingByDateDoneLast) {
  const Study study = WorkStudy();
  std::vector<Contact> contacts = {
      At("C1", "2026-11-26T09:00"),                            // upcoming, later
      At("C2", "2026-11-10T09:00", ContactStatus::kApproved),  // done
      At("C3", "2026-11-25T09:00"),                            // upcoming
      At("C4", "2026-11-24T10:00"),                            // open
      At("C5", "2026-11-17T09:30"),                            // overdue
      At("C6", "2026-11-12T09:30", ContactStatus::kReturned),  // returned
  };
  SortWorklist(study, contacts, "2026-11-24T12:00");
  std::vector<std::string> order;
  for (const auto& contact : contacts) order.push_back(contact.id);
  EXPECT_EQ(order, (std::vector<std::string>{"C6", "C5", "C4", "C3", "C1", "C2"}));
}

}  // namespace
}  // namespace cx::domain
