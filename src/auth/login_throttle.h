#pragma once
// Login throttling per account and per address: after too many failures in
// a window, further attempts are refused until the oldest failure leaves the
// window. Kept in memory: a restart forgets, which only gives an attacker
// one more window, while a table would cost a write per failed attempt.
// Thread-safe.

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cx::auth {

struct ThrottleLimits {
  int per_account = 5;   // failures per account within the window
  int per_address = 20;  // failures per client address within the window
  std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  explicit LoginThrottle(ThrottleLimits limits = {}) : limits_(limits) {}

  // Seconds until an attempt for this account from this address is allowed
  // (0 = allowed now).
  int RetryAfter(const std::string& account, const std::string& address, Clock::time_point now);
  void RecordFailure(const std::string& account, const std::string& address, Clock::time_point now);
  // A successful login clears the account's failures (not the address's).
  void RecordSuccess(const std::string& account);

 private:
  int Wait(std::deque<Clock::time_point>& failures, int limit, Clock::time_point now);
  ThrottleLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> by_account_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> by_address_;
};

}  // namespace cx::auth
