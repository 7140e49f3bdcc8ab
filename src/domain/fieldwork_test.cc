// The changes the audit trail records for a contact: every field that
// differs, with old and new values, and nothing when nothing changed.
#include "domain/fieldwork.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

TEST(ContactChanges, NamesEveryChangedFieldWithOldAndNewValues) {
  Contact before;
  before.status = ContactStatus::kReturned;
  before.started_at = "2026-11-24T10:00:00.000Z";
  before.answers = {{"tone", false, 4.0, std::nullopt},
                    {"name", false, 1.0, std::nullopt},
                    {"who", false, std::nullopt, "person"}};
  before.comments = {{"reception", "Hyggelig"}};
  Contact after = before;
  after.answers = {{"tone", false, 5.0, std::nullopt},
                   {"name", false, 1.0, std::nullopt},
                   {"extra", true, std::nullopt, std::nullopt}};
  after.comments = {{"reception", "Hyggelig, men treg"}, {"agent", "God"}};

  const std::vector<FieldChange> expected = {
      {"answer:tone", "4", "5"},    {"answer:extra", "", "na"},
      {"answer:who", "person", ""}, {"comment:reception", "Hyggelig", "Hyggelig, men treg"},
      {"comment:agent", "", "God"},
  };
  EXPECT_EQ(ContactChanges(before, after), expected);
  EXPECT_TRUE(ContactChanges(before, before).empty());
}

TEST(ContactChanges, StatusTimesAndResponder) {
  Contact before;
  Contact after = before;
  after.status = ContactStatus::kSubmitted;
  after.submitted_at = "2026-11-24T10:05:00.000Z";
  after.wait_seconds = 12.25;
  after.responder = Responder::kChatbot;
  const std::vector<FieldChange> expected = {
      {"status", "planned", "submitted"},
      {"wait_s", "", "12.25"},
      {"responder", "unknown", "chatbot"},
      {"submitted_at", "", "2026-11-24T10:05:00.000Z"},
  };
  EXPECT_EQ(ContactChanges(before, after), expected);
}

TEST(AnswerText, ShowsAnswersAsTheAuditTrailDoes) {
  EXPECT_EQ(AnswerText(nullptr), "");
  const Answer na{"q", true, std::nullopt, std::nullopt};
  EXPECT_EQ(AnswerText(&na), "na");
  const Answer number{"q", false, 0.1, std::nullopt};
  EXPECT_EQ(AnswerText(&number), "0.1");
  const Answer whole{"q", false, 7.0, std::nullopt};
  EXPECT_EQ(AnswerText(&whole), "7");
}

}  // namespace
}  // namespace cx::domain
