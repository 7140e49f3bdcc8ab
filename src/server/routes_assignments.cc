// A shopper's assignments: list, open, time the contact, save the draft at
// every change, submit once. Managers see every assignment. The rules live
// in domain/fieldwork_service.h; these handlers parse, call and reply.
#include <limits>

#include "domain/fieldwork_service.h"
#include "domain/worklist.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"
#include "server/routes_evidence.h"

namespace cx::server {
namespace {

nlohmann::json ChangeJson(const domain::ChangeRecord& entry) {
  return {{"at", entry.at},         {"actor", entry.actor},   {"field", entry.field},
          {"old", entry.old_value}, {"new", entry.new_value}, {"reason", entry.reason}};
}

// A shopper's own list comes whole in one page as long as it is a
// workload (the offline app keeps it); staff page through every assignment.
constexpr int64_t kShopperPerPage = 200;

// The store query of the assignment list: a shopper's own contacts whole
// (their worklist is sorted in the domain, then paged); staff's one page in
// id order. A 400 when ?status= is not a status.
std::optional<Reply> AssignmentQuery(const ApiRequest& request, const PageRequest& page,
                                     store::ContactQuery& query) {
  query.sort = store::ContactQuery::Sort::kId;
  query.shopper = request.query.count("shopper") ? request.query.at("shopper") : "";
  const bool shopper_role = request.account->role == Role::kShopper;
  if (shopper_role) query.shopper = request.account->shopper_id;
  if (const auto it = request.query.find("status"); it != request.query.end()) {
    const auto status = domain::ParseContactStatus(it->second);
    if (!status) {
      return Problem(400,
                     Msg("status is planned, started, submitted, approved, returned or failed"),
                     "status");
    }
    query.statuses = {*status};
  }
  query.offset = shopper_role ? 0 : page.Offset();
  query.limit = shopper_role ? std::numeric_limits<int64_t>::max() : page.per_page;
  return std::nullopt;
}

nlohmann::json WorklistRowJson(const domain::Study& study, const domain::Contact& contact,
                               const std::string& now, const ApiRequest& request) {
  nlohmann::json row = ContactRowJson(study, contact, request.account->language);
  const domain::WorkWindow window = domain::WindowOf(study, contact);
  row["group"] = std::string(domain::ToString(domain::GroupOf(study, contact, now)));
  row["window"] = {{"from", window.from}, {"to", window.to}, {"deadline", window.deadline}};
  return row;
}

Route ListAssignments(App& app) {
  return {"GET",
          "/api/v1/assignments",
          kShopperOrStaff,
          "Assignments, one page: a shopper's own in worklist order (returned, overdue, open, "
          "upcoming by date, done) with each one's group, window and deadline; staff see all in "
          "id order (filter with ?shopper=, ?status=); ?page=, ?per_page= (at most 200; a "
          "shopper's default 200)",
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
            if (auto problem = AssignmentQuery(request, page, query)) return *problem;
            std::lock_guard lock(app.mutex());
            auto contacts = app.store().QueryContacts(study.id, query);
            if (!contacts) return ProblemFor(contacts.error());
            std::vector<domain::Contact>& kept = contacts->contacts;
            const std::string now = app.LocalNow();
            if (shopper_role) {
              // The day's work first (domain/worklist.h), then this page of it.
              domain::SortWorklist(study, kept, now);
              const auto from = std::min<size_t>(kept.size(), static_cast<size_t>(page.Offset()));
              const auto to =
                  std::min<size_t>(kept.size(), from + static_cast<size_t>(page.per_page));
              kept = std::vector<domain::Contact>(kept.begin() + static_cast<std::ptrdiff_t>(from),
                                                  kept.begin() + static_cast<std::ptrdiff_t>(to));
            }
            nlohmann::json list = nlohmann::json::array();
            for (const auto& contact : kept)
              list.push_back(WorklistRowJson(study, contact, now, request));
            nlohmann::json body = {{"assignments", list}, {"now", now}};
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
            domain::Contact contact;
            if (auto refused =
                    LoadContactToChange(app, request, ContactAccess::kOwnShopperOrStaff, contact)) {
              return *refused;
            }
            auto log = app.store().LoadChangeLogOf(study.id, "contact", contact.id);
            if (!log) return ProblemFor(log.error());
            nlohmann::json json = ContactJson(study, contact, request.account->language);
            json["questionnaire"] =
                QuestionnaireJson(study, contact.channel, request.account->language);
            // What a device's change names as the report it was made on.
            json["version"] = domain::ContactVersion(log.value());
            json["message"] = nullptr;
            for (const auto& entry : log.value()) {
              if (entry.field == "status" && entry.new_value == "returned")
                json["message"] = entry.reason;
            }
            auto evidence = EvidenceListJson(app, contact.id);
            if (!evidence) return ProblemFor(evidence.error());
            json["evidence"] = std::move(evidence).value();
            if (flags) AddStaffDetails(study, contact, log.value(), *flags, request, json);
            return Json(json);
          }};
}

Route StartContact(App& app) {
  return {"POST",
          "/api/v1/assignments/{id}/start",
          {Role::kShopper},
          "Start the contact now (dialled, sent or opened); the server records the time, or "
          "device_at when the tap was made offline. After an unanswered attempt, starts the next "
          "one while the channel allows more",
          WithDeviceFields(nullptr, DeviceClock::kDeviceWhenGiven),
          [&app](ApiRequest& request) {
            return ChangeContactFromDevice(
                app, request, "start", DeviceClock::kDeviceWhenGiven,
                [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                  return domain::Start(app.study(), contact, stamp);
                });
          }};
}

Route RecordOutcome(App& app) {
  return {"POST",
          "/api/v1/assignments/{id}/outcome",
          {Role::kShopper},
          "The latest attempt went unanswered: {\"outcome\": \"no_answer\" | \"busy\" | "
          "\"closed\" | \"gave_up\" | \"never_answered\"}",
          WithDeviceFields(StringsSchema({"outcome"}), DeviceClock::kDeviceWhenGiven),
          [&app](ApiRequest& request) {
            nlohmann::json body;
            if (auto problem = ParseBody(request.body, body)) return *problem;
            std::vector<FieldProblem> problems;
            FieldReader fields(body, "", problems);
            std::string outcome_id;
            std::optional<domain::AttemptOutcome> outcome;
            if (fields.Text("outcome", outcome_id, FieldReader::Need::kRequired, kMaxIdChars)) {
              outcome = domain::ParseAttemptOutcome(outcome_id);
              if (!outcome) {
                fields.Fail("outcome",
                            Msg("no_answer, busy, closed, gave_up or never_answered is expected"));
              }
            }
            // Someone else's contact answers 404 before its body is judged.
            return ChangeContactFromDevice(
                app, request, "outcome", DeviceClock::kDeviceWhenGiven,
                [&](const domain::Contact& contact,
                    const domain::Stamp& stamp) -> domain::ContactOutcome {
                  if (!problems.empty()) {
                    std::vector<domain::FieldError> unreadable;
                    for (const auto& problem : problems) {
                      unreadable.push_back({problem.field, problem.message});
                    }
                    return domain::FieldworkError{domain::FieldworkErrorCode::kUnreadable,
                                                  Msg("the outcome was not recorded"),
                                                  {},
                                                  std::move(unreadable)};
                  }
                  return domain::RecordOutcome(app.study(), contact, *outcome, stamp);
                });
          }};
}

Route RestartContact(App& app) {
  return {"POST",
          "/api/v1/assignments/{id}/restart",
          {Role::kShopper},
          "Make a returned contact again: a new round of attempts begins now and the wait is "
          "measured again",
          WithDeviceFields(nullptr, DeviceClock::kDeviceWhenGiven),
          [&app](ApiRequest& request) {
            return ChangeContactFromDevice(
                app, request, "restart", DeviceClock::kDeviceWhenGiven,
                [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                  return domain::Restart(app.study(), contact, stamp);
                });
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
      fields.Fail("responder", Msg("person or chatbot is expected"));
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
              return FieldsProblem(400, Msg("the answer was not recorded"), problems);
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
  routes_.push_back(Replying(ListAssignments(*this), AssignmentListSchema()));
  routes_.push_back(Replying(OpenAssignment(*this), AssignmentSchema()));
  routes_.push_back(StartContact(*this));
  routes_.push_back(MarkAnswered(*this));
  routes_.push_back(RecordOutcome(*this));
  routes_.push_back(RestartContact(*this));
  routes_.push_back(SaveDraft(*this));
  routes_.push_back(SubmitReport(*this));
}

}  // namespace cx::server
