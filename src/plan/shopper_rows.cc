#include "plan/shopper_rows.h"

#include <algorithm>
#include <cctype>

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
  const auto date = Date::Parse(text);
  if (date) day = ToDay(*date);
  return date.has_value();
}

}  // namespace

Status ShopperRows::SetHeader(const std::vector<PoolCell>& names, const std::string& where_header) {
  const std::set<std::string> known = {"id",       "name",         "age_band",
                                       "gender",   "region",       "languages",
                                       "channels", "max_per_week", "away_dates"};
  for (size_t index = 0; index < names.size(); ++index) {
    const std::string name = Lower(Trim(names[index].text));
    if (!known.count(name))
      return InvalidInput("unknown column '" + names[index].text +
                              "'; expected id, name, age_band, gender, region, languages, "
                              "channels, max_per_week, away_dates",
                          names[index].where);
    if (!column_.emplace(name, index).second)
      return InvalidInput("column '" + name + "' twice", names[index].where);
    names_.push_back(name);
  }
  for (const char* required : {"id", "age_band", "gender", "channels", "max_per_week"}) {
    if (!column_.count(required))
      return InvalidInput(std::string("missing column '") + required + "'", where_header);
  }
  return Ok();
}

int ShopperRows::IndexOf(const std::string& name) const {
  auto it = column_.find(name);
  return it == column_.end() ? -1 : static_cast<int>(it->second);
}

Status ShopperRows::AddRow(const std::vector<PoolCell>& cells) {
  auto where = [&](const std::string& name) { return cells.at(column_.at(name)).where; };
  auto get = [&](const std::string& name) {
    auto it = column_.find(name);
    return it == column_.end() ? std::string() : Trim(cells.at(it->second).text);
  };
  // Far beyond any real pool (hundreds): the planner's work grows with it.
  if (shoppers_.size() >= kMaxShoppers) {
    return InvalidInput("more than " + std::to_string(kMaxShoppers) + " shoppers in the pool",
                        where("id"));
  }
  domain::Shopper shopper;
  shopper.id = get("id");
  if (shopper.id.empty()) return InvalidInput("id is empty", where("id"));
  if (ids_.count(shopper.id))
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
    for (Day day = from; day <= to; ++day) shopper.away_dates.push_back(ToDate(day).ToString());
  }
  ids_.insert(shopper.id);
  shoppers_.push_back(std::move(shopper));
  return Ok();
}

}  // namespace cx::plan
