#include "domain/account.h"

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

}  // namespace cx::domain
