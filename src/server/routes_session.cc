// Logging in and out, and who the caller is.
#include <chrono>
#include <iostream>

#include "auth/password.h"
#include "core/utf8.h"
#include "domain/account.h"
#include "i18n/translator.h"
#include "server/accounts.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"

namespace cx::server {

Reply ProblemFor(const Error& error) {
  switch (error.code) {
    case ErrorCode::kNotFound:
      return Problem(404, SaidOf(error), error.where);
    case ErrorCode::kConflict:
      return Problem(409, SaidOf(error), error.where);
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUnsupported:
      return Problem(400, SaidOf(error), error.where);
    case ErrorCode::kCorruption:
      // Said as such (not a generic failure): the record is damaged on disk,
      // the same answer comes on every try, and `cxbench check` lists it.
      std::cerr << "cxbench serve: " << EscapeForLog(error.ToString()) << "\n";
      return Problem(500,
                     Msg("a stored record is damaged ({1}); the administrator can list every "
                         "damaged record with cxbench check",
                         error.where),
                     error.where);
    default:
      // Store errors can quote stored or sent text: escaped, as every log line.
      std::cerr << "cxbench serve: " << EscapeForLog(error.ToString()) << "\n";
      return Problem(500, Msg("the server could not complete the request"));
  }
}

nlohmann::json StringsSchema(const std::vector<std::string>& required,
                             const std::vector<std::string>& optional) {
  nlohmann::json properties = nlohmann::json::object();
  for (const auto& name : required) properties[name] = {{"type", "string"}};
  for (const auto& name : optional) properties[name] = {{"type", "string"}};
  return {{"type", "object"}, {"required", required}, {"properties", properties}};
}

namespace {

// One hash to verify against when the e-mail is unknown, so that the answer
// takes as long as for a known account and does not tell which e-mails exist.
const std::string& DummyHash() {
  static const std::string hash = auth::HashPasswordUnchecked(auth::NewToken()).value();
  return hash;
}

// The login's fields, capped before anything else reads them (a 200 KB
// e-mail must not reach the throttle), the e-mail normalised.
struct Credentials {
  std::string email;
  std::string password;
};
std::optional<Reply> ReadCredentials(const nlohmann::json& body, Credentials& credentials) {
  for (const char* field : {"email", "password"}) {
    if (!body.contains(field) || !body[field].is_string()) {
      return Problem(400, Msg("a text is expected for {1}", field), field);
    }
  }
  const auto& email = body["email"].get_ref<const std::string&>();
  const auto& password = body["password"].get_ref<const std::string&>();
  if (email.size() > domain::kMaxEmailLength) {
    return Problem(
        400, Msg("an e-mail address has at most {1} characters", domain::kMaxEmailLength), "email");
  }
  if (password.size() > auth::kMaxPasswordBytes) {
    return Problem(400, Msg("a password has at most {1} bytes", auth::kMaxPasswordBytes),
                   "password");
  }
  credentials.email = domain::NormalizeEmail(email);
  credentials.password = password;
  return std::nullopt;
}

// The 429 reply while `email` from this address must wait, else nullopt.
std::optional<Reply> ThrottledReply(App& app, const std::string& email, const std::string& remote,
                                    auth::LoginThrottle::Clock::time_point now) {
  if (int wait = app.throttle().RetryAfter(email, remote, now); wait > 0) {
    Reply reply = Problem(429, Msg("too many failed logins; try again in {1} seconds", wait));
    reply.headers["Retry-After"] = std::to_string(wait);
    return reply;
  }
  return std::nullopt;
}

// The account whose password matches, or nullopt; the time taken is the
// same whether or not the e-mail is known.
std::optional<domain::Account> VerifiedAccount(App& app, const Credentials& credentials) {
  std::optional<domain::Account> account;
  {
    std::lock_guard lock(app.mutex());
    // The stored e-mail may predate normalisation (mixed case): the
    // column's COLLATE NOCASE still finds it.
    auto found = app.store().FindAccountByEmail(credentials.email);
    if (found) account = std::move(found).value();
  }
  // Hashing runs outside the lock: it takes tens of milliseconds by design.
  const bool valid = account ? auth::VerifyPassword(account->password_hash, credentials.password)
                             : (auth::VerifyPassword(DummyHash(), credentials.password), false);
  if (!valid) return std::nullopt;
  return account;
}

// Stores a new session for `account` and replies with its cookie.
Reply StartSession(App& app, const domain::Account& account) {
  const std::string token = auth::NewToken();
  const std::string csrf = auth::NewToken();
  const int hours = app.options().session_hours;
  {
    std::lock_guard lock(app.mutex());
    // Expired sessions go at each login: one DELETE over a table
    // that holds only the sessions of the last session_hours.
    if (auto deleted = app.store().DeleteExpiredSessions(NowUtc()); !deleted) {
      return ProblemFor(deleted.error());
    }
    if (Status saved = app.store().CreateSession(auth::HashToken(token), account.id, csrf,
                                                 UtcAfter(std::chrono::hours(hours)));
        !saved) {
      return ProblemFor(saved.error());
    }
  }
  Reply reply = Json({{"account", AccountJson(account)}, {"csrf_token", csrf}});
  reply.headers["Set-Cookie"] =
      "cx_session=" + token +
      "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(hours * 3600);
  return reply;
}

Route LogIn(App& app) {
  return {"POST",
          "/api/v1/session",
          {},
          "Log in with e-mail and password; sets the session cookie",
          StringsSchema({"email", "password"}),
          [&app](ApiRequest& request) {
            nlohmann::json body;
            if (auto problem = ParseBody(request.body, body)) return *problem;
            Credentials credentials;
            if (auto problem = ReadCredentials(body, credentials)) return *problem;
            const std::string& email = credentials.email;
            const auto now = auth::LoginThrottle::Clock::now();
            if (auto reply = ThrottledReply(app, email, request.remote_address, now)) {
              return *reply;
            }
            std::optional<domain::Account> account = VerifiedAccount(app, credentials);
            if (!account) {
              app.throttle().RecordFailure(email, request.remote_address, now);
              return Problem(401, Msg("wrong e-mail or password"));
            }
            app.throttle().RecordSuccess(email);
            // Said only to whoever knows the password: it tells nothing more.
            if (!account->active()) {
              return Problem(403, Msg("this account is deactivated; ask a study manager to "
                                      "reactivate it"));
            }
            return StartSession(app, *account);
          },
          /*csrf=*/false};
}

Route LogOut(App& app) {
  return {"DELETE", "/api/v1/session", kEveryone, "Log out", nullptr, [&app](ApiRequest& request) {
            std::lock_guard lock(app.mutex());
            if (Status deleted = app.store().DeleteSession(auth::HashToken(request.session_token));
                !deleted) {
              return ProblemFor(deleted.error());
            }
            Reply reply = Json({{"logged_out", true}});
            reply.headers["Set-Cookie"] =
                "cx_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
            return reply;
          }};
}

Route Me(App& app) {
  return {"GET",
          "/api/v1/me",
          kEveryone,
          "The caller's account, the CSRF token of the session and the study",
          nullptr,
          [&app](ApiRequest& request) {
            const domain::Study& study = app.study();
            nlohmann::json languages = study.languages;
            return Json({{"account", AccountJson(*request.account)},
                         {"csrf_token", request.csrf_token},
                         {"study",
                          {{"id", study.id},
                           {"name", study.name},
                           {"year", study.year},
                           {"languages", languages}}}});
          }};
}

Route ChooseLanguage(App& app) {
  return {
      "PUT",
      "/api/v1/me/language",
      kEveryone,
      "Choose the interface language (nb, sv, da or en)",
      StringsSchema({"language"}),
      [&app](ApiRequest& request) {
        nlohmann::json body;
        if (auto problem = ParseBody(request.body, body)) return *problem;
        if (!body.contains("language") || !body["language"].is_string()) {
          return Problem(400, Msg("a language code (nb, sv, da or en) is expected"), "language");
        }
        const std::string language = body["language"].get<std::string>();
        if (!i18n::IsInterfaceLanguage(language)) {
          return Problem(422, Msg("the interface speaks nb, sv, da and en, not '{1}'", language),
                         "language");
        }
        std::lock_guard lock(app.mutex());
        if (Status saved = app.store().SetAccountLanguage(request.account->id, language); !saved) {
          return ProblemFor(saved.error());
        }
        return Json({{"language", language}});
      }};
}

}  // namespace

void App::AddSessionRoutes() {
  routes_.push_back(LogIn(*this));
  routes_.push_back(LogOut(*this));
  routes_.push_back(Me(*this));
  routes_.push_back(ChooseLanguage(*this));
}

}  // namespace cx::server
