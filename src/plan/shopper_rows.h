#pragma once
// Private to plan/: the columns and rules of a shopper pool, shared by the
// CSV and XLSX readers (shopper_csv.cc, shopper_xlsx.cc). Each reader turns
// its file into header names and rows of text cells, each cell with where it
// is ("pool.csv:3:15", "pool.xlsx: Sheet1!C4"), and this checks them.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/fieldwork.h"

namespace cx::plan {

// The most shoppers one pool may hold (docs/study-format.md, "Bounds").
inline constexpr size_t kMaxShoppers = 10000;

struct PoolCell {
  std::string text;
  std::string where;
};

class ShopperRows {
 public:
  // The header: one name per column, in order. `where_header` names the
  // header row, for a required column that is missing.
  Status SetHeader(const std::vector<PoolCell>& names, const std::string& where_header);
  // The columns the header named, in the order given.
  size_t Columns() const { return names_.size(); }
  // The index of a named column ("away_dates"); -1 when the header lacks it.
  int IndexOf(const std::string& name) const;
  // One row: exactly one cell per header column, "" when empty. Appends the
  // shopper, or says what is wrong with which cell (stops at the first fault).
  Status AddRow(const std::vector<PoolCell>& cells);
  std::vector<domain::Shopper> Take() { return std::move(shoppers_); }

 private:
  std::vector<std::string> names_;
  std::map<std::string, size_t> column_;
  std::set<std::string> ids_;
  std::vector<domain::Shopper> shoppers_;
};

}  // namespace cx::plan
