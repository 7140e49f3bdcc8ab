#include "auth/login_throttle.h"

#include <algorithm>

namespace cx::auth {

int LoginThrottle::Wait(std::deque<Clock::time_point>& failures, int limit, Clock::time_point now) {
  while (!failures.empty() && now - failures.front() >= limits_.window) failures.pop_front();
  if (static_cast<int>(failures.size()) < limit) return 0;
  // Allowed again when enough failures have left the window.
  const auto free_at = failures[failures.size() - static_cast<size_t>(limit)] + limits_.window;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(free_at - now).count();
  return static_cast<int>(std::max<long long>(1, wait));
}

int LoginThrottle::RetryAfter(const std::string& account, const std::string& address,
                              Clock::time_point now) {
  std::lock_guard lock(mutex_);
  return std::max(Wait(by_account_[account], limits_.per_account, now),
                  Wait(by_address_[address], limits_.per_address, now));
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& address,
                                  Clock::time_point now) {
  std::lock_guard lock(mutex_);
  by_account_[account].push_back(now);
  by_address_[address].push_back(now);
}

void LoginThrottle::RecordSuccess(const std::string& account) {
  std::lock_guard lock(mutex_);
  by_account_.erase(account);
}

}  // namespace cx::auth
