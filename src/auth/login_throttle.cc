#include "auth/login_throttle.h"

#include <algorithm>

namespace cx::auth {

LoginThrottle::LoginThrottle(ThrottleLimits limits)
    : limits_(limits),
      by_account_(limits_.per_account, limits_),
      by_address_(limits_.per_address, limits_) {}

int LoginThrottle::Failures::Wait(const std::string& key, Clock::time_point now) {
  Evict(now);
  auto found = by_key_.find(key);
  if (found == by_key_.end()) return 0;
  auto& times = found->second.times;
  // Failures older than the window no longer count.
  times.erase(times.begin(), std::find_if(times.begin(), times.end(),
                                          [&](auto at) { return now - at < limits_.window; }));
  if (times.empty()) {
    Erase(key);
    return 0;
  }
  if (static_cast<int>(times.size()) < limit_) return 0;
  // Allowed again when enough failures have left the window.
  const auto free_at = times[times.size() - static_cast<size_t>(limit_)] + limits_.window;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(free_at - now).count();
  return static_cast<int>(std::max<long long>(1, wait));
}

void LoginThrottle::Failures::Record(const std::string& key, Clock::time_point now) {
  Evict(now);
  auto [found, inserted] = by_key_.try_emplace(key);
  Entry& entry = found->second;
  if (inserted) {
    entry.order = order_.insert(order_.end(), key);
  } else {
    order_.splice(order_.end(), order_, entry.order);  // now the newest
  }
  entry.times.push_back(now);
  // Only the newest `limit_` failures decide a wait (see Wait).
  if (entry.times.size() > static_cast<size_t>(std::max(limit_, 1))) {
    entry.times.erase(entry.times.begin());
  }
  while (by_key_.size() > limits_.max_keys) {
    by_key_.erase(order_.front());
    order_.pop_front();
  }
}

void LoginThrottle::Failures::Erase(const std::string& key) {
  auto found = by_key_.find(key);
  if (found == by_key_.end()) return;
  order_.erase(found->second.order);
  by_key_.erase(found);
}

// Keys whose last failure has left the window are forgotten. The order list
// is by last failure, so they are all at its front.
void LoginThrottle::Failures::Evict(Clock::time_point now) {
  while (!order_.empty()) {
    auto found = by_key_.find(order_.front());
    const auto& times = found->second.times;
    if (!times.empty() && now - times.back() < limits_.window) break;
    by_key_.erase(found);
    order_.pop_front();
  }
}

int LoginThrottle::RetryAfter(const std::string& account, const std::string& address,
                              Clock::time_point now) {
  std::lock_guard lock(mutex_);
  return std::max(by_account_.Wait(account, now), by_address_.Wait(address, now));
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& address,
                                  Clock::time_point now) {
  std::lock_guard lock(mutex_);
  by_account_.Record(account, now);
  by_address_.Record(address, now);
}

void LoginThrottle::RecordSuccess(const std::string& account) {
  std::lock_guard lock(mutex_);
  by_account_.Erase(account);
}

size_t LoginThrottle::AccountKeys() {
  std::lock_guard lock(mutex_);
  return by_account_.size();
}

size_t LoginThrottle::AddressKeys() {
  std::lock_guard lock(mutex_);
  return by_address_.size();
}

}  // namespace cx::auth
