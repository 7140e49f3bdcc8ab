#pragma once
// The web app's state and its routes. One study per server (the only study
// in the database, or --study). The store is one SQLite connection used under
// a mutex: every write is one transaction, acknowledged only after COMMIT
// (synchronous=FULL), which is what the SIGKILL test checks.

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auth/login_throttle.h"
#include "domain/study.h"
#include "results/results.h"
#include "server/api.h"
#include "store/store.h"

namespace cx::server {

struct AppOptions {
  int resamples = 2000;  // bootstrap resamples for results pages (the CLI default is 10,000)
  int session_hours = 12;
  int invitation_days = 7;
  std::string public_url = "http://127.0.0.1:8080";  // for invitation links
  auth::ThrottleLimits throttle;
};

class App {
 public:
  App(std::unique_ptr<store::Store> store, domain::Study study, AppOptions options);

  const std::vector<Route>& routes() const { return routes_; }
  const domain::Study& study() const { return study_; }

  // The account and CSRF token of a session cookie; nullopt when unknown or expired.
  std::optional<store::Store::SessionRow> Authenticate(const std::string& token);

  // Everything below is for the route files (routes_*.cc).
  std::mutex& mutex() { return mutex_; }
  store::Store& store() { return *store_; }
  const AppOptions& options() const { return options_; }
  auth::LoginThrottle& throttle() { return throttle_; }
  // The study's contacts and their results as they stand; cached until the
  // change log moves. Call with the mutex held.
  struct Snapshot {
    std::vector<domain::Contact> contacts;
    results::StudyResults results;
  };
  Result<std::shared_ptr<const Snapshot>> CurrentResults();

 private:
  void AddSessionRoutes();
  void AddAssignmentRoutes();
  void AddQualityRoutes();
  void AddResultRoutes();
  void AddAccountRoutes();

  std::mutex mutex_;
  std::unique_ptr<store::Store> store_;
  domain::Study study_;
  AppOptions options_;
  auth::LoginThrottle throttle_;
  std::vector<Route> routes_;
  int64_t results_stamp_ = -1;
  std::shared_ptr<const Snapshot> snapshot_;
};

// "2026-11-24T19:55:01.123Z": now plus `later` in UTC with milliseconds. Texts
// of this one form compare as the times they name.
std::string UtcAfter(std::chrono::milliseconds later);
inline std::string NowUtc() { return UtcAfter(std::chrono::milliseconds(0)); }
// Seconds from one NowUtc() text to another; nullopt when either is malformed.
std::optional<double> SecondsBetween(const std::string& from, const std::string& to);

}  // namespace cx::server
