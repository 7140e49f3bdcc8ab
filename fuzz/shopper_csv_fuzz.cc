// The shopper pool of `cxbench shoppers import pool.csv` (ReadShoppersCsv).
// Properties: no crash; an error names the file; a pool is accepted only
// from well-formed UTF-8 (issue 12); every accepted shopper holds what the
// header comment of shopper_csv.h allows (an id, 1..999 contacts a week, at
// least one channel, ISO dates).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz/fuzz_support.h"
#include "plan/shopper_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream in(text);
  auto shoppers = cx::plan::ReadShoppersCsv(in, "pool.csv");
  if (!shoppers) {
    if (shoppers.error().ToString().find("pool.csv") == std::string::npos) {
      cx::fuzz::Fail("an error that does not name the file", shoppers.error().ToString());
    }
    return 0;
  }
  if (cx::fuzz::Checking("utf8") && !cx::fuzz::IsUtf8(text))
    cx::fuzz::Fail("a pool was accepted from text that is not UTF-8");
  for (const auto& shopper : *shoppers) {
    if (shopper.id.empty() || shopper.channels.empty() || shopper.max_contacts_per_week < 1 ||
        shopper.max_contacts_per_week > 999) {
      cx::fuzz::Fail("an accepted shopper breaks the rules of shopper_csv.h", shopper.id);
    }
    for (const auto& date : shopper.away_dates) {
      if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
        cx::fuzz::Fail("an away date that is not YYYY-MM-DD", date);
      }
    }
  }
  return 0;
}
