#pragma once
// Private to store/: checks one stored row against the schema's rules before
// it becomes a domain object. The store writes only valid rows, so a fault
// here means the file was edited by hand or damaged; each fault becomes a
// CorruptRow naming the table, the row's key and the field, and the caller
// leaves the row out (the rest of the data still loads).
//
// Numeric columns are read together with SQLite's typeof() of the column:
// SQLite keeps any value in any column, and SOCI turns a text in a REAL
// column into 0 without a word, so the type has to be asked for.

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace cx::store {

class RowCheck {
 public:
  // `key` is the row's primary key, its parts joined by '/'.
  RowCheck(std::string table, std::string key) : table_(std::move(table)), key_(std::move(key)) {}

  // Records a fault: `field` was not what `expected` says.
  void Fault(const std::string& field, std::string expected);

  // The enum value `text` names, via `parse` (a domain Parse* function);
  // a fault listing `known` when it names none. `fallback` is returned then.
  template <class T, class Parse>
  T Enum(const std::string& field, const std::string& text, Parse parse, std::string_view known,
         T fallback) {
    const auto parsed = parse(text);
    if (parsed) return *parsed;
    Fault(field, "one of " + std::string(known) + ", found " + Quote(text));
    return fallback;
  }

  // A number column read with its typeof(): "integer" or "real", finite and
  // within [min, max]; nullopt, with no fault, when the column is NULL and
  // `nullable`.
  std::optional<double> Number(const std::string& field, double value, const std::string& type,
                               bool nullable, double min, double max);
  // The same for an integer column: also a whole number.
  long long Integer(const std::string& field, long long value, const std::string& type,
                    long long min, long long max);
  // A 0/1 flag column.
  bool Flag(const std::string& field, int value, const std::string& type);

  // Runs `decode` (a json_codec Decode* function, which throws on bad JSON)
  // on a JSON column; a fault naming `shape` when it throws.
  template <class Decode>
  auto Json(const std::string& field, const std::string& text, Decode decode,
            std::string_view shape) -> decltype(decode(text)) {
    try {
      return decode(text);
    } catch (const std::exception&) {
      Fault(field, "JSON " + std::string(shape) + ", found " + Quote(text));
      return {};
    }
  }

  // A reference to another row: a fault when `found` is false.
  void Reference(const std::string& field, const std::string& value, bool found,
                 const std::string& target);

  bool ok() const { return faults_.empty(); }
  // Moves the faults of this row to `out`.
  void MoveTo(std::vector<CorruptRow>& out);
  const std::vector<CorruptRow>& faults() const { return faults_; }

  // 'text', shortened to 60 characters, for a message.
  static std::string Quote(std::string_view text);

 private:
  std::string table_;
  std::string key_;
  std::vector<CorruptRow> faults_;
};

}  // namespace cx::store
