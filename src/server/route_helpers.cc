#include "server/route_helpers.h"

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

}  // namespace

Reply ProblemFor(const domain::FieldworkError& error) {
  const int status = StatusFor(error.code);
  if (error.fields.empty()) return Problem(status, error.message, error.field);
  std::vector<FieldProblem> problems;
  for (const auto& field : error.fields) problems.push_back({field.field, field.message});
  return FieldsProblem(status, error.message, problems);
}

Reply ChangeContact(App& app, ApiRequest& request, ContactAccess access,
                    const ContactOperation& operation) {
  const domain::Study& study = app.study();
  std::lock_guard lock(app.mutex());
  auto loaded = app.store().LoadContact(study.id, request.params["id"]);
  if (access == ContactAccess::kStaffOnly) {
    if (!loaded) return ProblemFor(loaded.error());
  } else if (!loaded || !Owns(*request.account, loaded.value()) ||
             request.account->role != Role::kShopper) {
    return Problem(404, "no assignment '" + request.params["id"] + "' of yours", "id");
  }
  auto outcome = operation(loaded.value(), {request.account->email, NowUtc()});
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

}  // namespace cx::server
