#pragma once
// The HTTP API's building blocks, free of any HTTP library: a request as the
// handlers see it, their reply, RFC 9457 problem details, and the route
// table that both the dispatcher and the OpenAPI document are made from.

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.h"

namespace cx::server {

struct Reply {
  int status = 200;
  nlohmann::json body;             // JSON unless `raw` is set
  std::optional<std::string> raw;  // a non-JSON body (HTML, PDF)
  std::string content_type;        // for `raw`
  std::map<std::string, std::string> headers;
};

// An RFC 9457 problem: {type, title, status, detail, field?}.
Reply Problem(int status, std::string detail, std::string field = {});

struct Call {
  std::map<std::string, std::string> params;  // path parameters by name
  std::map<std::string, std::string> query;
  std::string body;
  std::string remote_address;
  std::optional<domain::Account> account;  // empty: anonymous
  std::string session_token;               // the raw cookie value, when logged in
  std::string csrf_token;
};

using Handler = std::function<Reply(Call&)>;

struct Route {
  std::string method;  // GET, POST, PUT, DELETE
  std::string path;    // OpenAPI form: /api/v1/assignments/{id}
  // Who may call it; empty = anyone, also anonymous.
  std::vector<domain::Role> roles;
  std::string summary;
  nlohmann::json request_schema;  // null when it takes no body
  Handler handler;
  // Whether the dispatcher requires the CSRF header (every state-changing
  // call of a logged-in user; not login itself, nor an invitation's accept).
  bool csrf = true;
  // Slow work (a report rendered to PDF): the server runs these on a small
  // pool of their own with a bounded queue, so they never hold other requests.
  bool heavy = false;
};

// The OpenAPI 3.0 document of `routes`.
nlohmann::json OpenApiDocument(const std::vector<Route>& routes);

// Parses a JSON request body; a Problem (400) naming the position on failure.
std::optional<Reply> ParseBody(const std::string& body, nlohmann::json& out);

}  // namespace cx::server
