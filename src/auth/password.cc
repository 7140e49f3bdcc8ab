#include "auth/password.h"

#include <crack.h>
#include <sodium.h>
#include <sys/stat.h>

#include <array>
#include <mutex>
#include <stdexcept>

#include "domain/account.h"

namespace cx::auth {
namespace {

void EnsureSodium() {
  // sodium_init is idempotent and thread-safe; < 0 means no usable RNG.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

// Unicode's White_Space property (PropList.txt of Unicode 15.0).
bool IsWhiteSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool IsControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Why cracklib and not a list of our own: Debian packages it with a
// dictionary (cracklib-runtime, 2.9.6) that an administrator can extend with
// update-cracklib, and it catches mangled words ("password1", "Monkey123",
// "qwertyuiop") that a plain list misses; tried on the demo and test
// passwords it refuses none of them and refuses "password", "iloveyou",
// "letmein123", "abcdefgh" and "123456789" (src/auth/auth_test.cc). Two
// things it gets wrong are handled here: FascistCheck exit()s the process
// when the dictionary is missing (Debian bug #682735), so its files are
// looked for first; and it keeps results in static buffers (rules.c
// Mangle), so calls are serialised.
Status CheckWithCracklib(const std::string& password, const PasswordOwner& owner) {
  static std::mutex cracklib_mutex;  // guards every call into libcrack
  const std::string dictionary = GetDefaultCracklibDict();
  for (const char* suffix : {".pwd", ".pwi", ".hwm"}) {
    struct stat info {};
    if (stat((dictionary + suffix).c_str(), &info) != 0) {
      return Internal("the password dictionary " + dictionary + suffix +
                      " is missing: install Debian's cracklib-runtime (scripts/setup.sh)");
    }
  }
  // The owner's local part is checked as cracklib's "user", their name as
  // the "gecos" (never NULL: NULL makes cracklib read /etc/passwd).
  const std::string_view email = owner.email.substr(0, owner.email.find('@'));
  const std::string user(email);
  const std::string gecos(owner.name);
  std::lock_guard lock(cracklib_mutex);
  if (const char* why =
          FascistCheckUser(password.c_str(), dictionary.c_str(), user.c_str(), gecos.c_str())) {
    // cracklib's reason is in English: it has no catalogue of ours.
    return InvalidInput(Msg("the password is too easy to guess: {1}", why), "password");
  }
  return Ok();
}

}  // namespace

Status CheckPassword(std::string_view password, const PasswordOwner& owner) {
  if (password.size() > kMaxPasswordBytes) {
    return InvalidInput(Msg("a password has at most {1} bytes", kMaxPasswordBytes), "password");
  }
  auto points = domain::DecodeUtf8(password);
  if (!points) return InvalidInput(Msg("the password is not valid UTF-8"), "password");
  if (points->size() < kMinPasswordCodePoints) {
    return InvalidInput(Msg("a password needs at least {1} characters, not {2}",
                            kMinPasswordCodePoints, points->size()),
                        "password");
  }
  bool only_space = true;
  for (char32_t c : *points) {
    if (IsControl(c)) {
      return InvalidInput(Msg("a password may not contain control characters"), "password");
    }
    only_space = only_space && IsWhiteSpace(c);
  }
  if (only_space)
    return InvalidInput(Msg("a password of only white space is too easy to guess"), "password");
  return CheckWithCracklib(std::string(password), owner);
}

Result<std::string> HashPassword(std::string_view password, const PasswordOwner& owner) {
  if (Status allowed = CheckPassword(password, owner); !allowed) return allowed.error();
  return HashPasswordUnchecked(password);
}

Result<std::string> HashPasswordUnchecked(std::string_view password) {
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  // crypto_pwhash_str uses argon2id (crypto_pwhash_ALG_DEFAULT) since libsodium 1.0.15.
  if (crypto_pwhash_str_alg(hash.data(), password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("not enough memory to hash the password");
  }
  return std::string(hash.data());
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  EnsureSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string NewToken() {
  EnsureSodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes.data(), bytes.size());
}

std::string Sha256Hex(std::string_view content) {
  EnsureSodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(content.data()),
                     content.size());
  return Hex(digest.data(), digest.size());
}

std::string HashToken(std::string_view token) {
  EnsureSodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return Hex(digest.data(), digest.size());
}

bool TokensEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace cx::auth
