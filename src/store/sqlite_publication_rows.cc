// The published ranking of a study in SQLite (migration 0010).
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "store/row_check.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {
namespace {

// The row's first fault, if any: the document must be a JSON object and the
// publication time a local date-time, or the public page cannot be served.
std::optional<Error> PublicationFault(const Publication& publication) {
  if (!LocalDateTime::Parse(publication.publish_at)) {
    return Corruption(
        "publication", publication.study_id, "publish_at",
        "a local date-time YYYY-MM-DDTHH:MM, found " + RowCheck::Quote(publication.publish_at));
  }
  const auto document = nlohmann::json::parse(publication.document, nullptr, false);
  if (!document.is_object()) {
    return Corruption("publication", publication.study_id, "document", "a JSON object");
  }
  return std::nullopt;
}

}  // namespace

Status SqliteStore::SavePublication(const Publication& publication) {
  try {
    const long long made_by = publication.made_by;
    const long long stamp = publication.stamp;
    *sql_ << "INSERT INTO publication (study_id, publish_at, made_by, made_at, stamp, document) "
             "VALUES (:study, :publish_at, :made_by, :made_at, :stamp, :document) "
             "ON CONFLICT (study_id) DO UPDATE SET publish_at = excluded.publish_at, "
             "made_by = excluded.made_by, made_at = excluded.made_at, stamp = excluded.stamp, "
             "document = excluded.document",
        soci::use(publication.study_id), soci::use(publication.publish_at), soci::use(made_by),
        soci::use(publication.made_at), soci::use(stamp), soci::use(publication.document);
  } catch (const std::exception& error) {
    return IoError("cannot save the publication: " + std::string(error.what()));
  }
  return Ok();
}

Result<Publication> SqliteStore::FindPublication(const std::string& study_id) {
  try {
    Publication publication;
    long long made_by = 0, stamp = 0;
    soci::indicator found = soci::i_null;
    *sql_ << "SELECT study_id, publish_at, made_by, made_at, stamp, document FROM publication "
             "WHERE study_id = :study",
        soci::use(study_id), soci::into(publication.study_id, found),
        soci::into(publication.publish_at), soci::into(made_by), soci::into(publication.made_at),
        soci::into(stamp), soci::into(publication.document);
    if (!sql_->got_data() || found != soci::i_ok) {
      return NotFound(Msg("study '{1}' has no published ranking", study_id));
    }
    publication.made_by = made_by;
    publication.stamp = stamp;
    if (auto fault = PublicationFault(publication)) return *fault;
    return publication;
  } catch (const std::exception& error) {
    return IoError("cannot read the publication: " + std::string(error.what()));
  }
}

Status SqliteStore::DeletePublication(const std::string& study_id) {
  try {
    soci::statement remove =
        (sql_->prepare << "DELETE FROM publication WHERE study_id = :study", soci::use(study_id));
    remove.execute(true);
    if (remove.get_affected_rows() == 0) {
      return NotFound(Msg("study '{1}' has no published ranking", study_id));
    }
  } catch (const std::exception& error) {
    return IoError("cannot withdraw the publication: " + std::string(error.what()));
  }
  return Ok();
}

}  // namespace cx::store
