#include "store/json_codec.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace cx::store {

using nlohmann::json;

std::string EncodeText(const domain::LocalizedText& text) { return json(text.by_language).dump(); }

domain::LocalizedText DecodeText(const std::string& text) {
  domain::LocalizedText result;
  result.by_language = json::parse(text).get<std::map<std::string, std::string>>();
  return result;
}

std::string EncodeHours(const domain::OpeningHours& hours) {
  return json{{"weekdays", hours.weekdays},
              {"open_minute", hours.open_minute},
              {"close_minute", hours.close_minute}}
      .dump();
}

domain::OpeningHours DecodeHours(const std::string& text) {
  const json value = json::parse(text);
  domain::OpeningHours hours;
  hours.weekdays = value.at("weekdays").get<std::vector<int>>();
  hours.open_minute = value.at("open_minute").get<int>();
  hours.close_minute = value.at("close_minute").get<int>();
  return hours;
}

std::string EncodeWaitTable(const std::vector<domain::WaitPoint>& table) {
  json value = json::array();
  for (const auto& point : table) value.push_back({point.seconds, point.share});
  return value.dump();
}

std::vector<domain::WaitPoint> DecodeWaitTable(const std::string& text) {
  std::vector<domain::WaitPoint> table;
  for (const auto& point : json::parse(text)) {
    table.push_back({point.at(0).get<double>(), point.at(1).get<double>()});
  }
  return table;
}

std::string EncodeChannels(const std::vector<domain::Channel>& channels) {
  json value = json::array();
  for (domain::Channel channel : channels) value.push_back(std::string(domain::ToString(channel)));
  return value.dump();
}

std::vector<domain::Channel> DecodeChannels(const std::string& text) {
  std::vector<domain::Channel> channels;
  for (const auto& item : json::parse(text)) {
    auto channel = domain::ParseChannel(item.get<std::string>());
    if (!channel) throw std::runtime_error("unknown channel " + item.dump());
    channels.push_back(*channel);
  }
  return channels;
}

std::string EncodeStrings(const std::vector<std::string>& items) { return json(items).dump(); }

std::vector<std::string> DecodeStrings(const std::string& text) {
  return json::parse(text).get<std::vector<std::string>>();
}

std::string EncodeProfile(const domain::ProfileRequirement& profile) {
  json value{{"age_bands", profile.age_bands}};
  if (profile.gender) value["gender"] = *profile.gender;
  return value.dump();
}

domain::ProfileRequirement DecodeProfile(const std::string& text) {
  const json value = json::parse(text);
  domain::ProfileRequirement profile;
  profile.age_bands = value.at("age_bands").get<std::vector<std::string>>();
  if (value.contains("gender")) profile.gender = value.at("gender").get<std::string>();
  return profile;
}

std::string EncodeRelevance(const domain::Relevance& relevance) {
  return json{
      {"question", relevance.question}, {"values", relevance.values}, {"negate", relevance.negate}}
      .dump();
}

domain::Relevance DecodeRelevance(const std::string& text) {
  const json value = json::parse(text);
  domain::Relevance relevance;
  relevance.question = value.at("question").get<std::string>();
  relevance.values = value.at("values").get<std::vector<std::string>>();
  relevance.negate = value.at("negate").get<bool>();
  return relevance;
}

namespace {

json EncodeCondition(const domain::FlagCondition& condition) {
  return json{{"question", condition.question}, {"values", condition.values}};
}

domain::FlagCondition DecodeCondition(const json& value) {
  return {value.at("question").get<std::string>(),
          value.at("values").get<std::vector<std::string>>()};
}

}  // namespace

std::string EncodeContradictions(const std::vector<domain::Contradiction>& rules) {
  json list = json::array();
  for (const auto& rule : rules) {
    list.push_back({{"id", rule.id},
                    {"if", EncodeCondition(rule.first)},
                    {"and", EncodeCondition(rule.second)}});
  }
  return list.dump();
}

std::vector<domain::Contradiction> DecodeContradictions(const std::string& text) {
  const json list = json::parse(text);
  std::vector<domain::Contradiction> rules;
  for (const auto& item : list.get<std::vector<json>>()) {
    rules.push_back({item.at("id").get<std::string>(), DecodeCondition(item.at("if")),
                     DecodeCondition(item.at("and"))});
  }
  return rules;
}

}  // namespace cx::store
