#pragma once
// Fixed texts of the reports in Norwegian bokmål and English.

#include <string>

namespace cx::report {

// The text for `key` in `language` (nb or en; anything else falls back to nb).
const std::string& T(const std::string& language, const std::string& key);

}  // namespace cx::report
