#include "server/api.h"

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

Reply Problem(int status, std::string detail, std::string field) {
  Reply reply;
  reply.status = status;
  reply.body = {{"type", "about:blank"},
                {"title", Title(status)},
                {"status", status},
                {"detail", std::move(detail)}};
  if (!field.empty()) reply.body["field"] = std::move(field);
  reply.content_type = "application/problem+json";
  return reply;
}

std::optional<Reply> ParseBody(const std::string& body, nlohmann::json& out) {
  try {
    out = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    return Problem(400, "the body is not valid JSON (at byte " + std::to_string(error.byte) + ")");
  }
  if (!out.is_object()) return Problem(400, "the body must be a JSON object");
  return std::nullopt;
}

nlohmann::json OpenApiDocument(const std::vector<Route>& routes) {
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
          {"content", {{"application/json", {{"schema", route.request_schema}}}}}};
    }
    nlohmann::json roles = nlohmann::json::array();
    for (auto role : route.roles) roles.push_back(std::string(domain::ToString(role)));
    operation["x-roles"] = roles;
    if (route.roles.empty()) operation["security"] = nlohmann::json::array();
    operation["responses"] = {{"200", {{"description", "OK"}}},
                              {"default",
                               {{"description", "An RFC 9457 problem"},
                                {"content",
                                 {{"application/problem+json",
                                   {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}};
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.path][method] = operation;
  }
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
            {"schemas",
             {{"Problem",
               {{"type", "object"},
                {"required", {"type", "title", "status", "detail"}},
                {"properties",
                 {{"type", {{"type", "string"}}},
                  {"title", {{"type", "string"}}},
                  {"status", {{"type", "integer"}}},
                  {"detail", {{"type", "string"}}},
                  {"field", {{"type", "string"}}}}}}}}}}},
          {"security", {{{"session", nlohmann::json::array()}}}}};
}

}  // namespace cx::server
