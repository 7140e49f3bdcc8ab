#include "server/route_helpers.h"

#include <limits>
#include <mutex>

#include "server/app.h"
#include "server/json_views.h"

namespace cx::server {
namespace {

int StatusFor(domain::FieldworkErrorCode code) {
  switch (code) {
    case domain::FieldworkErrorCode::kNotEditable:
    case domain::FieldworkErrorCode::kNotStarted:
    case domain::FieldworkErrorCode::kWrongStatus:
    case domain::FieldworkErrorCode::kNoAttemptsLeft:
    case domain::FieldworkErrorCode::kAnswered:
    case domain::FieldworkErrorCode::kConflict:
      return 409;
    case domain::FieldworkErrorCode::kUnreadable:
      return 400;
    case domain::FieldworkErrorCode::kInvalid:
      return 422;
  }
  return 500;
}

bool Owns(const domain::Account& account, const domain::Contact& contact) {
  return IsStaff(account) ||
         (account.role == Role::kShopper && account.shopper_id == contact.shopper);
}

// A whole number in [min, max] from a query parameter's text.
std::optional<int64_t> WholeNumber(const std::string& text, int64_t min, int64_t max) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    value = value * 10 + (ch - '0');
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

// The fields a device's change may carry (route_helpers.h).
struct DeviceFields {
  std::optional<std::string> change_id;
  std::optional<int64_t> base_version;
  std::optional<std::string> device_at;
};

constexpr size_t kMaxChangeIdChars = 100;
constexpr size_t kMaxTimeChars = 40;

// Reads the device's fields of `body` (empty: none); a problem when one is
// of the wrong type or where this operation takes no device time.
std::optional<Reply> ReadDeviceFields(const std::string& body, DeviceClock clock,
                                      DeviceFields& out) {
  if (body.empty()) return std::nullopt;
  nlohmann::json json;
  if (auto problem = ParseBody(body, json)) return problem;
  std::vector<FieldProblem> problems;
  FieldReader fields(json, "", problems);
  fields.Text("client_change_id", out.change_id, kMaxChangeIdChars);
  fields.Integer("base_version", out.base_version, 0, std::numeric_limits<int32_t>::max());
  fields.Text("device_at", out.device_at, kMaxTimeChars);
  if (out.device_at && clock == DeviceClock::kServer) {
    fields.Fail("device_at",
                Msg("only a tap that times the contact (start, answered, outcome, restart) takes a "
                    "time from the device"));
  }
  if (!problems.empty()) return FieldsProblem(400, Msg("the change was not made"), problems);
  return std::nullopt;
}

}  // namespace

std::optional<Reply> ReadPage(const ApiRequest& request, PageRequest& out, int64_t default_per_page,
                              int64_t max_per_page) {
  out.per_page = default_per_page;
  if (auto it = request.query.find("per_page"); it != request.query.end()) {
    auto value = WholeNumber(it->second, 1, max_per_page);
    if (!value) {
      return Problem(400, Msg("per_page is a whole number from 1 to {1}", max_per_page),
                     "per_page");
    }
    out.per_page = *value;
  }
  if (auto it = request.query.find("page"); it != request.query.end()) {
    // Bounded so that the offset stays far from overflowing.
    constexpr int64_t kMaxPage = 1000000000;
    auto value = WholeNumber(it->second, 1, kMaxPage);
    if (!value) {
      return Problem(400, Msg("page is a whole number from 1 to {1}", kMaxPage), "page");
    }
    out.page = *value;
  }
  return std::nullopt;
}

void AddPageFields(nlohmann::json& body, const PageRequest& page, int64_t total) {
  body["page"] = page.page;
  body["per_page"] = page.per_page;
  body["total"] = total;
  body["pages"] = (total + page.per_page - 1) / page.per_page;
}

Reply ProblemFor(const domain::FieldworkError& error) {
  const int status = StatusFor(error.code);
  if (error.fields.empty()) return Problem(status, error.message, error.field);
  std::vector<FieldProblem> problems;
  for (const auto& field : error.fields) problems.push_back({field.field, field.message});
  return FieldsProblem(status, error.message, problems);
}

std::optional<Reply> LoadContactToChange(App& app, ApiRequest& request, ContactAccess access,
                                         domain::Contact& out) {
  auto loaded = app.store().LoadContact(app.study().id, request.params["id"]);
  if (!loaded && loaded.error().code != ErrorCode::kNotFound) return ProblemFor(loaded.error());
  if (access == ContactAccess::kStaffOnly) {
    if (!loaded) return ProblemFor(loaded.error());
  } else if (!loaded || !Owns(*request.account, loaded.value()) ||
             (access == ContactAccess::kOwnShopper && request.account->role != Role::kShopper)) {
    return Problem(404, Msg("no assignment '{1}' of yours", request.params["id"]), "id");
  }
  out = std::move(loaded).value();
  return std::nullopt;
}

std::optional<int64_t> RowIdOf(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

Reply ChangeContact(App& app, ApiRequest& request, ContactAccess access,
                    const ContactOperation& operation) {
  const domain::Study& study = app.study();
  std::lock_guard lock(app.mutex());
  domain::Contact contact;
  if (auto refused = LoadContactToChange(app, request, access, contact)) return *refused;
  auto outcome = operation(contact, {request.account->email, NowUtc()});
  if (!outcome) return ProblemFor(outcome.error());
  const domain::ContactUpdate& update = outcome.value();
  if (!update.changes.empty()) {
    if (Status saved = app.store().SaveContactWithLog(study.id, update.contact, update.changes);
        !saved) {
      return ProblemFor(saved.error());
    }
  }
  Reply reply = Json(ContactJson(study, update.contact, request.account->language));
  if (update.already_submitted) reply.body["already_submitted"] = true;
  return reply;
}

nlohmann::json WithDeviceFields(nlohmann::json schema, DeviceClock clock) {
  if (schema.is_null()) schema = {{"type", "object"}, {"properties", nlohmann::json::object()}};
  schema["properties"]["client_change_id"] = {{"type", "string"}};
  schema["properties"]["base_version"] = {{"type", "integer"}};
  if (clock == DeviceClock::kDeviceWhenGiven) {
    schema["properties"]["device_at"] = {{"type", "string"}};
  }
  return schema;
}

Reply ChangeContactFromDevice(App& app, ApiRequest& request, std::string_view operation_name,
                              DeviceClock clock, const ContactOperation& operation) {
  DeviceFields device;
  if (auto problem = ReadDeviceFields(request.body, clock, device)) return *problem;
  const domain::Study& study = app.study();
  std::lock_guard lock(app.mutex());
  domain::Contact contact;
  if (auto refused = LoadContactToChange(app, request, ContactAccess::kOwnShopper, contact)) {
    return *refused;
  }
  const std::string& actor = request.account->email;
  // The operation and its contact are part of what a change id names.
  const domain::ReceivedChange received{
      actor, std::string(operation_name) + " " + contact.id + " " + request.body};
  std::optional<store::ClientChange> stored;
  if (device.change_id) {
    auto found = app.store().FindClientChange(study.id, *device.change_id);
    if (found) {
      stored = std::move(found).value();
    } else if (found.error().code != ErrorCode::kNotFound) {
      return ProblemFor(found.error());
    }
    const auto check = domain::CheckChangeId(
        stored ? std::optional(domain::ReceivedChange{stored->actor, stored->request})
               : std::nullopt,
        received);
    if (check.error) return ProblemFor(*check.error);
    if (check.retry) return Json(nlohmann::json::parse(stored->reply));
  }
  auto log = app.store().LoadChangeLogOf(study.id, "contact", contact.id);
  if (!log) return ProblemFor(log.error());
  if (device.base_version) {
    if (auto conflict = domain::CheckBaseVersion(log.value(), *device.base_version, actor)) {
      return ProblemFor(*conflict);
    }
  }
  domain::Stamp stamp{actor, NowUtc()};
  if (device.device_at) {
    if (auto wrong = domain::CheckDeviceTime(*device.device_at, stamp.now)) {
      return ProblemFor(*wrong);
    }
    stamp = domain::DeviceStamp(actor, *device.device_at, stamp.now);
  }
  auto outcome = operation(contact, stamp);
  if (!outcome) return ProblemFor(outcome.error());
  const domain::ContactUpdate& update = outcome.value();
  Reply reply = Json(ContactJson(study, update.contact, request.account->language));
  if (update.already_submitted) reply.body["already_submitted"] = true;
  reply.body["version"] =
      domain::ContactVersion(log.value()) + static_cast<int64_t>(update.changes.size());
  if (device.change_id) {
    const store::ClientChange change{*device.change_id, actor, update.contact.id, received.request,
                                     reply.body.dump()};
    if (Status saved =
            app.store().SaveContactChange(study.id, update.contact, update.changes, change);
        !saved) {
      return ProblemFor(saved.error());
    }
  } else if (!update.changes.empty()) {
    if (Status saved = app.store().SaveContactWithLog(study.id, update.contact, update.changes);
        !saved) {
      return ProblemFor(saved.error());
    }
  }
  return reply;
}

}  // namespace cx::server
