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
  Result<Checked<domain::Study>> LoadStudyChecked(const std::string& study_id) override;
  Result<std::vector<StudySummary>> ListStudies() override;
  Status SaveChannelAuditWithLog(const std::string& study_id, const std::string& participant_id,
                                 const std::vector<domain::ChannelAudit>& audit,
                                 const std::vector<domain::ChangeRecord>& entries) override;
  Status SaveShoppers(const std::vector<domain::Shopper>& shoppers) override;
  Result<std::vector<domain::Shopper>> LoadShoppers() override;
  Result<Checked<std::vector<domain::Shopper>>> LoadShoppersChecked() override;
  Status SaveContacts(const std::string& study_id,
                      const std::vector<domain::Contact>& contacts) override;
  Result<std::vector<domain::Contact>> LoadContacts(const std::string& study_id) override;
  Result<Checked<std::vector<domain::Contact>>> LoadContactsChecked(
      const std::string& study_id) override;
  Result<std::vector<CorruptRow>> CheckDatabase() override;
  Status AppendChangeLog(const std::string& study_id, const domain::ChangeRecord& entry) override;
  Result<std::vector<domain::ChangeRecord>> LoadChangeLog(const std::string& study_id) override;

  Result<std::vector<domain::ChangeRecord>> LoadChangeLogOf(const std::string& study_id,
                                                            const std::string& entity,
                                                            const std::string& entity_id) override;
  Result<int64_t> ChangeLogHead() override;
  Result<domain::Contact> LoadContact(const std::string& study_id,
                                      const std::string& contact_id) override;
  Result<std::vector<domain::Contact>> LoadContactHeaders(const std::string& study_id) override;
  Result<ContactPage> QueryContacts(const std::string& study_id,
                                    const ContactQuery& query) override;
  Result<std::vector<ContactCount>> CountContacts(const std::string& study_id) override;
  Result<ChangeLogPage> LoadChangeLogPage(const std::string& study_id,
                                          const std::string& contact_id, int64_t offset,
                                          int64_t limit) override;
  Status SaveContactWithLog(const std::string& study_id, const domain::Contact& contact,
                            const std::vector<domain::ChangeRecord>& entries) override;
  Status SaveContactChange(const std::string& study_id, const domain::Contact& contact,
                           const std::vector<domain::ChangeRecord>& entries,
                           const ClientChange& change) override;
  Result<ClientChange> FindClientChange(const std::string& study_id,
                                        const std::string& change_id) override;
  Status SaveContactsWithLog(const std::string& study_id,
                             const std::vector<domain::Contact>& contacts,
                             const std::vector<domain::ChangeRecord>& entries) override;
  Status SavePublication(const Publication& publication) override;
  Result<Publication> FindPublication(const std::string& study_id) override;
  Status DeletePublication(const std::string& study_id) override;
  Result<int64_t> AddEvidence(const EvidenceRow& row, const domain::ChangeRecord& entry) override;
  Result<std::vector<EvidenceRow>> ListEvidence(const std::string& study_id,
                                                const std::string& contact_id) override;
  Result<EvidenceRow> FindEvidence(const std::string& study_id, int64_t id) override;
  Result<EvidenceRow> FindEvidenceByChange(const std::string& study_id,
                                           const std::string& change_id) override;
  Status DeleteEvidence(const std::string& study_id, int64_t id,
                        const domain::ChangeRecord& entry) override;
  Result<std::vector<std::string>> ListEvidenceNames(const std::string& study_id) override;
  Status DeleteStudy(const std::string& study_id) override;
  Result<int64_t> CreateAccount(const domain::Account& account) override;
  Result<domain::Account> FindAccountByEmail(const std::string& email) override;
  Result<domain::Account> FindAccount(int64_t id) override;
  Result<std::vector<domain::Account>> ListAccounts() override;
  Status SetAccountLanguage(int64_t id, const std::string& language) override;
  Status SetAccountActive(int64_t id, bool active, const std::string& now) override;
  Status CreatePasswordReset(const domain::PasswordReset& reset) override;
  Result<domain::PasswordReset> FindPasswordReset(const std::string& token_hash) override;
  Status UsePasswordReset(const std::string& token_hash, const std::string& password_hash,
                          const std::string& used_at) override;
  Status CreateSession(const std::string& token_hash, int64_t account_id,
                       const std::string& csrf_token, const std::string& expires_at) override;
  Result<SessionRow> FindSession(const std::string& token_hash) override;
  Status DeleteSession(const std::string& token_hash) override;
  Result<int64_t> DeleteExpiredSessions(const std::string& now) override;
  Status CreateInvitation(const domain::Invitation& invitation) override;
  Result<domain::Invitation> FindInvitation(const std::string& token_hash) override;
  Result<domain::Invitation> FindInvitationById(int64_t id) override;
  Result<std::vector<domain::Invitation>> ListPendingInvitations(const std::string& now) override;
  Status RevokeInvitation(int64_t id) override;
  Result<int64_t> AcceptInvitation(const std::string& token_hash, const domain::Account& account,
                                   const std::string& used_at) override;

  soci::session& sql() { return *sql_; }

 private:
  // The evidence rows `where` selects (a condition on study_id, contact_id,
  // id or change_id bound as :study and :key), in id order.
  std::vector<EvidenceRow> SelectEvidence(const std::string& where, const std::string& study_id,
                                          const std::string& key);
  void InsertStudyRows(const domain::Study& study);
  void InsertChangeLog(const std::string& study_id, const domain::ChangeRecord& entry);
  // The study's change log, or one entity's when `entity` is not empty.
  Result<std::vector<domain::ChangeRecord>> ReadChangeLog(const std::string& study_id,
                                                          const std::string& entity,
                                                          const std::string& entity_id);
  // Writes contacts inside the caller's transaction.
  void WriteContacts(const std::string& study_id, const std::vector<domain::Contact>& contacts);
  // The read path checks every row against the schema's rules (row_check.h):
  // a row that breaks one is left out and its faults are added to `corrupt`.
  // These throw on a database error.
  //
  // The study's rows; NotFound when there is no such study.
  Result<domain::Study> ReadStudy(const std::string& study_id, std::vector<CorruptRow>& corrupt);
  void ReadParticipants(domain::Study& study, std::vector<CorruptRow>& corrupt);
  void ReadQuestions(domain::Study& study, std::vector<CorruptRow>& corrupt);
  std::vector<domain::Shopper> ReadShoppers(std::vector<CorruptRow>& corrupt);
  // Contacts of `study` (all, or only `only_id` when not empty; with
  // `only_is_list`, `only_id` is a JSON array of ids), with or
  // without answers and comments. A contact is left out when one of its rows
  // is corrupt or when it refers to a participant, scenario, channel or
  // shopper that `study` and `shoppers` do not have.
  std::vector<domain::Contact> ReadContacts(const domain::Study& study,
                                            const std::vector<domain::Shopper>& shoppers,
                                            const std::string& only_id, bool with_answers,
                                            std::vector<CorruptRow>& corrupt,
                                            bool only_is_list = false);
  // ReadContacts after reading the study and the shoppers it checks against,
  // their faults included in `corrupt`.
  std::vector<domain::Contact> ReadStudyContacts(const std::string& study_id,
                                                 const std::string& only_id, bool with_answers,
                                                 std::vector<CorruptRow>& corrupt);
  void CheckAccounts(std::vector<CorruptRow>& corrupt);
  int64_t InsertAccount(const domain::Account& account);
  std::unique_ptr<soci::session> sql_;
};

}  // namespace cx::store
