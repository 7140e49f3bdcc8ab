#pragma once
// Serves an App over HTTP/1.1 (Boost.Beast on Boost.Asio, event-driven; the
// top of http_server.cc says why): the API under /api/v1, the built web front
// end (web/dist) for everything else, security headers on every response.
//
// Threads: a few I/O threads accept, read and write every connection; route
// handlers (they block on SQLite, PDF rendering) run on a bounded worker pool,
// and routes marked `heavy` on a smaller pool of their own with a bounded
// queue (503 when it is full). Run() returns after Stop(), once the handlers
// in progress have finished.

#include <chrono>
#include <memory>
#include <string>

#include "core/result.h"
#include "server/app.h"

namespace cx::server {

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                      // 0 = any free port (tests)
  std::string web_dir;                  // the built front end; empty = API only
  size_t max_body_bytes = 256 * 1024;   // larger: 413
  size_t max_header_bytes = 16 * 1024;  // request line and headers; larger: 431
  // A whole request (headers and body) must arrive within this, else 408 and close.
  std::chrono::milliseconds request_timeout{10'000};
  // A keep-alive connection with no request in progress is closed after this.
  std::chrono::milliseconds idle_timeout{60'000};
  // A reply the client does not read within this closes the connection.
  std::chrono::milliseconds write_timeout{30'000};
  // A file upload (Route::max_file_bytes) gets request_timeout plus the time
  // its Content-Length takes at this rate: 20 MB at 16 kB/s is 21 minutes, a
  // phone on a poor connection, while a client that sends less is cut off.
  size_t min_upload_bytes_per_second = 16 * 1024;
  int io_threads = 2;
  int workers = 8;        // route handlers at once
  int heavy_workers = 2;  // heavy routes (report downloads) at once
  int heavy_queue = 8;    // heavy requests waiting; beyond that 503 with Retry-After
  // Connections from one client address; over it a new one is closed at once.
  int max_connections_per_address = 32;
  int max_connections = 10'000;  // in all (also bounded by RLIMIT_NOFILE)
  // Session cookies get `Secure`: the public URL is https...
  bool secure_cookies = false;
  // ...or the request says `X-Forwarded-Proto: https` and a proxy we trust set it.
  bool trust_forwarded_proto = false;
  // The compiled message catalogues (LANG/LC_MESSAGES/cxbench.mo); empty:
  // the build's (i18n::DefaultCatalogueDir).
  std::string locale_dir = {};
};

class HttpServer {
 public:
  HttpServer(App& app, HttpOptions options);
  ~HttpServer();
  // Binds the address; the port actually bound (useful with port 0).
  Result<int> Bind();
  // Serves until Stop() (blocking).
  void Run();
  // Safe from any thread, also before Run().
  void Stop();
  // Connections accepted and not yet closed (for tests and diagnostics).
  int OpenConnections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cx::server
