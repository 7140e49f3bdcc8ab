#include "server/app.h"

#include <chrono>
#include <iostream>
#include <set>

#include "auth/password.h"
#include "core/civil_time.h"
#include "core/time_zone.h"
#include "server/json_views.h"

namespace cx::server {

std::string UtcAfter(std::chrono::milliseconds later) {
  return (UtcInstant::Now() + later).ToString(UtcInstant::Precision::kMilliseconds);
}

std::string App::LocalNow() const {
  const UtcInstant now = UtcInstant::Now();
  if (auto zone = TimeZone::Locate(study_.period.time_zone)) return zone->ToLocal(now).ToString();
  return now.ToString(UtcInstant::Precision::kSeconds).substr(0, 16);
}

App::App(std::unique_ptr<store::Store> store, domain::Study study, AppOptions options)
    : store_(std::move(store)),
      study_(std::move(study)),
      options_(std::move(options)),
      throttle_(options_.throttle) {
  if (!options_.evidence_dir.empty()) {
    evidence_.emplace(options_.evidence_dir);
    RemoveOrphanedEvidence();
  }
  AddSessionRoutes();
  AddAssignmentRoutes();
  AddQualityRoutes();
  AddResultRoutes();
  AddAccountRoutes();
  AddAccountStateRoutes();
  AddPublicationRoutes();
  AddEvidenceRoutes();
  AddExportRoutes();
  routes_.push_back({"GET",
                     "/api/v1/openapi.json",
                     {domain::Role::kAdmin, domain::Role::kManager, domain::Role::kShopper,
                      domain::Role::kParticipant},
                     "This document: every route the server serves",
                     nullptr,
                     [this](ApiRequest&) {
                       Reply reply;
                       reply.body = OpenApiDocument(routes_, ContactSchemas());
                       return reply;
                     }});
  results_worker_ = std::thread([this] { ResultsWorker(); });
}

// A file written for an upload whose row never committed (the server was
// killed between the two) has no row: it goes at start, before any upload.
void App::RemoveOrphanedEvidence() {
  auto names = store_->ListEvidenceNames(study_.id);
  if (!names) return;  // a database problem shows at the first request
  const auto removed =
      evidence_->RemoveOrphans(study_.id, std::set<std::string>(names->begin(), names->end()));
  if (removed && *removed > 0) {
    std::cerr << "cxbench serve: removed " << *removed
              << " evidence file(s) left by an upload that did not finish\n";
  }
}

App::~App() {
  {
    std::lock_guard lock(results_mutex_);
    results_stop_ = true;
  }
  results_changed_.notify_all();
  results_worker_.join();
}

std::optional<store::Store::SessionRow> App::Authenticate(const std::string& token) {
  if (token.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto session = store_->FindSession(auth::HashToken(token));
  if (!session) return std::nullopt;
  // ISO 8601 UTC texts of equal form compare as times.
  if (session.value().expires_at <= NowUtc()) return std::nullopt;
  // Deactivating ends the account's sessions; this holds if one slipped by.
  if (!session.value().account.active()) return std::nullopt;
  return std::move(session).value();
}

Result<std::shared_ptr<const App::StudyFlags>> App::CurrentFlags() {
  int64_t head = 0;
  {
    std::lock_guard lock(mutex_);
    auto stamp = store_->ChangeLogHead();
    if (!stamp) return stamp.error();
    head = stamp.value();
  }
  {
    std::lock_guard lock(flags_mutex_);
    if (flags_ && flags_stamp_ == head) return flags_;
  }
  std::vector<domain::Contact> contacts;
  std::vector<domain::ChangeRecord> log;
  {
    // The stamp, the contacts and the log in one hold of the lock: they agree.
    std::lock_guard lock(mutex_);
    auto stamp = store_->ChangeLogHead();
    if (!stamp) return stamp.error();
    head = stamp.value();
    auto loaded = store_->LoadContacts(study_.id);
    if (!loaded) return loaded.error();
    contacts = std::move(loaded).value();
    auto entries = store_->LoadChangeLog(study_.id);
    if (!entries) return entries.error();
    log = std::move(entries).value();
  }
  auto computed = std::make_shared<const StudyFlags>(domain::ComputeQualityFlags(
      study_, contacts, domain::TimelinesFromChangeLog(study_, contacts, log)));
  std::lock_guard lock(flags_mutex_);
  if (head >= flags_stamp_) {
    flags_ = computed;
    flags_stamp_ = head;
  }
  return std::shared_ptr<const StudyFlags>(computed);
}

Result<App::ResultsView> App::CurrentResults(bool fresh) {
  int64_t head = 0;
  {
    std::lock_guard lock(mutex_);
    auto stamp = store_->ChangeLogHead();
    if (!stamp) return stamp.error();
    head = stamp.value();
  }
  std::unique_lock lock(results_mutex_);
  auto current = [&] { return results_snapshot_ && results_snapshot_->stamp >= head; };
  if (current()) return ResultsView{results_snapshot_, head};
  if (head > results_wanted_) results_wanted_ = head;
  if (results_wanted_ > results_attempted_) results_changed_.notify_all();
  if (results_snapshot_ && !fresh) return ResultsView{results_snapshot_, head};
  results_changed_.wait(lock, [&] {
    return current() || results_stop_ ||
           (results_error_ && !results_computing_ && results_attempted_ >= head);
  });
  if (current()) return ResultsView{results_snapshot_, head};
  if (results_stop_) return Internal("the server is stopping");
  Error error = *results_error_;
  results_attempted_ = -1;  // the next reader tries again
  return error;
}

void App::SetResultsHookForTest(std::function<void()> hook) {
  std::lock_guard lock(results_mutex_);
  results_hook_ = std::move(hook);
}

void App::ResultsWorker() {
  std::unique_lock lock(results_mutex_);
  while (true) {
    results_changed_.wait(lock,
                          [&] { return results_stop_ || results_wanted_ > results_attempted_; });
    if (results_stop_) return;
    const int64_t target = results_wanted_;
    const std::function<void()> hook = results_hook_;
    results_computing_ = true;
    lock.unlock();
    Result<std::shared_ptr<const Snapshot>> computed = Internal("results were not computed");
    try {
      computed = ComputeSnapshot(hook);
    } catch (const std::exception& error) {
      // bad_alloc and the like: this computation is lost, the server is not.
      computed = Internal(std::string("computing results failed: ") + error.what());
    }
    lock.lock();
    results_computing_ = false;
    if (computed) {
      results_snapshot_ = std::move(computed).value();
      results_attempted_ = results_snapshot_->stamp;
      results_error_.reset();
    } else {
      results_attempted_ = target;
      results_error_ = computed.error();
    }
    results_changed_.notify_all();
  }
}

Result<std::shared_ptr<const App::Snapshot>> App::ComputeSnapshot(
    const std::function<void()>& hook) {
  auto snapshot = std::make_shared<Snapshot>();
  {
    // The stamp and the contacts in one hold of the lock: they agree.
    std::lock_guard lock(mutex_);
    auto stamp = store_->ChangeLogHead();
    if (!stamp) return stamp.error();
    auto contacts = store_->LoadContacts(study_.id);
    if (!contacts) return contacts.error();
    snapshot->stamp = stamp.value();
    snapshot->contacts = std::move(contacts).value();
  }
  if (hook) hook();
  results::ResultsOptions options;
  options.resamples = options_.resamples;
  auto computed = results::ComputeResults(study_, snapshot->contacts, options);
  if (!computed) return computed.error();
  snapshot->results = std::move(computed).value();
  return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

}  // namespace cx::server
