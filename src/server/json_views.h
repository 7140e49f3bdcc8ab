#pragma once
// The JSON the API gives of the domain, in the caller's language.

#include <nlohmann/json.hpp>
#include <string>

#include "domain/account.h"
#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::server {

nlohmann::json AccountJson(const domain::Account& account);
// A contact as its shopper or a manager sees it: assignment, timestamps,
// answers and comments.
nlohmann::json ContactJson(const domain::Study& study, const domain::Contact& contact,
                           const std::string& language);
// The questions asked on a channel, with labels, types, ranges and options.
nlohmann::json QuestionnaireJson(const domain::Study& study, domain::Channel channel,
                                 const std::string& language);
// Reads answers and comments of a request body into `contact`; a FieldError
// list entry for every value of the wrong JSON type.
struct BodyError {
  std::string field;
  std::string message;
};
std::vector<BodyError> ReadReport(const nlohmann::json& body, domain::Contact& contact);

}  // namespace cx::server
