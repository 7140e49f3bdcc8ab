// A shopper's assignments: list, open, time the contact, save the draft at
// every change, submit once. Managers see every assignment. The rules live
// in domain/fieldwork_service.h; these handlers parse, call and reply.
#include "domain/fieldwork_service.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

bool Owns(const domain::Account& account, const domain::Contact& contact) {
  return IsStaff(account) ||
         (account.role == Role::kShopper && account.shopper_id == contact.shopper);
}

nlohmann::json ChangeJson(const domain::ChangeRecord& entry) {
  return {{"at", entry.at},         {"actor", entry.actor},   {"field", entry.field},
          {"old", entry.old_value}, {"new", entry.new_value}, {"reason", entry.reason}};
}

Route ListAssignments(App& app) {
  return {"GET",
          "/api/v1/assignments",
          kShopperOrStaff,
          "Assignments: a shopper's own; staff see all (filter with ?shopper=, ?status=)",
          nullptr,
          [&app](ApiRequest& request) {
            const domain::Study& study = app.study();
            std::lock_guard lock(app.mutex());
            auto contacts = app.store().LoadContactHeaders(study.id);
            if (!contacts) return ProblemFor(contacts.error());
            const std::string language = request.account->language;
            std::string shopper = request.query.count("shopper") ? request.query["shopper"] : "";
            if (request.account->role == Role::kShopper) shopper = request.account->shopper_id;
            const std::string status = request.query.count("status") ? request.query["status"] : "";
            nlohmann::json list = nlohmann::json::array();
            for (const auto& contact : contacts.value()) {
              if (!shopper.empty() && contact.shopper != shopper) continue;
              if (!status.empty() && domain::ToString(contact.status) != status) continue;
              list.push_back(ContactRowJson(study, contact, language));
            }
            return Json({{"assignments", list}});
          }};
}

Route OpenAssignment(App& app) {
  return {"GET",
          "/api/v1/assignments/{id}",
          kShopperOrStaff,
          "One assignment with its role-play script, questionnaire, draft and any message",
          nullptr,
          [&app](ApiRequest& request) {
            const domain::Study& study = app.study();
            std::lock_guard lock(app.mutex());
            auto contact = app.store().LoadContact(study.id, request.params["id"]);
            // Someone else's assignment answers as if it did not exist.
            if (!contact || !Owns(*request.account, contact.value())) {
              return Problem(404, "no assignment '" + request.params["id"] + "' of yours", "id");
            }
            auto log = app.store().LoadChangeLogOf(study.id, "contact", contact.value().id);
            if (!log) return ProblemFor(log.error());
            nlohmann::json json = ContactJson(study, contact.value(), request.account->language);
            json["questionnaire"] =
                QuestionnaireJson(study, contact.value().channel, request.account->language);
            // What a device's change names as the report it was made on.
            json["version"] = domain::ContactVersion(log.value());
            json["message"] = nullptr;
            for (const auto& entry : log.value()) {
              if (entry.field == "status" && entry.new_value == "returned")
                json["message"] = entry.reason;
            }
            if (IsStaff(*request.account)) {
              nlohmann::json changes = nlohmann::json::array();
              for (const auto& entry : log.value()) changes.push_back(ChangeJson(entry));
              json["changes"] = changes;
            }
            return Json(json);
          }};
}

Route StartContact(App& app) {
  return {"POST",
          "/api/v1/assignments/{id}/start",
          {Role::kShopper},
          "Start the contact now (dialled, sent or opened); the server records the time, or "
          "device_at when the tap was made offline",
          WithDeviceFields(nullptr, DeviceClock::kDeviceWhenGiven),
          [&app](ApiRequest& request) {
            return ChangeContactFromDevice(app, request, "start", DeviceClock::kDeviceWhenGiven,
                                           domain::Start);
          }};
}

// The optional body {"responder": "person" | "chatbot"}; problems go to `problems`.
std::optional<domain::Responder> ReadResponder(const nlohmann::json& body,
                                               std::vector<FieldProblem>& problems) {
  FieldReader fields(body, "", problems);
  std::string responder_id;
  std::optional<domain::Responder> responder;
  if (fields.Text("responder", responder_id, FieldReader::Need::kOptional, kMaxIdChars) &&
      !responder_id.empty()) {
    responder = domain::ParseResponder(responder_id);
    if (!responder || *responder == domain::Responder::kUnknown) {
      fields.Fail("responder", "person or chatbot is expected");
    }
  }
  return responder;
}

Route MarkAnswered(App& app) {
  return {"POST",
          "/api/v1/assignments/{id}/answered",
          {Role::kShopper},
          "The company answered now; for chat and Messenger say whether a person or a chatbot did",
          WithDeviceFields(StringsSchema({}, {"responder"}), DeviceClock::kDeviceWhenGiven),
          [&app](ApiRequest& request) {
            nlohmann::json body = nlohmann::json::object();
            if (!request.body.empty()) {
              if (auto problem = ParseBody(request.body, body)) return *problem;
            }
            std::vector<FieldProblem> problems;
            const auto responder = ReadResponder(body, problems);
            if (!problems.empty()) {
              return FieldsProblem(400, "the answer was not recorded", problems);
            }
            return ChangeContactFromDevice(
                app, request, "answered", DeviceClock::kDeviceWhenGiven,
                [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                  return domain::MarkAnswered(app.study(), contact, responder, stamp);
                });
          }};
}

nlohmann::json ReportSchema() {
  return {{"type", "object"},
          {"properties",
           {{"answers",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"required", {"question"}},
                {"properties",
                 {{"question", {{"type", "string"}}},
                  {"number", {{"type", "number"}}},
                  {"text", {{"type", "string"}}},
                  {"not_applicable", {{"type", "boolean"}}}}}}}}},
            {"comments", {{"type", "array"}, {"items", StringsSchema({"area", "text"})}}}}}};
}

Route SaveDraft(App& app) {
  return {"PUT",
          "/api/v1/assignments/{id}/draft",
          {Role::kShopper},
          "Save the answers and comments as they stand (every change, at once)",
          WithDeviceFields(ReportSchema(), DeviceClock::kServer),
          [&app](ApiRequest& request) {
            nlohmann::json body;
            if (auto problem = ParseBody(request.body, body)) return *problem;
            const domain::DraftInput draft = ReadReport(body);
            return ChangeContactFromDevice(
                app, request, "draft", DeviceClock::kServer,
                [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                  return domain::SaveDraft(app.study(), contact, draft, stamp);
                });
          }};
}

Route SubmitReport(App& app) {
  return {"POST",
          "/api/v1/assignments/{id}/submit",
          {Role::kShopper},
          "Submit the report for quality assurance; submitting again changes nothing",
          WithDeviceFields(nullptr, DeviceClock::kServer),
          [&app](ApiRequest& request) {
            return ChangeContactFromDevice(
                app, request, "submit", DeviceClock::kServer,
                [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                  return domain::Submit(app.study(), contact, stamp);
                });
          }};
}

}  // namespace

void App::AddAssignmentRoutes() {
  routes_.push_back(ListAssignments(*this));
  routes_.push_back(OpenAssignment(*this));
  routes_.push_back(StartContact(*this));
  routes_.push_back(MarkAnswered(*this));
  routes_.push_back(SaveDraft(*this));
  routes_.push_back(SubmitReport(*this));
}

}  // namespace cx::server
