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

// A shopper's own list comes whole in one page as long as it is a
// workload (the offline app keeps it); staff page through every assignment.
constexpr int64_t kShopperPerPage = 200;

Route ListAssignments(App& app) {
  return {"GET",
          "/api/v1/assignments",
          kShopperOrStaff,
          "Assignments, one page in id order: a shopper's own; staff see all (filter with "
          "?shopper=, ?status=); ?page=, ?per_page= (at most 200; a shopper's default 200)",
          nullptr,
          [&app](ApiRequest& request) {
            const domain::Study& study = app.study();
            const bool shopper_role = request.account->role == Role::kShopper;
            PageRequest page;
            if (auto problem =
                    ReadPage(request, page, shopper_role ? kShopperPerPage : kDefaultPerPage)) {
              return *problem;
            }
            store::ContactQuery query;
            query.sort = store::ContactQuery::Sort::kId;
            query.shopper = request.query.count("shopper") ? request.query["shopper"] : "";
            if (shopper_role) query.shopper = request.account->shopper_id;
            if (const auto it = request.query.find("status"); it != request.query.end()) {
              const auto status = domain::ParseContactStatus(it->second);
              if (!status) {
                return Problem(400,
                               "status is planned, started, submitted, approved, returned or "
                               "failed",
                               "status");
              }
              query.statuses = {*status};
            }
            query.offset = page.Offset();
            query.limit = page.per_page;
            std::lock_guard lock(app.mutex());
            auto contacts = app.store().QueryContacts(study.id, query);
            if (!contacts) return ProblemFor(contacts.error());
            nlohmann::json list = nlohmann::json::array();
            for (const auto& contact : contacts->contacts) {
              list.push_back(ContactRowJson(study, contact, request.account->language));
            }
            nlohmann::json body = {{"assignments", list}};
            AddPageFields(body, page, contacts->total);
            return Json(body);
          }};
}

// What staff see of a report beyond what its shopper sees: its change log
// and its automatic QA flags.
void AddStaffDetails(const domain::Study& study, const domain::Contact& contact,
                     const std::vector<domain::ChangeRecord>& log, const App::StudyFlags& flags,
                     const ApiRequest& request, nlohmann::json& json) {
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& entry : log) changes.push_back(ChangeJson(entry));
  json["changes"] = changes;
  const auto found = flags.find(contact.id);
  json["flags"] =
      FlagsJson(study, found != flags.end() ? found->second : std::vector<domain::QualityFlag>{},
                request.account->language);
}

Route OpenAssignment(App& app) {
  return {"GET",
          "/api/v1/assignments/{id}",
          kShopperOrStaff,
          "One assignment with its role-play script, questionnaire, draft and any message (staff "
          "also get its change log and its automatic QA flags, docs/quality-flags.md)",
          nullptr,
          [&app](ApiRequest& request) {
            const domain::Study& study = app.study();
            // Staff see the report's automatic QA flags; taken before mutex()
            // (CurrentFlags takes it).
            std::shared_ptr<const App::StudyFlags> flags;
            if (IsStaff(*request.account)) {
              auto current = app.CurrentFlags();
              if (!current) return ProblemFor(current.error());
              flags = std::move(current).value();
            }
            std::lock_guard lock(app.mutex());
            auto contact = app.store().LoadContact(study.id, request.params["id"]);
            // A damaged record is said as such to staff; to a shopper, whose
            // it is cannot be told, so it answers as one that does not exist.
            if (!contact && flags && contact.error().code != ErrorCode::kNotFound) {
              return ProblemFor(contact.error());
            }
            // Someone else's assignment answers as if it did not exist.
            if (!contact || !Owns(*request.account, contact.value())) {
              return Problem(404, "no assignment '" + request.params["id"] + "' of yours", "id");
            }
            auto log = app.store().LoadChangeLogOf(study.id, "contact", contact.value().id);
            if (!log) return ProblemFor(log.error());
            nlohmann::json json = ContactJson(study, contact.value(), request.account->language);
            json["questionnaire"] =
                QuestionnaireJson(study, contact.value().channel, request.account->language);
            json["message"] = nullptr;
            for (const auto& entry : log.value()) {
              if (entry.field == "status" && entry.new_value == "returned")
                json["message"] = entry.reason;
            }
            if (flags) AddStaffDetails(study, contact.value(), log.value(), *flags, request, json);
            return Json(json);
          }};
}

Route StartContact(App& app) {
  return {"POST",
          "/api/v1/assignments/{id}/start",
          {Role::kShopper},
          "Start the contact now (dialled, sent or opened); the server records the time",
          nullptr,
          [&app](ApiRequest& request) {
            return ChangeContact(app, request, ContactAccess::kOwnShopper, domain::Start);
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
          StringsSchema({}, {"responder"}),
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
            return ChangeContact(app, request, ContactAccess::kOwnShopper,
                                 [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                                   return domain::MarkAnswered(app.study(), contact, responder,
                                                               stamp);
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
          ReportSchema(),
          [&app](ApiRequest& request) {
            nlohmann::json body;
            if (auto problem = ParseBody(request.body, body)) return *problem;
            const domain::DraftInput draft = ReadReport(body);
            return ChangeContact(app, request, ContactAccess::kOwnShopper,
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
          nullptr,
          [&app](ApiRequest& request) {
            return ChangeContact(app, request, ContactAccess::kOwnShopper,
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
