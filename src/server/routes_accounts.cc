// User administration and invitations. Admins create any role; managers
// create shoppers and participants. An invitation link works once and expires.
#include <algorithm>

#include "auth/password.h"
#include "i18n/translator.h"
#include "server/accounts.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

std::optional<Reply> ReadAccountFields(const nlohmann::json& body, const domain::Study& study,
                                       domain::Account& account) {
  for (const char* field : {"email", "role"}) {
    if (!body.contains(field) || !body[field].is_string()) {
      return Problem(400, Msg("a text is expected for {1}", field), field);
    }
  }
  for (const char* field : {"name", "shopper", "participant", "language"}) {
    if (body.contains(field) && !body[field].is_string()) {
      return Problem(400, Msg("a text is expected for {1}", field), field);
    }
  }
  account.email = body["email"].get<std::string>();
  auto role = domain::ParseRole(body["role"].get<std::string>());
  if (!role) return Problem(422, Msg("role is admin, manager, shopper or participant"), "role");
  account.role = *role;
  account.name = body.value("name", std::string());  // empty: the e-mail
  account.language = body.value("language", std::string("nb"));
  if (account.role == Role::kShopper) account.shopper_id = body.value("shopper", std::string());
  if (account.role == Role::kParticipant) {
    account.study_id = study.id;
    account.participant_id = body.value("participant", std::string());
  }
  if (Status fields = PrepareAccountFields(account); !fields) return ProblemFor(fields.error());
  return std::nullopt;
}

// The one rule (domain::MayCreate) for creating and inviting alike.
std::optional<Reply> CheckMayCreate(const domain::Account& caller, Role role) {
  if (!domain::MayCreate(caller.role, role)) {
    return Problem(403, Msg("a manager may create shopper and participant accounts only"), "role");
  }
  return std::nullopt;
}

// 409 at once when the (normalised) e-mail has an account: before a password
// is hashed or an invitation is sent that could never be accepted. The
// store's unique index stays the last word on a race. Call under the lock.
std::optional<Reply> CheckEmailFree(store::Store& store, const std::string& email) {
  auto existing = store.FindAccountByEmail(email);
  if (existing) {
    return Problem(409, Msg("an account with e-mail '{1}' exists already", email), "email");
  }
  if (existing.error().code != ErrorCode::kNotFound) return ProblemFor(existing.error());
  return std::nullopt;
}

// 409 when the e-mail has an invitation neither used nor expired: a second
// link would leave two that both create the account. Call under the lock.
std::optional<Reply> CheckNoPendingInvitation(store::Store& store, const std::string& email) {
  auto pending = store.ListPendingInvitations(NowUtc());
  if (!pending) return ProblemFor(pending.error());
  for (const auto& invitation : *pending) {
    if (invitation.email == email) {
      return Problem(409,
                     Msg("'{1}' has an invitation that is not used yet (it expires {2}); revoke it "
                         "first to send a new one",
                         email, invitation.expires_at),
                     "email");
    }
  }
  return std::nullopt;
}

Route ListUsers(App& app) {
  return {"GET",
          "/api/v1/users",
          kStaff,
          "The accounts (no password hashes), one page: ?page=, ?per_page= (at most 200)",
          nullptr,
          [&app](ApiRequest& request) {
            PageRequest page;
            if (auto problem = ReadPage(request, page)) return *problem;
            std::lock_guard lock(app.mutex());
            // Accounts are few next to contacts (staff, shoppers, one or two
            // per participant): read whole, sent a page at a time.
            auto accounts = app.store().ListAccounts();
            if (!accounts) return ProblemFor(accounts.error());
            const auto& all = accounts.value();
            nlohmann::json body = {{"users", PageOf(all, page, AccountJson)}};
            AddPageFields(body, page, static_cast<int64_t>(all.size()));
            return Json(body);
          }};
}

// What the caller may fill in the account and invitation forms: the roles it
// may create (domain::RolesCreatableBy), the pool's shoppers and the study's
// participants, so the web picks ids from lists instead of having them typed.
Route AccountChoices(App& app) {
  return {"GET",
          "/api/v1/account-choices",
          kStaff,
          "The roles the caller may create, and the shoppers and participants an account may "
          "be linked to",
          nullptr,
          [&app](ApiRequest& request) {
            nlohmann::json roles = nlohmann::json::array();
            for (Role role : domain::RolesCreatableBy(request.account->role)) {
              roles.push_back(std::string(domain::ToString(role)));
            }
            std::lock_guard lock(app.mutex());
            auto shoppers = app.store().LoadShoppers();
            if (!shoppers) return ProblemFor(shoppers.error());
            nlohmann::json shopper_list = nlohmann::json::array();
            for (const auto& shopper : shoppers.value()) {
              shopper_list.push_back({{"id", shopper.id}, {"name", shopper.name}});
            }
            nlohmann::json participant_list = nlohmann::json::array();
            for (const auto& participant : app.study().participants) {
              participant_list.push_back({{"id", participant.id},
                                          {"name", participant.name},
                                          {"industry", participant.industry}});
            }
            return Json(
                {{"roles", roles}, {"shoppers", shopper_list}, {"participants", participant_list}});
          }};
}

Route CreateUser(App& app) {
  return {
      "POST",
      "/api/v1/users",
      kStaff,
      "Create an account with a password",
      StringsSchema({"email", "role", "password"}, {"name", "shopper", "participant", "language"}),
      [&app](ApiRequest& request) {
        nlohmann::json body;
        if (auto problem = ParseBody(request.body, body)) return *problem;
        domain::Account account;
        if (auto problem = ReadAccountFields(body, app.study(), account)) return *problem;
        if (auto problem = CheckMayCreate(*request.account, account.role)) return *problem;
        if (!body.contains("password") || !body["password"].is_string()) {
          return Problem(400, Msg("a text is expected for {1}", "password"), "password");
        }
        {
          std::lock_guard lock(app.mutex());
          if (auto problem = CheckEmailFree(app.store(), account.email)) return *problem;
        }
        // Hashing takes tens of milliseconds by design: outside the lock.
        auto hashed =
            auth::HashPassword(body["password"].get<std::string>(), {account.email, account.name});
        if (!hashed) return ProblemFor(hashed.error());
        account.password_hash = std::move(hashed).value();
        std::lock_guard lock(app.mutex());
        if (Status links = CheckAccountLinks(app.store(), account); !links) {
          return ProblemFor(links.error());
        }
        auto id = app.store().CreateAccount(account);
        if (!id) return ProblemFor(id.error());
        account.id = id.value();
        return Json(AccountJson(account), 201);
      }};
}

domain::Invitation InvitationFor(const domain::Account& account, const std::string& token,
                                 int64_t created_by, int days) {
  domain::Invitation invitation;
  invitation.token_hash = auth::HashToken(token);
  invitation.email = account.email;
  invitation.role = account.role;
  invitation.shopper_id = account.shopper_id;
  invitation.study_id = account.study_id;
  invitation.participant_id = account.participant_id;
  invitation.created_by = created_by;
  invitation.expires_at = UtcAfter(std::chrono::days(days));
  return invitation;
}

Route CreateInvitation(App& app) {
  return {"POST",
          "/api/v1/invitations",
          kStaff,
          "Invite someone: a link that creates their account once and expires",
          StringsSchema({"email", "role"}, {"name", "shopper", "participant", "language"}),
          [&app](ApiRequest& request) {
            nlohmann::json body;
            if (auto problem = ParseBody(request.body, body)) return *problem;
            domain::Account account;
            if (auto problem = ReadAccountFields(body, app.study(), account)) return *problem;
            if (auto problem = CheckMayCreate(*request.account, account.role)) return *problem;
            std::lock_guard lock(app.mutex());
            if (auto problem = CheckEmailFree(app.store(), account.email)) return *problem;
            if (auto problem = CheckNoPendingInvitation(app.store(), account.email)) {
              return *problem;
            }
            if (Status links = CheckAccountLinks(app.store(), account); !links) {
              return ProblemFor(links.error());
            }
            const std::string token = auth::NewToken();
            const domain::Invitation invitation =
                InvitationFor(account, token, request.account->id, app.options().invitation_days);
            if (Status saved = app.store().CreateInvitation(invitation); !saved) {
              return ProblemFor(saved.error());
            }
            return Json({{"token", token},
                         {"url", app.options().public_url + "/#/invite/" + token},
                         {"expires_at", invitation.expires_at}},
                        201);
          }};
}

nlohmann::json InvitationJson(const domain::Invitation& invitation) {
  return {{"id", invitation.id},
          {"email", invitation.email},
          {"role", domain::ToString(invitation.role)},
          {"shopper", invitation.shopper_id},
          {"participant", invitation.participant_id},
          {"created_by", invitation.created_by},
          {"expires_at", invitation.expires_at}};
}

// Staff see and revoke the pending invitations of the roles they may create
// (domain::MayCreate): a manager does not see who was invited as admin.
Route ListInvitations(App& app) {
  return {"GET",
          "/api/v1/invitations",
          kStaff,
          "The pending invitations (neither used nor expired) of the roles the caller may "
          "create, newest first, one page: ?page=, ?per_page= (at most 200); the link itself "
          "is never stored, so it cannot be shown again: revoke and invite anew",
          nullptr,
          [&app](ApiRequest& request) {
            PageRequest page;
            if (auto problem = ReadPage(request, page)) return *problem;
            std::vector<domain::Invitation> visible;
            {
              std::lock_guard lock(app.mutex());
              auto pending = app.store().ListPendingInvitations(NowUtc());
              if (!pending) return ProblemFor(pending.error());
              for (auto& invitation : pending.value()) {
                if (domain::MayCreate(request.account->role, invitation.role)) {
                  visible.push_back(std::move(invitation));
                }
              }
            }
            nlohmann::json body = {{"invitations", PageOf(visible, page, InvitationJson)}};
            AddPageFields(body, page, static_cast<int64_t>(visible.size()));
            return Json(body);
          }};
}

Route RevokeInvitation(App& app) {
  return {"DELETE",
          "/api/v1/invitations/{id}",
          kStaff,
          "Revoke a pending invitation: its link stops working (404 when it is used, gone, or "
          "of a role the caller may not create)",
          nullptr,
          [&app](ApiRequest& request) {
            auto none = [] { return Problem(404, Msg("no such invitation"), "id"); };
            const auto id = RowIdOf(request.params["id"]);
            if (!id) return none();
            std::lock_guard lock(app.mutex());
            auto invitation = app.store().FindInvitationById(*id);
            if (!invitation) {
              return invitation.error().code == ErrorCode::kNotFound
                         ? none()
                         : ProblemFor(invitation.error());
            }
            // Another role's invitation answers as if it did not exist.
            if (!domain::MayCreate(request.account->role, invitation->role)) return none();
            if (Status revoked = app.store().RevokeInvitation(*id); !revoked) {
              return revoked.error().code == ErrorCode::kNotFound ? none()
                                                                  : ProblemFor(revoked.error());
            }
            return Json({{"revoked", *id}});
          }};
}

// The account an accepted invitation creates, before its password is set.
domain::Account AccountFor(const domain::Invitation& invitation, std::string name,
                           std::string language) {
  domain::Account account;
  account.email = invitation.email;
  account.role = invitation.role;
  account.shopper_id = invitation.shopper_id;
  account.study_id = invitation.study_id;
  account.participant_id = invitation.participant_id;
  account.name = std::move(name);
  account.language = std::move(language);
  return account;
}

// A found, unused, unexpired invitation, or the reply saying which it is not.
std::optional<Reply> FindUsableInvitation(App& app, const std::string& hash,
                                          std::optional<domain::Invitation>& invitation) {
  {
    std::lock_guard lock(app.mutex());
    auto found = app.store().FindInvitation(hash);
    if (!found) return Problem(404, Msg("no such invitation"), "token");
    invitation = std::move(found).value();
  }
  if (!invitation->used_at.empty()) {
    return Problem(409, Msg("the invitation was used already"), "token");
  }
  if (invitation->expires_at <= NowUtc()) {
    return Problem(410, Msg("the invitation has expired"), "token");
  }
  return std::nullopt;
}

Route AcceptInvitation(App& app) {
  return {
      "POST",
      "/api/v1/invitations/{token}/accept",
      {},
      "Accept an invitation: choose a name and a password (no login needed; works once)",
      StringsSchema({"password"}, {"name", "language"}),
      [&app](ApiRequest& request) {
        nlohmann::json body;
        if (auto problem = ParseBody(request.body, body)) return *problem;
        if (!body.contains("password") || !body["password"].is_string()) {
          return Problem(400, Msg("a text is expected for {1}", "password"), "password");
        }
        // Typed before use: body.value() throws on a number where a text belongs.
        std::vector<FieldProblem> problems;
        FieldReader fields(body, "", problems);
        std::string name, language = "nb";
        fields.Text("name", name, FieldReader::Need::kOptional, kMaxTextChars);
        fields.Text("language", language, FieldReader::Need::kOptional, kMaxIdChars);
        if (!problems.empty())
          return FieldsProblem(400, Msg("the invitation was not accepted"), problems);
        // As PUT /me/language says it (routes_session.cc).
        if (!i18n::IsInterfaceLanguage(language)) {
          return Problem(422, Msg("the interface speaks nb, sv, da and en, not '{1}'", language),
                         "language");
        }
        const std::string hash = auth::HashToken(request.params["token"]);
        std::optional<domain::Invitation> invitation;
        if (auto problem = FindUsableInvitation(app, hash, invitation)) return *problem;
        domain::Account account = AccountFor(*invitation, name, language);
        if (Status prepared = PrepareAccountFields(account); !prepared) {
          return ProblemFor(prepared.error());
        }
        // Hashing outside the lock; AcceptInvitation marks the invitation
        // used only if nobody did meanwhile (kConflict otherwise).
        auto hashed =
            auth::HashPassword(body["password"].get<std::string>(), {account.email, account.name});
        if (!hashed) return ProblemFor(hashed.error());
        account.password_hash = std::move(hashed).value();
        std::lock_guard lock(app.mutex());
        if (Status links = CheckAccountLinks(app.store(), account); !links) {
          return ProblemFor(links.error());
        }
        auto id = app.store().AcceptInvitation(hash, account, NowUtc());
        if (!id) return ProblemFor(id.error());
        account.id = id.value();
        return Json(AccountJson(account), 201);
      },
      /*csrf=*/false};
}

}  // namespace

void App::AddAccountRoutes() {
  routes_.push_back(ListUsers(*this));
  routes_.push_back(AccountChoices(*this));
  routes_.push_back(CreateUser(*this));
  routes_.push_back(ListInvitations(*this));
  routes_.push_back(CreateInvitation(*this));
  routes_.push_back(RevokeInvitation(*this));
  routes_.push_back(AcceptInvitation(*this));
}

}  // namespace cx::server
