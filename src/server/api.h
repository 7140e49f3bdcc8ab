#pragma once
// The HTTP API's building blocks, free of any HTTP library: a request as the
// handlers see it, their reply, RFC 9457 problem details, and the route
// table that both the dispatcher and the OpenAPI document are made from.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/message.h"
#include "domain/account.h"

namespace cx::server {

struct Reply {
  int status = 200;
  nlohmann::json body;             // JSON unless `raw` is set
  std::optional<std::string> raw;  // a non-JSON body (HTML, PDF)
  std::string content_type;        // for `raw`
  std::map<std::string, std::string> headers;
  // A problem's messages kept translatable (the body has them in English):
  // the transport says `detail` and each of `errors`' details in the
  // reader's language (http_server.cc).
  std::optional<Message> said_detail = {};
  std::vector<Message> said_errors = {};
};

// An RFC 9457 problem: {type, title, status, detail, field?}; `detail` is
// said in the reader's language. There is no overload for a plain string: a
// detail is a Msg (translated) or, for text that is not ours, a Verbatim.
Reply Problem(int status, Message detail, std::string field = {});

// An API request as a handler sees it: routed, its session looked up, free of
// the HTTP library. Named ApiRequest, not Call (in a product about phone calls
// a "call" is a contact) nor Request (http_server.cc's name for the HTTP
// library's request, which this is made from).
struct ApiRequest {
  std::map<std::string, std::string> params;  // path parameters by name
  std::map<std::string, std::string> query;
  std::string body;
  std::string remote_address;
  std::optional<domain::Account> account;  // empty: anonymous
  std::string session_token;               // the raw cookie value, when logged in
  std::string csrf_token;
  std::string range;  // the Range header, as sent (evidence playback seeks with it)
};

using Handler = std::function<Reply(ApiRequest&)>;

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
  // The OpenAPI schema of its 200 reply; null when not described.
  nlohmann::json response_schema = nullptr;
  // A route that takes a file's raw bytes (an evidence upload), not JSON:
  // its body may be this large (HttpOptions::max_body_bytes for the rest),
  // is not checked as UTF-8, and may take longer to arrive (at the slowest
  // rate HttpOptions::min_upload_bytes_per_second allows). 0: a JSON route.
  size_t max_file_bytes = 0;
};

// `route` with the schema of its 200 reply (Route::response_schema).
Route Replying(Route route, nlohmann::json response_schema);

// The OpenAPI 3.0 document of `routes`; `schemas` are added to
// components/schemas (the response schemas refer to them).
nlohmann::json OpenApiDocument(const std::vector<Route>& routes,
                               const nlohmann::json& schemas = nlohmann::json::object());

// The deepest nesting of arrays and objects a request body may have. Our
// bodies nest three levels (a draft: object, answers, answer); the limit
// keeps a hostile body from building a tree whose recursive copy or
// destruction overflows the stack.
inline constexpr int kMaxBodyDepth = 64;

// Parses a JSON request body that must be an object. A Problem (400) naming
// the byte on failure: not JSON, nested deeper than kMaxBodyDepth (found by a
// linear scan before any tree is built), or a number beyond a double (1e309,
// a 400-digit integer).
std::optional<Reply> ParseBody(const std::string& body, nlohmann::json& out);

// A problem with one field of a request body: its name or JSON pointer and
// what was expected.
struct FieldProblem {
  std::string field;
  Message message;
};

// A problem reply (`status`) naming the first field; all of them in "errors".
// `what` is a whole sentence ("the answer was not recorded"); the detail is
// it followed by the first field's problem.
Reply FieldsProblem(int status, const Message& what, const std::vector<FieldProblem>& problems);

// Limits of texts in bodies, in characters (Unicode code points).
inline constexpr size_t kMaxIdChars = 200;      // ids: questions, areas, roles, languages
inline constexpr size_t kMaxTextChars = 10000;  // free text: answers, comments, reasons

// Typed, total reading of the fields of one JSON object of a request body:
// every read checks presence, JSON type and limits, records a FieldProblem
// naming the field (prefix + name, e.g. "reason" or "/answers/3/number") when
// they fail, and returns whether it succeeded. Nothing here throws, whatever
// the body holds. Problems accumulate in the list given, shared by the
// readers of nested objects.
class FieldReader {
 public:
  enum class Need { kOptional, kRequired };

  // `object` must outlive the reader. A non-object is recorded as a problem
  // of `prefix` itself, and every read then fails.
  FieldReader(const nlohmann::json& object, std::string prefix,
              std::vector<FieldProblem>& problems);

  bool ok() const { return ok_; }
  // The name a problem of field `name` gets.
  std::string Path(const std::string& name) const { return prefix_ + name; }

  // A text of 1 to `max_chars` characters (0 allowed with `allow_empty`).
  // Optional and absent (or null): `out` stays as it is.
  bool Text(const std::string& name, std::string& out, Need need, size_t max_chars = kMaxTextChars,
            bool allow_empty = false);
  bool Text(const std::string& name, std::optional<std::string>& out,
            size_t max_chars = kMaxTextChars);  // optional; null = absent
  // A finite number; optional, null = absent.
  bool Number(const std::string& name, std::optional<double>& out);
  // A whole number in [min, max] (1.5 and 1e300 are refused); optional, null = absent.
  bool Integer(const std::string& name, std::optional<int64_t>& out, int64_t min, int64_t max);
  // true or false; optional: `out` stays when absent.
  bool Boolean(const std::string& name, bool& out);
  // An array of at most `max_items` items; nullptr when absent (null) or wrong.
  const nlohmann::json* Array(const std::string& name, Need need, size_t max_items = 1000);

  void Fail(const std::string& name, Message message);

 private:
  const nlohmann::json* Find(const std::string& name, Need need);

  const nlohmann::json& object_;
  std::string prefix_;
  std::vector<FieldProblem>& problems_;
  bool ok_ = true;
};

}  // namespace cx::server
