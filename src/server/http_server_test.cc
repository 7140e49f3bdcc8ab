// The HTTP transport against hostile clients, on loopback with the real App
// over a real SQLite file: invalid UTF-8 in every position of every route,
// a thousand idle and slow connections while a normal client is served, the
// per-address cap, the request deadline, the heavy queue, JSON-only bodies,
// static files, Secure cookies. Raw sockets where a client library would
// tidy up what a hostile client sends.
#include "server/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "demo/generator.h"
#include "server/accounts.h"
#include "server/app.h"

namespace cx::server {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// ---- A raw client ----

// A TCP connection to the server from `source` (any address in 127.0.0.0/8
// is this machine's); -1 on failure.
int Connect(int port, const std::string& source = "127.0.0.1") {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in local{};
  local.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &local.sin_addr);
  sockaddr_in remote{};
  remote.sin_family = AF_INET;
  remote.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    data.remove_prefix(static_cast<size_t>(sent));
  }
  return true;
}

struct RawReply {
  int status = 0;  // 0: no reply came
  std::string head;
  std::string body;
  std::string Header(const std::string& name) const {
    std::string lower_head = head;
    for (char& c : lower_head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = "\r\n" + name + ":";
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t at = lower_head.find(key);
    if (at == std::string::npos) return {};
    const size_t start = head.find_first_not_of(' ', at + key.size());
    return head.substr(start, head.find("\r\n", start) - start);
  }
};

// Bytes from `fd` into `buffer` until `done` says enough, the peer closes, or
// the time is up.
template <typename Done>
void ReadUntil(int fd, std::string& buffer, Clock::time_point deadline, Done done) {
  char chunk[4096];
  while (!done(buffer)) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return;
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left)) <= 0) return;
    const ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
    if (got <= 0) return;
    buffer.append(chunk, static_cast<size_t>(got));
  }
}

// One reply (its headers and a Content-Length body), read within `timeout`;
// `buffer` keeps what came after it (the next reply of a pipeline).
RawReply ReadReply(int fd, std::string& buffer, milliseconds timeout = milliseconds(20'000)) {
  const auto deadline = Clock::now() + timeout;
  ReadUntil(fd, buffer, deadline,
            [](const std::string& read) { return read.find("\r\n\r\n") != std::string::npos; });
  RawReply reply;
  const size_t end = buffer.find("\r\n\r\n");
  if (end == std::string::npos || buffer.rfind("HTTP/1.", 0) != 0) return reply;
  reply.head = buffer.substr(0, end + 2);
  reply.status = std::stoi(buffer.substr(9, 3));
  const std::string length = reply.Header("Content-Length");
  const size_t size = length.empty() ? 0 : std::stoul(length);
  buffer.erase(0, end + 4);
  ReadUntil(fd, buffer, deadline, [size](const std::string& read) { return read.size() >= size; });
  reply.body = buffer.substr(0, size);
  buffer.erase(0, std::min(size, buffer.size()));
  return reply;
}

RawReply ReadReply(int fd, milliseconds timeout = milliseconds(20'000)) {
  std::string buffer;
  return ReadReply(fd, buffer, timeout);
}

// Whether the server closed the connection (end of stream or reset) within
// `timeout`; anything it sent first is dropped.
bool ClosedWithin(int fd, milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  char chunk[4096];
  while (true) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left)) <= 0) return false;
    const ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
    if (got <= 0) return true;
  }
}

// Still open: nothing to read and no end of stream, right now.
bool StillOpen(int fd) {
  char byte;
  const ssize_t got = ::recv(fd, &byte, 1, MSG_DONTWAIT | MSG_PEEK);
  return got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

// Sends `request` on a new connection and reads one reply.
RawReply Exchange(int port, const std::string& request, const std::string& source = "127.0.0.1") {
  const int fd = Connect(port, source);
  if (fd < 0) return {};
  RawReply reply;
  if (SendAll(fd, request)) reply = ReadReply(fd);
  ::close(fd);
  return reply;
}

std::string Get(const std::string& target, const std::string& cookie = {},
                const std::string& extra_headers = {}) {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" +
         (cookie.empty() ? "" : "Cookie: " + cookie + "\r\n") + extra_headers + "\r\n";
}

std::string WithBody(const std::string& method, const std::string& target,
                     const std::string& headers, const std::string& body) {
  return method + " " + target + " HTTP/1.1\r\nHost: test\r\n" + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// ---- The server under test ----

// A server with `options` on a free port, serving on its own thread until destroyed.
struct Running {
  std::unique_ptr<HttpServer> http;
  std::thread thread;
  int port = 0;
  Running(App& app, HttpOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    http = std::make_unique<HttpServer>(app, std::move(options));
    port = http->Bind().value();
    thread = std::thread([this] { http->Run(); });
  }
  ~Running() {
    http->Stop();
    thread.join();
  }
  // Waits (up to 10 s) until the server holds `count` connections.
  bool WaitForConnections(int count) const {
    for (int round = 0; round < 1000 && http->OpenConnections() != count; ++round) {
      std::this_thread::sleep_for(milliseconds(10));
    }
    return http->OpenConnections() == count;
  }
};

struct Login {
  std::string cookie;  // "cx_session=..."
  std::string csrf;
  std::string set_cookie;  // the whole Set-Cookie header
};

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Two descriptors per held connection (ours and the server's), all in this process.
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    dir_ = std::filesystem::temp_directory_path() /
           ("cxbench-http-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "web" / "assets");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>cxbench</title>";
    std::ofstream(dir_ / "web" / "assets" / "index-1a2b3c.js") << "console.log(1);";
    std::ofstream(dir_ / "secret.txt") << "outside the web directory";

    auto store = store::OpenSqlite((dir_ / "http.db").string()).value();
    demo::DemoWorld world = demo::GenerateWorld({.seed = 11, .participants = 4, .shoppers = 30});
    auto contacts = demo::AssignContacts(world, 11);
    demo::SimulateAnswers(world, contacts, 11);
    participant_ = contacts.front().participant;
    ASSERT_TRUE(store->SaveStudy(world.study, false).ok());
    ASSERT_TRUE(store->SaveShoppers(world.shoppers).ok());
    ASSERT_TRUE(store->SaveContacts(world.study.id, contacts).ok());
    domain::Account admin;
    admin.email = "admin@test.no";
    admin.name = "Admin";
    admin.role = domain::Role::kAdmin;
    ASSERT_TRUE(AddAccount(*store, admin, "passord-123").ok());
    AppOptions options;
    options.resamples = 50;
    options.throttle = {
        .per_account = 1000, .per_address = 100000, .window = std::chrono::minutes(15)};
    app_ = new App(std::move(store), world.study, options);
  }

  static void TearDownTestSuite() {
    delete app_;
    std::filesystem::remove_all(dir_);
  }

  static HttpOptions Options() {
    HttpOptions options;
    options.web_dir = (dir_ / "web").string();
    return options;
  }

  static Login LogIn(int port, const std::string& content_type = "application/json",
                     const std::string& extra_headers = {}) {
    const std::string body = R"({"email":"admin@test.no","password":"passord-123"})";
    RawReply reply =
        Exchange(port, WithBody("POST", "/api/v1/session",
                                "Content-Type: " + content_type + "\r\n" + extra_headers, body));
    Login login;
    login.set_cookie = reply.Header("Set-Cookie");
    if (reply.status != 200) return login;
    login.cookie = login.set_cookie.substr(0, login.set_cookie.find(';'));
    login.csrf = json::parse(reply.body)["csrf_token"].get<std::string>();
    return login;
  }

  static inline std::filesystem::path dir_;
  static inline App* app_ = nullptr;
  static inline std::string participant_;
};

// ---- Invalid UTF-8 ----

TEST_F(HttpServerTest, InvalidUtf8InEveryPositionOfEveryRouteIsA4xxAndTheServerGoesOn) {
  Running server(*app_, Options());
  // Logged in as admin with a valid CSRF token: a position the transport
  // failed to check would reach the handler, which answers 2xx.
  const Login admin = LogIn(server.port);
  ASSERT_FALSE(admin.cookie.empty());
  const std::string auth = "Cookie: " + admin.cookie + "\r\nX-CSRF-Token: " + admin.csrf + "\r\n";
  const std::string json_type = "Content-Type: application/json\r\n";
  const std::vector<std::string> bad_texts = {"%FF", "%C0%AF", "%ED%A0%80", "\xFF", "%F4%90%80%80"};
  int checked = 0;
  auto expect_4xx = [&](const std::string& request, const std::string& what) {
    const RawReply reply = Exchange(server.port, request);
    EXPECT_GE(reply.status, 400) << what;
    EXPECT_LT(reply.status, 500) << what;
    if (reply.status >= 400) {
      EXPECT_EQ(reply.Header("Content-Type"), "application/problem+json") << what;
      EXPECT_EQ(json::parse(reply.body)["status"], reply.status) << what;
    }
    ++checked;
  };
  for (const Route& route : app_->routes()) {
    const std::string name = route.method + " " + route.path;
    // The path with every parameter valid, and with each one invalid in turn.
    std::string valid_path;
    std::vector<std::string> invalid_paths;
    size_t position = 0;
    while (position < route.path.size()) {
      const size_t open = route.path.find('{', position);
      if (open == std::string::npos) {
        valid_path += route.path.substr(position);
        for (auto& path : invalid_paths) path += route.path.substr(position);
        break;
      }
      const size_t close = route.path.find('}', open);
      const std::string literal = route.path.substr(position, open - position);
      for (auto& path : invalid_paths) path += literal + "x";
      for (const std::string& bad : bad_texts) invalid_paths.push_back(valid_path + literal + bad);
      valid_path += literal + "x";
      position = close + 1;
    }
    const std::string body = route.request_schema.is_null() ? "" : "{}";
    for (const std::string& path : invalid_paths) {
      expect_4xx(WithBody(route.method, path, auth + json_type, body), name + " path " + path);
    }
    for (const std::string& bad : bad_texts) {
      expect_4xx(WithBody(route.method, valid_path + "?" + bad + "=1", auth + json_type, body),
                 name + " query key " + bad);
      expect_4xx(WithBody(route.method, valid_path + "?format=" + bad, auth + json_type, body),
                 name + " query value " + bad);
    }
    expect_4xx(
        WithBody(route.method, valid_path,
                 "Cookie: " + admin.cookie + "\r\nX-CSRF-Token: \xFF\xFE\r\n" + json_type, body),
        name + " X-CSRF-Token header");
    expect_4xx(
        WithBody(route.method, valid_path,
                 "Cookie: cx_session=\xC3\x28\r\nX-CSRF-Token: " + admin.csrf + "\r\n" + json_type,
                 body),
        name + " cookie");
    expect_4xx(WithBody(route.method, valid_path, auth + json_type,
                        "{\"email\":\"a\xFF@test.no\",\"password\":\"\xC0\xAF\",\"language\":"
                        "\"\xED\xA0\x80\",\"message\":\"\xFF\",\"text\":\"\xFF\"}"),
               name + " JSON string in the body");
  }
  for (const char* unknown :
       {"/api/v1/%FF", "/api/v1/nope%C3%28", "/%FF", "/api/%FF%FE?%FF=%FF", "/assets/%FF.js",
        "/api/v1/\xC3\x28", "/\xFF", "/api/v1/users/%C0%AF/x"}) {
    expect_4xx(Get(unknown, admin.cookie), std::string("unknown path ") + unknown);
  }
  EXPECT_GE(checked, 13 * static_cast<int>(app_->routes().size()));
  // Still serving.
  EXPECT_EQ(Exchange(server.port, Get("/api/v1/me", admin.cookie)).status, 200);
}

TEST_F(HttpServerTest, ParseBodyRejectsInvalidUtf8InAJsonString) {
  nlohmann::json out;
  auto problem = ParseBody("{\"email\":\"a\xFF\"}", out);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->status, 400);
}

// ---- Slow and idle clients ----

TEST_F(HttpServerTest, AThousandIdleAndSlowConnectionsDoNotStopANormalClient) {
  Running server(*app_, Options());
  const Login admin = LogIn(server.port);
  ASSERT_FALSE(admin.cookie.empty());
  // 40 source addresses with 25 connections each: under the cap of 32 per
  // address, so it is the server's capacity being tried, not the cap.
  constexpr int kConnections = 1000;
  constexpr int kAddresses = 40;
  std::vector<int> idle;
  std::vector<int> slow;
  for (int index = 0; index < kConnections; ++index) {
    const std::string source = "127.0.0." + std::to_string(2 + index % kAddresses);
    const int fd = Connect(server.port, source);
    ASSERT_GE(fd, 0) << "connection " << index << " from " << source;
    (index % 2 == 0 ? idle : slow).push_back(fd);
  }
  // +0: the login's connection is closed by now.
  ASSERT_TRUE(server.WaitForConnections(kConnections)) << server.http->OpenConnections();
  // The slow ones send a request one byte a second.
  const std::string request = Get("/api/v1/me", admin.cookie);
  size_t sent = 0;
  auto dribble = [&] {
    for (int fd : slow) SendAll(fd, request.substr(sent, 1));
    ++sent;
  };
  dribble();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  dribble();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  dribble();
  // A normal client: a new connection, one request, timed from connect to reply.
  const auto start = Clock::now();
  const RawReply reply = Exchange(server.port, Get("/api/v1/me", admin.cookie));
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_EQ(reply.status, 200);
  int held = 0;
  for (int fd : idle) held += StillOpen(fd);
  for (int fd : slow) held += StillOpen(fd);
  // The task: served within a second. Generous here for a loaded, sanitized build.
  EXPECT_LT(seconds, 3.0);
  EXPECT_EQ(held, kConnections);
  std::cout << "held " << held << " idle and slow connections (" << slow.size() << " slow, " << sent
            << " bytes sent each); a normal request was served in " << seconds * 1000 << " ms\n";
  for (int fd : idle) ::close(fd);
  for (int fd : slow) ::close(fd);
}

TEST_F(HttpServerTest, OverThePerAddressCapTheConnectionIsClosedWhileAnotherAddressIsServed) {
  HttpOptions options = Options();
  options.max_connections_per_address = 4;
  Running server(*app_, options);
  std::vector<int> held;
  for (int index = 0; index < 4; ++index) held.push_back(Connect(server.port, "127.0.0.5"));
  ASSERT_TRUE(server.WaitForConnections(4));
  const int over = Connect(server.port, "127.0.0.5");
  ASSERT_GE(over, 0);  // the kernel accepts; the server closes it at once
  EXPECT_TRUE(ClosedWithin(over, milliseconds(5000)));
  ::close(over);
  EXPECT_EQ(Exchange(server.port, Get("/"), "127.0.0.6").status, 200);
  for (int fd : held) EXPECT_TRUE(StillOpen(fd));
  // One of the four goes: the address may connect again.
  ::close(held.back());
  held.pop_back();
  ASSERT_TRUE(server.WaitForConnections(3));
  EXPECT_EQ(Exchange(server.port, Get("/"), "127.0.0.5").status, 200);
  for (int fd : held) ::close(fd);
}

TEST_F(HttpServerTest, ARequestDribbledPastTheDeadlineGets408AndIdleConnectionsClose) {
  HttpOptions options = Options();
  options.request_timeout = milliseconds(1000);
  options.idle_timeout = milliseconds(1000);
  Running server(*app_, options);
  // Dribbled: one header byte every 100 ms, never finished.
  const int dribbler = Connect(server.port);
  ASSERT_TRUE(SendAll(dribbler, "GET / HTTP/1.1\r\nHost: test\r\nX-Slow: "));
  RawReply reply;
  for (int round = 0; round < 50 && reply.status == 0; ++round) {
    SendAll(dribbler, "a");
    reply = ReadReply(dribbler, milliseconds(100));
  }
  EXPECT_EQ(reply.status, 408);
  EXPECT_EQ(reply.Header("Connection"), "close");
  EXPECT_TRUE(ClosedWithin(dribbler, milliseconds(5000)));
  ::close(dribbler);
  // Idle after a request: closed without a word.
  const int idle = Connect(server.port);
  ASSERT_TRUE(SendAll(idle, Get("/")));
  EXPECT_EQ(ReadReply(idle).status, 200);
  EXPECT_TRUE(ClosedWithin(idle, milliseconds(5000)));
  ::close(idle);
}

TEST_F(HttpServerTest, HeadersAndBodiesOverTheirLimitsAre431And413) {
  Running server(*app_, Options());
  const RawReply big_header =
      Exchange(server.port, Get("/", {}, "X-Big: " + std::string(20 * 1024, 'a') + "\r\n"));
  EXPECT_EQ(big_header.status, 431);
  const RawReply big_body = Exchange(
      server.port, WithBody("POST", "/api/v1/session", "Content-Type: application/json\r\n",
                            std::string(300 * 1024, ' ')));
  EXPECT_EQ(big_body.status, 413);
  EXPECT_EQ(big_body.Header("Content-Type"), "application/problem+json");
  // Declared too large: refused before a byte of the body is sent.
  const RawReply declared =
      Exchange(server.port,
               "POST /api/v1/session HTTP/1.1\r\nHost: test\r\nContent-Length: 100000000\r\n\r\n");
  EXPECT_EQ(declared.status, 413);
}

// ---- Heavy routes ----

TEST_F(HttpServerTest, WhenTheHeavyQueueIsFullAReportIs503WhileOtherRequestsAreServed) {
  HttpOptions options = Options();
  options.heavy_workers = 1;
  options.heavy_queue = 1;
  Running server(*app_, options);
  const Login admin = LogIn(server.port);
  ASSERT_FALSE(admin.cookie.empty());
  const std::string report = "/api/v1/participants/" + participant_ + "/report?format=html";
  std::vector<int> clients;
  {
    // Holding the app's lock keeps the first report running and the second waiting.
    std::unique_lock hold(app_->mutex());
    for (int index = 0; index < 3; ++index) {
      clients.push_back(Connect(server.port));
      ASSERT_TRUE(SendAll(clients.back(), Get(report, admin.cookie)));
    }
    // One of the three is refused at once (which one depends on arrival order).
    std::vector<pollfd> ready;
    for (int fd : clients) ready.push_back({fd, POLLIN, 0});
    ASSERT_EQ(::poll(ready.data(), ready.size(), 10'000), 1);
    int refused = -1;
    for (size_t index = 0; index < ready.size(); ++index) {
      if (ready[index].revents & POLLIN) refused = static_cast<int>(index);
    }
    const RawReply busy = ReadReply(clients[refused]);
    EXPECT_EQ(busy.status, 503);
    EXPECT_EQ(busy.Header("Retry-After"), "5");
    ::close(clients[refused]);
    clients.erase(clients.begin() + refused);
    // A page of the front end (the ordinary pool) is served meanwhile.
    EXPECT_EQ(Exchange(server.port, Get("/")).status, 200);
  }
  for (int fd : clients) {
    const RawReply done = ReadReply(fd);
    EXPECT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.Header("Content-Type"), "text/html; charset=utf-8");
    ::close(fd);
  }
}

// ---- Requests and replies ----

TEST_F(HttpServerTest, LoginTakesOnlyJsonSoAFormCannotLogSomeoneIn) {
  Running server(*app_, Options());
  for (const std::string type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
    const Login login = LogIn(server.port, type);
    EXPECT_TRUE(login.cookie.empty()) << type;
    EXPECT_TRUE(login.set_cookie.empty()) << type;
  }
  const RawReply plain =
      Exchange(server.port, WithBody("POST", "/api/v1/session", "Content-Type: text/plain\r\n",
                                     R"({"email":"admin@test.no","password":"passord-123"})"));
  EXPECT_EQ(plain.status, 415);
  EXPECT_EQ(json::parse(plain.body)["field"], "Content-Type");
  EXPECT_FALSE(LogIn(server.port, "application/json").cookie.empty());
  EXPECT_FALSE(LogIn(server.port, "Application/JSON; charset=utf-8").cookie.empty());
}

TEST_F(HttpServerTest, AClientThatExpects100ContinueIsToldToSendItsBody) {
  Running server(*app_, Options());
  const int fd = Connect(server.port);
  const std::string body = R"({"email":"admin@test.no","password":"passord-123"})";
  ASSERT_TRUE(SendAll(fd,
                      "POST /api/v1/session HTTP/1.1\r\nHost: test\r\nContent-Type: "
                      "application/json\r\nExpect: 100-continue\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n"));
  EXPECT_EQ(ReadReply(fd, milliseconds(5000)).status, 100);
  ASSERT_TRUE(SendAll(fd, body));
  EXPECT_EQ(ReadReply(fd).status, 200);
  ::close(fd);
}

TEST_F(HttpServerTest, StaticFilesNeverLeaveTheWebDirectoryNorChangeTheirType) {
  Running server(*app_, Options());
  const RawReply index = Exchange(server.port, Get("/"));
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>cxbench</title>");
  EXPECT_EQ(index.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.Header("Cache-Control"), "no-cache");
  EXPECT_NE(index.Header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(index.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(index.Header("X-Frame-Options"), "DENY");
  const RawReply script = Exchange(server.port, Get("/assets/index-1a2b3c.js"));
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script.Header("Cache-Control"), "public, max-age=31536000, immutable");
  // A NUL byte: refused, never the file under another type.
  for (const std::string path : {"/index.html%00.js", "/assets/index-1a2b3c.js%00.html", "/%00"}) {
    const RawReply reply = Exchange(server.port, Get(path));
    EXPECT_EQ(reply.status, 400) << path;
    EXPECT_EQ(reply.Header("Content-Type"), "application/problem+json") << path;
  }
  // Out of the web directory, however spelled.
  for (const std::string path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2E%2E/%2e%2e/secret.txt",
        "/assets/..%2f..%2fsecret.txt", "/./../secret.txt", "/nope.html", "/assets/"}) {
    const RawReply reply = Exchange(server.port, Get(path));
    EXPECT_EQ(reply.status, 404) << path;
    EXPECT_EQ(reply.body.find("outside"), std::string::npos) << path;
    EXPECT_EQ(reply.Header("Content-Type"), "application/problem+json") << path;
  }
  EXPECT_EQ(Exchange(server.port, Get("/%FF.html")).status, 400);
  EXPECT_EQ(Exchange(server.port, WithBody("POST", "/", "", "")).status, 405);
  // The API is never cached, and an unknown API path is a problem, not the page.
  const RawReply api = Exchange(server.port, Get("/api/v1/nothing-here"));
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.Header("Cache-Control"), "no-store");
  EXPECT_EQ(api.Header("Content-Type"), "application/problem+json");
  // Keep-alive with two requests sent at once: both answered, in order.
  const int fd = Connect(server.port);
  ASSERT_TRUE(SendAll(fd, Get("/") + Get("/assets/index-1a2b3c.js")));
  std::string pipeline;
  EXPECT_EQ(ReadReply(fd, pipeline).Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(ReadReply(fd, pipeline).Header("Content-Type"), "text/javascript; charset=utf-8");
  ::close(fd);
}

TEST_F(HttpServerTest, TheSessionCookieIsSecureOverHttpsOrBehindATrustedProxy) {
  const std::string https = "X-Forwarded-Proto: https\r\n";
  {
    Running plain(*app_, Options());
    EXPECT_EQ(LogIn(plain.port).set_cookie.find("Secure"), std::string::npos);
    // An untrusted header changes nothing.
    EXPECT_EQ(LogIn(plain.port, "application/json", https).set_cookie.find("Secure"),
              std::string::npos);
  }
  {
    HttpOptions options = Options();
    options.secure_cookies = true;
    Running secure(*app_, options);
    const Login login = LogIn(secure.port);
    EXPECT_NE(login.set_cookie.find("; Secure"), std::string::npos) << login.set_cookie;
    EXPECT_NE(login.set_cookie.find("HttpOnly"), std::string::npos);
  }
  {
    HttpOptions options = Options();
    options.trust_forwarded_proto = true;
    Running proxied(*app_, options);
    EXPECT_NE(LogIn(proxied.port, "application/json", https).set_cookie.find("; Secure"),
              std::string::npos);
    EXPECT_EQ(LogIn(proxied.port).set_cookie.find("Secure"), std::string::npos);
  }
}

}  // namespace
}  // namespace cx::server
