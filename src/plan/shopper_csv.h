#pragma once
// The shopper pool from CSV (cxbench shoppers import); XLSX is read by
// shopper_xlsx.h with the same columns and rules.

#include <istream>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/fieldwork.h"

namespace cx::plan {

// A header row names the columns, in any order, case-insensitive:
//   id, name, age_band, gender, region, languages, channels, max_per_week, away_dates
// id, age_band, gender, channels and max_per_week are required; name,
// region, languages and away_dates may be empty or absent. Lists are
// separated by ';'. away_dates holds dates (YYYY-MM-DD) and ranges
// (YYYY-MM-DD..YYYY-MM-DD, inclusive). Age bands: 18-29, 30-44, 45-59, 60+;
// gender: female, male; channels: phone, email_form, chat, messenger.
// Errors name "file:line:column" (the column in characters, exact for
// unquoted fields) and stop at the first fault.
Result<std::vector<domain::Shopper>> ReadShoppersCsv(std::istream& in, const std::string& file);

}  // namespace cx::plan
