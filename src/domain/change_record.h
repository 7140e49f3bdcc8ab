#pragma once
// The one change record of cxbench: who changed which field of what, from
// which value to which, when and why. Fieldwork operations, plan repair and
// the CLI's study changes produce it, the store appends it to the change log
// (in the column order of the change_log table) and reads it back, and the
// audit trail shows it.

#include <string>
#include <utility>

namespace cx::domain {

struct ChangeRecord {
  std::string at;         // UTC ISO 8601; empty until the store appends the record
  std::string actor;      // the account's e-mail, or the CLI's --actor
  std::string entity;     // "contact", "participant", "study"
  std::string entity_id;  // "C-0001", "P-03", "ksp2026"
  // Of a contact: status, started_at, answered_at, wait_s, responder,
  // submitted_at, shopper, planned_at, created, "answer:<question id>",
  // "comment:<area id>"; of a participant: channels; of a study: plan.
  std::string field;
  std::string old_value;  // as text; "" for none
  std::string new_value;
  std::string reason;  // the operation ("start", "draft") or a person's reason

  bool operator==(const ChangeRecord&) const = default;
};

// A record of one field of contact `contact_id`, with no actor or time yet.
inline ChangeRecord ContactRecord(std::string contact_id, std::string field, std::string old_value,
                                  std::string new_value, std::string reason = {}) {
  return {"",
          "",
          "contact",
          std::move(contact_id),
          std::move(field),
          std::move(old_value),
          std::move(new_value),
          std::move(reason)};
}

}  // namespace cx::domain
