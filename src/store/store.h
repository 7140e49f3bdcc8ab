#pragma once
// The storage interface. Domain code talks to this, never to SQL. SQLite
// (sqlite_store.cc) is the only backend today; another (PostgreSQL, say)
// would implement this same interface. Every method that writes is one
// transaction: all or nothing.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/account.h"
#include "domain/change_record.h"
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

// A stored row that breaks the schema's rules: an unknown enum text, a
// number that is not one or is out of range, a reference that does not
// resolve, a JSON column that does not parse. `row` is the row's primary key,
// its parts joined by '/' ("ksp2026/C-0001").
struct CorruptRow {
  std::string table;
  std::string row;
  std::string field;
  std::string expected;  // "one of phone, email_form, chat, messenger; found 'fax'"

  // The kCorruption error: "table T row K field F: expected ...".
  Error ToError() const { return Corruption(table, row, field, expected); }
  bool operator==(const CorruptRow&) const = default;
};

// What a checked load gives: the rows that passed every check (`good`), and
// one entry per fault of the rows left out (`corrupt`). A row with a fault is
// left out whole, and so is what hangs on it (a contact's answers go with the
// contact; a contact goes when its participant was left out).
template <class T>
struct Checked {
  T good;
  std::vector<CorruptRow> corrupt;
};

// A filtered, sorted page of a study's contacts: the QA queue and staff's
// assignment list. The filter and the order are SQL (sqlite_contact_query.cc),
// so a page costs the same at any study size. Empty fields match everything.
struct ContactQuery {
  enum class Sort { kSubmitted, kParticipant, kShopper, kId };
  std::vector<domain::ContactStatus> statuses;  // any of these; empty: any status
  std::string participant;                      // participant id
  std::string industry;                         // the participant's industry id
  std::string shopper;                          // shopper id
  std::optional<domain::Channel> channel;
  // Answered by the scoring rule: a measured wait within the channel's
  // maximum (docs/scoring.md); a wait beyond it is no answer.
  std::optional<bool> answered;
  // Case-insensitive (ASCII letters) substring of the company name, the
  // contact id, the shopper's id or name, or a comment's text.
  std::string search;
  // Only these contacts (the reports with an automatic QA flag, computed in
  // the domain); none: no such limit.
  std::optional<std::vector<std::string>> ids;
  // Submission time (never submitted first), the company name or the
  // shopper's name, each then by submission time and contact id; or the
  // contact id alone.
  Sort sort = Sort::kSubmitted;
  bool descending = false;
  // A cursor: the page starts after this contact in the order above (which
  // need not match the filter itself: "the next report" after one approved).
  std::string after;
  int64_t offset = 0;
  int64_t limit = 50;
};

struct ContactPage {
  int64_t total = 0;                      // contacts matching the filter, on every page
  std::vector<domain::Contact> contacts;  // this page, without answers or comments
};

// How many contacts of one participant on one channel have one status.
struct ContactCount {
  domain::ContactStatus status = domain::ContactStatus::kPlanned;
  std::string participant;
  domain::Channel channel = domain::Channel::kPhone;
  int64_t count = 0;
};

// A page of the change log, newest first, and how many entries it has in all.
struct ChangeLogPage {
  int64_t total = 0;
  std::vector<domain::ChangeRecord> entries;
};

// A change made on a shopper's device, as received and answered: the server
// keeps one per device-made id (domain::CheckChangeId).
// A published ranking (migration 0010): the document as made, public from
// `publish_at`, the study's local time "YYYY-MM-DDTHH:MM".
struct Publication {
  std::string study_id;
  std::string publish_at;
  int64_t made_by = 0;   // the account that published
  std::string made_at;   // UTC, ISO 8601
  int64_t stamp = 0;     // the change-log head the document reflects
  std::string document;  // JSON (results/public_ranking.h)
};

// A file attached to a report (migration 0011, domain/evidence.h); its
// bytes are in EvidenceFiles under `stored_name`.
struct EvidenceRow {
  int64_t id = 0;
  std::string study_id;
  std::string contact_id;
  std::string stored_name;    // generated; the only name used on disk
  std::string original_name;  // as the shopper's device named it
  std::string media_type;     // as sniffed from the content
  int64_t bytes = 0;
  std::string sha256;  // hex, of the content
  std::string uploaded_by;
  std::string uploaded_at;  // UTC, ISO 8601
  std::string change_id;    // the device's id of the upload; empty when none

  bool operator==(const EvidenceRow&) const = default;
};

struct ClientChange {
  std::string change_id;
  std::string actor;
  std::string contact_id;
  std::string request;  // method, path and body as received
  std::string reply;    // the JSON reply given
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version of the open database (after migrations).
  virtual int SchemaVersion() = 0;

  // Saves a study definition. kConflict when a study with its id exists and
  // `replace` is false; with `replace`, the old study and all its fieldwork go.
  virtual Status SaveStudy(const domain::Study& study, bool replace) = 0;
  // The study without its corrupt rows (a corrupt participant, question,
  // channel ... is left out). kCorruption when the study's own row is corrupt.
  virtual Result<domain::Study> LoadStudy(const std::string& study_id) = 0;
  // The same, with the list of rows left out.
  virtual Result<Checked<domain::Study>> LoadStudyChecked(const std::string& study_id) = 0;
  virtual Result<std::vector<StudySummary>> ListStudies() = 0;
  // Replaces one participant's channel audit (which channels it offers, how
  // easy each was to find) and appends the change's log entries, in one
  // transaction. kNotFound when the study has no such participant. The
  // contacts are left as they are: plan repair re-plans them.
  virtual Status SaveChannelAuditWithLog(const std::string& study_id,
                                         const std::string& participant_id,
                                         const std::vector<domain::ChannelAudit>& audit,
                                         const std::vector<domain::ChangeRecord>& entries) = 0;

  // Inserts or updates shoppers of the agency's pool.
  virtual Status SaveShoppers(const std::vector<domain::Shopper>& shoppers) = 0;
  // The shoppers whose rows pass the checks; LoadShoppersChecked also lists the others.
  virtual Result<std::vector<domain::Shopper>> LoadShoppers() = 0;
  virtual Result<Checked<std::vector<domain::Shopper>>> LoadShoppersChecked() = 0;

  // Inserts or replaces contacts with their answers and comments.
  virtual Status SaveContacts(const std::string& study_id,
                              const std::vector<domain::Contact>& contacts) = 0;
  // All contacts of a study, ordered by id, with answers and comments; a
  // contact with a corrupt row (its own, an answer's or a comment's, or one
  // whose participant, scenario, shopper or question is gone) is left out.
  virtual Result<std::vector<domain::Contact>> LoadContacts(const std::string& study_id) = 0;
  // The same, with the list of corrupt rows (those of the study included).
  virtual Result<Checked<std::vector<domain::Contact>>> LoadContactsChecked(
      const std::string& study_id) = 0;
  // Every corrupt row of the database: all studies with their fieldwork, the
  // shopper pool, the change log and the accounts (what `cxbench check` lists).
  virtual Result<std::vector<CorruptRow>> CheckDatabase() = 0;

  virtual Status AppendChangeLog(const std::string& study_id,
                                 const domain::ChangeRecord& entry) = 0;
  virtual Result<std::vector<domain::ChangeRecord>> LoadChangeLog(const std::string& study_id) = 0;
  // The change log of one entity (e.g. "contact", "C-0001"), oldest first.
  virtual Result<std::vector<domain::ChangeRecord>> LoadChangeLogOf(
      const std::string& study_id, const std::string& entity, const std::string& entity_id) = 0;
  // The id of the newest change-log entry (0 when empty): a cheap stamp that
  // moves whenever fieldwork changes, for caches of derived results.
  virtual Result<int64_t> ChangeLogHead() = 0;

  // One contact with its answers and comments; kNotFound when absent,
  // kCorruption (its first fault) when one of its rows is corrupt.
  virtual Result<domain::Contact> LoadContact(const std::string& study_id,
                                              const std::string& contact_id) = 0;
  // All contacts of a study without answers or comments (listings, progress);
  // corrupt contacts are left out as in LoadContacts.
  virtual Result<std::vector<domain::Contact>> LoadContactHeaders(const std::string& study_id) = 0;
  // One page of the contacts `query` selects, in its order. kNotFound when
  // `query.after` names no contact of the study. A corrupt contact is left
  // out of the page (as in LoadContactHeaders) but counted in `total`.
  virtual Result<ContactPage> QueryContacts(const std::string& study_id,
                                            const ContactQuery& query) = 0;
  // The study's contacts counted by status, participant and channel (only
  // combinations that occur), without loading them.
  virtual Result<std::vector<ContactCount>> CountContacts(const std::string& study_id) = 0;
  // One page of the study's change log, newest first; only the entries of
  // entity id `contact_id` when it is not empty.
  virtual Result<ChangeLogPage> LoadChangeLogPage(const std::string& study_id,
                                                  const std::string& contact_id, int64_t offset,
                                                  int64_t limit) = 0;
  // Replaces one contact (answers and comments included) and appends its
  // change-log entries, in one transaction: acknowledged means committed.
  virtual Status SaveContactWithLog(const std::string& study_id, const domain::Contact& contact,
                                    const std::vector<domain::ChangeRecord>& entries) = 0;
  // SaveContactWithLog and the device's change with its reply, in one
  // transaction: a change is answered as a retry only if it was applied.
  // kConflict when a change with its id is stored already.
  virtual Status SaveContactChange(const std::string& study_id, const domain::Contact& contact,
                                   const std::vector<domain::ChangeRecord>& entries,
                                   const ClientChange& change) = 0;
  // The device's change stored under `change_id`; kNotFound when none is.
  virtual Result<ClientChange> FindClientChange(const std::string& study_id,
                                                const std::string& change_id) = 0;
  // Replaces many contacts and appends all their change-log entries in one
  // transaction: when any row fails, no contact and no entry is written
  // (a plan repair is saved whole or not at all).
  virtual Status SaveContactsWithLog(const std::string& study_id,
                                     const std::vector<domain::Contact>& contacts,
                                     const std::vector<domain::ChangeRecord>& entries) = 0;

  // The study's published ranking (docs/publication.md): one a study.
  // SavePublication replaces the one there; FindPublication: kNotFound when
  // none is stored, kCorruption when its row is corrupt; DeletePublication:
  // kNotFound when none was stored.
  virtual Status SavePublication(const Publication& publication) = 0;
  virtual Result<Publication> FindPublication(const std::string& study_id) = 0;
  virtual Status DeletePublication(const std::string& study_id) = 0;

  // Evidence files of reports. AddEvidence stores the row with the change's
  // log entry in one transaction and gives its id; kConflict when the
  // study holds a row with its change_id (the caller then answers with
  // FindEvidenceByChange). ListEvidence: one contact's, oldest first.
  // FindEvidence: kNotFound when the study has no row `id`. DeleteEvidence
  // removes the row and appends the entry; kNotFound when there was none.
  // ListEvidenceNames: every stored name of the study (what its folder may
  // hold; anything else there is an orphan of a crash).
  virtual Result<int64_t> AddEvidence(const EvidenceRow& row,
                                      const domain::ChangeRecord& entry) = 0;
  virtual Result<std::vector<EvidenceRow>> ListEvidence(const std::string& study_id,
                                                        const std::string& contact_id) = 0;
  virtual Result<EvidenceRow> FindEvidence(const std::string& study_id, int64_t id) = 0;
  virtual Result<EvidenceRow> FindEvidenceByChange(const std::string& study_id,
                                                   const std::string& change_id) = 0;
  virtual Status DeleteEvidence(const std::string& study_id, int64_t id,
                                const domain::ChangeRecord& entry) = 0;
  virtual Result<std::vector<std::string>> ListEvidenceNames(const std::string& study_id) = 0;
  // Deletes a study and everything of it (fieldwork, change log, evidence
  // rows, publication, its participants' accounts); kNotFound when absent.
  virtual Status DeleteStudy(const std::string& study_id) = 0;

  // Accounts of the web app. CreateAccount: kConflict when the e-mail is taken.
  virtual Result<int64_t> CreateAccount(const domain::Account& account) = 0;
  virtual Result<domain::Account> FindAccountByEmail(const std::string& email) = 0;
  virtual Result<domain::Account> FindAccount(int64_t id) = 0;
  virtual Result<std::vector<domain::Account>> ListAccounts() = 0;
  virtual Status SetAccountLanguage(int64_t id, const std::string& language) = 0;
  // Deactivates (at `now`, ending every session of the account in the same
  // transaction) or reactivates an account; kNotFound when there is none.
  virtual Status SetAccountActive(int64_t id, bool active, const std::string& now) = 0;

  // Password resets. CreatePasswordReset replaces the account's unused
  // links (one live link an account). UsePasswordReset sets the account's
  // password hash, marks the link used and ends the account's sessions, in
  // one transaction; kConflict when the link was used meanwhile.
  virtual Status CreatePasswordReset(const domain::PasswordReset& reset) = 0;
  virtual Result<domain::PasswordReset> FindPasswordReset(const std::string& token_hash) = 0;
  virtual Status UsePasswordReset(const std::string& token_hash, const std::string& password_hash,
                                  const std::string& used_at) = 0;

  // Sessions, by the hash of their token.
  virtual Status CreateSession(const std::string& token_hash, int64_t account_id,
                               const std::string& csrf_token, const std::string& expires_at) = 0;
  struct SessionRow {
    domain::Account account;
    std::string csrf_token;
    std::string expires_at;
  };
  virtual Result<SessionRow> FindSession(const std::string& token_hash) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  // Deletes every session that expired at or before `now` (UTC ISO 8601 of
  // the form sessions are created with, so texts compare as times); the
  // number deleted.
  virtual Result<int64_t> DeleteExpiredSessions(const std::string& now) = 0;

  // Invitations. AcceptInvitation creates the account and marks the
  // invitation used in one transaction; kConflict when it was used already.
  virtual Status CreateInvitation(const domain::Invitation& invitation) = 0;
  virtual Result<domain::Invitation> FindInvitation(const std::string& token_hash) = 0;
  virtual Result<domain::Invitation> FindInvitationById(int64_t id) = 0;
  // The invitations neither used nor expired at `now` (UTC ISO 8601, the
  // form they are created with), newest first.
  virtual Result<std::vector<domain::Invitation>> ListPendingInvitations(
      const std::string& now) = 0;
  // Deletes an invitation not used yet, so its link stops working; kNotFound
  // when there is none or it was used (an account came of it).
  virtual Status RevokeInvitation(int64_t id) = 0;
  virtual Result<int64_t> AcceptInvitation(const std::string& token_hash,
                                           const domain::Account& account,
                                           const std::string& used_at) = 0;
};

// The schema version this build creates and upgrades to.
int LatestSchemaVersion();

// Opens (creating if absent) an SQLite database and brings its schema up to
// date inside one transaction. Refuses, leaving the file untouched, a file
// that is not an SQLite database, an SQLite database that is not cxbench's,
// and one made by a newer cxbench (kUnsupported).
Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path);

}  // namespace cx::store
