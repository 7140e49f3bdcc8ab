#include "plan/shopper_csv.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/csv.h"
#include "plan/model.h"

namespace cx::plan {
namespace {

std::string Trim(const std::string& text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> items;
  std::string item;
  for (char c : text + ";") {
    if (c == ';') {
      if (!Trim(item).empty()) items.push_back(Trim(item));
      item.clear();
    } else {
      item += c;
    }
  }
  return items;
}

bool ParseDate(const std::string& text, Day& day) {
  int minute = 0;
  return text.size() == 10 && ParseLocal(text + "T00:00", day, minute);
}

}  // namespace

Result<std::vector<domain::Shopper>> ReadShoppersCsv(std::istream& in, const std::string& file) {
  std::vector<std::string> fields;
  int line = 0;
  auto header = ReadCsvRecord(in, fields, line);
  if (!header)
    return Error{header.error().code, header.error().message, file + ":" + header.error().where};
  if (!*header) return InvalidInput("empty file: expected a header row", file);
  const std::set<std::string> known = {"id",       "name",         "age_band",
                                       "gender",   "region",       "languages",
                                       "channels", "max_per_week", "away_dates"};
  std::map<std::string, size_t> column;
  int at = 1;
  for (size_t index = 0; index < fields.size(); ++index) {
    const std::string name = Lower(Trim(fields[index]));
    const std::string where = file + ":1:" + std::to_string(at);
    if (!known.count(name))
      return InvalidInput("unknown column '" + fields[index] +
                              "'; expected id, name, age_band, gender, region, languages, "
                              "channels, max_per_week, away_dates",
                          where);
    if (!column.emplace(name, index).second)
      return InvalidInput("column '" + name + "' twice", where);
    at += static_cast<int>(fields[index].size()) + 1;
  }
  for (const char* required : {"id", "age_band", "gender", "channels", "max_per_week"}) {
    if (!column.count(required))
      return InvalidInput(std::string("missing column '") + required + "'", file + ":1:1");
  }
  std::vector<domain::Shopper> shoppers;
  std::set<std::string> ids;
  while (true) {
    const int first_line = line + 1;
    auto read = ReadCsvRecord(in, fields, line);
    if (!read)
      return Error{read.error().code, read.error().message, file + ":" + read.error().where};
    if (!*read) break;
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;  // a blank line
    auto where = [&](const std::string& name) {
      int col = 1;
      for (size_t index = 0; index < column.at(name) && index < fields.size(); ++index)
        col += static_cast<int>(fields[index].size()) + 1;
      return file + ":" + std::to_string(first_line) + ":" + std::to_string(col);
    };
    auto get = [&](const std::string& name) {
      auto it = column.find(name);
      return it == column.end() || it->second >= fields.size() ? std::string()
                                                               : Trim(fields[it->second]);
    };
    if (fields.size() != column.size()) {
      return InvalidInput("has " + std::to_string(fields.size()) + " fields; the header has " +
                              std::to_string(column.size()),
                          file + ":" + std::to_string(first_line) + ":1");
    }
    domain::Shopper shopper;
    shopper.id = get("id");
    if (shopper.id.empty()) return InvalidInput("id is empty", where("id"));
    if (!ids.insert(shopper.id).second)
      return InvalidInput("shopper '" + shopper.id + "' is listed twice", where("id"));
    shopper.name = get("name");
    shopper.age_band = get("age_band");
    if (shopper.age_band != "18-29" && shopper.age_band != "30-44" && shopper.age_band != "45-59" &&
        shopper.age_band != "60+") {
      return InvalidInput("age band '" + shopper.age_band + "' is not 18-29, 30-44, 45-59 or 60+",
                          where("age_band"));
    }
    shopper.gender = Lower(get("gender"));
    if (shopper.gender != "female" && shopper.gender != "male")
      return InvalidInput("gender '" + get("gender") + "' is not female or male", where("gender"));
    shopper.region = get("region");
    shopper.languages = Split(get("languages"));
    for (const auto& item : Split(get("channels"))) {
      auto channel = domain::ParseChannel(Lower(item));
      if (!channel)
        return InvalidInput("channel '" + item + "' is not phone, email_form, chat or messenger",
                            where("channels"));
      if (!shopper.CanDo(*channel)) shopper.channels.push_back(*channel);
    }
    if (shopper.channels.empty()) return InvalidInput("no channels", where("channels"));
    const std::string max = get("max_per_week");
    if (max.empty() || max.size() > 3 ||
        !std::all_of(max.begin(), max.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
        std::stoi(max) < 1) {
      return InvalidInput("max_per_week '" + max + "' is not a whole number from 1 to 999",
                          where("max_per_week"));
    }
    shopper.max_contacts_per_week = std::stoi(max);
    for (const auto& item : Split(get("away_dates"))) {
      const size_t dots = item.find("..");
      Day from = 0, to = 0;
      const bool ok = dots == std::string::npos ? ParseDate(item, from) && ParseDate(item, to)
                                                : ParseDate(Trim(item.substr(0, dots)), from) &&
                                                      ParseDate(Trim(item.substr(dots + 2)), to);
      if (!ok || to < from || to - from > 366) {
        return InvalidInput(
            "away date '" + item +
                "' is not YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD of at most a year",
            where("away_dates"));
      }
      for (Day day = from; day <= to; ++day) shopper.away_dates.push_back(DateText(day));
    }
    shoppers.push_back(std::move(shopper));
  }
  return shoppers;
}

}  // namespace cx::plan
