// A hand-edited or damaged database: every row the store reads is checked
// against the schema's rules. Each test saves a real study with its fieldwork,
// breaks one row with plain SQL (outside the code under test, foreign keys
// off as a hand edit has them), and expects a kCorruption error naming the
// table, the row and the field, while the other rows still load.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "store/store.h"
#include "study/study_reader.h"

namespace cx::store {
namespace {

namespace fs = std::filesystem;

void RunSql(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const std::string script = "PRAGMA foreign_keys = OFF; " + sql;
  const int rc = sqlite3_exec(db, script.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

domain::Contact MakeContact(const std::string& id, const std::string& participant,
                            const std::string& scenario, const std::string& shopper) {
  domain::Contact contact;
  contact.id = id;
  contact.participant = participant;
  contact.shopper = shopper;
  contact.channel = domain::Channel::kPhone;
  contact.scenario = scenario;
  contact.planned_at = "2026-01-13T10:00";
  contact.status = domain::ContactStatus::kSubmitted;
  contact.started_at = "2026-01-13T09:00:00Z";
  contact.answered_at = "2026-01-13T09:00:42Z";
  contact.wait_seconds = 42;
  contact.responder = domain::Responder::kPerson;
  contact.answers = {{"wait_time", false, 42.0, std::nullopt},
                     {"rec_tone", false, 5.0, std::nullopt}};
  contact.comments = {{"agent", "Vennlig."}};
  contact.attempts = {
      {0, "2026-01-13T09:00:00Z", "2026-01-13T09:00:42Z", domain::AttemptOutcome::kAnswered}};
  return contact;
}

bool HasScenario(const domain::Study& study, const std::string& id) {
  for (const auto& industry : study.industries) {
    for (const auto& scenario : industry.scenarios) {
      if (scenario.id == id) return true;
    }
  }
  return false;
}

class CorruptRowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cxbench_corrupt_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = dir_ / "s.db";
    auto outcome = study::ReadStudyFile("examples/kundeserviceprisen.yaml");
    ASSERT_TRUE(outcome.study.has_value());
    study_id_ = outcome.study->id;
    auto store = OpenSqlite(path_.string());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->SaveStudy(*outcome.study, false).ok());
    domain::Shopper s1{"s1", "", "30-44", "female", "Oslo", {"nb"}, {domain::Channel::kPhone},
                       4,    {}};
    domain::Shopper s2 = s1;
    s2.id = "s2";
    ASSERT_TRUE((*store)->SaveShoppers({s1, s2}).ok());
    // C1 and C2 with fjordbanken by shopper s1, C3 with vestkraft by s2.
    ASSERT_TRUE(
        (*store)
            ->SaveContacts(study_id_, {MakeContact("C1", "fjordbanken", "bank_mortgage", "s1"),
                                       MakeContact("C2", "fjordbanken", "bank_mortgage", "s1"),
                                       MakeContact("C3", "vestkraft", "el_new_customer", "s2")})
            .ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> Open() {
    auto store = OpenSqlite(path_.string());
    EXPECT_TRUE(store.ok());
    return std::move(*store);
  }

  // The ids of the contacts that load.
  static std::vector<std::string> Ids(const std::vector<domain::Contact>& contacts) {
    std::vector<std::string> ids;
    for (const auto& contact : contacts) ids.push_back(contact.id);
    return ids;
  }

  // Expects `corrupt` to hold a fault of `table`, `row`, `field` whose
  // expectation contains `expected`; returns it as an Error.
  static void ExpectFault(const std::vector<CorruptRow>& corrupt, const std::string& table,
                          const std::string& row, const std::string& field,
                          const std::string& expected) {
    const auto found = std::find_if(corrupt.begin(), corrupt.end(), [&](const CorruptRow& item) {
      return item.table == table && item.row == row && item.field == field;
    });
    ASSERT_NE(found, corrupt.end()) << "no fault of " << table << " " << row << " " << field;
    EXPECT_NE(found->expected.find(expected), std::string::npos) << found->expected;
    const Error error = found->ToError();
    EXPECT_EQ(error.code, ErrorCode::kCorruption);
    EXPECT_EQ(ExitCodeFor(error), 1);
    EXPECT_EQ(error.ToString(), "table " + table + " row " + row + " field " + field +
                                    ": expected " + found->expected);
  }

  // Checks one broken contact: C1 is left out with the named fault, C2 and
  // C3 still load, LoadContact(C1) is the corruption, CheckDatabase lists it.
  void ExpectContactOneCorrupt(const std::string& table, const std::string& row,
                               const std::string& field, const std::string& expected) {
    auto store = Open();
    auto checked = store->LoadContactsChecked(study_id_);
    ASSERT_TRUE(checked.ok()) << checked.error().ToString();
    EXPECT_EQ(Ids(checked->good), (std::vector<std::string>{"C2", "C3"}));
    ExpectFault(checked->corrupt, table, row, field, expected);
    auto plain = store->LoadContacts(study_id_);
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(Ids(*plain), (std::vector<std::string>{"C2", "C3"}));
    auto one = store->LoadContact(study_id_, "C1");
    ASSERT_FALSE(one.ok());
    EXPECT_EQ(one.error().code, ErrorCode::kCorruption) << one.error().ToString();
    auto good = store->LoadContact(study_id_, "C2");
    EXPECT_TRUE(good.ok());
    auto all = store->CheckDatabase();
    ASSERT_TRUE(all.ok());
    ExpectFault(*all, table, row, field, expected);
  }

  fs::path dir_;
  fs::path path_;
  std::string study_id_;
};

TEST_F(CorruptRowTest, ACleanDatabaseHasNoCorruptRows) {
  auto store = Open();
  auto all = store->CheckDatabase();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty()) << all->front().ToError().ToString();
  auto checked = store->LoadContactsChecked(study_id_);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(Ids(checked->good), (std::vector<std::string>{"C1", "C2", "C3"}));
  EXPECT_TRUE(checked->corrupt.empty());
}

TEST_F(CorruptRowTest, UnknownChannel) {
  RunSql(path_, "UPDATE contact SET channel = 'fax' WHERE id = 'C1'");
  ExpectContactOneCorrupt("contact", study_id_ + "/C1", "channel",
                          "one of phone, email_form, chat, messenger, found 'fax'");
}

TEST_F(CorruptRowTest, UnknownStatus) {
  RunSql(path_, "UPDATE contact SET status = 'lost' WHERE id = 'C1'");
  ExpectContactOneCorrupt("contact", study_id_ + "/C1", "status",
                          "one of planned, started, submitted, approved, returned, failed");
}

TEST_F(CorruptRowTest, UnknownResponder) {
  RunSql(path_, "UPDATE contact SET responder = 'robot' WHERE id = 'C1'");
  ExpectContactOneCorrupt("contact", study_id_ + "/C1", "responder", "found 'robot'");
}

TEST_F(CorruptRowTest, NegativeWait) {
  RunSql(path_, "UPDATE contact SET wait_s = -5 WHERE id = 'C1'");
  ExpectContactOneCorrupt("contact", study_id_ + "/C1", "wait_s", "0 or more, found -5");
}

TEST_F(CorruptRowTest, WaitThatIsNotANumber) {
  RunSql(path_, "UPDATE contact SET wait_s = 'soon' WHERE id = 'C1'");
  ExpectContactOneCorrupt("contact", study_id_ + "/C1", "wait_s", "found a text value");
}

TEST_F(CorruptRowTest, AttemptWhoseStartIsNotATime) {
  RunSql(path_, "UPDATE contact_attempt SET started_at = 5 WHERE contact_id = 'C1'");
  ExpectContactOneCorrupt("contact_attempt", study_id_ + "/C1/0", "started_at", "a UTC time");
}

TEST_F(CorruptRowTest, AttemptWithAnUnknownOutcome) {
  // The table's CHECK keeps this out; a file edited by hand may still hold it.
  RunSql(path_,
         "PRAGMA ignore_check_constraints = ON; UPDATE contact_attempt SET outcome = 'lost' "
         "WHERE contact_id = 'C1'");
  ExpectContactOneCorrupt("contact_attempt", study_id_ + "/C1/0", "outcome",
                          "one of pending, answered, no_answer, busy, closed, gave_up, "
                          "never_answered, found 'lost'");
}

TEST_F(CorruptRowTest, AnswerThatIsNotANumber) {
  RunSql(path_,
         "UPDATE answer SET number = 'abc' WHERE contact_id = 'C1' AND question_id = 'rec_tone'");
  ExpectContactOneCorrupt("answer", study_id_ + "/C1/rec_tone", "number",
                          "a number, found a text value");
}

TEST_F(CorruptRowTest, TextAnswerToANumericQuestion) {
  RunSql(path_,
         "UPDATE answer SET number = NULL, text = 'great' WHERE contact_id = 'C1' AND "
         "question_id = 'rec_tone'");
  ExpectContactOneCorrupt("answer", study_id_ + "/C1/rec_tone", "text", "takes a number");
}

TEST_F(CorruptRowTest, AnswerToAQuestionTheStudyDoesNotHave) {
  RunSql(path_,
         "INSERT INTO answer VALUES ('" + study_id_ + "', 'C1', 'no_such_question', 0, 3, NULL)");
  ExpectContactOneCorrupt("answer", study_id_ + "/C1/no_such_question", "question_id",
                          "question of study " + study_id_ + ", found 'no_such_question'");
}

TEST_F(CorruptRowTest, DeletedParticipant) {
  RunSql(path_, "DELETE FROM participant WHERE id = 'vestkraft'");
  auto store = Open();
  auto checked = store->LoadContactsChecked(study_id_);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(Ids(checked->good), (std::vector<std::string>{"C1", "C2"}));
  ExpectFault(checked->corrupt, "contact", study_id_ + "/C3", "participant_id",
              "participant of study " + study_id_ + ", found 'vestkraft' (no such row)");
  // Its channel audit is left dangling too.
  ExpectFault(checked->corrupt, "channel_audit", study_id_ + "/vestkraft/phone", "participant_id",
              "found 'vestkraft'");
  auto study = store->LoadStudy(study_id_);
  ASSERT_TRUE(study.ok());
  EXPECT_EQ(study->FindParticipant("vestkraft"), nullptr);
  EXPECT_NE(study->FindParticipant("fjordbanken"), nullptr);
}

TEST_F(CorruptRowTest, DeletedShopper) {
  RunSql(path_, "DELETE FROM shopper WHERE id = 's2'");
  auto store = Open();
  auto checked = store->LoadContactsChecked(study_id_);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(Ids(checked->good), (std::vector<std::string>{"C1", "C2"}));
  ExpectFault(checked->corrupt, "contact", study_id_ + "/C3", "shopper_id", "found 's2'");
}

TEST_F(CorruptRowTest, BrokenJsonInAShopper) {
  RunSql(path_, "UPDATE shopper SET languages = '[\"nb\"' WHERE id = 's2'");
  auto store = Open();
  auto shoppers = store->LoadShoppersChecked();
  ASSERT_TRUE(shoppers.ok());
  ASSERT_EQ(shoppers->good.size(), 1u);
  EXPECT_EQ(shoppers->good[0].id, "s1");
  ExpectFault(shoppers->corrupt, "shopper", "s2", "languages", "JSON list of language codes");
  // The contact of the left-out shopper cannot be checked, so it goes too.
  auto contacts = store->LoadContacts(study_id_);
  ASSERT_TRUE(contacts.ok());
  EXPECT_EQ(Ids(*contacts), (std::vector<std::string>{"C1", "C2"}));
}

TEST_F(CorruptRowTest, BrokenJsonInAStudyRowLeavesOnlyThatRowOut) {
  // A scenario no contact uses: the rest of the study and all contacts load.
  RunSql(path_, "UPDATE scenario SET profile = '{\"age_bands\": ' WHERE id = 'bank_savings'");
  auto store = Open();
  auto study = store->LoadStudyChecked(study_id_);
  ASSERT_TRUE(study.ok());
  ExpectFault(study->corrupt, "scenario", study_id_ + "/bank_savings", "profile",
              "JSON {age_bands, gender}");
  EXPECT_FALSE(HasScenario(study->good, "bank_savings"));
  EXPECT_TRUE(HasScenario(study->good, "bank_mortgage"));
  auto contacts = store->LoadContacts(study_id_);
  ASSERT_TRUE(contacts.ok());
  EXPECT_EQ(contacts->size(), 3u);
}

TEST_F(CorruptRowTest, ACorruptStudyRowIsACorruptionError) {
  RunSql(path_, "UPDATE study SET period_start = 'soon'");
  auto store = Open();
  auto study = store->LoadStudy(study_id_);
  ASSERT_FALSE(study.ok());
  EXPECT_EQ(study.error().code, ErrorCode::kCorruption);
  EXPECT_EQ(study.error().ToString(), "table study row " + study_id_ +
                                          " field period_start: expected a date YYYY-MM-DD, "
                                          "found 'soon'");
}

TEST_F(CorruptRowTest, AnAccountWithAnUnknownRole) {
  auto store = Open();
  domain::Account account;
  account.email = "kari@example.no";
  account.name = "Kari";
  account.role = domain::Role::kManager;
  account.password_hash = "x";
  auto id = store->CreateAccount(account);
  ASSERT_TRUE(id.ok());
  RunSql(path_, "PRAGMA ignore_check_constraints = ON; UPDATE account SET role = 'root'");
  auto found = store->FindAccount(*id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kCorruption);
  auto all = store->CheckDatabase();
  ASSERT_TRUE(all.ok());
  ExpectFault(*all, "account", std::to_string(*id), "role", "found 'root'");
}

}  // namespace
}  // namespace cx::store
