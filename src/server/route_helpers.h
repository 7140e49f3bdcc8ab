#pragma once
// Private to server/: what the route files share.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/account.h"
#include "domain/fieldwork_service.h"
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

// The one mapping of a fieldwork error to a reply: 409 when the contact's
// status forbids the operation, 400 for input that could not be read, 422
// for values that break the study's rules. A problem naming every field
// ("errors") when the error lists fields, else one naming its field.
Reply ProblemFor(const domain::FieldworkError& error);

class App;

// Who may change a contact through a route: its own shopper (anyone else,
// staff too, gets 404 as if it did not exist), or staff.
enum class ContactAccess { kOwnShopper, kStaffOnly };

using ContactOperation =
    std::function<domain::ContactOutcome(const domain::Contact&, const domain::Stamp&)>;

// The one shape of every route that changes a contact: load contact
// {id}, run `operation` as the caller (e-mail) at the time now, store the new
// contact with its change records in one transaction (nothing when nothing
// changed), and reply with the contact as ContactJson gives it (with
// "already_submitted" on a repeated submission). Holds app.mutex() throughout.
Reply ChangeContact(App& app, ApiRequest& request, ContactAccess access,
                    const ContactOperation& operation);

// A reply with this JSON body and status.
inline Reply Json(nlohmann::json body, int status = 200) {
  Reply reply;
  reply.status = status;
  reply.body = std::move(body);
  return reply;
}

// A page of a listing asked for with ?page= (from 1) and ?per_page=
// (1..max); every list route is paged so that no reply grows with the study.
struct PageRequest {
  int64_t page = 1;
  int64_t per_page = 50;
  int64_t Offset() const { return (page - 1) * per_page; }
};
inline constexpr int64_t kDefaultPerPage = 50;
inline constexpr int64_t kMaxPerPage = 200;

// Reads ?page= and ?per_page= into `out` (defaults when absent); a 400
// problem naming the parameter when one is not a whole number in range.
std::optional<Reply> ReadPage(const ApiRequest& request, PageRequest& out,
                              int64_t default_per_page = kDefaultPerPage,
                              int64_t max_per_page = kMaxPerPage);

// What every paged reply carries beside its items: page, per_page, total
// (items on all pages) and pages.
void AddPageFields(nlohmann::json& body, const PageRequest& page, int64_t total);

// A schema object of required string properties, for the OpenAPI document.
nlohmann::json StringsSchema(const std::vector<std::string>& required,
                             const std::vector<std::string>& optional = {});

}  // namespace cx::server
