#pragma once
// The people who use the web app and what their role lets them see.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/utf8.h"

namespace cx::domain {

enum class Role {
  kAdmin,        // everything, plus accounts and roles
  kManager,      // a study manager: fieldwork, quality assurance, audit trail, users
  kShopper,      // a mystery shopper: their own assignments only
  kParticipant,  // a participating company's viewer: its own results only
};
std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view id);

// Who may create (and invite, manage the invitations of, deactivate and
// reactivate, and reset the password of) which role: the
// one rule for the API, the CLI's help and the web's role list. An admin may
// create every role; a manager shoppers and participants only (the people
// of its fieldwork, never another manager or an admin); a shopper or a
// participant none. RolesCreatableBy lists them in the order admin, manager,
// shopper, participant.
std::vector<Role> RolesCreatableBy(Role creator);
bool MayCreate(Role creator, Role role);

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
  // When it was deactivated (UTC ISO 8601); empty: active. A deactivated
  // account cannot log in and has no session.
  std::string deactivated_at;

  bool active() const { return deactivated_at.empty(); }
  bool operator==(const Account&) const = default;
};

// E-mail addresses: the one rule for every place that stores, looks up,
// compares or throttles one (the login, `cxbench user add`, the admin API,
// invitations and their acceptance).
//
// RFC 5321 section 4.5.3.1.3: a path is at most 256 octets including the
// angle brackets, so an address is at most 254.
inline constexpr size_t kMaxEmailLength = 254;

// The form an address is kept and compared in: ASCII white space trimmed from
// both ends, ASCII letters lower-cased, every other byte as it was.
// Why ASCII only and not Unicode case folding: mail providers treat the
// ASCII letters of an address without regard to case, but what they do with
// other letters is theirs to decide (RFC 6531 leaves the local part to the
// receiving server), full folding depends on the Unicode version and on
// language (Turkish dotless i, "ß" folding to "ss") and could join two
// real, different mailboxes into one account; and the store's unique index
// on account.email is SQLite's COLLATE NOCASE, which folds ASCII only, so
// this keeps the two rules identical.
std::string NormalizeEmail(std::string_view email);

// Ok when `email` (already normalised) is an address we accept: valid UTF-8,
// at most kMaxEmailLength bytes, exactly one "@" with a local part of at most
// 64 bytes before it and a domain after it, no white space or control
// characters, no empty domain label. Quoted local parts (RFC 5321 allows
// "a b"@x) are refused: no mail system we deliver to needs them. Errors name
// the field "email" and say what is wrong.
Status CheckEmail(std::string_view email);

// The Unicode code points of `text`; nullopt when it is not valid UTF-8.
// The project's one UTF-8 rule (core/utf8.h), used by the e-mail rule here
// and the password rule in src/auth.
using cx::DecodeUtf8;

// A one-time invitation: whoever holds the token may create this account once.
struct Invitation {
  int64_t id = 0;  // the handle staff list and revoke by: the token is never stored
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

// A link that sets a new password once, made by staff for an account.
struct PasswordReset {
  std::string token_hash;
  int64_t account_id = 0;
  int64_t created_by = 0;
  std::string expires_at;  // UTC ISO 8601
  std::string used_at;     // empty: not used yet
};

}  // namespace cx::domain
