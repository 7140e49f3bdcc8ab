#pragma once
// Password hashes and random tokens, through libsodium.
// Passwords: argon2id (crypto_pwhash_str, libsodium's "interactive" limits:
// 2 passes over 64 MiB), stored as the self-describing "$argon2id$..." string.
// Tokens (sessions, CSRF, invitations): 32 random bytes, hex; the store keeps
// only their BLAKE2b hash.

#include <string>
#include <string_view>

#include "core/result.h"

namespace cx::auth {

// What a password is checked against besides the dictionary: it may not be
// based on the account's e-mail or name.
struct PasswordOwner {
  std::string_view email;
  std::string_view name;
};

inline constexpr size_t kMinPasswordCodePoints = 8;
// A longer password is refused before anything else (login included): argon2
// takes any length, but a request should not make the server copy megabytes.
inline constexpr size_t kMaxPasswordBytes = 1024;

// Ok when `password` may be set for an account: valid UTF-8 of at least 8
// Unicode code points (not bytes: "blåbær12" is 8) and at most
// kMaxPasswordBytes bytes, not only white space, no control characters, and
// not easy to guess by Debian's cracklib (FascistCheckUser against the
// dictionary that cracklib-runtime builds in /var/cache/cracklib: dictionary
// words and their common mangling such as "password1" or "monkey123", too
// simple or systematic like "abcdefgh" or "123456789", too few different
// characters, or based on the owner's e-mail or name). kInvalidInput naming
// "password" says which; kInternal when the dictionary is not installed.
Status CheckPassword(std::string_view password, const PasswordOwner& owner = {});

// The argon2id hash string of `password` after CheckPassword (its errors),
// kInternal when memory for the hash is short. Takes tens of milliseconds
// by design: call it outside any lock that a request path needs.
Result<std::string> HashPassword(std::string_view password, const PasswordOwner& owner = {});

// The argon2id hash of `password` without CheckPassword: only for the
// login's stand-in hash that unknown e-mails are verified against.
Result<std::string> HashPasswordUnchecked(std::string_view password);

// True when `password` matches `hash` (constant time in libsodium).
bool VerifyPassword(const std::string& hash, std::string_view password);

// 32 random bytes from the OS's generator, as 64 hex digits.
std::string NewToken();

// The BLAKE2b-256 hash of a token, as 64 hex digits.
std::string HashToken(std::string_view token);

// The SHA-256 of `content`, as 64 hex digits (an evidence file's
// fingerprint: the same recording attached to two reports has one).
std::string Sha256Hex(std::string_view content);

// Constant-time comparison of two tokens.
bool TokensEqual(std::string_view a, std::string_view b);

}  // namespace cx::auth
