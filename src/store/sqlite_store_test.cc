#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/store.h"
#include "study/study_reader.h"

namespace cx::store {
namespace {

namespace fs = std::filesystem;

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs SQL on a file with the plain SQLite API, outside the code under test.
void RunSql(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cxbench_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

domain::Study ExampleStudy() {
  auto outcome = study::ReadStudyFile("examples/kundeserviceprisen.yaml");
  EXPECT_TRUE(outcome.study.has_value());
  return *outcome.study;
}

TEST_F(StoreTest, NewDatabaseGetsTheLatestSchema) {
  auto store = OpenSqlite((dir_ / "new.db").string());
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  EXPECT_EQ((*store)->SchemaVersion(), LatestSchemaVersion());
  EXPECT_EQ(LatestSchemaVersion(), 12);
}

TEST_F(StoreTest, DatabaseIsInWalModeAndMarkedAsCxbench) {
  const fs::path path = dir_ / "new.db";
  ASSERT_TRUE(OpenSqlite(path.string()).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &statement, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), 0x43584245);  // "CXBE"
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

TEST_F(StoreTest, StudyRoundTripsExactly) {
  const domain::Study study = ExampleStudy();
  auto store = OpenSqlite((dir_ / "s.db").string());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->SaveStudy(study, false).ok());
  auto loaded = (*store)->LoadStudy(study.id);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ(*loaded, study);
  auto studies = (*store)->ListStudies();
  ASSERT_TRUE(studies.ok());
  ASSERT_EQ(studies->size(), 1u);
  EXPECT_EQ((*studies)[0].participants, 6);
}

TEST_F(StoreTest, QaSettingsRoundTripAndABadRuleIsACorruptRow) {
  domain::Study study = ExampleStudy();
  ASSERT_FALSE(study.contradictions.empty());  // the example declares some
  study.results_from = domain::ResultsFrom::kApprovedOnly;
  const fs::path path = dir_ / "q.db";
  {
    auto store = OpenSqlite(path.string());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->SaveStudy(study, false).ok());
    auto loaded = (*store)->LoadStudy(study.id);
    ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
    EXPECT_EQ(loaded->results_from, domain::ResultsFrom::kApprovedOnly);
    EXPECT_EQ(loaded->contradictions, study.contradictions);
  }
  RunSql(path, "UPDATE study SET results_from = 'sometimes'");
  auto store = OpenSqlite(path.string());
  ASSERT_TRUE(store.ok());
  // The study's own row is corrupt: an error naming the field, never a guess.
  auto loaded = (*store)->LoadStudy(study.id);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().ToString().find("results_from"), std::string::npos)
      << loaded.error().ToString();
}

TEST_F(StoreTest, APublicationIsReplacedWithdrawnAndGoesWithItsStudy) {
  const domain::Study study = ExampleStudy();
  const fs::path path = dir_ / "p.db";
  auto store = OpenSqlite(path.string());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->SaveStudy(study, false).ok());
  EXPECT_EQ((*store)->FindPublication(study.id).error().code, ErrorCode::kNotFound);

  Publication first{study.id, "2026-03-01T08:00", 1, "2026-02-20T10:00:00Z", 7, R"({"a":1})"};
  ASSERT_TRUE((*store)->SavePublication(first).ok());
  Publication second{study.id, "2026-03-02T09:30", 2, "2026-02-21T10:00:00Z", 9, R"({"a":2})"};
  ASSERT_TRUE((*store)->SavePublication(second).ok());  // one a study: replaced
  auto found = (*store)->FindPublication(study.id);
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  EXPECT_EQ(found->publish_at, "2026-03-02T09:30");
  EXPECT_EQ(found->made_by, 2);
  EXPECT_EQ(found->stamp, 9);
  EXPECT_EQ(found->document, R"({"a":2})");

  ASSERT_TRUE((*store)->DeletePublication(study.id).ok());
  EXPECT_EQ((*store)->FindPublication(study.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ((*store)->DeletePublication(study.id).error().code, ErrorCode::kNotFound);

  ASSERT_TRUE((*store)->SavePublication(first).ok());
  ASSERT_TRUE((*store)->SaveStudy(study, true).ok());  // the old study goes, and with it...
  EXPECT_EQ((*store)->FindPublication(study.id).error().code, ErrorCode::kNotFound);
}

TEST_F(StoreTest, ACorruptPublicationIsAnErrorNamingItsField) {
  const domain::Study study = ExampleStudy();
  const fs::path path = dir_ / "p.db";
  {
    auto store = OpenSqlite(path.string());
    ASSERT_TRUE((*store)->SaveStudy(study, false).ok());
    Publication publication{study.id, "2026-03-01T08:00", 1, "2026-02-20T10:00:00Z", 7, "{}"};
    ASSERT_TRUE((*store)->SavePublication(publication).ok());
  }
  RunSql(path, "UPDATE publication SET publish_at = 'soon'");
  auto store = OpenSqlite(path.string());
  auto found = (*store)->FindPublication(study.id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kCorruption);
  EXPECT_NE(found.error().ToString().find("publish_at"), std::string::npos);
  RunSql(path, "UPDATE publication SET publish_at = '2026-03-01T08:00', document = '[1,'");
  found = (*store)->FindPublication(study.id);
  ASSERT_FALSE(found.ok());
  EXPECT_NE(found.error().ToString().find("document"), std::string::npos);
}

TEST_F(StoreTest, SecondLoadOfTheSameStudyIsAConflictUnlessReplaced) {
  const domain::Study study = ExampleStudy();
  auto store = OpenSqlite((dir_ / "s.db").string());
  ASSERT_TRUE((*store)->SaveStudy(study, false).ok());
  const Status again = (*store)->SaveStudy(study, false);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_TRUE((*store)->SaveStudy(study, true).ok());
}

TEST_F(StoreTest, AFailedStudyLoadLeavesNothing) {
  domain::Study study = ExampleStudy();
  // An industry the foreign key cannot find: the insert of the participant fails
  // after the study, channel and industry rows went in; all must roll back.
  study.participants.back().industry = "no_such_industry";
  auto store = OpenSqlite((dir_ / "s.db").string());
  const Status saved = (*store)->SaveStudy(study, false);
  ASSERT_FALSE(saved.ok());
  auto studies = (*store)->ListStudies();
  ASSERT_TRUE(studies.ok());
  EXPECT_TRUE(studies->empty());
  EXPECT_EQ((*store)->LoadStudy(study.id).error().code, ErrorCode::kNotFound);
}

TEST_F(StoreTest, ContactsShoppersAndChangeLogRoundTrip) {
  const domain::Study study = ExampleStudy();
  domain::Shopper shopper{"s001",
                          "Kari Nordmann",
                          "30-44",
                          "female",
                          "Oslo",
                          {"nb", "en"},
                          {domain::Channel::kPhone, domain::Channel::kChat},
                          4,
                          {"2026-02-02"}};
  domain::Contact contact;
  contact.id = "fjordbanken-01";
  contact.participant = "fjordbanken";
  contact.shopper = "s001";
  contact.channel = domain::Channel::kChat;
  contact.scenario = "bank_mortgage";
  contact.planned_at = "2026-01-13T10:05";
  contact.status = domain::ContactStatus::kSubmitted;
  contact.started_at = "2026-01-13T09:05:00Z";
  contact.answered_at = "2026-01-13T09:05:42Z";
  contact.wait_seconds = 42;
  contact.responder = domain::Responder::kChatbot;
  contact.answers = {{"wait_time", false, 42.0, std::nullopt},
                     {"rec_responder", false, std::nullopt, "chatbot"},
                     {"rec_name", true, std::nullopt, std::nullopt},
                     {"rec_tone", false, 5.0, std::nullopt}};
  contact.comments = {{"agent", "Svarte raskt, men lite interessert."}};
  // Closed at 08:55, answered on the second attempt.
  contact.attempts = {
      {0, "2026-01-13T08:55:00Z", "2026-01-13T08:55:20Z", domain::AttemptOutcome::kClosed},
      {0, "2026-01-13T09:05:00Z", "2026-01-13T09:05:42Z", domain::AttemptOutcome::kAnswered}};
  domain::Contact unanswered = contact;
  unanswered.id = "fjordbanken-02";
  unanswered.answered_at.clear();
  unanswered.wait_seconds.reset();
  unanswered.responder = domain::Responder::kUnknown;
  unanswered.answers.clear();
  unanswered.comments.clear();
  unanswered.attempts = {{1, "2026-01-13T09:05:00Z", "", domain::AttemptOutcome::kPending}};

  auto store = OpenSqlite((dir_ / "s.db").string());
  ASSERT_TRUE((*store)->SaveStudy(study, false).ok());
  ASSERT_TRUE((*store)->SaveShoppers({shopper}).ok());
  ASSERT_TRUE((*store)->SaveContacts(study.id, {unanswered, contact}).ok());
  auto shoppers = (*store)->LoadShoppers();
  ASSERT_TRUE(shoppers.ok());
  EXPECT_EQ(*shoppers, std::vector<domain::Shopper>{shopper});
  auto contacts = (*store)->LoadContacts(study.id);
  ASSERT_TRUE(contacts.ok()) << contacts.error().ToString();
  // Ordered by id; answers in questionnaire order (wait_time, rec_responder, rec_name, rec_tone).
  EXPECT_EQ(*contacts, (std::vector<domain::Contact>{contact, unanswered}));

  // Saving a contact again replaces it with its answers, never duplicates them.
  contact.answers.pop_back();
  ASSERT_TRUE((*store)->SaveContacts(study.id, {contact}).ok());
  contacts = (*store)->LoadContacts(study.id);
  EXPECT_EQ((*contacts)[0].answers.size(), 3u);

  ASSERT_TRUE((*store)
                  ->AppendChangeLog(study.id, {"", "manager", "answer", "fjordbanken-01/rec_tone",
                                               "value", "5", "4", "shopper mistyped"})
                  .ok());
  auto log = (*store)->LoadChangeLog(study.id);
  ASSERT_TRUE(log.ok());
  // First entry: the study load itself.
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].entity, "study");
  EXPECT_EQ((*log)[1].reason, "shopper mistyped");
  EXPECT_FALSE((*log)[1].at.empty());
}

// Two planned contacts of the example study and one shopper, saved; the
// fixture of the all-or-nothing tests below.
struct SavedPlan {
  std::unique_ptr<Store> store;
  domain::Study study;
  std::vector<domain::Contact> contacts;
};

SavedPlan SavePlan(const fs::path& path) {
  SavedPlan saved;
  saved.study = ExampleStudy();
  auto store = OpenSqlite(path.string());
  EXPECT_TRUE(store.ok());
  saved.store = std::move(*store);
  EXPECT_TRUE(saved.store->SaveStudy(saved.study, false).ok());
  domain::Shopper s1{"s1", "", "30-44", "female", "Oslo", {}, {domain::Channel::kPhone}, 4, {}};
  domain::Shopper s2 = s1;
  s2.id = "s2";
  EXPECT_TRUE(saved.store->SaveShoppers({s1, s2}).ok());
  for (const char* id : {"fjordbanken-01", "fjordbanken-02"}) {
    domain::Contact contact;
    contact.id = id;
    contact.participant = "fjordbanken";
    contact.shopper = "s1";
    contact.channel = domain::Channel::kPhone;
    contact.scenario = "bank_mortgage";
    contact.planned_at = "2026-01-13T10:00";
    saved.contacts.push_back(contact);
  }
  EXPECT_TRUE(saved.store->SaveContacts(saved.study.id, saved.contacts).ok());
  return saved;
}

TEST_F(StoreTest, ContactsWithTheirLogAreSavedTogether) {
  SavedPlan saved = SavePlan(dir_ / "s.db");
  auto& store = *saved.store;
  const size_t log_before = store.LoadChangeLog(saved.study.id)->size();
  std::vector<domain::Contact> changed = saved.contacts;
  for (auto& contact : changed) contact.shopper = "s2";
  domain::Contact created = changed[0];
  created.id = "fjordbanken-01-r";
  changed.push_back(created);
  const std::vector<domain::ChangeRecord> entries = {
      {"", "tester", "contact", "fjordbanken-01", "shopper", "s1", "s2", "s1 dropped out"},
      {"", "tester", "contact", "fjordbanken-02", "shopper", "s1", "s2", "s1 dropped out"},
      {"", "tester", "contact", "fjordbanken-01-r", "created", "", "shopper s2", "replaces"}};
  ASSERT_TRUE(store.SaveContactsWithLog(saved.study.id, changed, entries).ok());
  auto contacts = store.LoadContacts(saved.study.id);
  ASSERT_TRUE(contacts.ok());
  // Read back ordered by id: -01, -01-r, -02.
  EXPECT_EQ(*contacts, (std::vector<domain::Contact>{changed[0], changed[2], changed[1]}));
  auto log = store.LoadChangeLog(saved.study.id);
  ASSERT_EQ(log->size(), log_before + 3);
  EXPECT_EQ((*log)[log_before + 2].entity_id, "fjordbanken-01-r");
}

TEST_F(StoreTest, AFailingContactRowRollsBackEveryContactAndEntry) {
  SavedPlan saved = SavePlan(dir_ / "s.db");
  auto& store = *saved.store;
  const auto log_before = *store.LoadChangeLog(saved.study.id);
  std::vector<domain::Contact> changed = saved.contacts;
  changed[0].shopper = "s2";      // a good change first ...
  changed[1].shopper = "nobody";  // ... then a row the foreign key on shopper refuses
  const std::vector<domain::ChangeRecord> entries = {
      {"", "tester", "contact", "fjordbanken-01", "shopper", "s1", "s2", "repair"},
      {"", "tester", "contact", "fjordbanken-02", "shopper", "s1", "nobody", "repair"}};
  const Status status = store.SaveContactsWithLog(saved.study.id, changed, entries);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("nothing was written"), std::string::npos);
  EXPECT_EQ(*store.LoadContacts(saved.study.id), saved.contacts);
  EXPECT_EQ(*store.LoadChangeLog(saved.study.id), log_before);
}

TEST_F(StoreTest, AFailingLogEntryRollsBackTheContactsWrittenBeforeIt) {
  const fs::path path = dir_ / "s.db";
  SavedPlan saved = SavePlan(path);
  auto& store = *saved.store;
  // A trigger, added outside the code under test, refuses the second entry:
  // the contacts and the first entry were written by then in the transaction.
  RunSql(path,
         "CREATE TRIGGER refuse BEFORE INSERT ON change_log WHEN NEW.reason = 'refused' "
         "BEGIN SELECT RAISE(ABORT, 'entry refused'); END");
  const auto log_before = *store.LoadChangeLog(saved.study.id);
  std::vector<domain::Contact> changed = saved.contacts;
  for (auto& contact : changed) contact.shopper = "s2";
  const std::vector<domain::ChangeRecord> entries = {
      {"", "tester", "contact", "fjordbanken-01", "shopper", "s1", "s2", "repair"},
      {"", "tester", "contact", "fjordbanken-02", "shopper", "s1", "s2", "refused"}};
  const Status status = store.SaveContactsWithLog(saved.study.id, changed, entries);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("entry refused"), std::string::npos);
  EXPECT_EQ(*store.LoadContacts(saved.study.id), saved.contacts);
  EXPECT_EQ(*store.LoadChangeLog(saved.study.id), log_before);
}

TEST_F(StoreTest, ADeviceChangeIsStoredWithItsContactOnceOnly) {
  SavedPlan saved = SavePlan(dir_ / "s.db");
  auto& store = *saved.store;
  EXPECT_EQ(store.FindClientChange(saved.study.id, "u-1").error().code, ErrorCode::kNotFound);
  domain::Contact started = saved.contacts.front();
  started.status = domain::ContactStatus::kStarted;
  const domain::ChangeRecord entry{"",       "s1@example.org", "contact", started.id,
                                   "status", "planned",        "started", "start"};
  const ClientChange change{"u-1", "s1@example.org", started.id,
                            "POST /api/v1/assignments/x/start {\"client_change_id\":\"u-1\"}",
                            "{\"status\":\"started\"}"};
  ASSERT_TRUE(store.SaveContactChange(saved.study.id, started, {entry}, change).ok());
  auto found = store.FindClientChange(saved.study.id, "u-1");
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  EXPECT_EQ(found->actor, change.actor);
  EXPECT_EQ(found->contact_id, change.contact_id);
  EXPECT_EQ(found->request, change.request);
  EXPECT_EQ(found->reply, change.reply);
  EXPECT_EQ(store.LoadContact(saved.study.id, started.id)->status, domain::ContactStatus::kStarted);

  // The same id again writes nothing: neither the contact nor its record.
  const auto log_before = *store.LoadChangeLog(saved.study.id);
  domain::Contact failed = started;
  failed.status = domain::ContactStatus::kFailed;
  const Status again = store.SaveContactChange(saved.study.id, failed, {entry}, change);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store.LoadContact(saved.study.id, started.id)->status, domain::ContactStatus::kStarted);
  EXPECT_EQ(*store.LoadChangeLog(saved.study.id), log_before);
}

TEST_F(StoreTest, ChannelAuditIsReplacedWithItsLogOrNotAtAll) {
  SavedPlan saved = SavePlan(dir_ / "s.db");
  auto& store = *saved.store;
  const auto log_before = *store.LoadChangeLog(saved.study.id);
  std::vector<domain::ChannelAudit> audit = {
      {domain::Channel::kPhone, true, domain::Ease::kEasy, ""},
      {domain::Channel::kEmailForm, false, std::nullopt, ""},
      {domain::Channel::kChat, true, std::nullopt, ""},
      {domain::Channel::kMessenger, false, std::nullopt, ""}};
  const domain::ChangeRecord entry{
      "",           "tester", "participant", "fjordbanken", "channels", "phone,email_form,chat",
      "phone,chat", "audit"};
  ASSERT_TRUE(store.SaveChannelAuditWithLog(saved.study.id, "fjordbanken", audit, {entry}).ok());
  auto study = store.LoadStudy(saved.study.id);
  ASSERT_TRUE(study.ok());
  EXPECT_EQ(study->FindParticipant("fjordbanken")->audit, audit);
  // The other participants and the contacts are as they were.
  for (const auto& participant : saved.study.participants) {
    if (participant.id == "fjordbanken") continue;
    EXPECT_EQ(study->FindParticipant(participant.id)->audit, participant.audit);
  }
  EXPECT_EQ(*store.LoadContacts(saved.study.id), saved.contacts);
  auto log = *store.LoadChangeLog(saved.study.id);
  ASSERT_EQ(log.size(), log_before.size() + 1);
  EXPECT_EQ(log.back().new_value, "phone,chat");

  // An unknown participant writes nothing.
  const Status missing = store.SaveChannelAuditWithLog(saved.study.id, "nobody", audit, {entry});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store.LoadChangeLog(saved.study.id)->size(), log.size());
}

TEST_F(StoreTest, SchemaOneDatabaseIsUpgradedWithNothingLost) {
  const fs::path path = dir_ / "v1.db";
  RunSql(path, ReadBytes("tests/fixtures/schema_v1.sql"));
  auto store = OpenSqlite(path.string());
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  EXPECT_EQ((*store)->SchemaVersion(), 12);

  auto study = (*store)->LoadStudy("old");
  ASSERT_TRUE(study.ok()) << study.error().ToString();
  EXPECT_EQ(study->name, "Kundeserviceprisen 2025");
  EXPECT_EQ(study->max_channels_per_participant, 3);
  ASSERT_EQ(study->participants.size(), 1u);
  EXPECT_EQ(study->participants[0].company, "Fjordbanken");
  EXPECT_EQ(study->TextFor(study->industries[0].scenarios[0].title, "nb"), "Lån");
  EXPECT_EQ(study->questions[0].reference, domain::ReferenceFlag::kWelcome);
  // Schema 7: an old study gets the default results rule and no contradictions.
  EXPECT_EQ(study->results_from, domain::ResultsFrom::kApprovedAndInQa);
  EXPECT_TRUE(study->contradictions.empty());

  auto contacts = (*store)->LoadContacts("old");
  ASSERT_TRUE(contacts.ok());
  ASSERT_EQ(contacts->size(), 1u);
  EXPECT_EQ((*contacts)[0].wait_seconds, 30.0);
  EXPECT_EQ((*contacts)[0].answers.at(0).number, 1.0);
  EXPECT_EQ((*contacts)[0].comments.at(0).text, "Hyggelig og imøtekommende.");
  // Schema 5: no attempts recorded before it, one attempt per channel, no way to reach.
  EXPECT_TRUE((*contacts)[0].attempts.empty());
  for (const auto& channel : study->channels) EXPECT_EQ(channel.max_attempts, 1);
  for (const auto& audit : study->participants[0].audit) EXPECT_EQ(audit.reach, "");
  // What schema 2 added works on the upgraded file.
  EXPECT_TRUE(
      (*store)->AppendChangeLog("old", {"", "test", "contact", "p1-01", "", "", "", ""}).ok());
}

TEST_F(StoreTest, UpgradedDatabaseReopensWithoutMigrating) {
  const fs::path path = dir_ / "v1.db";
  RunSql(path, ReadBytes("tests/fixtures/schema_v1.sql"));
  ASSERT_TRUE(OpenSqlite(path.string()).ok());
  auto again = OpenSqlite(path.string());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->SchemaVersion(), 12);
}

TEST_F(StoreTest, FileThatIsNotSqliteIsRefusedAndUntouched) {
  const fs::path path = dir_ / "notes.db";
  {
    std::ofstream out(path, std::ios::binary);
    for (int line = 0; line < 50; ++line) out << "Dette er ikke en database, bare notater.\n";
  }
  const std::string before = ReadBytes(path);
  auto store = OpenSqlite(path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(store.error().message.find("not a cxbench database"), std::string::npos)
      << store.error().message;
  EXPECT_EQ(ReadBytes(path), before);
  EXPECT_FALSE(fs::exists(path.string() + "-wal"));
}

TEST_F(StoreTest, ForeignSqliteDatabaseIsRefusedAndUntouched) {
  const fs::path path = dir_ / "other.db";
  RunSql(path,
         "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); "
         "INSERT INTO customers VALUES (1, 'Ola');");
  const std::string before = ReadBytes(path);
  auto store = OpenSqlite(path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(store.error().message.find("another application"), std::string::npos);
  EXPECT_EQ(ReadBytes(path), before);
}

TEST_F(StoreTest, DatabaseFromANewerVersionIsRefusedAndUntouched) {
  const fs::path path = dir_ / "newer.db";
  ASSERT_TRUE(OpenSqlite(path.string()).ok());
  RunSql(path, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version=99;");
  const std::string before = ReadBytes(path);
  auto store = OpenSqlite(path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(store.error().message.find("schema 99"), std::string::npos) << store.error().message;
  EXPECT_EQ(ReadBytes(path), before);
}

TEST_F(StoreTest, MissingDirectoryIsAClearError) {
  auto store = OpenSqlite((dir_ / "no" / "such" / "dir.db").string());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().ToString().find("dir.db"), std::string::npos);
}

TEST_F(StoreTest, AccountsSessionsAndInvitations) {
  auto store = OpenSqlite((dir_ / "accounts.db").string());
  ASSERT_TRUE(store.ok());
  domain::Account admin;
  admin.email = "Ola@Example.no";
  admin.name = "Ola";
  admin.role = domain::Role::kAdmin;
  admin.password_hash = "$argon2id$stand-in";  // the store keeps whatever hash it is given
  auto id = (*store)->CreateAccount(admin);
  ASSERT_TRUE(id.ok()) << id.error().ToString();
  // E-mails are unique whatever their case.
  admin.email = "ola@example.no";
  auto again = (*store)->CreateAccount(admin);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().where, "email");
  auto found = (*store)->FindAccountByEmail("OLA@example.no");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found.value().id, id.value());

  ASSERT_TRUE(
      (*store)->CreateSession("hash-1", id.value(), "csrf-1", "2099-01-01T00:00:00.000Z").ok());
  auto session = (*store)->FindSession("hash-1");
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session.value().account.name, "Ola");
  EXPECT_EQ(session.value().csrf_token, "csrf-1");
  ASSERT_TRUE((*store)->DeleteSession("hash-1").ok());
  EXPECT_EQ((*store)->FindSession("hash-1").error().code, ErrorCode::kNotFound);

  domain::Invitation invitation;
  invitation.token_hash = "inv-1";
  invitation.email = "kari@example.no";
  invitation.role = domain::Role::kManager;
  invitation.created_by = id.value();
  invitation.expires_at = "2099-01-01T00:00:00.000Z";
  ASSERT_TRUE((*store)->CreateInvitation(invitation).ok());
  domain::Account kari;
  kari.email = "kari@example.no";
  kari.name = "Kari";
  kari.role = domain::Role::kManager;
  kari.password_hash = "$argon2id$other";
  ASSERT_TRUE((*store)->AcceptInvitation("inv-1", kari, "2026-11-24T00:00:00.000Z").ok());
  // Once only; the second attempt creates nothing.
  kari.email = "kari2@example.no";
  auto twice = (*store)->AcceptInvitation("inv-1", kari, "2026-11-24T00:00:01.000Z");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ((*store)->ListAccounts().value().size(), 2u);
}

// Deactivating ends the account's sessions and keeps the row; a reset link
// sets the password once, ends the sessions, and a newer link replaces an
// unused older one.
TEST_F(StoreTest, AccountsAreDeactivatedAndPasswordsResetByLinkOnce) {
  auto store = OpenSqlite((dir_ / "state.db").string());
  ASSERT_TRUE(store.ok());
  domain::Account kari;
  kari.email = "kari@example.no";
  kari.name = "Kari";
  kari.role = domain::Role::kManager;
  kari.password_hash = "$argon2id$old";
  const int64_t id = (*store)->CreateAccount(kari).value();
  EXPECT_TRUE((*store)->FindAccount(id)->active());
  ASSERT_TRUE((*store)->CreateSession("s-1", id, "c", "2099-01-01T00:00:00.000Z").ok());

  ASSERT_TRUE((*store)->SetAccountActive(id, false, "2026-12-01T08:00:00.000Z").ok());
  EXPECT_EQ((*store)->FindAccount(id)->deactivated_at, "2026-12-01T08:00:00.000Z");
  EXPECT_FALSE((*store)->FindAccountByEmail("kari@example.no")->active());
  EXPECT_EQ((*store)->FindSession("s-1").error().code, ErrorCode::kNotFound);
  EXPECT_EQ((*store)->ListAccounts()->size(), 1u);  // kept, for its history
  ASSERT_TRUE((*store)->SetAccountActive(id, true, "2026-12-02T08:00:00.000Z").ok());
  EXPECT_TRUE((*store)->FindAccount(id)->active());
  EXPECT_EQ((*store)->SetAccountActive(id + 100, false, "x").error().code, ErrorCode::kNotFound);

  ASSERT_TRUE((*store)->CreatePasswordReset({"r-1", id, 0, "2099-01-01T00:00:00.000Z", ""}).ok());
  ASSERT_TRUE((*store)->CreatePasswordReset({"r-2", id, 0, "2099-01-01T00:00:00.000Z", ""}).ok());
  EXPECT_EQ((*store)->FindPasswordReset("r-1").error().code, ErrorCode::kNotFound);  // replaced
  EXPECT_EQ((*store)->FindPasswordReset("r-2")->account_id, id);
  ASSERT_TRUE((*store)->CreateSession("s-2", id, "c", "2099-01-01T00:00:00.000Z").ok());
  ASSERT_TRUE((*store)->UsePasswordReset("r-2", "$argon2id$new", "2026-12-03T08:00:00.000Z").ok());
  EXPECT_EQ((*store)->FindAccount(id)->password_hash, "$argon2id$new");
  EXPECT_EQ((*store)->FindPasswordReset("r-2")->used_at, "2026-12-03T08:00:00.000Z");
  EXPECT_EQ((*store)->FindSession("s-2").error().code, ErrorCode::kNotFound);
  const Status twice =
      (*store)->UsePasswordReset("r-2", "$argon2id$third", "2026-12-03T09:00:00.000Z");
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ((*store)->FindAccount(id)->password_hash, "$argon2id$new");
}

// Pending: neither used nor expired. Revoking deletes a pending one only; a
// used invitation stays (it is the account's history) and is not pending.
TEST_F(StoreTest, PendingInvitationsAreListedNewestFirstAndRevoked) {
  auto store = OpenSqlite((dir_ / "invitations.db").string());
  ASSERT_TRUE(store.ok());
  domain::Account admin;
  admin.email = "admin@example.no";
  admin.name = "Admin";
  admin.role = domain::Role::kAdmin;
  admin.password_hash = "$argon2id$stand-in";
  const auto by = (*store)->CreateAccount(admin);
  ASSERT_TRUE(by.ok());
  auto invite = [&](const std::string& hash, const std::string& email, const std::string& expires) {
    domain::Invitation invitation;
    invitation.created_by = by.value();
    invitation.token_hash = hash;
    invitation.email = email;
    invitation.role = domain::Role::kManager;
    invitation.expires_at = expires;
    return (*store)->CreateInvitation(invitation).ok();
  };
  ASSERT_TRUE(invite("h-old", "old@example.no", "2026-01-01T00:00:00.000Z"));  // expired
  ASSERT_TRUE(invite("h-a", "a@example.no", "2099-01-01T00:00:00.000Z"));
  ASSERT_TRUE(invite("h-b", "b@example.no", "2099-01-01T00:00:00.000Z"));
  ASSERT_TRUE(invite("h-used", "used@example.no", "2099-01-01T00:00:00.000Z"));
  domain::Account used;
  used.email = "used@example.no";
  used.name = "Used";
  used.role = domain::Role::kManager;
  used.password_hash = "$argon2id$stand-in";
  ASSERT_TRUE((*store)->AcceptInvitation("h-used", used, "2026-12-01T00:00:00.000Z").ok());

  auto pending = (*store)->ListPendingInvitations("2026-12-03T12:00:00.000Z");
  ASSERT_TRUE(pending.ok()) << pending.error().ToString();
  ASSERT_EQ(pending.value().size(), 2u);
  EXPECT_EQ(pending.value()[0].email, "b@example.no");  // newest first
  EXPECT_EQ(pending.value()[1].email, "a@example.no");
  const int64_t b = pending.value()[0].id;
  EXPECT_EQ((*store)->FindInvitationById(b).value().token_hash, "h-b");

  ASSERT_TRUE((*store)->RevokeInvitation(b).ok());
  EXPECT_EQ((*store)->FindInvitation("h-b").error().code, ErrorCode::kNotFound);
  EXPECT_EQ((*store)->RevokeInvitation(b).error().code, ErrorCode::kNotFound);
  const int64_t used_id = (*store)->FindInvitation("h-used").value().id;
  EXPECT_EQ((*store)->RevokeInvitation(used_id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE((*store)->FindInvitation("h-used").ok());
  EXPECT_EQ((*store)->ListPendingInvitations("2026-12-03T12:00:00.000Z").value().size(), 1u);
}

TEST_F(StoreTest, ExpiredSessionsAreDeletedAndLiveOnesKept) {
  auto store = OpenSqlite((dir_ / "sessions.db").string());
  ASSERT_TRUE(store.ok());
  domain::Account account;
  account.email = "kari@example.no";
  account.name = "Kari";
  account.role = domain::Role::kAdmin;
  account.password_hash = "$argon2id$stand-in";
  auto id = (*store)->CreateAccount(account);
  ASSERT_TRUE(id.ok());
  for (const auto& [hash, expires] : {std::pair{"old-1", "2026-11-24T10:00:00.000Z"},
                                      std::pair{"old-2", "2026-11-24T11:59:59.999Z"},
                                      std::pair{"now", "2026-11-24T12:00:00.000Z"},
                                      std::pair{"live", "2026-11-24T12:00:00.001Z"}}) {
    ASSERT_TRUE((*store)->CreateSession(hash, id.value(), "csrf", expires).ok());
  }
  // Expired at or before the moment given: old-1, old-2 and "now".
  auto deleted = (*store)->DeleteExpiredSessions("2026-11-24T12:00:00.000Z");
  ASSERT_TRUE(deleted.ok()) << deleted.error().ToString();
  EXPECT_EQ(deleted.value(), 3);
  for (const char* gone : {"old-1", "old-2", "now"}) {
    EXPECT_EQ((*store)->FindSession(gone).error().code, ErrorCode::kNotFound) << gone;
  }
  EXPECT_TRUE((*store)->FindSession("live").ok());
  EXPECT_EQ((*store)->DeleteExpiredSessions("2026-11-24T12:00:00.000Z").value(), 0);
}

}  // namespace
}  // namespace cx::store
