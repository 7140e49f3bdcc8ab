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

// The argon2id hash string of `password`; kInvalidInput for a password
// shorter than 8 characters, kInternal when memory for the hash is short.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `hash` (constant time in libsodium).
bool VerifyPassword(const std::string& hash, std::string_view password);

// 32 random bytes from the OS's generator, as 64 hex digits.
std::string NewToken();

// The BLAKE2b-256 hash of a token, as 64 hex digits.
std::string HashToken(std::string_view token);

// Constant-time comparison of two tokens.
bool TokensEqual(std::string_view a, std::string_view b);

}  // namespace cx::auth
