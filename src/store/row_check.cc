#include "store/row_check.h"

#include <sstream>

namespace cx::store {

void RowCheck::Fault(const std::string& field, std::string expected) {
  faults_.push_back({table_, key_, field, std::move(expected)});
}

std::string RowCheck::Quote(std::string_view text) {
  constexpr size_t kLongest = 60;
  if (text.size() <= kLongest) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, kLongest)) + "...'";
}

namespace {

// A number as a person writes it: "-5", "2.5", "1e+300".
std::string NumberText(double value) {
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

bool IsNumberType(const std::string& type) { return type == "integer" || type == "real"; }

std::string Bounds(double min, double max) {
  const auto text = NumberText;
  const bool has_min = std::isfinite(min);
  const bool has_max = std::isfinite(max);
  if (has_min && has_max) return " from " + text(min) + " to " + text(max);
  if (has_min) return " of " + text(min) + " or more";
  if (has_max) return " of " + text(max) + " or less";
  return "";
}

}  // namespace

std::optional<double> RowCheck::Number(const std::string& field, double value,
                                       const std::string& type, bool nullable, double min,
                                       double max) {
  if (type == "null") {
    if (!nullable) Fault(field, "a number, found NULL");
    return std::nullopt;
  }
  if (!IsNumberType(type)) {
    Fault(field, "a number" + Bounds(min, max) + ", found a " + type + " value");
    return std::nullopt;
  }
  if (!std::isfinite(value) || value < min || value > max) {
    Fault(field, "a number" + Bounds(min, max) + ", found " + NumberText(value));
    return std::nullopt;
  }
  return value;
}

long long RowCheck::Integer(const std::string& field, long long value, const std::string& type,
                            long long min, long long max) {
  if (type != "integer") {
    Fault(field, "a whole number" + Bounds(static_cast<double>(min), static_cast<double>(max)) +
                     ", found a " + type + " value");
    return min;
  }
  if (value < min || value > max) {
    Fault(field, "a whole number" + Bounds(static_cast<double>(min), static_cast<double>(max)) +
                     ", found " + std::to_string(value));
    return min;
  }
  return value;
}

bool RowCheck::Flag(const std::string& field, int value, const std::string& type) {
  if (type != "integer" || (value != 0 && value != 1)) {
    Fault(field,
          "0 or 1, found " + (type == "integer" ? std::to_string(value) : "a " + type + " value"));
    return false;
  }
  return value == 1;
}

void RowCheck::Reference(const std::string& field, const std::string& value, bool found,
                         const std::string& target) {
  if (!found)
    Fault(field, "the id of a row of " + target + ", found " + Quote(value) + " (no such row)");
}

void RowCheck::MoveTo(std::vector<CorruptRow>& out) {
  for (auto& fault : faults_) out.push_back(std::move(fault));
  faults_.clear();
}

}  // namespace cx::store
