// Deactivating accounts and resetting passwords by link, in SQLite
// (migration 0012).
#include <soci/soci.h>

#include "store/sqlite_store_impl.h"

namespace cx::store {

Status SqliteStore::SetAccountActive(int64_t id, bool active, const std::string& now) {
  try {
    soci::transaction transaction(*sql_);
    const long long wanted = id;
    soci::indicator when = active ? soci::i_null : soci::i_ok;
    soci::statement update =
        (sql_->prepare << "UPDATE account SET deactivated_at = :at WHERE id = :id",
         soci::use(now, when), soci::use(wanted));
    update.execute(true);
    if (update.get_affected_rows() == 0) return NotFound(Msg("no account {1}", id));
    // Deactivated: logged out everywhere, now.
    if (!active) *sql_ << "DELETE FROM session WHERE account_id = :id", soci::use(wanted);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot update the account: " + std::string(error.what()));
  }
  return Ok();
}

Status SqliteStore::CreatePasswordReset(const domain::PasswordReset& reset) {
  try {
    soci::transaction transaction(*sql_);
    const long long account = reset.account_id;
    const long long by = reset.created_by;
    soci::indicator by_ind = reset.created_by > 0 ? soci::i_ok : soci::i_null;
    *sql_ << "DELETE FROM password_reset WHERE account_id = :account AND used_at IS NULL",
        soci::use(account);
    *sql_ << "INSERT INTO password_reset (token_hash, account_id, created_by, expires_at) VALUES "
             "(:hash, :account, :by, :expires)",
        soci::use(reset.token_hash), soci::use(account), soci::use(by, by_ind),
        soci::use(reset.expires_at);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot create the password reset: " + std::string(error.what()));
  }
  return Ok();
}

Result<domain::PasswordReset> SqliteStore::FindPasswordReset(const std::string& token_hash) {
  try {
    domain::PasswordReset reset;
    long long account = 0, by = 0;
    soci::indicator found = soci::i_null, by_ind = soci::i_null, used_ind = soci::i_null;
    *sql_ << "SELECT account_id, created_by, expires_at, used_at FROM password_reset WHERE "
             "token_hash = :hash",
        soci::use(token_hash), soci::into(account, found), soci::into(by, by_ind),
        soci::into(reset.expires_at), soci::into(reset.used_at, used_ind);
    if (!sql_->got_data() || found != soci::i_ok) return NotFound(Msg("no such password reset"));
    reset.token_hash = token_hash;
    reset.account_id = account;
    reset.created_by = by_ind == soci::i_ok ? by : 0;
    if (used_ind != soci::i_ok) reset.used_at.clear();
    return reset;
  } catch (const std::exception& error) {
    return IoError("cannot read password resets: " + std::string(error.what()));
  }
}

Status SqliteStore::UsePasswordReset(const std::string& token_hash,
                                     const std::string& password_hash, const std::string& used_at) {
  try {
    soci::transaction transaction(*sql_);
    long long account = 0;
    soci::indicator found = soci::i_null;
    *sql_ << "SELECT account_id FROM password_reset WHERE token_hash = :hash AND used_at IS NULL",
        soci::use(token_hash), soci::into(account, found);
    if (!sql_->got_data() || found != soci::i_ok) {
      return Conflict(Msg("the password reset link was used already"), "token");
    }
    *sql_ << "UPDATE password_reset SET used_at = :at WHERE token_hash = :hash", soci::use(used_at),
        soci::use(token_hash);
    *sql_ << "UPDATE account SET password_hash = :hash WHERE id = :id", soci::use(password_hash),
        soci::use(account);
    *sql_ << "DELETE FROM session WHERE account_id = :id", soci::use(account);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot set the password: " + std::string(error.what()));
  }
  return Ok();
}

}  // namespace cx::store
