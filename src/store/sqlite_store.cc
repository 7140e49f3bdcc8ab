#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "cx_store_embedded.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {
namespace {

// PRAGMA application_id marks the file as cxbench's: "CXBE".
constexpr int kApplicationId = 0x43584245;

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, embedded::migration_0001()},  {2, embedded::migration_0002()},
      {4, embedded::migration_0004()},  {5, embedded::migration_0005()},
      {7, embedded::migration_0007()},  {8, embedded::migration_0008()},
      {10, embedded::migration_0010()}, {11, embedded::migration_0011()},
      {12, embedded::migration_0012()},
  };
  return kMigrations;
}

sqlite_api::sqlite3* Native(soci::session& sql) {
  return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

// Runs a script of several statements (SOCI prepares one statement at a time).
void ExecScript(soci::session& sql, std::string_view script) {
  char* message = nullptr;
  const std::string text(script);
  if (sqlite_api::sqlite3_exec(Native(sql), text.c_str(), nullptr, nullptr, &message) !=
      SQLITE_OK) {
    std::string what = message ? message : "unknown error";
    sqlite_api::sqlite3_free(message);
    throw std::runtime_error(what);
  }
}

int PragmaInt(soci::session& sql, const std::string& pragma) {
  int value = 0;
  sql << "PRAGMA " + pragma, soci::into(value);
  return value;
}

bool FileExists(const std::string& path, bool& non_empty) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return false;
  non_empty = info.st_size > 0;
  return true;
}

}  // namespace

int LatestSchemaVersion() { return Migrations().back().version; }

int SqliteStore::SchemaVersion() { return PragmaInt(*sql_, "user_version"); }

Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path) {
  bool non_empty = false;
  const bool existed = FileExists(path, non_empty);
  auto sql = std::make_unique<soci::session>();
  try {
    // Quoted so that paths with spaces survive SOCI's connection-string parser.
    sql->open(*soci::factory_sqlite3(), "db=\"" + path + "\" timeout=10");
  } catch (const std::exception& error) {
    return IoError("cannot open the database: " + std::string(error.what()), path);
  }

  // Look before touching: nothing below writes until the file is known to be ours.
  int application_id = 0;
  int version = 0;
  int tables = 0;
  try {
    application_id = PragmaInt(*sql, "application_id");
    version = PragmaInt(*sql, "user_version");
    *sql << "SELECT count(*) FROM sqlite_master", soci::into(tables);
  } catch (const std::exception& error) {
    return Unsupported("not a cxbench database (not an SQLite file: " + std::string(error.what()) +
                           "); it was left untouched",
                       path);
  }
  if (application_id != kApplicationId && !(application_id == 0 && tables == 0)) {
    return Unsupported(
        "not a cxbench database (an SQLite file of another application); it was "
        "left untouched",
        path);
  }
  if (version > LatestSchemaVersion()) {
    return Unsupported("made by a newer cxbench (schema " + std::to_string(version) +
                           "; this build knows schemas up to " +
                           std::to_string(LatestSchemaVersion()) + "); it was left untouched",
                       path);
  }

  try {
    std::string mode;
    *sql << "PRAGMA journal_mode=WAL", soci::into(mode);
    *sql << "PRAGMA foreign_keys=ON";
    *sql << "PRAGMA synchronous=FULL";
    *sql << "PRAGMA busy_timeout=10000";
    if (version < LatestSchemaVersion()) {
      ExecScript(*sql, "BEGIN IMMEDIATE");
      try {
        for (const Migration& migration : Migrations()) {
          if (migration.version <= version) continue;
          ExecScript(*sql, migration.sql);
          // user_version and application_id live in the file header and roll back with the
          // transaction.
          ExecScript(*sql, "PRAGMA user_version=" + std::to_string(migration.version));
        }
        ExecScript(*sql, "PRAGMA application_id=" + std::to_string(kApplicationId));
        ExecScript(*sql, "COMMIT");
      } catch (...) {
        ExecScript(*sql, "ROLLBACK");
        throw;
      }
    }
  } catch (const std::exception& error) {
    sql->close();
    if (!existed || !non_empty) {
      // We made the file: leave nothing half-done behind.
      std::remove(path.c_str());
      std::remove((path + "-wal").c_str());
      std::remove((path + "-shm").c_str());
    }
    return IoError("cannot prepare the database schema: " + std::string(error.what()), path);
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(sql)));
}

void SqliteStore::InsertChangeLog(const std::string& study_id, const domain::ChangeRecord& entry) {
  *sql_ << "INSERT INTO change_log (study_id, actor, entity, entity_id, field, old_value, "
           "new_value, reason) VALUES (:study, :actor, :entity, :entity_id, :field, :old, :new, "
           ":reason)",
      soci::use(study_id), soci::use(entry.actor), soci::use(entry.entity),
      soci::use(entry.entity_id), soci::use(entry.field), soci::use(entry.old_value),
      soci::use(entry.new_value), soci::use(entry.reason);
}

Status SqliteStore::AppendChangeLog(const std::string& study_id,
                                    const domain::ChangeRecord& entry) {
  try {
    InsertChangeLog(study_id, entry);
  } catch (const std::exception& error) {
    return IoError("cannot write the change log: " + std::string(error.what()));
  }
  return Ok();
}

Result<std::vector<domain::ChangeRecord>> SqliteStore::LoadChangeLog(const std::string& study_id) {
  return ReadChangeLog(study_id, "", "");
}

Result<std::vector<domain::ChangeRecord>> SqliteStore::LoadChangeLogOf(
    const std::string& study_id, const std::string& entity, const std::string& entity_id) {
  return ReadChangeLog(study_id, entity, entity_id);
}

Result<std::vector<domain::ChangeRecord>> SqliteStore::ReadChangeLog(const std::string& study_id,
                                                                     const std::string& entity,
                                                                     const std::string& entity_id) {
  std::vector<domain::ChangeRecord> entries;
  try {
    domain::ChangeRecord row;
    soci::indicator field_ind, old_ind, new_ind, reason_ind;
    // An empty entity reads the whole study's log; the condition names both
    // parameters either way so that one binding serves both forms.
    const std::string only = entity.empty() ? " AND :entity = '' AND :entity_id = ''"
                                            : " AND entity = :entity AND entity_id = :entity_id";
    soci::statement statement =
        (sql_->prepare << "SELECT at, actor, entity, entity_id, field, old_value, new_value, "
                          "reason FROM change_log WHERE study_id = :study" +
                              only + " ORDER BY id",
         soci::use(study_id, "study"), soci::use(entity, "entity"),
         soci::use(entity_id, "entity_id"), soci::into(row.at), soci::into(row.actor),
         soci::into(row.entity), soci::into(row.entity_id), soci::into(row.field, field_ind),
         soci::into(row.old_value, old_ind), soci::into(row.new_value, new_ind),
         soci::into(row.reason, reason_ind));
    statement.execute();
    while (statement.fetch()) {
      domain::ChangeRecord entry = row;
      if (field_ind == soci::i_null) entry.field.clear();
      if (old_ind == soci::i_null) entry.old_value.clear();
      if (new_ind == soci::i_null) entry.new_value.clear();
      if (reason_ind == soci::i_null) entry.reason.clear();
      entries.push_back(std::move(entry));
    }
  } catch (const std::exception& error) {
    return IoError("cannot read the change log: " + std::string(error.what()));
  }
  return entries;
}

}  // namespace cx::store

namespace cx::store {

Result<std::vector<CorruptRow>> SqliteStore::CheckDatabase() {
  std::vector<CorruptRow> corrupt;
  try {
    const auto shoppers = ReadShoppers(corrupt);
    std::vector<std::string> study_ids;
    {
      std::string id;
      soci::statement select =
          (sql_->prepare << "SELECT id FROM study ORDER BY id", soci::into(id));
      select.execute();
      while (select.fetch()) study_ids.push_back(id);
    }
    for (const auto& study_id : study_ids) {
      auto study = ReadStudy(study_id, corrupt);
      if (study) ReadContacts(*study, shoppers, "", true, corrupt);
    }
    // Rows of a study that is gone (deleted with foreign keys off): one entry
    // per table and study, not one per row.
    for (const char* table :
         {"channel", "industry", "scenario", "participant", "channel_audit", "area", "question",
          "question_option", "contact", "answer", "comment"}) {
      std::string study_id;
      long long rows = 0;
      soci::statement select =
          (sql_->prepare << std::string("SELECT study_id, count(*) FROM ") + table +
                                " WHERE study_id NOT IN (SELECT id FROM study) GROUP BY study_id "
                                "ORDER BY study_id",
           soci::into(study_id), soci::into(rows));
      select.execute();
      while (select.fetch()) {
        corrupt.push_back({table, study_id + "/*", "study_id",
                           "the id of a row of study, found '" + study_id + "' (no such row; " +
                               std::to_string(rows) + " rows)"});
      }
    }
    CheckAccounts(corrupt);
  } catch (const std::exception& error) {
    return IoError("cannot check the database: " + std::string(error.what()));
  }
  return corrupt;
}

}  // namespace cx::store
