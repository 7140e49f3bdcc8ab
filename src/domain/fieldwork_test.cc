// The changes the audit trail records for a contact: every field that
// differs, with old and new values, and nothing when nothing changed.
#include "domain/fieldwork.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

struct Field {
  std::string name, old_value, new_value;
};

// The records of contact `id` for these fields, as ContactChanges gives them.
std::vector<ChangeRecord> Records(const std::string& id, const std::vector<Field>& fields) {
  std::vector<ChangeRecord> records;
  for (const auto& field : fields) {
    records.push_back({"", "", "contact", id, field.name, field.old_value, field.new_value, ""});
  }
  return records;
}

TEST(ContactChanges, NamesEveryChangedFieldWithOldAndNewValues) {
  Contact before;
  before.id = "C-0007";
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

  const std::vector<ChangeRecord> expected =
      Records("C-0007", {
                            {"answer:tone", "4", "5"},
                            {"answer:extra", "", "na"},
                            {"answer:who", "person", ""},
                            {"comment:reception", "Hyggelig", "Hyggelig, men treg"},
                            {"comment:agent", "", "God"},
                        });
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
  const std::vector<ChangeRecord> expected =
      Records("", {
                      {"status", "planned", "submitted"},
                      {"wait_s", "", "12.25"},
                      {"responder", "unknown", "chatbot"},
                      {"submitted_at", "", "2026-11-24T10:05:00.000Z"},
                  });
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
