#pragma once
// The people who use the web app and what their role lets them see.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cx::domain {

enum class Role {
  kAdmin,        // everything, plus accounts and roles
  kManager,      // a study manager: fieldwork, quality assurance, audit trail, users
  kShopper,      // a mystery shopper: their own assignments only
  kParticipant,  // a participating company's viewer: its own results only
};
std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view id);

struct Account {
  int64_t id = 0;
  std::string email;
  std::string name;
  Role role = Role::kShopper;
  std::string shopper_id;      // role shopper
  std::string study_id;        // role participant
  std::string participant_id;  // role participant
  std::string language = "nb";
  std::string password_hash;  // argon2id string (libsodium's crypto_pwhash_str format)

  bool operator==(const Account&) const = default;
};

// A one-time invitation: whoever holds the token may create this account once.
struct Invitation {
  std::string token_hash;
  std::string email;
  Role role = Role::kShopper;
  std::string shopper_id;
  std::string study_id;
  std::string participant_id;
  int64_t created_by = 0;
  std::string expires_at;  // UTC ISO 8601
  std::string used_at;     // empty: not used yet
};

}  // namespace cx::domain
