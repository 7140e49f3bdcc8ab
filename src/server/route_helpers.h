#pragma once
// Private to server/: what the route files share.

#include <algorithm>
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

// Who may change (or open) a contact through a route: its own shopper
// (anyone else, staff too, gets 404 as if it did not exist), staff, or
// either of them.
enum class ContactAccess { kOwnShopper, kStaffOnly, kOwnShopperOrStaff };

// The contact `request` names (params "id"), in `out`; or the reply refusing
// it: 404 for one that is not the caller's by `access`, as if it did not
// exist; a record that cannot be read is said as such (ProblemFor), never
// passed off as missing.
std::optional<Reply> LoadContactToChange(App& app, ApiRequest& request, ContactAccess access,
                                         domain::Contact& out);

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

// The id of a row in a path (/invitations/{id}, /evidence/{id}): digits
// only, at most 18 of them; nullopt otherwise (a 404 then, as for an id
// that names nothing).
std::optional<int64_t> RowIdOf(const std::string& text);

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

// The page `page` asks for of a list held whole in memory (accounts,
// invitations: few next to contacts), each item as `to_json` makes it.
template <class T, class ToJson>
nlohmann::json PageOf(const std::vector<T>& all, const PageRequest& page, ToJson to_json) {
  nlohmann::json list = nlohmann::json::array();
  const auto from = std::min<size_t>(all.size(), static_cast<size_t>(page.Offset()));
  const auto to = std::min<size_t>(all.size(), from + static_cast<size_t>(page.per_page));
  for (size_t i = from; i < to; ++i) list.push_back(to_json(all[i]));
  return list;
}

// A shopper's write from the app (start, answered, draft, submit). Its JSON
// body may carry, besides the operation's own fields:
//   client_change_id  an id the device made for this change (a UUID): the
//                     server keeps one result per id, so a byte-identical
//                     resend gets the stored reply and changes nothing, and
//                     the id sent with another body is refused (409)
//   base_version      the contact's "version" the device last saw: a change
//                     made on a report that staff changed since (returned,
//                     corrected, approved) is refused (409), never applied
//   device_at         (with DeviceClock::kDeviceWhenGiven) the time the tap
//                     was made on the device: the time recorded (the app
//                     times every tap, so a wait is measured on one clock),
//                     marked as device time when it arrives late
//                     (domain::DeviceStamp)
// The rules are domain::CheckChangeId, CheckBaseVersion and CheckDeviceTime.
// Without these fields it is ChangeContact for the contact's own shopper. The
// reply is the contact (ContactJson) with its "version".
enum class DeviceClock { kServer, kDeviceWhenGiven };
Reply ChangeContactFromDevice(App& app, ApiRequest& request, std::string_view operation_name,
                              DeviceClock clock, const ContactOperation& operation);

// `schema` (an object schema, or null for none) with the optional fields of
// ChangeContactFromDevice added.
nlohmann::json WithDeviceFields(nlohmann::json schema, DeviceClock clock);

// A schema object of required string properties, for the OpenAPI document.
nlohmann::json StringsSchema(const std::vector<std::string>& required,
                             const std::vector<std::string>& optional = {});

}  // namespace cx::server
