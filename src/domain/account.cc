#include "domain/account.h"

#include <algorithm>

namespace cx::domain {

std::string_view ToString(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kManager:
      return "manager";
    case Role::kShopper:
      return "shopper";
    case Role::kParticipant:
      return "participant";
  }
  return "shopper";
}

std::optional<Role> ParseRole(std::string_view id) {
  for (Role role : {Role::kAdmin, Role::kManager, Role::kShopper, Role::kParticipant}) {
    if (ToString(role) == id) return role;
  }
  return std::nullopt;
}

std::vector<Role> RolesCreatableBy(Role creator) {
  switch (creator) {
    case Role::kAdmin:
      return {Role::kAdmin, Role::kManager, Role::kShopper, Role::kParticipant};
    case Role::kManager:
      return {Role::kShopper, Role::kParticipant};
    case Role::kShopper:
    case Role::kParticipant:
      return {};
  }
  return {};
}

bool MayCreate(Role creator, Role role) {
  const std::vector<Role> creatable = RolesCreatableBy(creator);
  return std::find(creatable.begin(), creatable.end(), role) != creatable.end();
}

}  // namespace cx::domain

namespace cx::domain {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Characters that RFC 5322 allows in a local part only inside quotes, and
// never in a domain name.
bool IsSpecial(char32_t c) {
  return c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' ||
         c == '>' || c == '[' || c == '\\' || c == ']';
}

Error BadEmail(Message why) {
  return InvalidInput(
      Msg("an e-mail address like name@example.no is expected: {1}", std::move(why)), "email");
}

}  // namespace

std::string NormalizeEmail(std::string_view email) {
  while (!email.empty() && IsAsciiSpace(email.front())) email.remove_prefix(1);
  while (!email.empty() && IsAsciiSpace(email.back())) email.remove_suffix(1);
  std::string normal(email);
  for (char& c : normal) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return normal;
}

Status CheckEmail(std::string_view email) {
  if (email.empty()) return BadEmail(Phrase("the address is empty"));
  if (email.size() > kMaxEmailLength) {
    return BadEmail(
        Phrase("an address has at most {1} bytes, not {2}", kMaxEmailLength, email.size()));
  }
  auto points = DecodeUtf8(email);
  if (!points) return BadEmail(Phrase("the address is not valid UTF-8"));
  for (char32_t c : *points) {
    // C0 and C1 controls, DEL, and every space (ASCII and Unicode's own).
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
      return BadEmail(Phrase("it contains a control character"));
    if (c == ' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
        c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000) {
      return BadEmail(Phrase("it contains a space"));
    }
    if (IsSpecial(c))
      return BadEmail(Phrase("it contains '{1}'", std::string(1, static_cast<char>(c))));
  }
  const size_t at = email.find('@');
  if (at == std::string_view::npos) return BadEmail(Phrase("there is no '@'"));
  if (email.find('@', at + 1) != std::string_view::npos)
    return BadEmail(Phrase("there is more than one '@'"));
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  if (local.empty()) return BadEmail(Phrase("there is no name before the '@'"));
  if (local.size() > 64) return BadEmail(Phrase("the part before the '@' has at most 64 bytes"));
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return BadEmail(Phrase("a dot may not begin or end the name before the '@', nor follow a dot"));
  }
  if (domain.empty()) return BadEmail(Phrase("there is no domain after the '@'"));
  if (domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return BadEmail(Phrase("the domain after the '@' has an empty part between dots"));
  }
  return Ok();
}

}  // namespace cx::domain
