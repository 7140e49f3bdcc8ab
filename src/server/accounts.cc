#include "server/accounts.h"

#include <algorithm>

#include "auth/password.h"

namespace cx::server {

Status CheckAccountLinks(store::Store& store, const domain::Account& account) {
  const auto at = account.email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= account.email.size() ||
      account.email.find_first_of(" \t\r\n") != std::string::npos) {
    return InvalidInput("an e-mail address like name@example.no is expected", "email");
  }
  if (account.name.empty()) return InvalidInput("a name is expected", "name");
  if (account.language != "nb" && account.language != "en") {
    return InvalidInput("the language is nb or en", "language");
  }
  if (account.role == domain::Role::kShopper) {
    if (account.shopper_id.empty()) {
      return InvalidInput("a shopper account needs the shopper id of the pool", "shopper");
    }
    auto shoppers = store.LoadShoppers();
    if (!shoppers) return shoppers.error();
    const bool known = std::any_of(shoppers.value().begin(), shoppers.value().end(),
                                   [&](const auto& s) { return s.id == account.shopper_id; });
    if (!known)
      return InvalidInput("no shopper '" + account.shopper_id + "' in the pool", "shopper");
  }
  if (account.role == domain::Role::kParticipant) {
    if (account.study_id.empty() || account.participant_id.empty()) {
      return InvalidInput("a participant account needs the study and the participant",
                          "participant");
    }
    auto study = store.LoadStudy(account.study_id);
    if (!study) return InvalidInput("no study '" + account.study_id + "'", "study");
    if (study.value().FindParticipant(account.participant_id) == nullptr) {
      return InvalidInput(
          "no participant '" + account.participant_id + "' in study '" + account.study_id + "'",
          "participant");
    }
  }
  return Ok();
}

Result<int64_t> AddAccount(store::Store& store, domain::Account account,
                           const std::string& password) {
  if (Status links = CheckAccountLinks(store, account); !links) return links.error();
  auto hash = auth::HashPassword(password);
  if (!hash) return hash.error();
  account.password_hash = std::move(hash).value();
  return store.CreateAccount(account);
}

}  // namespace cx::server
