#pragma once
// Serves an App over HTTP with cpp-httplib (Debian libcpp-httplib-dev): the
// API under /api/v1, the built web front end (web/dist) for everything else,
// security headers on every response.

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "server/app.h"

namespace cx::server {

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8080;      // 0 = any free port (tests)
  std::string web_dir;  // the built front end; empty = API only
  size_t max_body_bytes = 256 * 1024;
};

class HttpServer {
 public:
  HttpServer(App& app, HttpOptions options);
  ~HttpServer();
  // Binds the address; the port actually bound (useful with port 0).
  Result<int> Bind();
  // Serves until Stop() (blocking).
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cx::server
