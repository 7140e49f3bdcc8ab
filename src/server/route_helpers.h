#pragma once
// Private to server/: what the route files share.

#include <string>
#include <vector>

#include "core/result.h"
#include "domain/account.h"
#include "server/api.h"

namespace cx::server {

using domain::Role;
inline const std::vector<Role> kEveryone = {Role::kAdmin, Role::kManager, Role::kShopper,
                                            Role::kParticipant};
inline const std::vector<Role> kStaff = {Role::kAdmin, Role::kManager};
inline const std::vector<Role> kShopperOrStaff = {Role::kAdmin, Role::kManager, Role::kShopper};
inline const std::vector<Role> kParticipantOrStaff = {Role::kAdmin, Role::kManager,
                                                      Role::kParticipant};

inline bool IsStaff(const domain::Account& account) {
  return account.role == Role::kAdmin || account.role == Role::kManager;
}

// The problem for a store error: 404 not found, 409 conflict, 400 bad input,
// 500 otherwise (with a generic detail: internals stay in the log).
Reply ProblemFor(const Error& error);

// A reply with this JSON body and status.
inline Reply Json(nlohmann::json body, int status = 200) {
  Reply reply;
  reply.status = status;
  reply.body = std::move(body);
  return reply;
}

// A schema object of required string properties, for the OpenAPI document.
nlohmann::json StringsSchema(const std::vector<std::string>& required,
                             const std::vector<std::string>& optional = {});

}  // namespace cx::server
