// cxbench serve: the web app and its JSON API over one study's database.
#include "cli/cmd_serve.h"

#include <pthread.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "server/http_server.h"
#include "store/evidence_files.h"

namespace cx::cli {
namespace {

// --public-url as given, without a trailing "/"; an error unless it is an
// http or https URL with a host.
Result<std::string> CheckPublicUrl(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  for (const char* scheme : {"http://", "https://"}) {
    const std::string_view prefix(scheme);
    if (url.rfind(prefix, 0) == 0 && url.size() > prefix.size() &&
        url.find_first_of(" \t\r\n?#") == std::string::npos) {
      return url;
    }
  }
  return InvalidInput(
      "an http:// or https:// URL like https://cxbench.example.no is expected, not '" + url + "'",
      "--public-url");
}

// The URL of the address actually bound: the real port when --listen gave
// 0, IPv6 hosts in brackets.
std::string BoundUrl(const std::string& host, int port) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace

int RunServe(const ServeArgs& args) {
  const size_t colon = args.listen.rfind(':');
  int port = -1;
  if (colon != std::string::npos) {
    try {
      port = std::stoi(args.listen.substr(colon + 1));
    } catch (const std::exception&) {
      port = -1;
    }
  }
  if (port < 0 || port > 65535) {
    std::cerr << "cxbench: error: --listen: HOST:PORT is expected, e.g. 127.0.0.1:8080, not '"
              << args.listen << "'\n";
    return kExitBadInput;
  }
  std::string public_url;
  if (!args.public_url.empty()) {
    auto checked = CheckPublicUrl(args.public_url);
    if (!checked) return ReportError(checked.error());
    public_url = std::move(checked).value();
  }
  auto opened = store::OpenSqlite(args.db);
  if (!opened) return ReportError(opened.error());
  std::unique_ptr<store::Store> store = std::move(opened).value();
  auto study_id = ResolveStudyId(*store, args.study);
  if (!study_id) return ReportError(study_id.error());
  auto study = store->LoadStudy(study_id.value());
  if (!study) return ReportError(study.error());

  std::string web_dir = args.web_dir;
  if (!web_dir.empty() && !std::filesystem::exists(web_dir + "/index.html")) {
    std::cerr << "cxbench serve: warning: no built front end in " << web_dir
              << " (run `make web`); serving the API only\n";
    web_dir.clear();
  }
  // SIGINT and SIGTERM stop the server cleanly: a thread waits for them.
  // Blocked before the App starts its results worker, since a thread
  // inherits its creator's mask: a signal the kernel gave to a thread that
  // does not block it would end the process at once (exit 143), unstopped.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::AppOptions app_options;
  app_options.resamples = args.resamples;
  app_options.public_url = public_url;
  // Evidence files beside the database, outside the web root (docs/evidence.md).
  app_options.evidence_dir = store::EvidenceRootFor(args.db);
  server::App app(std::move(store), std::move(study).value(), app_options);
  server::HttpOptions http_options{args.listen.substr(0, colon), port, web_dir};
  http_options.secure_cookies = app_options.public_url.rfind("https://", 0) == 0;
  http_options.trust_forwarded_proto = args.trust_proxy;
  server::HttpServer http(app, http_options);

  auto bound = http.Bind();
  if (!bound) return ReportError(bound.error());
  const std::string host = args.listen.substr(0, colon);
  if (public_url.empty()) {
    app.SetPublicUrl(BoundUrl(host, bound.value()));
    if (host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]") {
      std::cerr << "cxbench serve: warning: invitation links will name "
                << BoundUrl(host, bound.value()) << ", which nobody can open; give --public-url\n";
    }
  }
  std::cout << "cxbench serve: listening on http://" << host << ":" << bound.value() << " (study "
            << app.study().id << "; invitation links start " << app.options().public_url << ")"
            << std::endl;
  std::thread waiter([&http, signals] {
    int received = 0;
    sigwait(&signals, &received);
    http.Stop();
  });
  http.Run();
  // Stopped by a signal: the waiter has returned. Otherwise wake it.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cout << "cxbench serve: stopped" << std::endl;
  return kExitOk;
}

}  // namespace cx::cli
