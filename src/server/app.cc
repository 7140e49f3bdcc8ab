#include "server/app.h"

#include <chrono>
#include <cstdio>

#include "auth/password.h"

namespace cx::server {

std::string UtcAfter(std::chrono::milliseconds later) {
  using namespace std::chrono;
  const auto now = time_point_cast<milliseconds>(system_clock::now()) + later;
  const auto day = floor<days>(now);
  const year_month_day date{day};
  const hh_mm_ss time{now - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long>(time.hours().count()),
                static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()),
                static_cast<long>(time.subseconds().count()));
  return buffer;
}

namespace {
std::optional<double> EpochSeconds(const std::string& text) {
  int year = 0;
  unsigned month = 0, day = 0, hour = 0, minute = 0;
  double second = 0;
  if (std::sscanf(text.c_str(), "%d-%u-%uT%u:%u:%lfZ", &year, &month, &day, &hour, &minute,
                  &second) != 6) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  if (!date.ok() || hour > 23 || minute > 59 || second < 0 || second >= 61) return std::nullopt;
  const auto days = std::chrono::sys_days{date}.time_since_epoch().count();
  return static_cast<double>(days) * 86400.0 + hour * 3600.0 + minute * 60.0 + second;
}
}  // namespace

std::optional<double> SecondsBetween(const std::string& from, const std::string& to) {
  auto a = EpochSeconds(from);
  auto b = EpochSeconds(to);
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

App::App(std::unique_ptr<store::Store> store, domain::Study study, AppOptions options)
    : store_(std::move(store)),
      study_(std::move(study)),
      options_(std::move(options)),
      throttle_(options_.throttle) {
  AddSessionRoutes();
  AddAssignmentRoutes();
  AddQualityRoutes();
  AddResultRoutes();
  AddAccountRoutes();
  routes_.push_back({"GET",
                     "/api/v1/openapi.json",
                     {domain::Role::kAdmin, domain::Role::kManager, domain::Role::kShopper,
                      domain::Role::kParticipant},
                     "This document: every route the server serves",
                     nullptr,
                     [this](Call&) {
                       Reply reply;
                       reply.body = OpenApiDocument(routes_);
                       return reply;
                     }});
}

std::optional<store::Store::SessionRow> App::Authenticate(const std::string& token) {
  if (token.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto session = store_->FindSession(auth::HashToken(token));
  if (!session) return std::nullopt;
  // ISO 8601 UTC texts of equal form compare as times.
  if (session.value().expires_at <= NowUtc()) return std::nullopt;
  return std::move(session).value();
}

Result<std::shared_ptr<const App::Snapshot>> App::CurrentResults() {
  auto stamp = store_->ChangeLogHead();
  if (!stamp) return stamp.error();
  if (snapshot_ && stamp.value() == results_stamp_) return snapshot_;
  auto contacts = store_->LoadContacts(study_.id);
  if (!contacts) return contacts.error();
  results::ResultsOptions options;
  options.resamples = options_.resamples;
  auto computed = results::ComputeResults(study_, contacts.value(), options);
  if (!computed) return computed.error();
  snapshot_ = std::make_shared<const Snapshot>(
      Snapshot{std::move(contacts).value(), std::move(computed).value()});
  results_stamp_ = stamp.value();
  return snapshot_;
}

}  // namespace cx::server
