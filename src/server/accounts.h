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

// Normalises the e-mail (domain::NormalizeEmail) and checks it
// (domain::CheckEmail), the name (the e-mail when empty) and the language.
// Needs no store: callers run it before taking the store's lock.
Status PrepareAccountFields(domain::Account& account);

// Checks the role's links against the store: a shopper of the pool, a
// participant of the study.
Status CheckAccountLinks(store::Store& store, const domain::Account& account);

// All of the above, then the password (auth::CheckPassword), its hash and
// the insert. Errors name the field: "email", "name", "language", "role",
// "shopper", "participant", "password". Hashes while the caller holds
// whatever it holds: for the CLI; the server hashes outside its lock.
Result<int64_t> AddAccount(store::Store& store, domain::Account account,
                           const std::string& password);

}  // namespace cx::server
