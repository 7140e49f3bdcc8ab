#pragma once
// The JSON the API gives of the domain, in the caller's language.

#include <nlohmann/json.hpp>
#include <string>

#include "domain/account.h"
#include "domain/fieldwork.h"
#include "domain/fieldwork_service.h"
#include "domain/quality_flags.h"
#include "domain/study.h"
#include "server/api.h"

namespace cx::server {

nlohmann::json AccountJson(const domain::Account& account);
// A contact as its shopper or a manager sees it: assignment, timestamps,
// answers, comments, and "asked": the ids of the questions asked on it now,
// given its answers (domain::AskedQuestions), in study order. Every reply
// that carries a contact's answers is made here, so each one says it.
nlohmann::json ContactJson(const domain::Study& study, const domain::Contact& contact,
                           const std::string& language);
// A contact as a row of a listing (the assignment list, the QA queue),
// loaded without its report (store::Store::LoadContactHeaders): ContactJson
// without "answers", "comments" and "asked". A row has no report to show, and
// an empty "answers" there would read as an empty report.
nlohmann::json ContactRowJson(const domain::Study& study, const domain::Contact& contact,
                              const std::string& language);
// The OpenAPI schemas of the contact replies, for components/schemas:
// ContactRow (ContactRowJson), WorklistRow (a row of GET /assignments) and
// Contact (ContactJson: a row with answers, comments and asked).
nlohmann::json ContactSchemas();
// The 200 replies of GET /assignments, GET /qa and GET /assignments/{id}.
nlohmann::json AssignmentListSchema();
nlohmann::json QualityQueueSchema();
nlohmann::json AssignmentSchema();
// The automatic QA flags of one report (domain/quality_flags.h) for staff:
// [{code, message (in `language`), fields, params}], in the rules' order.
nlohmann::json FlagsJson(const domain::Study& study, const std::vector<domain::QualityFlag>& flags,
                         const std::string& language);
// The questions asked on a channel, with labels, types, ranges and options.
nlohmann::json QuestionnaireJson(const domain::Study& study, domain::Channel channel,
                                 const std::string& language);
// Reads the answers and comments of a draft's request body (a JSON object):
// each is given when its array is. `unreadable` lists a problem (JSON pointer
// and what was expected) for every value of the wrong JSON type, a text too
// long, and a second comment on one area.
domain::DraftInput ReadReport(const nlohmann::json& body);

}  // namespace cx::server
