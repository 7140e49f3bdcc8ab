#pragma once
// The storage interface. Domain code talks to this, never to SQL. SQLite is
// the embedded default (sqlite_store.cc); a PostgreSQL backend implements the
// same interface. Every method that writes is one transaction: all or nothing.

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::store {

struct StudySummary {
  std::string id;
  std::string name;
  int year = 0;
  int participants = 0;
  int contacts = 0;
};

// One entry of the change log: who changed what, when and why.
struct ChangeLogEntry {
  std::string at;  // UTC, set by the store
  std::string actor;
  std::string entity;
  std::string entity_id;
  std::string field;
  std::string old_value;
  std::string new_value;
  std::string reason;
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version of the open database (after migrations).
  virtual int SchemaVersion() = 0;

  // Saves a study definition. kConflict when a study with its id exists and
  // `replace` is false; with `replace`, the old study and all its fieldwork go.
  virtual Status SaveStudy(const domain::Study& study, bool replace) = 0;
  virtual Result<domain::Study> LoadStudy(const std::string& study_id) = 0;
  virtual Result<std::vector<StudySummary>> ListStudies() = 0;

  // Inserts or updates shoppers of the agency's pool.
  virtual Status SaveShoppers(const std::vector<domain::Shopper>& shoppers) = 0;
  virtual Result<std::vector<domain::Shopper>> LoadShoppers() = 0;

  // Inserts or replaces contacts with their answers and comments.
  virtual Status SaveContacts(const std::string& study_id,
                              const std::vector<domain::Contact>& contacts) = 0;
  // All contacts of a study, ordered by id, with answers and comments.
  virtual Result<std::vector<domain::Contact>> LoadContacts(const std::string& study_id) = 0;

  virtual Status AppendChangeLog(const std::string& study_id, const ChangeLogEntry& entry) = 0;
  virtual Result<std::vector<ChangeLogEntry>> LoadChangeLog(const std::string& study_id) = 0;
};

// The schema version this build creates and upgrades to.
int LatestSchemaVersion();

// Opens (creating if absent) an SQLite database and brings its schema up to
// date inside one transaction. Refuses, leaving the file untouched, a file
// that is not an SQLite database, an SQLite database that is not cxbench's,
// and one made by a newer cxbench (kUnsupported).
Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path);

}  // namespace cx::store
