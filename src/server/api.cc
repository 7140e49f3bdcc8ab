#include "server/api.h"

#include <cmath>
#include <cstdlib>
#include <regex>

namespace cx::server {
namespace {

std::string Title(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 410:
      return "Gone";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

}  // namespace

Reply Problem(int status, Message detail, std::string field) {
  Reply reply;
  reply.status = status;
  reply.body = {{"type", "about:blank"},
                {"title", Title(status)},
                {"status", status},
                {"detail", detail.English()}};
  if (!field.empty()) reply.body["field"] = std::move(field);
  reply.content_type = "application/problem+json";
  reply.said_detail = std::move(detail);
  return reply;
}

namespace {

bool StartsNumber(char c) { return c == '-' || (c >= '0' && c <= '9'); }
bool InNumber(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// One linear pass over the body outside its strings: the nesting depth of
// arrays and objects, and every number token, which must fit a double. The
// JSON grammar itself is left to the parser; this only refuses what the
// parser would accept but the server cannot hold. nullopt when neither limit
// is broken.
std::optional<Reply> ScanLimits(const std::string& body) {
  int depth = 0;
  bool in_string = false;
  for (size_t at = 0; at < body.size(); ++at) {
    const char c = body[at];
    if (in_string) {
      if (c == '\\') {
        ++at;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxBodyDepth) {
        return Problem(400, Msg("the body nests arrays and objects deeper than {1} levels (at "
                                "byte {2})",
                                kMaxBodyDepth, at + 1));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (StartsNumber(c)) {
      size_t end = at;
      while (end < body.size() && InNumber(body[end])) ++end;
      // strtod reads what JSON's grammar allows and more; a malformed token
      // is the parser's to report.
      const std::string token = body.substr(at, end - at);
      const double value = std::strtod(token.c_str(), nullptr);
      if (std::isinf(value)) {
        return Problem(400, Msg("number out of range at byte {1}: numbers must fit a double (at "
                                "most about 1.8e308)",
                                at + 1));
      }
      at = end - 1;
    }
  }
  return std::nullopt;
}

size_t CountCharacters(const std::string& text) {
  size_t count = 0;
  for (const char c : text) {
    // Every byte but a UTF-8 continuation byte (10xxxxxx) starts a character.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

Message JsonTypeName(const nlohmann::json& value) {
  if (value.is_number()) return Phrase("a number");
  if (value.is_string()) return Phrase("a text");
  if (value.is_boolean()) return Phrase("true or false");
  if (value.is_array()) return Phrase("an array");
  if (value.is_object()) return Phrase("an object");
  return Verbatim("null");
}

}  // namespace

std::optional<Reply> ParseBody(const std::string& body, nlohmann::json& out) {
  if (auto problem = ScanLimits(body)) return problem;
  try {
    out = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    // Also invalid UTF-8 in a string: the parser checks every string.
    return Problem(400, Msg("the body is not valid JSON (at byte {1})", error.byte));
  } catch (const std::exception&) {
    return Problem(400, Msg("the body is not valid JSON"));
  }
  if (!out.is_object()) return Problem(400, Msg("the body must be a JSON object"));
  return std::nullopt;
}

Reply FieldsProblem(int status, const Message& what, const std::vector<FieldProblem>& problems) {
  if (problems.empty()) return Problem(status, what);
  Reply reply =
      Problem(status, Msg("{1}: {2}", what, problems.front().message), problems.front().field);
  nlohmann::json all = nlohmann::json::array();
  for (const auto& problem : problems) {
    all.push_back({{"field", problem.field}, {"detail", problem.message.English()}});
    reply.said_errors.push_back(problem.message);
  }
  reply.body["errors"] = all;
  return reply;
}

FieldReader::FieldReader(const nlohmann::json& object, std::string prefix,
                         std::vector<FieldProblem>& problems)
    : object_(object), prefix_(std::move(prefix)), problems_(problems) {
  if (!object_.is_object()) {
    std::string at = prefix_;
    if (at.size() > 1 && at.back() == '/') at.pop_back();
    problems_.push_back({at, Msg("an object is expected, not {1}", JsonTypeName(object_))});
    ok_ = false;
  }
}

void FieldReader::Fail(const std::string& name, Message message) {
  problems_.push_back({Path(name), std::move(message)});
  ok_ = false;
}

const nlohmann::json* FieldReader::Find(const std::string& name, Need need) {
  if (!object_.is_object()) return nullptr;
  const auto found = object_.find(name);
  if (found == object_.end() || found->is_null()) {
    if (need == Need::kRequired) Fail(name, Msg("is required"));
    return nullptr;
  }
  return &*found;
}

bool FieldReader::Text(const std::string& name, std::string& out, Need need, size_t max_chars,
                       bool allow_empty) {
  const nlohmann::json* value = Find(name, need);
  if (value == nullptr) return need == Need::kOptional && object_.is_object();
  if (!value->is_string()) {
    Fail(name, Msg("a text is expected, not {1}", JsonTypeName(*value)));
    return false;
  }
  const std::string& text = value->get_ref<const std::string&>();
  if (text.empty() && !allow_empty) {
    Fail(name, Msg("a non-empty text is expected"));
    return false;
  }
  if (CountCharacters(text) > max_chars) {
    Fail(name, Msg("a text of at most {1} characters is expected", max_chars));
    return false;
  }
  out = text;
  return true;
}

bool FieldReader::Text(const std::string& name, std::optional<std::string>& out, size_t max_chars) {
  std::string text;
  const nlohmann::json* value = Find(name, Need::kOptional);
  if (value == nullptr) return object_.is_object();
  if (!Text(name, text, Need::kRequired, max_chars, /*allow_empty=*/true)) return false;
  out = std::move(text);
  return true;
}

bool FieldReader::Number(const std::string& name, std::optional<double>& out) {
  const nlohmann::json* value = Find(name, Need::kOptional);
  if (value == nullptr) return object_.is_object();
  if (!value->is_number()) {
    Fail(name, Msg("a number is expected, not {1}", JsonTypeName(*value)));
    return false;
  }
  const double number = value->get<double>();
  if (!std::isfinite(number)) {
    Fail(name, Msg("a finite number is expected"));
    return false;
  }
  out = number;
  return true;
}

bool FieldReader::Integer(const std::string& name, std::optional<int64_t>& out, int64_t min,
                          int64_t max) {
  std::optional<double> number;
  if (!Number(name, number)) return false;
  if (!number) return true;
  // Compared as doubles first: a cast of 1e300 to int64_t is undefined.
  if (*number != std::floor(*number) || *number < static_cast<double>(min) ||
      *number > static_cast<double>(max)) {
    Fail(name, Msg("a whole number from {1} to {2} is expected", min, max));
    return false;
  }
  out = static_cast<int64_t>(*number);
  return true;
}

bool FieldReader::Boolean(const std::string& name, bool& out) {
  const nlohmann::json* value = Find(name, Need::kOptional);
  if (value == nullptr) return object_.is_object();
  if (!value->is_boolean()) {
    Fail(name, Msg("true or false is expected, not {1}", JsonTypeName(*value)));
    return false;
  }
  out = value->get<bool>();
  return true;
}

const nlohmann::json* FieldReader::Array(const std::string& name, Need need, size_t max_items) {
  const nlohmann::json* value = Find(name, need);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    Fail(name, Msg("an array is expected, not {1}", JsonTypeName(*value)));
    return nullptr;
  }
  if (value->size() > max_items) {
    Fail(name, Msg("at most {1} items are expected", max_items));
    return nullptr;
  }
  return value;
}

Route Replying(Route route, nlohmann::json response_schema) {
  route.response_schema = std::move(response_schema);
  return route;
}

nlohmann::json OpenApiDocument(const std::vector<Route>& routes, const nlohmann::json& schemas) {
  nlohmann::json paths = nlohmann::json::object();
  const std::regex parameter(R"(\{([a-z_]+)\})");
  for (const Route& route : routes) {
    nlohmann::json operation = {{"summary", route.summary}};
    nlohmann::json parameters = nlohmann::json::array();
    for (std::sregex_iterator it(route.path.begin(), route.path.end(), parameter), end; it != end;
         ++it) {
      parameters.push_back({{"name", (*it)[1].str()},
                            {"in", "path"},
                            {"required", true},
                            {"schema", {{"type", "string"}}}});
    }
    if (!parameters.empty()) operation["parameters"] = parameters;
    if (!route.request_schema.is_null()) {
      operation["requestBody"] = {
          {"required", true},
          {"content",
           {{route.max_file_bytes > 0 ? "application/octet-stream" : "application/json",
             {{"schema", route.request_schema}}}}}};
    }
    nlohmann::json roles = nlohmann::json::array();
    for (auto role : route.roles) roles.push_back(std::string(domain::ToString(role)));
    operation["x-roles"] = roles;
    if (route.roles.empty()) operation["security"] = nlohmann::json::array();
    nlohmann::json ok = {{"description", "OK"}};
    if (!route.response_schema.is_null()) {
      ok["content"] = {{"application/json", {{"schema", route.response_schema}}}};
    }
    operation["responses"] = {{"200", ok},
                              {"default",
                               {{"description", "An RFC 9457 problem"},
                                {"content",
                                 {{"application/problem+json",
                                   {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}};
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.path][method] = operation;
  }
  nlohmann::json all_schemas = schemas;
  all_schemas["Problem"] = {{"type", "object"},
                            {"required", {"type", "title", "status", "detail"}},
                            {"properties",
                             {{"type", {{"type", "string"}}},
                              {"title", {{"type", "string"}}},
                              {"status", {{"type", "integer"}}},
                              {"detail", {{"type", "string"}}},
                              {"field", {{"type", "string"}}}}}};
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "cxbench API"},
            {"version", "1"},
            {"description",
             "Shoppers report contacts, managers run quality assurance, participants see their "
             "own results. Every route but login and accepting an invitation needs a session "
             "cookie; state-changing calls need the X-CSRF-Token header."}}},
          {"paths", paths},
          {"components",
           {{"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "cx_session"}}}}},
            {"schemas", all_schemas}}},
          {"security", {{{"session", nlohmann::json::array()}}}}};
}

}  // namespace cx::server
