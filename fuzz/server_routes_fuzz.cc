// Every JSON request body the web app takes, through the code the server
// runs for it: an App (src/server/app.h) over a SQLite database holding a
// small demo study, and the handler of each route of app.routes() that has
// a request body, called as http_server.cc's dispatcher calls it (the
// account and CSRF token from a real session) but without HTTP.
//
// The input's first line names the route ("PUT /api/v1/assignments/{id}/draft",
// as app.routes() and the OpenAPI document write it); the rest is the body.
// Inputs naming no such route are ignored. Each input starts from the same
// database (a copy of one made at start-up), so a crash reproduces alone.
//
// Properties: no crash, leak or sanitizer report; no exception escapes a
// handler (the dispatcher would turn it into a 500); no reply is a 5xx
// (issue 12: bad bodies are 4xx); every reply serialises (a body that is not
// UTF-8 would throw in dump()); and after a write the study's pages still
// serve (GET of the contact, the QA list, the audit trail and the results),
// since nothing bad may be stored.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "demo/generator.h"
#include "fuzz/fuzz_support.h"
#include "server/accounts.h"
#include "server/app.h"

namespace {

using cx::server::ApiRequest;
using cx::server::App;
using cx::server::Reply;
using cx::server::Route;
namespace fs = std::filesystem;

constexpr char kPassword[] = "passord-123";

// What start-up made: the template database and what the routes need.
struct Fixture {
  fs::path dir;
  fs::path template_db;
  fs::path work_db;
  cx::domain::Study study;
  std::string started_contact;    // shopper A's, started, no answers yet
  std::string submitted_contact;  // a submitted report, for QA
  std::string invitation_token;
  // Session cookies by e-mail: admin, manager, shopper A.
  std::string admin_session, manager_session, shopper_session;
  // "METHOD PATH" of every route with a request body.
  std::vector<std::string> body_routes;
};

Fixture* fixture = nullptr;

cx::server::AppOptions Options() {
  cx::server::AppOptions options;
  options.resamples = 20;  // the results page is computed after every write
  return options;
}

const Route* FindRoute(const App& app, const std::string& method, const std::string& path) {
  for (const Route& route : app.routes()) {
    if (route.method == method && route.path == path) return &route;
  }
  return nullptr;
}

// Calls `route` as the dispatcher does: the session's account and CSRF token.
Reply Invoke(App& app, const Route& route, const std::string& session, const std::string& body) {
  ApiRequest request;
  request.body = body;
  request.remote_address = "127.0.0.1";
  request.session_token = session;
  if (auto row = app.Authenticate(session)) {
    request.account = row->account;
    request.csrf_token = row->csrf_token;
  }
  if (!route.roles.empty() && !request.account) cx::fuzz::Fail("the fixture's session is gone");
  const std::string& path = route.path;
  if (path.find("{id}") != std::string::npos) {
    request.params["id"] = path.find("/assignments/") != std::string::npos
                               ? fixture->started_contact
                               : fixture->submitted_contact;
  }
  if (path.find("{token}") != std::string::npos)
    request.params["token"] = fixture->invitation_token;
  return route.handler(request);
}

std::string LogIn(App& app, const std::string& email) {
  const Route* login = FindRoute(app, "POST", "/api/v1/session");
  Reply reply =
      Invoke(app, *login, "", nlohmann::json({{"email", email}, {"password", kPassword}}).dump());
  const std::string cookie = reply.headers["Set-Cookie"];
  if (reply.status != 200 || cookie.rfind("cx_session=", 0) != 0) {
    cx::fuzz::Fail("the fixture cannot log in", email);
  }
  return cookie.substr(11, cookie.find(';') - 11);
}

// The reply as http_server.cc sends it (dump() throws on text that is not
// UTF-8), and its status. CXBENCH_FUZZ_SKIP=utf8 or =5xx looks past those.
void Check(const Reply& reply, const std::string& what) {
  std::string text;
  if (reply.raw) {
    text = *reply.raw;
  } else if (cx::fuzz::Checking("utf8")) {
    text = reply.body.dump();
  } else {
    text = reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (reply.status >= 500 && cx::fuzz::Checking("5xx")) {
    cx::fuzz::Fail(what + " answered " + std::to_string(reply.status), text);
  }
}

void RemoveDatabase(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(path.string() + suffix, ignored);
  }
}

void Cleanup() {
  if (fixture == nullptr) return;
  std::error_code ignored;
  fs::remove_all(fixture->dir, ignored);
}

// The demo study at a small size: shopper A has one started contact, every
// other contact is submitted; four accounts, each logged in once; one open
// invitation.
void MakeFixture() {
  fixture = new Fixture;
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  fixture->dir = base / ("cxbench-fuzz-server-" + std::to_string(::getpid()));
  fs::create_directories(fixture->dir);
  std::atexit(Cleanup);
  fixture->template_db = fixture->dir / "template.db";
  fixture->work_db = fixture->dir / "work.db";

  auto world = cx::demo::GenerateWorld({.seed = 7, .participants = 8, .shoppers = 30});
  auto contacts = cx::demo::AssignContacts(world, 7);
  cx::demo::SimulateAnswers(world, contacts, 7);
  cx::domain::Contact& open = contacts.front();
  open.status = cx::domain::ContactStatus::kStarted;
  open.answers.clear();
  open.comments.clear();
  open.answered_at.clear();
  open.wait_seconds.reset();
  open.responder = cx::domain::Responder::kUnknown;
  fixture->started_contact = open.id;
  fixture->submitted_contact = contacts.back().id;
  fixture->study = world.study;

  auto store = cx::store::OpenSqlite(fixture->template_db.string());
  if (!store) cx::fuzz::Fail("cannot open the database", store.error().ToString());
  if (!(*store)->SaveStudy(world.study, false).ok() ||
      !(*store)->SaveShoppers(world.shoppers).ok() ||
      !(*store)->SaveContacts(world.study.id, contacts).ok()) {
    cx::fuzz::Fail("cannot store the demo study");
  }
  auto add = [&](const std::string& email, cx::domain::Role role, const std::string& shopper) {
    cx::domain::Account account;
    account.email = email;
    account.name = email;
    account.role = role;
    account.shopper_id = shopper;
    if (!cx::server::AddAccount(**store, account, kPassword).ok()) {
      cx::fuzz::Fail("cannot add an account", email);
    }
  };
  add("admin@test.no", cx::domain::Role::kAdmin, "");
  add("manager@test.no", cx::domain::Role::kManager, "");
  add("shopper@test.no", cx::domain::Role::kShopper, open.shopper);
  {
    App app(std::move(*store), world.study, Options());
    fixture->admin_session = LogIn(app, "admin@test.no");
    fixture->manager_session = LogIn(app, "manager@test.no");
    fixture->shopper_session = LogIn(app, "shopper@test.no");
    const Route* invite = FindRoute(app, "POST", "/api/v1/invitations");
    Reply reply = Invoke(app, *invite, fixture->admin_session,
                         R"({"email": "new.shopper@test.no", "role": "shopper", "shopper": ")" +
                             contacts.back().shopper + "\"}");
    if (reply.status != 201) cx::fuzz::Fail("cannot invite", reply.body.dump());
    fixture->invitation_token = reply.body["token"].get<std::string>();
    for (const Route& route : app.routes()) {
      if (!route.request_schema.is_null()) {
        fixture->body_routes.push_back(route.method + " " + route.path);
      }
    }
  }  // the store closes: the template is complete on disk
  std::fprintf(stderr,
               "server_routes_fuzz: study %s; shopper %s with started contact %s; submitted "
               "contact %s; %zu routes with a body\n",
               world.study.id.c_str(), open.shopper.c_str(), open.id.c_str(),
               contacts.back().id.c_str(), fixture->body_routes.size());
}

const std::string& SessionFor(const Route& route) {
  static const std::string anonymous;
  if (route.roles.empty()) return anonymous;
  for (auto role : route.roles) {
    if (role == cx::domain::Role::kShopper) return fixture->shopper_session;
  }
  if (route.path == "/api/v1/users" || route.path == "/api/v1/invitations") {
    return fixture->admin_session;
  }
  return fixture->manager_session;
}

// After a write, the pages that read what it stored must still serve.
void CheckPagesServe(App& app) {
  const char* pages[][2] = {{"/api/v1/assignments/{id}", "shopper"},
                            {"/api/v1/qa", "manager"},
                            {"/api/v1/audit", "manager"},
                            {"/api/v1/results", "manager"}};
  for (const auto& [path, who] : pages) {
    const Route* route = FindRoute(app, "GET", path);
    if (route == nullptr) cx::fuzz::Fail("no route GET", path);
    const std::string& session =
        std::string(who) == "shopper" ? fixture->shopper_session : fixture->manager_session;
    Check(Invoke(app, *route, session, ""), std::string("GET ") + path + " after the write");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  MakeFixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t line_end = input.find('\n');
  if (line_end == std::string::npos) return 0;
  const std::string first_line = input.substr(0, line_end);
  // Only the routes that take a body; the others have nothing to fuzz.
  const auto& known = fixture->body_routes;
  if (std::find(known.begin(), known.end(), first_line) == known.end()) return 0;
  const size_t space = first_line.find(' ');
  const std::string method = first_line.substr(0, space);
  const std::string path = first_line.substr(space + 1);

  RemoveDatabase(fixture->work_db);
  fs::copy_file(fixture->template_db, fixture->work_db);
  auto store = cx::store::OpenSqlite(fixture->work_db.string());
  if (!store) cx::fuzz::Fail("cannot open the database copy", store.error().ToString());
  App app(std::move(*store), fixture->study, Options());
  const Route* route = FindRoute(app, method, path);
  if (route == nullptr) cx::fuzz::Fail("a body route is gone", first_line);
  const Reply reply = Invoke(app, *route, SessionFor(*route), input.substr(line_end + 1));
  Check(reply, first_line);
  if (reply.status >= 200 && reply.status < 300) CheckPagesServe(app);
  return 0;
}
