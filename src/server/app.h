#pragma once
// The web app's state and its routes. One study per server (the only study
// in the database, or --study). The store is one SQLite connection used under
// a mutex: every write is one transaction, acknowledged only after COMMIT
// (synchronous=FULL), which is what the SIGKILL test checks.
//
// Locks (gcc builds this project, and libstdc++'s std::mutex carries no
// clang thread-safety attributes, so GUARDED_BY is written as a comment):
//   mutex_         guards store_ (the one SQLite connection). Held only for
//                  store calls: never while hashing a password or computing
//                  results.
//   results_mutex_ guards the results cache (results_*). Never held while
//                  taking mutex_, so the two cannot deadlock; the worker
//                  takes mutex_ alone to read, then results_mutex_ alone to
//                  publish.
// The throttle has its own mutex inside.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "auth/login_throttle.h"
#include "domain/quality_flags.h"
#include "domain/study.h"
#include "results/results.h"
#include "server/api.h"
#include "store/evidence_files.h"
#include "store/store.h"

namespace cx::server {

struct AppOptions {
  int resamples = 2000;  // bootstrap resamples for results pages (the CLI default is 10,000)
  int session_hours = 12;
  int invitation_days = 7;
  int password_reset_hours = 24;  // how long a password reset link works
  // The address users reach the app at, for invitation links, without a
  // trailing "/" (e.g. "https://cxbench.example.no"). `cxbench serve` takes
  // it from --public-url, else from the address it actually bound.
  std::string public_url = "http://127.0.0.1:8080";
  auth::ThrottleLimits throttle;
  // Where evidence files are kept (store/evidence_files.h; `cxbench serve`
  // puts them beside the database). Empty: this server takes no evidence
  // (uploads are answered 503).
  std::string evidence_dir;
};

class App {
 public:
  App(std::unique_ptr<store::Store> store, domain::Study study, AppOptions options);
  // Waits for a results computation under way to finish.
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // For `cxbench serve` once it knows the port it bound; call before serving.
  void SetPublicUrl(std::string url) { options_.public_url = std::move(url); }

  const std::vector<Route>& routes() const { return routes_; }
  const domain::Study& study() const { return study_; }
  // Now in the study's local time, "YYYY-MM-DDTHH:MM" (UTC when the study's
  // time zone is unknown to the tz database): what the worklist compares
  // planned times and deadlines with.
  std::string LocalNow() const;

  // The account and CSRF token of a session cookie; nullopt when unknown or expired.
  std::optional<store::Store::SessionRow> Authenticate(const std::string& token);

  // Everything below is for the route files (routes_*.cc).
  std::mutex& mutex() { return mutex_; }
  store::Store& store() { return *store_; }  // with mutex() held
  const AppOptions& options() const { return options_; }
  auth::LoginThrottle& throttle() { return throttle_; }
  // The evidence files; null when AppOptions::evidence_dir is empty. Safe
  // from any thread (each file is written once under a new name).
  store::EvidenceFiles* evidence() { return evidence_ ? &*evidence_ : nullptr; }

  // The study's contacts and their results as of change-log stamp `stamp`.
  struct Snapshot {
    int64_t stamp = -1;
    std::vector<domain::Contact> contacts;
    results::StudyResults results;
  };
  struct ResultsView {
    std::shared_ptr<const Snapshot> snapshot;
    int64_t head = 0;  // the change log's stamp when asked; > stamp: stale
  };
  // The results to serve, computed on demand and never under mutex_ (call
  // without holding it): the bootstrap takes a second or more, and draft
  // saves must not wait for it. When the change log has moved since the
  // last computation, one recomputation of the newest state starts in the
  // background (never two at once; changes meanwhile are taken together by
  // the next one) and, unless `fresh`, the last results are served while it
  // runs (stale-while-revalidate). Waits only when nothing was computed yet,
  // or with `fresh` until results at least as new as the head it saw.
  Result<ResultsView> CurrentResults(bool fresh = false);

  // The automatic QA flags of every report of the study
  // (domain/quality_flags.h), by contact id, as of the change log's head:
  // computed again only when the head has moved since the last computation
  // (two requests that both find it stale may both compute; the newer
  // result is kept). Reads the store under mutex_ and computes with no lock,
  // so call it without holding mutex_. The QA queue filters on it.
  using StudyFlags = std::map<std::string, std::vector<domain::QualityFlag>>;
  Result<std::shared_ptr<const StudyFlags>> CurrentFlags();

  // Tests only: called by the results worker after it has read the store
  // and before it computes, with no lock held; a test blocks in it to hold
  // a recomputation while it writes.
  void SetResultsHookForTest(std::function<void()> hook);

 private:
  void AddSessionRoutes();
  void AddAssignmentRoutes();
  void AddQualityRoutes();
  void AddResultRoutes();
  void AddAccountRoutes();
  void AddAccountStateRoutes();
  void AddPublicationRoutes();
  void AddEvidenceRoutes();
  void AddExportRoutes();
  void RemoveOrphanedEvidence();
  void ResultsWorker();
  // One computation: reads under mutex_, computes with no lock.
  Result<std::shared_ptr<const Snapshot>> ComputeSnapshot(const std::function<void()>& hook);

  std::mutex mutex_;
  std::unique_ptr<store::Store> store_;  // GUARDED_BY(mutex_)
  domain::Study study_;                  // immutable after construction
  AppOptions options_;                   // immutable once serving
  auth::LoginThrottle throttle_;
  std::optional<store::EvidenceFiles> evidence_;
  std::vector<Route> routes_;

  std::mutex results_mutex_;
  std::condition_variable results_changed_;           // GUARDED_BY(results_mutex_)
  std::shared_ptr<const Snapshot> results_snapshot_;  // GUARDED_BY(results_mutex_)
  std::optional<Error> results_error_;                // GUARDED_BY(results_mutex_)
  int64_t results_wanted_ = -1;         // newest head a reader saw; GUARDED_BY(results_mutex_)
  int64_t results_attempted_ = -1;      // head of the last computation; GUARDED_BY(results_mutex_)
  bool results_computing_ = false;      // GUARDED_BY(results_mutex_)
  bool results_stop_ = false;           // GUARDED_BY(results_mutex_)
  std::function<void()> results_hook_;  // GUARDED_BY(results_mutex_)
  std::mutex flags_mutex_;              // guards the flags cache; never held with mutex_
  int64_t flags_stamp_ = -1;            // GUARDED_BY(flags_mutex_)
  std::shared_ptr<const StudyFlags> flags_;  // GUARDED_BY(flags_mutex_)
  std::thread results_worker_;               // last member: starts after the rest exists
};

// "2026-11-24T19:55:01.123Z": now plus `later` in UTC with milliseconds. Texts
// of this one form compare as the times they name.
std::string UtcAfter(std::chrono::milliseconds later);
inline std::string NowUtc() { return UtcAfter(std::chrono::milliseconds(0)); }
// domain::SecondsBetween counts from one such text to another.

}  // namespace cx::server
