#pragma once
// Creating accounts, shared by `cxbench user add`, the admin API and
// invitations: the e-mail, the role's link (a shopper of the pool, a
// participant of a study) and the password are checked, the password hashed
// with argon2id, and the account stored.

#include <string>

#include "core/result.h"
#include "domain/account.h"
#include "store/store.h"

namespace cx::server {

// Errors name the field: "email", "role", "shopper", "participant", "password".
Result<int64_t> AddAccount(store::Store& store, domain::Account account,
                           const std::string& password);

// Checks everything AddAccount checks except the password.
Status CheckAccountLinks(store::Store& store, const domain::Account& account);

}  // namespace cx::server
