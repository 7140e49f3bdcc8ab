#pragma once
// Private to store/: the JSON form of the value objects kept in JSON columns.
// Decoding throws nlohmann::json::exception on a malformed column; the store
// turns that into an error naming the row.

#include <string>
#include <vector>

#include "domain/study.h"

namespace cx::store {

std::string EncodeText(const domain::LocalizedText& text);
domain::LocalizedText DecodeText(const std::string& json);

std::string EncodeHours(const domain::OpeningHours& hours);
domain::OpeningHours DecodeHours(const std::string& json);

std::string EncodeWaitTable(const std::vector<domain::WaitPoint>& table);
std::vector<domain::WaitPoint> DecodeWaitTable(const std::string& json);

std::string EncodeChannels(const std::vector<domain::Channel>& channels);
std::vector<domain::Channel> DecodeChannels(const std::string& json);

std::string EncodeStrings(const std::vector<std::string>& items);
std::vector<std::string> DecodeStrings(const std::string& json);

std::string EncodeProfile(const domain::ProfileRequirement& profile);
domain::ProfileRequirement DecodeProfile(const std::string& json);

std::string EncodeRelevance(const domain::Relevance& relevance);
domain::Relevance DecodeRelevance(const std::string& json);

std::string EncodeContradictions(const std::vector<domain::Contradiction>& rules);
std::vector<domain::Contradiction> DecodeContradictions(const std::string& json);

}  // namespace cx::store
