// Evidence rows in SQLite (migration 0011) and deleting a whole study.
#include <soci/soci.h>

#include "store/evidence_files.h"
#include "store/row_check.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {
namespace {

constexpr const char* kEvidenceColumns =
    "SELECT id, study_id, contact_id, stored_name, original_name, media_type, bytes, sha256, "
    "uploaded_by, uploaded_at, coalesce(change_id, '') FROM evidence ";

// The row's first fault: a stored name that is not one we make could point
// anywhere on disk ("../../etc/passwd"), so it is refused, never opened.
std::optional<Error> EvidenceFault(const EvidenceRow& row) {
  const std::string key = row.study_id + "/" + std::to_string(row.id);
  if (!IsStoredEvidenceName(row.stored_name)) {
    return Corruption("evidence", key, "stored_name",
                      "32 hex digits, found " + RowCheck::Quote(row.stored_name));
  }
  if (row.bytes < 0) return Corruption("evidence", key, "bytes", "a size of 0 or more bytes");
  if (row.media_type.find('/') == std::string::npos) {
    return Corruption("evidence", key, "media_type",
                      "a media type, found " + RowCheck::Quote(row.media_type));
  }
  return std::nullopt;
}

}  // namespace

std::vector<EvidenceRow> SqliteStore::SelectEvidence(const std::string& where,
                                                     const std::string& study_id,
                                                     const std::string& key) {
  std::vector<EvidenceRow> rows;
  EvidenceRow row;
  long long id = 0, bytes = 0;
  soci::statement select =
      (sql_->prepare << std::string(kEvidenceColumns) + where + " ORDER BY id", soci::use(study_id),
       soci::use(key), soci::into(id), soci::into(row.study_id), soci::into(row.contact_id),
       soci::into(row.stored_name), soci::into(row.original_name), soci::into(row.media_type),
       soci::into(bytes), soci::into(row.sha256), soci::into(row.uploaded_by),
       soci::into(row.uploaded_at), soci::into(row.change_id));
  select.execute();
  while (select.fetch()) {
    row.id = id;
    row.bytes = bytes;
    rows.push_back(row);
  }
  return rows;
}

Result<int64_t> SqliteStore::AddEvidence(const EvidenceRow& row,
                                         const domain::ChangeRecord& entry) {
  try {
    soci::transaction transaction(*sql_);
    int taken = 0;
    if (!row.change_id.empty()) {
      *sql_ << "SELECT count(*) FROM evidence WHERE study_id = :study AND change_id = :change",
          soci::use(row.study_id), soci::use(row.change_id), soci::into(taken);
    }
    if (taken > 0) {
      return Conflict(Msg("the upload '{1}' is stored already", row.change_id), "change_id");
    }
    const long long bytes = row.bytes;
    soci::indicator change_null = row.change_id.empty() ? soci::i_null : soci::i_ok;
    *sql_ << "INSERT INTO evidence (study_id, contact_id, stored_name, original_name, "
             "media_type, bytes, sha256, uploaded_by, uploaded_at, change_id) VALUES (:study, "
             ":contact, :stored, :original, :media, :bytes, :sha, :by, :at, :change)",
        soci::use(row.study_id), soci::use(row.contact_id), soci::use(row.stored_name),
        soci::use(row.original_name), soci::use(row.media_type), soci::use(bytes),
        soci::use(row.sha256), soci::use(row.uploaded_by), soci::use(row.uploaded_at),
        soci::use(row.change_id, change_null);
    long long id = 0;
    *sql_ << "SELECT last_insert_rowid()", soci::into(id);
    InsertChangeLog(row.study_id, entry);
    transaction.commit();
    return static_cast<int64_t>(id);
  } catch (const std::exception& error) {
    return IoError("cannot store the evidence file's record: " + std::string(error.what()));
  }
}

Result<std::vector<EvidenceRow>> SqliteStore::ListEvidence(const std::string& study_id,
                                                           const std::string& contact_id) {
  try {
    auto rows =
        SelectEvidence("WHERE study_id = :study AND contact_id = :key", study_id, contact_id);
    // A corrupt row is left out of the list, as a corrupt contact is of its.
    std::erase_if(rows, [](const EvidenceRow& row) { return EvidenceFault(row).has_value(); });
    return rows;
  } catch (const std::exception& error) {
    return IoError("cannot read the evidence files' records: " + std::string(error.what()));
  }
}

Result<EvidenceRow> SqliteStore::FindEvidence(const std::string& study_id, int64_t id) {
  try {
    auto rows = SelectEvidence("WHERE study_id = :study AND id = CAST(:key AS INTEGER)", study_id,
                               std::to_string(id));
    if (rows.empty()) return NotFound(Msg("no evidence file {1}", id));
    if (auto fault = EvidenceFault(rows.front())) return *fault;
    return rows.front();
  } catch (const std::exception& error) {
    return IoError("cannot read the evidence file's record: " + std::string(error.what()));
  }
}

Result<EvidenceRow> SqliteStore::FindEvidenceByChange(const std::string& study_id,
                                                      const std::string& change_id) {
  try {
    auto rows = SelectEvidence("WHERE study_id = :study AND change_id = :key", study_id, change_id);
    if (rows.empty()) return NotFound(Msg("no upload '{1}'", change_id));
    if (auto fault = EvidenceFault(rows.front())) return *fault;
    return rows.front();
  } catch (const std::exception& error) {
    return IoError("cannot read the evidence file's record: " + std::string(error.what()));
  }
}

Status SqliteStore::DeleteEvidence(const std::string& study_id, int64_t id,
                                   const domain::ChangeRecord& entry) {
  try {
    soci::transaction transaction(*sql_);
    const long long key = id;
    soci::statement remove = (sql_->prepare << "DELETE FROM evidence WHERE study_id = :study AND "
                                               "id = :id",
                              soci::use(study_id), soci::use(key));
    remove.execute(true);
    if (remove.get_affected_rows() == 0) return NotFound(Msg("no evidence file {1}", id));
    InsertChangeLog(study_id, entry);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot remove the evidence file's record: " + std::string(error.what()));
  }
  return Ok();
}

Result<std::vector<std::string>> SqliteStore::ListEvidenceNames(const std::string& study_id) {
  try {
    std::vector<std::string> names;
    std::string name;
    soci::statement select =
        (sql_->prepare << "SELECT stored_name FROM evidence WHERE study_id = :study",
         soci::use(study_id), soci::into(name));
    select.execute();
    while (select.fetch()) names.push_back(name);
    return names;
  } catch (const std::exception& error) {
    return IoError("cannot read the evidence files' records: " + std::string(error.what()));
  }
}

Status SqliteStore::DeleteStudy(const std::string& study_id) {
  try {
    soci::transaction transaction(*sql_);
    int found = 0;
    *sql_ << "SELECT count(*) FROM study WHERE id = :id", soci::use(study_id), soci::into(found);
    if (found == 0) return NotFound(Msg("no study '{1}' in the database", study_id));
    // What refers to the study without a foreign key goes first; the rest
    // (fieldwork, evidence rows, publication) goes by ON DELETE CASCADE.
    *sql_ << "DELETE FROM client_change WHERE study_id = :id", soci::use(study_id);
    *sql_ << "DELETE FROM change_log WHERE study_id = :id", soci::use(study_id);
    *sql_ << "DELETE FROM invitation WHERE study_id = :id", soci::use(study_id);
    *sql_ << "DELETE FROM account WHERE role = 'participant' AND study_id = :id",
        soci::use(study_id);
    *sql_ << "DELETE FROM study WHERE id = :id", soci::use(study_id);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot delete study '" + study_id + "': " + std::string(error.what()));
  }
  return Ok();
}

}  // namespace cx::store
