#pragma once
// Private to store/: the SQLite implementation of Store, over SOCI. Split in
// three files: sqlite_store.cc (open, migrate, change log),
// sqlite_study_rows.cc (the study definition), sqlite_fieldwork_rows.cc
// (shoppers, contacts, answers, comments).

#include <soci/soci.h>

#include "store/store.h"

namespace cx::store {

class SqliteStore : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<soci::session> sql) : sql_(std::move(sql)) {}

  int SchemaVersion() override;
  Status SaveStudy(const domain::Study& study, bool replace) override;
  Result<domain::Study> LoadStudy(const std::string& study_id) override;
  Result<std::vector<StudySummary>> ListStudies() override;
  Status SaveShoppers(const std::vector<domain::Shopper>& shoppers) override;
  Result<std::vector<domain::Shopper>> LoadShoppers() override;
  Status SaveContacts(const std::string& study_id,
                      const std::vector<domain::Contact>& contacts) override;
  Result<std::vector<domain::Contact>> LoadContacts(const std::string& study_id) override;
  Status AppendChangeLog(const std::string& study_id, const ChangeLogEntry& entry) override;
  Result<std::vector<ChangeLogEntry>> LoadChangeLog(const std::string& study_id) override;

  soci::session& sql() { return *sql_; }

 private:
  void InsertStudyRows(const domain::Study& study);
  void InsertChangeLog(const std::string& study_id, const ChangeLogEntry& entry);
  std::unique_ptr<soci::session> sql_;
};

// "YYYY-MM-DD" of a date, and back (nullopt-free: the store wrote it).
std::string FormatDate(const std::chrono::year_month_day& date);
std::chrono::year_month_day ParseStoredDate(const std::string& text);

}  // namespace cx::store
