#include "server/http_server.h"

#include <httplib.h>

#include <filesystem>
#include <iostream>
#include <regex>

namespace cx::server {
namespace {

// No inline script or style anywhere: the front end is files of our own.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

std::string CookieValue(const httplib::Request& request, const std::string& name) {
  const std::string header = request.get_header_value("Cookie");
  size_t position = 0;
  while (position < header.size()) {
    size_t end = header.find(';', position);
    if (end == std::string::npos) end = header.size();
    std::string pair = header.substr(position, end - position);
    const size_t start = pair.find_first_not_of(' ');
    if (start != std::string::npos) pair = pair.substr(start);
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    position = end + 1;
  }
  return {};
}

// "/api/v1/assignments/{id}" -> "^/api/v1/assignments/([^/]+)$" and the names.
std::string PatternOf(const std::string& path, std::vector<std::string>& names) {
  std::string pattern = "^";
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      const size_t close = path.find('}', i);
      names.push_back(path.substr(i + 1, close - i - 1));
      pattern += "([^/]+)";
      i = close;
    } else if (path[i] == '.') {
      pattern += "\\.";
    } else {
      pattern += path[i];
    }
  }
  return pattern + "$";
}

void Send(const Reply& reply, httplib::Response& response) {
  response.status = reply.status;
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  if (reply.raw) {
    response.set_content(*reply.raw, reply.content_type.c_str());
  } else {
    const std::string type = reply.content_type.empty() ? "application/json" : reply.content_type;
    response.set_content(reply.body.dump(), type.c_str());
  }
}

}  // namespace

struct HttpServer::Impl {
  App& app;
  HttpOptions options;
  httplib::Server server;
  int port = 0;

  void Dispatch(const Route& route, const std::vector<std::string>& names,
                const httplib::Request& request, httplib::Response& response) {
    if (request.body.size() > options.max_body_bytes) {
      return Send(Problem(413, "the body is larger than " +
                                   std::to_string(options.max_body_bytes / 1024) + " KiB"),
                  response);
    }
    Call call;
    for (size_t i = 0; i < names.size() && i + 1 < request.matches.size(); ++i) {
      call.params[names[i]] = request.matches[i + 1].str();
    }
    for (const auto& [key, value] : request.params) call.query[key] = value;
    call.body = request.body;
    call.remote_address = request.remote_addr;
    call.session_token = CookieValue(request, "cx_session");
    if (auto session = app.Authenticate(call.session_token)) {
      call.account = session->account;
      call.csrf_token = session->csrf_token;
    }
    if (!route.roles.empty()) {
      if (!call.account) return Send(Problem(401, "log in first"), response);
      if (std::find(route.roles.begin(), route.roles.end(), call.account->role) ==
          route.roles.end()) {
        return Send(Problem(403, "your role may not do this"), response);
      }
      if (route.method != "GET" && route.csrf) {
        const std::string sent = request.get_header_value("X-CSRF-Token");
        if (sent.empty() || sent != call.csrf_token) {
          return Send(Problem(403, "missing or wrong X-CSRF-Token header", "X-CSRF-Token"),
                      response);
        }
      }
    }
    try {
      Send(route.handler(call), response);
    } catch (const std::exception& error) {
      std::cerr << "cxbench serve: " << route.method << " " << route.path << ": " << error.what()
                << "\n";
      Send(Problem(500, "the server could not complete the request"), response);
    }
  }
};

HttpServer::HttpServer(App& app, HttpOptions options)
    : impl_(new Impl{app, std::move(options), {}, 0}) {
  httplib::Server& server = impl_->server;
  // Bodies larger than this are cut off by httplib itself (413, made a problem below).
  server.set_payload_max_length(impl_->options.max_body_bytes * 4);
  // Without TCP_NODELAY a reply written in two parts waits for the client's
  // delayed ACK: measured 43 ms median per results page under wrk (bench/server.sh).
  server.set_tcp_nodelay(true);
  // httplib closes a keep-alive connection after 5 requests by default.
  server.set_keep_alive_max_count(1000);
  for (const Route& route : app.routes()) {
    auto names = std::make_shared<std::vector<std::string>>();
    const std::string pattern = PatternOf(route.path, *names);
    httplib::Server::Handler handler = [this, &route, names](const httplib::Request& request,
                                                             httplib::Response& response) {
      impl_->Dispatch(route, *names, request, response);
    };
    if (route.method == "GET") server.Get(pattern, handler);
    if (route.method == "POST") server.Post(pattern, handler);
    if (route.method == "PUT") server.Put(pattern, handler);
    if (route.method == "DELETE") server.Delete(pattern, handler);
  }
  // Any other API path: a problem, never the front end's index page.
  auto unknown = [](const httplib::Request& request, httplib::Response& response) {
    Send(Problem(404, "no route " + request.method + " " + request.path), response);
  };
  server.Get("^/api/.*", unknown);
  server.Post("^/api/.*", unknown);
  server.Put("^/api/.*", unknown);
  server.Delete("^/api/.*", unknown);
  if (!impl_->options.web_dir.empty()) {
    server.set_mount_point("/", impl_->options.web_dir);
  }
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    std::string detail =
        response.status == 413 ? "the body is too large" : "no such page: " + request.path;
    Send(Problem(response.status, detail), response);
  });
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Security-Policy", kContentSecurityPolicy);
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
    if (response.get_header_value("Cache-Control").empty()) {
      response.set_header("Cache-Control", "no-store");
    }
  });
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind() {
  if (impl_->options.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(impl_->options.host);
  } else if (impl_->server.bind_to_port(impl_->options.host, impl_->options.port)) {
    impl_->port = impl_->options.port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port <= 0) {
    return IoError("cannot listen on " + impl_->options.host + ":" +
                   std::to_string(impl_->options.port) + " (in use, or not an address here)");
  }
  return impl_->port;
}

void HttpServer::Run() { impl_->server.listen_after_bind(); }

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace cx::server
