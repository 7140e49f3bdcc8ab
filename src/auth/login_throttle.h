#pragma once
// Login throttling per account and per address: after too many failures in
// a window, further attempts are refused until the oldest failure leaves the
// window. Kept in memory: a restart forgets, which only gives an attacker
// one more window, while a table would cost a write per failed attempt.
//
// Memory is bounded, since anyone may post logins: a key is kept only while
// it has a failure inside the window, with at most `per_account` (or
// `per_address`) failure times, and at most `max_keys` keys of each kind;
// beyond that the key whose last failure is oldest goes first. Keys are
// used as given: the caller normalises them (domain::NormalizeEmail) and
// caps their length (the login route refuses e-mails over 254 bytes).
// Evicting under a flood of distinct accounts could forget a real account's
// failures; the per-address limit bounds how fast one address can do that.
//
// Thread-safe: one mutex guards both maps.

#include <chrono>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace cx::auth {

struct ThrottleLimits {
  int per_account = 5;   // failures per account within the window
  int per_address = 20;  // failures per client address within the window
  std::chrono::seconds window{15 * 60};
  // Keys tracked per kind. About 0.5 KB each at most (a 254-byte e-mail,
  // five time points, the hash and list nodes): 50,000 is about 25 MB.
  size_t max_keys = 50'000;
};

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  explicit LoginThrottle(ThrottleLimits limits = {});

  // Seconds until an attempt for this account from this address is allowed
  // (0 = allowed now). Remembers nothing new.
  int RetryAfter(const std::string& account, const std::string& address, Clock::time_point now);
  void RecordFailure(const std::string& account, const std::string& address, Clock::time_point now);
  // A successful login clears the account's failures (not the address's).
  void RecordSuccess(const std::string& account);

  // Keys tracked now (for tests of the bounds).
  size_t AccountKeys();
  size_t AddressKeys();

 private:
  // One kind of key (accounts or addresses): per key its latest failures,
  // oldest first, and the keys in the order of their last failure, so that
  // expired and oldest keys leave from the front.
  class Failures {
   public:
    Failures(int limit, const ThrottleLimits& limits) : limit_(limit), limits_(limits) {}
    int Wait(const std::string& key, Clock::time_point now);
    void Record(const std::string& key, Clock::time_point now);
    void Erase(const std::string& key);
    size_t size() const { return by_key_.size(); }

   private:
    struct Entry {
      std::vector<Clock::time_point> times;  // at most limit_, oldest first
      std::list<std::string>::iterator order;
    };
    void Evict(Clock::time_point now);
    int limit_;
    const ThrottleLimits& limits_;
    std::unordered_map<std::string, Entry> by_key_;
    std::list<std::string> order_;  // oldest last failure first
  };

  ThrottleLimits limits_;
  std::mutex mutex_;
  Failures by_account_;  // GUARDED_BY(mutex_)
  Failures by_address_;  // GUARDED_BY(mutex_)
};

}  // namespace cx::auth
