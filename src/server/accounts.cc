#include "server/accounts.h"

#include <algorithm>

#include "auth/password.h"
#include "i18n/translator.h"

namespace cx::server {

Status PrepareAccountFields(domain::Account& account) {
  account.email = domain::NormalizeEmail(account.email);
  if (Status email = domain::CheckEmail(account.email); !email) return email;
  if (account.name.empty()) account.name = account.email;
  if (!domain::DecodeUtf8(account.name))
    return InvalidInput(Msg("the name is not valid UTF-8"), "name");
  if (!i18n::IsInterfaceLanguage(account.language)) {
    return InvalidInput(Msg("the language is nb, sv, da or en"), "language");
  }
  return Ok();
}

Status CheckAccountLinks(store::Store& store, const domain::Account& account) {
  if (account.role == domain::Role::kShopper) {
    if (account.shopper_id.empty()) {
      return InvalidInput(Msg("a shopper account needs the shopper id of the pool"), "shopper");
    }
    auto shoppers = store.LoadShoppers();
    if (!shoppers) return shoppers.error();
    const bool known = std::any_of(shoppers.value().begin(), shoppers.value().end(),
                                   [&](const auto& s) { return s.id == account.shopper_id; });
    if (!known)
      return InvalidInput(Msg("no shopper '{1}' in the pool", account.shopper_id), "shopper");
  }
  if (account.role == domain::Role::kParticipant) {
    if (account.study_id.empty() || account.participant_id.empty()) {
      return InvalidInput(Msg("a participant account needs the study and the participant"),
                          "participant");
    }
    auto study = store.LoadStudy(account.study_id);
    if (!study) return InvalidInput(Msg("no study '{1}'", account.study_id), "study");
    if (study.value().FindParticipant(account.participant_id) == nullptr) {
      return InvalidInput(
          Msg("no participant '{1}' in study '{2}'", account.participant_id, account.study_id),
          "participant");
    }
  }
  return Ok();
}

Result<int64_t> AddAccount(store::Store& store, domain::Account account,
                           const std::string& password) {
  if (Status fields = PrepareAccountFields(account); !fields) return fields.error();
  if (Status links = CheckAccountLinks(store, account); !links) return links.error();
  auto hash = auth::HashPassword(password, {account.email, account.name});
  if (!hash) return hash.error();
  account.password_hash = std::move(hash).value();
  return store.CreateAccount(account);
}

}  // namespace cx::server
