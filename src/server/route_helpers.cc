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

}  // namespace

std::optional<Reply> ReadPage(const ApiRequest& request, PageRequest& out, int64_t default_per_page,
                              int64_t max_per_page) {
  out.per_page = default_per_page;
  if (auto it = request.query.find("per_page"); it != request.query.end()) {
    auto value = WholeNumber(it->second, 1, max_per_page);
    if (!value) {
      return Problem(400, "per_page is a whole number from 1 to " + std::to_string(max_per_page),
                     "per_page");
    }
    out.per_page = *value;
  }
  if (auto it = request.query.find("page"); it != request.query.end()) {
    // Bounded so that the offset stays far from overflowing.
    constexpr int64_t kMaxPage = 1000000000;
    auto value = WholeNumber(it->second, 1, kMaxPage);
    if (!value) {
      return Problem(400, "page is a whole number from 1 to " + std::to_string(kMaxPage), "page");
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

Reply ChangeContact(App& app, ApiRequest& request, ContactAccess access,
                    const ContactOperation& operation) {
  const domain::Study& study = app.study();
  std::lock_guard lock(app.mutex());
  auto loaded = app.store().LoadContact(study.id, request.params["id"]);
  // A damaged record is said as such to staff (see OpenAssignment).
  if (!loaded && IsStaff(*request.account) && loaded.error().code != ErrorCode::kNotFound) {
    return ProblemFor(loaded.error());
  }
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
