// Accounts, sessions and invitations of the web app in SQLite, and the
// change-log head the web app caches results by.
#include <soci/soci.h>

#include "store/row_check.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {
namespace {

constexpr const char* kAccountColumns =
    "id, email, name, role, shopper_id, study_id, participant_id, language, password_hash, "
    "deactivated_at";

struct AccountRow {
  long long id = 0;
  std::string email, name, role, shopper_id, study_id, participant_id, language, password_hash,
      deactivated_at;
  soci::indicator shopper_ind = soci::i_null, study_ind = soci::i_null,
                  participant_ind = soci::i_null, deactivated_ind = soci::i_null;

  // The row's faults: an unknown role, or a shopper or participant account
  // without the id its role needs. (References to other tables are checked
  // by CheckAccounts, which reads them.)
  RowCheck Check() const {
    RowCheck check("account", std::to_string(id));
    const auto parsed = check.Enum("role", role, domain::ParseRole,
                                   "admin, manager, shopper, participant", domain::Role::kShopper);
    if (check.ok() && parsed == domain::Role::kShopper && shopper_ind != soci::i_ok) {
      check.Fault("shopper_id", "the shopper of a shopper account, found NULL");
    }
    if (check.ok() && parsed == domain::Role::kParticipant &&
        (study_ind != soci::i_ok || participant_ind != soci::i_ok)) {
      check.Fault(study_ind != soci::i_ok ? "study_id" : "participant_id",
                  "the study and participant of a participant account, found NULL");
    }
    return check;
  }

  // The account, or its first fault as a kCorruption error.
  Result<domain::Account> ToCheckedAccount() const {
    const RowCheck check = Check();
    if (!check.ok()) return check.faults().front().ToError();
    return ToAccount();
  }

  domain::Account ToAccount() const {
    domain::Account account;
    account.id = id;
    account.email = email;
    account.name = name;
    account.role = domain::ParseRole(role).value_or(domain::Role::kShopper);
    if (shopper_ind == soci::i_ok) account.shopper_id = shopper_id;
    if (study_ind == soci::i_ok) account.study_id = study_id;
    if (participant_ind == soci::i_ok) account.participant_id = participant_id;
    account.language = language;
    account.password_hash = password_hash;
    if (deactivated_ind == soci::i_ok) account.deactivated_at = deactivated_at;
    return account;
  }
};

// Binds the columns of kAccountColumns, in order, for a SELECT.
soci::details::prepare_temp_type& IntoAccount(soci::details::prepare_temp_type& statement,
                                              AccountRow& row) {
  statement, soci::into(row.id), soci::into(row.email), soci::into(row.name), soci::into(row.role),
      soci::into(row.shopper_id, row.shopper_ind), soci::into(row.study_id, row.study_ind),
      soci::into(row.participant_id, row.participant_ind), soci::into(row.language),
      soci::into(row.password_hash), soci::into(row.deactivated_at, row.deactivated_ind);
  return statement;
}

soci::indicator NullIfEmpty(const std::string& text) {
  return text.empty() ? soci::i_null : soci::i_ok;
}

// rowid is the invitation's id: the table's primary key is the token's hash,
// which staff never see.
constexpr const char* kInvitationColumns =
    "rowid, token_hash, email, role, shopper_id, study_id, participant_id, created_by, "
    "expires_at, used_at";

struct InvitationRow {
  long long id = 0, created_by = 0;
  std::string token_hash, email, role, shopper_id, study_id, participant_id, expires_at, used_at;
  soci::indicator shopper_ind = soci::i_null, study_ind = soci::i_null,
                  participant_ind = soci::i_null, by_ind = soci::i_null, used_ind = soci::i_null;

  Result<domain::Invitation> ToCheckedInvitation() const {
    const auto parsed = domain::ParseRole(role);
    if (!parsed) {
      return Corruption(
          "invitation", token_hash, "role",
          "one of admin, manager, shopper, participant, found " + RowCheck::Quote(role));
    }
    domain::Invitation invitation;
    invitation.id = id;
    invitation.token_hash = token_hash;
    invitation.email = email;
    invitation.role = *parsed;
    if (shopper_ind == soci::i_ok) invitation.shopper_id = shopper_id;
    if (study_ind == soci::i_ok) invitation.study_id = study_id;
    if (participant_ind == soci::i_ok) invitation.participant_id = participant_id;
    invitation.created_by = by_ind == soci::i_ok ? created_by : 0;
    invitation.expires_at = expires_at;
    if (used_ind == soci::i_ok) invitation.used_at = used_at;
    return invitation;
  }
};

// Binds the columns of kInvitationColumns, in order, for a SELECT.
soci::details::prepare_temp_type& IntoInvitation(soci::details::prepare_temp_type& statement,
                                                 InvitationRow& row) {
  statement, soci::into(row.id), soci::into(row.token_hash), soci::into(row.email),
      soci::into(row.role), soci::into(row.shopper_id, row.shopper_ind),
      soci::into(row.study_id, row.study_ind), soci::into(row.participant_id, row.participant_ind),
      soci::into(row.created_by, row.by_ind), soci::into(row.expires_at),
      soci::into(row.used_at, row.used_ind);
  return statement;
}

bool IsUniqueViolation(const std::exception& error) {
  return std::string(error.what()).find("UNIQUE constraint failed") != std::string::npos;
}

}  // namespace

int64_t SqliteStore::InsertAccount(const domain::Account& account) {
  const std::string role(domain::ToString(account.role));
  soci::indicator shopper_ind = NullIfEmpty(account.shopper_id);
  soci::indicator study_ind = NullIfEmpty(account.study_id);
  soci::indicator participant_ind = NullIfEmpty(account.participant_id);
  *sql_ << "INSERT INTO account (email, name, role, shopper_id, study_id, participant_id, "
           "language, password_hash) VALUES (:email, :name, :role, :shopper, :study, "
           ":participant, :language, :hash)",
      soci::use(account.email), soci::use(account.name), soci::use(role),
      soci::use(account.shopper_id, shopper_ind), soci::use(account.study_id, study_ind),
      soci::use(account.participant_id, participant_ind), soci::use(account.language),
      soci::use(account.password_hash);
  long long id = 0;
  *sql_ << "SELECT last_insert_rowid()", soci::into(id);
  return id;
}

Result<int64_t> SqliteStore::CreateAccount(const domain::Account& account) {
  try {
    soci::transaction transaction(*sql_);
    const int64_t id = InsertAccount(account);
    transaction.commit();
    return id;
  } catch (const std::exception& error) {
    if (IsUniqueViolation(error)) {
      return Conflict(Msg("an account with e-mail '{1}' exists already", account.email), "email");
    }
    return IoError("cannot create the account: " + std::string(error.what()));
  }
}

Result<domain::Account> SqliteStore::FindAccountByEmail(const std::string& email) {
  try {
    AccountRow row;
    auto statement =
        (sql_->prepare << "SELECT " << kAccountColumns << " FROM account WHERE email = :email",
         soci::use(email));
    IntoAccount(statement, row);
    soci::statement select = statement;
    select.execute();
    if (!select.fetch()) return NotFound(Msg("no account with e-mail '{1}'", email));
    return row.ToCheckedAccount();
  } catch (const std::exception& error) {
    return IoError("cannot read accounts: " + std::string(error.what()));
  }
}

Result<domain::Account> SqliteStore::FindAccount(int64_t id) {
  try {
    AccountRow row;
    const long long wanted = id;
    auto statement =
        (sql_->prepare << "SELECT " << kAccountColumns << " FROM account WHERE id = :id",
         soci::use(wanted));
    IntoAccount(statement, row);
    soci::statement select = statement;
    select.execute();
    if (!select.fetch()) return NotFound(Msg("no account {1}", id));
    return row.ToCheckedAccount();
  } catch (const std::exception& error) {
    return IoError("cannot read accounts: " + std::string(error.what()));
  }
}

Result<std::vector<domain::Account>> SqliteStore::ListAccounts() {
  std::vector<domain::Account> accounts;
  try {
    AccountRow row;
    auto statement = (sql_->prepare << "SELECT " << kAccountColumns << " FROM account ORDER BY id");
    IntoAccount(statement, row);
    soci::statement select = statement;
    select.execute();
    // A corrupt account is left out of the list (CheckDatabase names it).
    while (select.fetch()) {
      if (row.Check().ok()) accounts.push_back(row.ToAccount());
    }
  } catch (const std::exception& error) {
    return IoError("cannot read accounts: " + std::string(error.what()));
  }
  return accounts;
}

Status SqliteStore::SetAccountLanguage(int64_t id, const std::string& language) {
  try {
    const long long wanted = id;
    *sql_ << "UPDATE account SET language = :language WHERE id = :id", soci::use(language),
        soci::use(wanted);
  } catch (const std::exception& error) {
    return IoError("cannot update the account: " + std::string(error.what()));
  }
  return Ok();
}

Status SqliteStore::CreateSession(const std::string& token_hash, int64_t account_id,
                                  const std::string& csrf_token, const std::string& expires_at) {
  try {
    const long long account = account_id;
    *sql_ << "INSERT INTO session (token_hash, account_id, csrf_token, expires_at) VALUES "
             "(:hash, :account, :csrf, :expires)",
        soci::use(token_hash), soci::use(account), soci::use(csrf_token), soci::use(expires_at);
  } catch (const std::exception& error) {
    return IoError("cannot create the session: " + std::string(error.what()));
  }
  return Ok();
}

Result<Store::SessionRow> SqliteStore::FindSession(const std::string& token_hash) {
  try {
    long long account_id = 0;
    SessionRow session;
    soci::indicator found = soci::i_null;
    *sql_ << "SELECT account_id, csrf_token, expires_at FROM session WHERE token_hash = :hash",
        soci::use(token_hash), soci::into(account_id, found), soci::into(session.csrf_token),
        soci::into(session.expires_at);
    if (!sql_->got_data() || found != soci::i_ok) return NotFound(Msg("no such session"));
    auto account = FindAccount(account_id);
    if (!account) return account.error();
    session.account = std::move(account).value();
    return session;
  } catch (const std::exception& error) {
    return IoError("cannot read sessions: " + std::string(error.what()));
  }
}

Status SqliteStore::DeleteSession(const std::string& token_hash) {
  try {
    *sql_ << "DELETE FROM session WHERE token_hash = :hash", soci::use(token_hash);
  } catch (const std::exception& error) {
    return IoError("cannot delete the session: " + std::string(error.what()));
  }
  return Ok();
}

Result<int64_t> SqliteStore::DeleteExpiredSessions(const std::string& now) {
  try {
    soci::statement remove =
        (sql_->prepare << "DELETE FROM session WHERE expires_at <= :now", soci::use(now));
    remove.execute(true);
    return static_cast<int64_t>(remove.get_affected_rows());
  } catch (const std::exception& error) {
    return IoError("cannot delete expired sessions: " + std::string(error.what()));
  }
}

Status SqliteStore::CreateInvitation(const domain::Invitation& invitation) {
  try {
    const std::string role(domain::ToString(invitation.role));
    const long long created_by = invitation.created_by;
    soci::indicator shopper_ind = NullIfEmpty(invitation.shopper_id);
    soci::indicator study_ind = NullIfEmpty(invitation.study_id);
    soci::indicator participant_ind = NullIfEmpty(invitation.participant_id);
    *sql_ << "INSERT INTO invitation (token_hash, email, role, shopper_id, study_id, "
             "participant_id, created_by, expires_at) VALUES (:hash, :email, :role, :shopper, "
             ":study, :participant, :by, :expires)",
        soci::use(invitation.token_hash), soci::use(invitation.email), soci::use(role),
        soci::use(invitation.shopper_id, shopper_ind), soci::use(invitation.study_id, study_ind),
        soci::use(invitation.participant_id, participant_ind), soci::use(created_by),
        soci::use(invitation.expires_at);
  } catch (const std::exception& error) {
    return IoError("cannot create the invitation: " + std::string(error.what()));
  }
  return Ok();
}

Result<domain::Invitation> SqliteStore::FindInvitation(const std::string& token_hash) {
  try {
    InvitationRow row;
    auto statement = (sql_->prepare << "SELECT " << kInvitationColumns
                                    << " FROM invitation WHERE token_hash = :hash",
                      soci::use(token_hash));
    IntoInvitation(statement, row);
    soci::statement select = statement;
    select.execute();
    if (!select.fetch()) return NotFound(Msg("no such invitation"));
    return row.ToCheckedInvitation();
  } catch (const std::exception& error) {
    return IoError("cannot read invitations: " + std::string(error.what()));
  }
}

Result<domain::Invitation> SqliteStore::FindInvitationById(int64_t id) {
  try {
    InvitationRow row;
    const long long wanted = id;
    auto statement =
        (sql_->prepare << "SELECT " << kInvitationColumns << " FROM invitation WHERE rowid = :id",
         soci::use(wanted));
    IntoInvitation(statement, row);
    soci::statement select = statement;
    select.execute();
    if (!select.fetch()) return NotFound(Msg("no such invitation"));
    return row.ToCheckedInvitation();
  } catch (const std::exception& error) {
    return IoError("cannot read invitations: " + std::string(error.what()));
  }
}

Result<std::vector<domain::Invitation>> SqliteStore::ListPendingInvitations(
    const std::string& now) {
  std::vector<domain::Invitation> pending;
  try {
    InvitationRow row;
    auto statement = (sql_->prepare << "SELECT " << kInvitationColumns
                                    << " FROM invitation WHERE used_at IS NULL AND "
                                       "expires_at > :now ORDER BY rowid DESC",
                      soci::use(now));
    IntoInvitation(statement, row);
    soci::statement select = statement;
    select.execute();
    while (select.fetch()) {
      auto invitation = row.ToCheckedInvitation();
      if (!invitation) return invitation.error();
      pending.push_back(std::move(invitation).value());
    }
  } catch (const std::exception& error) {
    return IoError("cannot read invitations: " + std::string(error.what()));
  }
  return pending;
}

Status SqliteStore::RevokeInvitation(int64_t id) {
  try {
    const long long wanted = id;
    soci::statement revoke =
        (sql_->prepare << "DELETE FROM invitation WHERE rowid = :id AND used_at IS NULL",
         soci::use(wanted));
    revoke.execute(true);
    if (revoke.get_affected_rows() != 1) {
      return NotFound(Msg("no such invitation"));
    }
  } catch (const std::exception& error) {
    return IoError("cannot revoke the invitation: " + std::string(error.what()));
  }
  return Ok();
}

Result<int64_t> SqliteStore::AcceptInvitation(const std::string& token_hash,
                                              const domain::Account& account,
                                              const std::string& used_at) {
  try {
    soci::transaction transaction(*sql_);
    soci::statement mark =
        (sql_->prepare << "UPDATE invitation SET used_at = :at WHERE token_hash = :hash AND "
                          "used_at IS NULL",
         soci::use(used_at), soci::use(token_hash));
    mark.execute(true);
    if (mark.get_affected_rows() != 1) {
      return Conflict(Msg("the invitation was used already"));
    }
    const int64_t id = InsertAccount(account);
    transaction.commit();
    return id;
  } catch (const std::exception& error) {
    if (IsUniqueViolation(error)) {
      return Conflict(Msg("an account with e-mail '{1}' exists already", account.email), "email");
    }
    return IoError("cannot accept the invitation: " + std::string(error.what()));
  }
}

void SqliteStore::CheckAccounts(std::vector<CorruptRow>& corrupt) {
  AccountRow row;
  auto statement = (sql_->prepare << "SELECT " << kAccountColumns << " FROM account ORDER BY id");
  IntoAccount(statement, row);
  soci::statement select = statement;
  select.execute();
  std::vector<AccountRow> rows;
  while (select.fetch()) rows.push_back(row);
  for (const auto& account : rows) {
    RowCheck check = account.Check();
    if (check.ok() && account.shopper_ind == soci::i_ok) {
      int found = 0;
      *sql_ << "SELECT count(*) FROM shopper WHERE id = :id", soci::use(account.shopper_id),
          soci::into(found);
      check.Reference("shopper_id", account.shopper_id, found > 0, "shopper");
    }
    if (check.ok() && account.role == "participant") {
      int found = 0;
      *sql_ << "SELECT count(*) FROM participant WHERE study_id = :study AND id = :id",
          soci::use(account.study_id), soci::use(account.participant_id), soci::into(found);
      check.Reference("participant_id", account.study_id + "/" + account.participant_id, found > 0,
                      "participant");
    }
    check.MoveTo(corrupt);
  }
  std::string token_hash, role;
  soci::statement invitations =
      (sql_->prepare << "SELECT token_hash, role FROM invitation ORDER BY token_hash",
       soci::into(token_hash), soci::into(role));
  invitations.execute();
  while (invitations.fetch()) {
    RowCheck check("invitation", token_hash);
    check.Enum("role", role, domain::ParseRole, "admin, manager, shopper, participant",
               domain::Role::kShopper);
    check.MoveTo(corrupt);
  }
}

Result<int64_t> SqliteStore::ChangeLogHead() {
  try {
    long long head = 0;
    soci::indicator ind = soci::i_null;
    *sql_ << "SELECT max(id) FROM change_log", soci::into(head, ind);
    return ind == soci::i_ok ? head : 0;
  } catch (const std::exception& error) {
    return IoError("cannot read the change log: " + std::string(error.what()));
  }
}

}  // namespace cx::store
