// The HTTP transport: Boost.Beast on Boost.Asio (Debian's libboost-dev,
// header-only), the only file that knows the HTTP library.
//
// Why not cpp-httplib any more: it gives each connection a thread of a fixed
// pool and reads with blocking calls, so eight clients sending one header line
// every few seconds held all eight threads and every other user waited; it
// cannot hold a thousand idle keep-alive connections, nor give a whole request
// a deadline (its timeouts are per read). And an exception thrown while
// building its error reply escaped into std::terminate. Here a connection
// costs a socket and a buffer, not a thread: a few I/O threads run every
// connection's reads, writes and timers; the blocking route handlers run on a
// bounded worker pool and post their reply back to the connection.
#define BOOST_BEAST_USE_STD_STRING_VIEW
#include "server/http_server.h"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "core/utf8.h"
#include "i18n/translator.h"

namespace cx::server {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using boost::system::error_code;
using Response = http::response<http::string_body>;
using Request = http::request<http::string_body>;

// No inline script or style anywhere: the front end is files of our own.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";

// ---- Text checks: every byte that reaches a handler is valid UTF-8 ----

// One UTF-8 rule for the whole project (core/utf8.h).
bool IsUtf8(std::string_view text) { return FindInvalidUtf8(text) == std::string_view::npos; }

// A header value we send: no CR, LF or other control byte (a path parameter
// ends up in Content-Disposition), so nothing can add a header of its own.
std::string HeaderSafe(std::string_view value) {
  std::string out;
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 0x20 && byte != 0x7F) || byte == '\t') out += c;
  }
  return out;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 percent-decoding (and '+' as a space in a query); nullopt for a
// '%' not followed by two hex digits.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (c == '%') {
      if (index + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[index + 1]);
      const int low = HexValue(text[index + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      index += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string CookieValue(std::string_view header, const std::string& name) {
  for (std::string_view pair : Split(header, ';')) {
    const size_t start = pair.find_first_not_of(' ');
    if (start == std::string_view::npos) continue;
    pair.remove_prefix(start);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
  }
  return {};
}

// ---- Replies ----

// What a reply needs to know of its request.
struct Context {
  unsigned version = 11;
  bool keep_alive = true;
  bool secure = false;  // cookies get `Secure`
  bool head = false;    // HEAD: headers only
  // Who reads a problem's messages (ReaderLanguage), and what says them.
  // Only a problem needs the language: it is worked out then, not for
  // every request.
  std::string account_language;  // a logged-in reader's
  std::string accept_language;   // the request's Accept-Language header
  const i18n::Translator* translator = nullptr;
};

// The reader's account language, else the best of Accept-Language, else English.
std::string ReaderLanguage(const Context& context) {
  if (i18n::IsInterfaceLanguage(context.account_language)) return context.account_language;
  const std::string asked = i18n::LanguageFromAcceptLanguage(context.accept_language);
  return asked.empty() ? "en" : asked;
}

// `reply`'s problem said in the reader's language: the detail and each
// field's detail (the body holds them in English until here).
void SayProblemIn(Reply& reply, const Context& context) {
  if (!reply.said_detail || context.translator == nullptr) return;
  const i18n::Translator& translator = *context.translator;
  const std::string language = ReaderLanguage(context);
  reply.body["detail"] = translator.Say(*reply.said_detail, language);
  nlohmann::json* errors = reply.body.contains("errors") ? &reply.body["errors"] : nullptr;
  for (size_t index = 0; errors != nullptr && errors->is_array() && index < errors->size() &&
                         index < reply.said_errors.size();
       ++index) {
    (*errors)[index]["detail"] = translator.Say(reply.said_errors[index], language);
  }
  reply.headers["Content-Language"] = language;
}

void AddCommonHeaders(Response& response) {
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Cross-Origin-Opener-Policy", "same-origin");
  if (response.find(http::field::cache_control) == response.end()) {
    response.set(http::field::cache_control, "no-store");
  }
}

void Finish(Response& response, const Context& context, bool close) {
  AddCommonHeaders(response);
  response.version(context.version);
  response.keep_alive(context.keep_alive && !close);
  const size_t size = response.body().size();
  if (context.head) {
    response.body().clear();
    response.content_length(size);
  } else {
    response.prepare_payload();
  }
}

// The reply of a handler as HTTP. Never throws: building a reply must not be
// able to fail (a JSON string with invalid UTF-8 becomes U+FFFD, not an exception).
std::shared_ptr<Response> BuildResponse(const Reply& reply, const Context& context, bool close) {
  try {
    auto response = std::make_shared<Response>();
    const int status = reply.status >= 100 && reply.status <= 599 ? reply.status : 500;
    response->result(static_cast<unsigned>(status));
    if (reply.raw) {
      response->body() = *reply.raw;
      response->set(http::field::content_type, HeaderSafe(reply.content_type));
    } else {
      response->body() = reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      response->set(http::field::content_type, reply.content_type.empty()
                                                   ? "application/json"
                                                   : HeaderSafe(reply.content_type));
    }
    for (const auto& [name, value] : reply.headers) {
      std::string safe = HeaderSafe(value);
      if (Lower(name) == "set-cookie" && context.secure &&
          Lower(safe).find("; secure") == std::string::npos) {
        safe += "; Secure";
      }
      response->insert(HeaderSafe(name), safe);
    }
    Finish(*response, context, close);
    return response;
  } catch (...) {
  }
  try {
    auto response = std::make_shared<Response>();
    response->result(http::status::internal_server_error);
    response->set(http::field::content_type, "application/problem+json");
    response->body() = R"({"type":"about:blank","title":"Internal Server Error","status":500,)"
                       R"("detail":"the server could not complete the request"})";
    Finish(*response, context, /*close=*/true);
    return response;
  } catch (...) {
    return nullptr;  // out of memory: the connection is closed without a reply
  }
}

// The reply of a handler as HTTP, a problem said in the reader's language
// (copied only then: other replies, a results page among them, are not).
std::shared_ptr<Response> ToResponse(const Reply& reply, const Context& context, bool close) {
  if (!reply.said_detail || context.translator == nullptr) {
    return BuildResponse(reply, context, close);
  }
  try {
    Reply said = reply;
    SayProblemIn(said, context);
    return BuildResponse(said, context, close);
  } catch (...) {
    return BuildResponse(reply, context, close);  // out of memory: as it was
  }
}

std::string ContentTypeOf(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".wasm", "application/wasm"},
  };
  const auto found = kTypes.find(Lower(file.extension().string()));
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

// A route's path split at '/', "{name}" segments matching any one segment.
struct CompiledRoute {
  const Route* route;
  std::vector<std::string> segments;
};

bool Matches(const CompiledRoute& compiled, const std::vector<std::string>& segments,
             std::map<std::string, std::string>* params) {
  if (compiled.segments.size() != segments.size()) return false;
  for (size_t index = 0; index < segments.size(); ++index) {
    const std::string& pattern = compiled.segments[index];
    const bool is_parameter = pattern.size() > 2 && pattern.front() == '{' && pattern.back() == '}';
    if (is_parameter) {
      if (segments[index].empty()) return false;
      if (params) (*params)[pattern.substr(1, pattern.size() - 2)] = segments[index];
    } else if (pattern != segments[index]) {
      return false;
    }
  }
  return true;
}

// A request that passed every check, for a worker to answer.
struct Work {
  const Route* route = nullptr;  // null: a static file
  std::vector<std::string> segments;
  ApiRequest api_request;
  std::string csrf_header;
  std::string method;
  Context context;
};

// What the reply to `request` needs to know of it.
Context ContextOf(const Request& request, const HttpOptions& options,
                  const i18n::Translator& translator) {
  Context context;
  context.translator = &translator;
  context.accept_language = request[http::field::accept_language];
  context.version = request.version();
  context.keep_alive = request.keep_alive();
  context.head = request.method() == http::verb::head;
  const std::string proto = Lower(request["X-Forwarded-Proto"]);
  context.secure = options.secure_cookies || (options.trust_forwarded_proto && proto == "https");
  return context;
}

// Decodes the path "/a/b" of the target into work.segments, each segment
// checked before anything looks at it; a problem when one is malformed.
std::optional<Reply> DecodePath(std::string_view raw_path, Work& work) {
  for (std::string_view raw_segment : Split(raw_path.substr(1), '/')) {
    auto segment = PercentDecode(raw_segment, /*plus_is_space=*/false);
    if (!segment) return Problem(400, Msg("the path has a '%' not followed by two hex digits"));
    if (segment->find('\0') != std::string::npos) {
      return Problem(400, Msg("the path holds a NUL byte"));
    }
    if (!IsUtf8(*segment)) return Problem(400, Msg("the path is not valid UTF-8"));
    work.segments.push_back(std::move(*segment));
  }
  return std::nullopt;
}

// Decodes the query "k=v&k2=v2" into work.api_request.query; a problem when a part
// is malformed.
std::optional<Reply> DecodeQuery(std::string_view query, Work& work) {
  for (std::string_view part : Split(query, '&')) {
    if (part.empty()) continue;
    const size_t equals = part.find('=');
    auto key = PercentDecode(part.substr(0, equals), true);
    auto value = PercentDecode(
        equals == std::string_view::npos ? std::string_view() : part.substr(equals + 1), true);
    if (!key || !value)
      return Problem(400, Msg("the query has a '%' not followed by two hex digits"));
    if (!IsUtf8(*key) || !IsUtf8(*value)) return Problem(400, Msg("the query is not valid UTF-8"));
    work.api_request.query[std::move(*key)] = std::move(*value);
  }
  return std::nullopt;
}

// The headers a handler reads as text, and the body, must be UTF-8.
std::optional<Reply> CheckText(const Request& request) {
  if (!IsUtf8(request[http::field::cookie])) {
    return Problem(400, Msg("the Cookie header is not valid UTF-8"));
  }
  if (!IsUtf8(request["X-CSRF-Token"])) {
    return Problem(400, Msg("the X-CSRF-Token header is not valid UTF-8"));
  }
  return std::nullopt;
}

// A JSON route's body must be UTF-8 (a file upload's is bytes).
std::optional<Reply> CheckBodyText(const Route& route, const Request& request) {
  if (route.max_file_bytes == 0 && !IsUtf8(request.body())) {
    return Problem(400, Msg("the body is not valid UTF-8"));
  }
  return std::nullopt;
}

// JSON bodies only: a cross-site form can post text/plain (or a form
// encoding) without a preflight, never application/json; that closes
// login CSRF, where no CSRF token exists yet. An empty body carries nothing
// (a route whose fields are all optional, as POST .../start, takes it).
std::optional<Reply> CheckContentType(const Route& route, const Request& request) {
  if (route.request_schema.is_null() || request.body().empty()) return std::nullopt;
  // A file's bytes, on a route that requires the CSRF header: a cross-site
  // form cannot set it, whatever type it claims.
  if (route.max_file_bytes > 0) return std::nullopt;
  const std::string_view type = request[http::field::content_type];
  std::string media = Lower(type.substr(0, type.find(';')));
  media.erase(media.find_last_not_of(" \t") + 1);
  if (media != "application/json") {
    return Problem(415, Msg("the body must be JSON, sent with Content-Type: application/json"),
                   "Content-Type");
  }
  return std::nullopt;
}

// Raises the soft limit on open files to the hard limit: a thousand idle
// connections are a thousand descriptors. Returns the soft limit now in force.
rlim_t RaiseFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur;
}

class Connection;

// The server: its routes, its connections' counts, the I/O context and the pools.
struct Transport {
  App& app;
  HttpOptions options;
  i18n::Translator translator;
  std::vector<CompiledRoute> routes;
  size_t max_file_bytes = 0;  // the largest Route::max_file_bytes
  int max_connections = 0;

  // Open connections, in all and per client address.
  mutable std::mutex connections_mutex;
  std::map<std::string, int> per_address;
  int open_connections = 0;
  std::atomic<int> heavy_admitted{0};  // running or waiting on heavy_pool

  // Declared after what connections use: destroyed before it.
  net::io_context io{};
  tcp::acceptor acceptor{io};
  net::steady_timer accept_retry{io};
  // Started by Run(), not before: threads made earlier would not inherit the
  // signal mask `cxbench serve` sets up after constructing the server, and a
  // SIGTERM delivered to one of them would kill the process uncleanly.
  std::optional<net::thread_pool> pool;
  std::optional<net::thread_pool> heavy_pool;

  void StopPools() {
    for (auto* each : {&pool, &heavy_pool}) {
      if (!*each) continue;
      (*each)->stop();
      (*each)->join();
    }
  }

  Transport(App& app_in, HttpOptions options_in)
      : app(app_in),
        options(std::move(options_in)),
        translator(i18n::Translator::Load(options.locale_dir.empty() ? i18n::DefaultCatalogueDir()
                                                                     : options.locale_dir)) {
    for (const std::string& language : translator.missing()) {
      std::cerr << "cxbench serve: warning: no message catalogue for '" << language
                << "'; its readers get English messages\n";
    }
    for (const Route& route : app.routes()) {
      CompiledRoute compiled{&route, {}};
      for (std::string_view segment : Split(std::string_view(route.path).substr(1), '/')) {
        compiled.segments.emplace_back(segment);
      }
      routes.push_back(std::move(compiled));
      max_file_bytes = std::max(max_file_bytes, route.max_file_bytes);
    }
  }

  bool Admit(const std::string& address) {
    std::lock_guard lock(connections_mutex);
    int& from_address = per_address[address];
    if (open_connections >= max_connections ||
        from_address >= options.max_connections_per_address) {
      if (from_address == 0) per_address.erase(address);
      return false;
    }
    ++from_address;
    ++open_connections;
    return true;
  }

  void Release(const std::string& address) {
    std::lock_guard lock(connections_mutex);
    auto found = per_address.find(address);
    if (found != per_address.end() && --found->second <= 0) per_address.erase(found);
    --open_connections;
  }

  void Accept();

  // Checks a request and answers it or hands it to a worker; on the I/O thread.
  void Handle(const std::shared_ptr<Connection>& connection, Request& request);
  // Decodes the target into work.segments and work.api_request.query and checks the
  // text headers and body; a problem when the request is malformed.
  std::optional<Reply> Decode(const Request& request, Work& work) const;
  // Sets work.route and work.api_request.params; a 404 or 405 when no route takes it.
  std::optional<Reply> FindRoute(const std::string& path, Work& work) const;
  // The file-upload route (Route::max_file_bytes) `header` is for; null when
  // it is for no such route (then the body is JSON, or nothing).
  const Route* FileRouteOf(const Request& header) const;
  // Hands the call to a worker; a 503 when the heavy queue is full.
  std::optional<Reply> Queue(const std::shared_ptr<Connection>& connection, Work work);
  // The answer to an API call; on a worker. Never throws.
  Reply Dispatch(Work& work) noexcept;
  // A file of the front end; on a worker.
  Reply StaticFile(const Work& work) const;
};

// One client connection. Everything it does runs on its strand, so its
// members need no lock; a worker's reply is posted to that strand.
//
// Life of a request: wait (idle timeout) until a byte arrives; read the whole
// request (request deadline); answer; write (write deadline); wait again.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Transport& server, tcp::socket socket, std::string address)
      : server_(server),
        socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        address_(std::move(address)) {}
  ~Connection() { server_.Release(address_); }

  const std::string& address() const { return address_; }
  void Start() { WaitForRequest(); }

  // From any thread: writes `response` (a null one closes the connection).
  void Post(std::shared_ptr<Response> response) {
    net::post(socket_.get_executor(),
              [self = shared_from_this(), response = std::move(response)]() mutable {
                if (response) {
                  self->Write(std::move(response));
                } else {
                  self->Close();
                }
              });
  }
  // On the strand: writes `response` now.
  void Write(std::shared_ptr<Response> response) {
    if (!response) return Close();
    response_ = std::move(response);
    Arm(server_.options.write_timeout, [this] { Close(); });
    http::async_write(socket_, *response_, [self = shared_from_this()](error_code error, size_t) {
      self->OnWritten(error);
    });
  }

 private:
  // No cap on requests per connection: cpp-httplib's default of 5 made wrk
  // reconnect all the time, and the results page went from 2,456 to 281 req/s.
  void WaitForRequest() {
    if (buffer_.size() > 0) return ReadRequest();  // pipelined: the next one is here
    Arm(server_.options.idle_timeout, [this] { Close(); });
    socket_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](error_code error) {
      if (error || !self->socket_.is_open()) return self->Close();
      self->ReadRequest();
    });
  }

  void ReadRequest() {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_.options.max_header_bytes));
    // Beast refuses a Content-Length over the limit while it reads the
    // header, before the route is known: the largest any route takes here,
    // and the route's own limit once the header is in (OnHeader).
    body_limit_ = std::max(server_.options.max_body_bytes, server_.max_file_bytes);
    parser_->body_limit(body_limit_);
    timed_out_ = false;
    deadline_ = server_.options.request_timeout;
    Arm(deadline_, [this] {
      timed_out_ = true;
      error_code ignored;
      socket_.cancel(ignored);
    });
    http::async_read_header(
        socket_, buffer_, *parser_,
        [self = shared_from_this()](error_code error, size_t) { self->OnHeader(error); });
  }

  // A client that asks (curl does for bodies over 1 KiB) is told to send the
  // body, rather than waiting a second for a 100 Continue that never comes.
  void OnHeader(error_code error) {
    if (error || parser_->is_done()) return OnRead(error);
    const Route* file_route = server_.FileRouteOf(parser_->get());
    body_limit_ = file_route ? file_route->max_file_bytes : server_.options.max_body_bytes;
    parser_->body_limit(body_limit_);  // a chunked body is held to it as it comes
    const auto length = parser_->content_length();
    if (length && *length > body_limit_) return OnRead(http::error::body_limit);
    if (file_route) AllowUpload();
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    auto read_body = [self = shared_from_this()](error_code write_error, size_t) {
      if (write_error) return self->OnRead(write_error);
      http::async_read(self->socket_, self->buffer_, *self->parser_,
                       [self](error_code read_error, size_t) { self->OnRead(read_error); });
    };
    if (Lower(parser_->get()[http::field::expect]) == "100-continue") {
      net::async_write(socket_, net::buffer(kContinue.data(), kContinue.size()),
                       std::move(read_body));
    } else {
      read_body({}, 0);
    }
  }

  // A file upload's body may be larger than a JSON body and take longer:
  // the request deadline grows with its declared length at the slowest rate
  // allowed (a body without Content-Length gets the plain deadline).
  void AllowUpload() {
    const auto length = parser_->content_length();
    if (!length) return;
    const auto rate = std::max<size_t>(1, server_.options.min_upload_bytes_per_second);
    deadline_ = server_.options.request_timeout +
                std::chrono::seconds(*length / static_cast<uint64_t>(rate));
    Arm(deadline_, [this] {
      timed_out_ = true;
      error_code ignored;
      socket_.cancel(ignored);
    });
  }

  void OnRead(error_code error) {
    Disarm();
    if (!error) {
      Request request = parser_->release();
      try {
        server_.Handle(shared_from_this(), request);
      } catch (...) {
        Write(ToResponse(Problem(500, Msg("the server could not complete the request")), {}, true));
      }
      return;
    }
    if (timed_out_) {
      const auto seconds = std::chrono::duration<double>(deadline_).count();
      return Refuse(408, Msg("the request did not arrive within {1} s", seconds));
    }
    if (error == http::error::header_limit) {
      return Refuse(431, Msg("the request line and headers are larger than {1} KiB",
                             server_.options.max_header_bytes / 1024));
    }
    if (error == http::error::body_limit) {
      return Refuse(413, Msg("the body is larger than {1} KiB", body_limit_ / 1024));
    }
    if (&error.category() == &make_error_code(http::error::bad_target).category() &&
        error != http::error::end_of_stream && error != http::error::partial_message) {
      return Refuse(400, Msg("not a valid HTTP/1.1 request"));
    }
    Close();  // the client went away (or reset the connection)
  }

  // Answers a request that could not be read, then closes: in the language
  // its headers ask for, when they were read.
  void Refuse(int status, Message detail) {
    Context context;
    context.keep_alive = false;
    context.translator = &server_.translator;
    if (parser_) context.accept_language = parser_->get()[http::field::accept_language];
    Write(ToResponse(Problem(status, std::move(detail)), context, /*close=*/true));
  }

  void OnWritten(error_code error) {
    Disarm();
    if (error) return Close();
    if (response_->need_eof()) return LingerThenClose();
    response_.reset();
    WaitForRequest();
  }

  // Closing a socket with unread input resets the connection, and the client
  // may then lose the reply just sent (a 413 with its body still arriving):
  // stop sending, read and drop what comes for a moment, then close.
  void LingerThenClose() {
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    Arm(std::chrono::seconds(2), [this] { Close(); });
    Drain();
  }
  void Drain() {
    socket_.async_read_some(net::buffer(drain_),
                            [self = shared_from_this()](error_code error, size_t) {
                              if (error) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    Disarm();
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

  // One timer per connection; a newer Arm or Disarm makes an older expiry void.
  template <typename OnExpiry>
  void Arm(std::chrono::milliseconds after, OnExpiry on_expiry) {
    const uint64_t generation = ++timer_generation_;
    timer_.expires_after(after);
    timer_.async_wait([self = shared_from_this(), generation, on_expiry](error_code error) {
      if (error || generation != self->timer_generation_) return;
      on_expiry();
    });
  }
  void Disarm() {
    ++timer_generation_;
    timer_.cancel();
  }

  Transport& server_;
  tcp::socket socket_;
  net::steady_timer timer_;
  std::string address_;
  boost::beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<Response> response_;
  uint64_t timer_generation_ = 0;
  bool timed_out_ = false;
  size_t body_limit_ = 0;                 // of the request being read
  std::chrono::milliseconds deadline_{};  // of the request being read
  std::array<char, 4096> drain_{};
};

}  // namespace

void Transport::Accept() {
  acceptor.async_accept(net::make_strand(io), [this](error_code error, tcp::socket socket) {
    if (error == net::error::operation_aborted || !acceptor.is_open()) return;
    if (error) {
      // Out of descriptors (EMFILE) or the like: try again shortly, never spin.
      accept_retry.expires_after(std::chrono::milliseconds(50));
      accept_retry.async_wait([this](error_code wait_error) {
        if (!wait_error) Accept();
      });
      return;
    }
    error_code endpoint_error;
    const tcp::endpoint peer = socket.remote_endpoint(endpoint_error);
    std::string address = endpoint_error ? std::string() : peer.address().to_string();
    if (endpoint_error || !Admit(address)) {
      error_code ignored;
      socket.close(ignored);  // over the cap: closed at once
    } else {
      error_code ignored;
      // Without TCP_NODELAY a reply written in two parts waits for the client's
      // delayed ACK: measured 43 ms median per results page under wrk (bench/server.sh).
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Connection>(*this, std::move(socket), std::move(address))->Start();
    }
    Accept();
  });
}

void Transport::Handle(const std::shared_ptr<Connection>& connection, Request& request) {
  const Context context = ContextOf(request, options, translator);
  auto answer = [&](Reply reply) {
    connection->Write(ToResponse(reply, context, /*close=*/false));
  };
  Work work;
  work.context = context;
  work.method = std::string(request.method_string());
  if (auto problem = Decode(request, work)) return answer(std::move(*problem));

  const bool api = !work.segments.empty() && work.segments.front() == "api";
  if (!api) {
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
      Reply reply = Problem(405, Msg("only GET and HEAD are served outside /api"));
      reply.headers["Allow"] = "GET, HEAD";
      return answer(std::move(reply));
    }
    net::post(*pool, [this, connection, work = std::move(work)]() {
      Reply reply;
      try {
        reply = StaticFile(work);
      } catch (...) {
        reply = Problem(500, Msg("the server could not read the page"));
      }
      connection->Post(ToResponse(reply, work.context, false));
    });
    return;
  }

  const std::string path(request.target().substr(0, request.target().find('?')));
  if (auto problem = FindRoute(path, work)) return answer(std::move(*problem));
  if (auto problem = CheckBodyText(*work.route, request)) return answer(std::move(*problem));
  if (auto problem = CheckContentType(*work.route, request)) return answer(std::move(*problem));
  work.api_request.range = std::string(request[http::field::range]);
  work.api_request.body = std::move(request.body());
  work.api_request.remote_address = connection->address();
  work.api_request.session_token = CookieValue(request[http::field::cookie], "cx_session");
  work.csrf_header = std::string(request["X-CSRF-Token"]);
  if (auto problem = Queue(connection, std::move(work))) return answer(std::move(*problem));
}

std::optional<Reply> Transport::Decode(const Request& request, Work& work) const {
  // The target: "/path?query", each path segment and query part decoded and
  // checked before anything looks at it.
  const std::string_view target = request.target();
  if (target.empty() || target.front() != '/') {
    return Problem(400, Msg("the request target must be a path starting with '/'"));
  }
  const size_t question = target.find('?');
  if (auto problem = DecodePath(target.substr(0, question), work)) return problem;
  if (question != std::string_view::npos) {
    if (auto problem = DecodeQuery(target.substr(question + 1), work)) return problem;
  }
  return CheckText(request);
}

std::optional<Reply> Transport::FindRoute(const std::string& path, Work& work) const {
  std::string allowed;
  for (const CompiledRoute& compiled : routes) {
    if (!Matches(compiled, work.segments, nullptr)) continue;
    if (compiled.route->method == work.method) {
      Matches(compiled, work.segments, &work.api_request.params);
      work.route = compiled.route;
      return std::nullopt;
    }
    allowed += (allowed.empty() ? "" : ", ") + compiled.route->method;
  }
  if (allowed.empty()) return Problem(404, Msg("no route {1} {2}", work.method, path));
  Reply reply = Problem(405, Msg("{1} takes {2}, not {3}", path, allowed, work.method));
  reply.headers["Allow"] = allowed;
  return reply;
}

const Route* Transport::FileRouteOf(const Request& header) const {
  const std::string_view target = header.target();
  if (target.empty() || target.front() != '/') return nullptr;
  Work work;
  work.method = std::string(header.method_string());
  if (DecodePath(target.substr(0, target.find('?')), work)) return nullptr;
  for (const CompiledRoute& compiled : routes) {
    if (compiled.route->max_file_bytes > 0 && compiled.route->method == work.method &&
        Matches(compiled, work.segments, nullptr)) {
      return compiled.route;
    }
  }
  return nullptr;
}

std::optional<Reply> Transport::Queue(const std::shared_ptr<Connection>& connection, Work work) {
  const bool heavy = work.route->heavy;
  auto run = [this, connection, work = std::move(work)]() mutable {
    const Reply reply = Dispatch(work);
    connection->Post(ToResponse(reply, work.context, false));
  };
  if (!heavy) {
    net::post(*pool, std::move(run));
    return std::nullopt;
  }
  // Heavy renders queue on their own pool, a bounded wait: the rest of the
  // server never waits behind them.
  const int limit = std::max(1, options.heavy_workers) + std::max(0, options.heavy_queue);
  if (heavy_admitted.fetch_add(1) >= limit) {
    heavy_admitted.fetch_sub(1);
    Reply reply =
        Problem(503, Msg("too many reports are being prepared; try again in a few seconds"));
    reply.headers["Retry-After"] = "5";
    return reply;
  }
  net::post(*heavy_pool, [this, run = std::move(run)]() mutable {
    struct Done {
      std::atomic<int>& admitted;
      ~Done() { admitted.fetch_sub(1); }
    } done{heavy_admitted};
    run();
  });
  return std::nullopt;
}

Reply Transport::Dispatch(Work& work) noexcept {
  const Route& route = *work.route;
  ApiRequest& api_request = work.api_request;
  try {
    if (auto session = app.Authenticate(api_request.session_token)) {
      api_request.account = session->account;
      api_request.csrf_token = session->csrf_token;
      // A logged-in reader's problems are said in their account's language.
      work.context.account_language = session->account.language;
    }
    if (!route.roles.empty()) {
      if (!api_request.account) return Problem(401, Msg("log in first"));
      if (std::find(route.roles.begin(), route.roles.end(), api_request.account->role) ==
          route.roles.end()) {
        return Problem(403, Msg("your role may not do this"));
      }
      if (route.method != "GET" && route.csrf) {
        if (work.csrf_header.empty() || work.csrf_header != api_request.csrf_token) {
          return Problem(403, Msg("missing or wrong X-CSRF-Token header"), "X-CSRF-Token");
        }
      }
    }
    return route.handler(api_request);
  } catch (const std::exception& error) {
    // The message may quote what the client sent: escaped, and cut short.
    std::cerr << "cxbench serve: 500 " << route.method << " " << route.path << ": "
              << EscapeForLog(error.what()) << "\n";
  } catch (...) {
    std::cerr << "cxbench serve: 500 " << route.method << " " << route.path
              << ": an exception that is not a std::exception\n";
  }
  try {
    return Problem(500, Msg("the server could not complete the request"));
  } catch (...) {
    return Reply{500, nullptr, std::nullopt, {}, {}};
  }
}

Reply Transport::StaticFile(const Work& work) const {
  const auto not_found = [&] {
    std::string path;
    for (const std::string& segment : work.segments) path += "/" + segment;
    return Problem(404, Msg("no such page: {1}", path.empty() ? std::string("/") : path));
  };
  if (options.web_dir.empty()) return not_found();
  std::filesystem::path file = options.web_dir;
  bool any = false;
  for (const std::string& segment : work.segments) {
    // Decoded segments: "%2e%2e" is "..", "%2F" a '/' inside one.
    if (segment == "." || segment == ".." || segment.find('/') != std::string::npos ||
        segment.find('\\') != std::string::npos) {
      return not_found();
    }
    if (segment.empty()) continue;
    file /= segment;
    any = true;
  }
  const bool index = !any;
  if (index) file /= "index.html";
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return not_found();
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) return not_found();
  std::ostringstream content;
  content << in.rdbuf();
  Reply reply;
  reply.raw = content.str();
  reply.content_type = ContentTypeOf(file);
  // Vite names each file under assets/ for its content: a new build is a new
  // name, so a cached one never goes stale. Anything else is checked each time.
  const bool hashed_asset = !work.segments.empty() && work.segments.front() == "assets";
  reply.headers["Cache-Control"] =
      hashed_asset ? "public, max-age=31536000, immutable" : "no-cache";
  return reply;
}

struct HttpServer::Impl : Transport {
  using Transport::Transport;
};

HttpServer::HttpServer(App& app, HttpOptions options)
    : impl_(std::make_unique<Impl>(app, std::move(options))) {}

HttpServer::~HttpServer() { impl_->StopPools(); }

Result<int> HttpServer::Bind() {
  const HttpOptions& options = impl_->options;
  // Descriptors beyond the connections: the database, its journal, Chromium's pipes.
  constexpr rlim_t kReserved = 64;
  const rlim_t files = RaiseFileLimit();
  impl_->max_connections =
      static_cast<int>(std::min<rlim_t>(static_cast<rlim_t>(std::max(1, options.max_connections)),
                                        files > kReserved * 2 ? files - kReserved : files / 2));
  const auto failed = [&](const std::string& why) {
    return IoError("cannot listen on " + options.host + ":" + std::to_string(options.port) + " (" +
                   why + ")");
  };
  error_code error;
  tcp::resolver resolver(impl_->io);
  const auto endpoints =
      resolver.resolve(options.host, std::to_string(options.port), tcp::resolver::passive, error);
  if (error || endpoints.empty()) return failed("not an address here");
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(net::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(net::socket_base::max_listen_connections, error);
  if (error) {
    error_code ignored;
    acceptor.close(ignored);
    return failed(error == net::error::address_in_use ? "in use" : error.message());
  }
  return static_cast<int>(acceptor.local_endpoint().port());
}

void HttpServer::Run() {
  if (!impl_->acceptor.is_open() || impl_->pool) return;
  impl_->pool.emplace(static_cast<size_t>(std::max(1, impl_->options.workers)));
  impl_->heavy_pool.emplace(static_cast<size_t>(std::max(1, impl_->options.heavy_workers)));
  impl_->Accept();
  // A handler that throws must not end the server: log it and go on.
  auto run = [this] {
    while (true) {
      try {
        impl_->io.run();
        return;
      } catch (const std::exception& error) {
        std::cerr << "cxbench serve: " << EscapeForLog(error.what()) << "\n";
      }
    }
  };
  std::vector<std::thread> threads;
  for (int index = 1; index < impl_->options.io_threads; ++index) threads.emplace_back(run);
  run();
  for (std::thread& thread : threads) thread.join();
  // Handlers in progress finish; queued ones are dropped with their connections.
  impl_->StopPools();
}

void HttpServer::Stop() { impl_->io.stop(); }

int HttpServer::OpenConnections() const {
  std::lock_guard lock(impl_->connections_mutex);
  return impl_->open_connections;
}

}  // namespace cx::server
