// Deactivating and reactivating accounts, and resetting a password by a
// link. Staff manage the accounts of the roles they may create
// (domain::MayCreate); the link, like an invitation's, is shown once to the
// one who made it, stored only as its hash, works once and expires.
#include <chrono>

#include "auth/password.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

// The account of /users/{id} the caller may manage, in `out`; else the
// reply: 404 for none, 403 for a role the caller may not manage.
std::optional<Reply> LoadManagedAccount(App& app, ApiRequest& request, domain::Account& out) {
  const auto id = RowIdOf(request.params["id"]);
  if (!id) return Problem(404, Msg("no such account"), "id");
  auto account = app.store().FindAccount(*id);
  if (!account) {
    return account.error().code == ErrorCode::kNotFound ? Problem(404, Msg("no such account"), "id")
                                                        : ProblemFor(account.error());
  }
  if (!domain::MayCreate(request.account->role, account->role)) {
    return Problem(403, Msg("a manager may manage shopper and participant accounts only"), "role");
  }
  out = std::move(account).value();
  return std::nullopt;
}

Route SetActive(App& app, bool active) {
  return {"POST",
          active ? "/api/v1/users/{id}/reactivate" : "/api/v1/users/{id}/deactivate",
          kStaff,
          active ? "Reactivate an account: it can log in again"
                 : "Deactivate an account: it is logged out everywhere and cannot log in; its "
                   "name stays on its reports and in the change log (not your own account)",
          nullptr,
          [&app, active](ApiRequest& request) {
            std::lock_guard lock(app.mutex());
            domain::Account account;
            if (auto refused = LoadManagedAccount(app, request, account)) return *refused;
            if (!active && account.id == request.account->id) {
              return Problem(409, Msg("you cannot deactivate your own account"), "id");
            }
            if (Status set = app.store().SetAccountActive(account.id, active, NowUtc()); !set) {
              return ProblemFor(set.error());
            }
            auto now = app.store().FindAccount(account.id);
            if (!now) return ProblemFor(now.error());
            return Json(AccountJson(*now));
          }};
}

Route CreatePasswordReset(App& app) {
  return {"POST",
          "/api/v1/users/{id}/password-reset",
          kStaff,
          "A link that lets the account's owner choose a new password, once, within 24 hours "
          "(an older unused link stops working); shown once, give it to them",
          nullptr,
          [&app](ApiRequest& request) {
            std::lock_guard lock(app.mutex());
            domain::Account account;
            if (auto refused = LoadManagedAccount(app, request, account)) return *refused;
            const std::string token = auth::NewToken();
            const domain::PasswordReset reset{
                auth::HashToken(token), account.id, request.account->id,
                UtcAfter(std::chrono::hours(app.options().password_reset_hours)), ""};
            if (Status saved = app.store().CreatePasswordReset(reset); !saved) {
              return ProblemFor(saved.error());
            }
            return Json({{"token", token},
                         {"url", app.options().public_url + "/#/reset/" + token},
                         {"email", account.email},
                         {"expires_at", reset.expires_at}},
                        201);
          }};
}

// The reset behind a link, usable now; else the reply (404, 409 used, 410 expired).
std::optional<Reply> FindUsableReset(App& app, const std::string& hash,
                                     domain::PasswordReset& reset, domain::Account& account) {
  std::lock_guard lock(app.mutex());
  auto found = app.store().FindPasswordReset(hash);
  if (!found) return Problem(404, Msg("no such password reset link"), "token");
  if (!found->used_at.empty()) {
    return Problem(409, Msg("the password reset link was used already"), "token");
  }
  if (found->expires_at <= NowUtc()) {
    return Problem(410, Msg("the password reset link has expired; ask for a new one"), "token");
  }
  auto owner = app.store().FindAccount(found->account_id);
  if (!owner) return ProblemFor(owner.error());
  reset = std::move(found).value();
  account = std::move(owner).value();
  return std::nullopt;
}

Route UsePasswordReset(App& app) {
  return {"POST",
          "/api/v1/password-resets/{token}",
          {},
          "Choose a new password with a reset link (no login needed; works once): the account "
          "is logged out everywhere",
          StringsSchema({"password"}),
          [&app](ApiRequest& request) {
            nlohmann::json body;
            if (auto problem = ParseBody(request.body, body)) return *problem;
            std::vector<FieldProblem> problems;
            FieldReader fields(body, "", problems);
            std::string password;
            fields.Text("password", password, FieldReader::Need::kRequired,
                        auth::kMaxPasswordBytes);
            if (!problems.empty()) {
              return FieldsProblem(400, Msg("the password was not changed"), problems);
            }
            const std::string hash = auth::HashToken(request.params["token"]);
            domain::PasswordReset reset;
            domain::Account account;
            if (auto problem = FindUsableReset(app, hash, reset, account)) return *problem;
            // Hashing outside the lock; the store marks the link used only if
            // nobody did meanwhile (kConflict otherwise).
            auto hashed = auth::HashPassword(password, {account.email, account.name});
            if (!hashed) return ProblemFor(hashed.error());
            std::lock_guard lock(app.mutex());
            if (Status used = app.store().UsePasswordReset(hash, *hashed, NowUtc()); !used) {
              return ProblemFor(used.error());
            }
            return Json({{"email", account.email}, {"active", account.active()}});
          },
          /*csrf=*/false};
}

}  // namespace

void App::AddAccountStateRoutes() {
  routes_.push_back(SetActive(*this, false));
  routes_.push_back(SetActive(*this, true));
  routes_.push_back(CreatePasswordReset(*this));
  routes_.push_back(UsePasswordReset(*this));
}

}  // namespace cx::server
