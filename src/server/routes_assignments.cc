// A shopper's assignments: list, open, time the contact, save the draft at
// every change, submit once. Managers see every assignment.
#include "domain/answer_check.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

bool Owns(const domain::Account& account, const domain::Contact& contact) {
  return IsStaff(account) ||
         (account.role == Role::kShopper && account.shopper_id == contact.shopper);
}

// A shopper may change a contact until it is submitted, and again when it is returned.
bool Editable(const domain::Contact& contact) {
  return contact.status == domain::ContactStatus::kPlanned ||
         contact.status == domain::ContactStatus::kStarted ||
         contact.status == domain::ContactStatus::kReturned;
}

std::vector<FieldProblem> AsProblems(const std::vector<domain::FieldError>& errors) {
  std::vector<FieldProblem> problems;
  for (const auto& error : errors) problems.push_back({error.field, error.message});
  return problems;
}

nlohmann::json ChangeJson(const store::ChangeLogEntry& entry) {
  return {{"at", entry.at},         {"actor", entry.actor},   {"field", entry.field},
          {"old", entry.old_value}, {"new", entry.new_value}, {"reason", entry.reason}};
}

}  // namespace

void App::AddAssignmentRoutes() {
  routes_.push_back(
      {"GET", "/api/v1/assignments", kShopperOrStaff,
       "Assignments: a shopper's own; staff see all (filter with ?shopper=, ?status=)", nullptr,
       [this](Call& call) {
         std::lock_guard lock(mutex_);
         auto contacts = store_->LoadContactHeaders(study_.id);
         if (!contacts) return ProblemFor(contacts.error());
         const std::string language = call.account->language;
         std::string shopper = call.query.count("shopper") ? call.query["shopper"] : "";
         if (call.account->role == Role::kShopper) shopper = call.account->shopper_id;
         const std::string status = call.query.count("status") ? call.query["status"] : "";
         nlohmann::json list = nlohmann::json::array();
         for (const auto& contact : contacts.value()) {
           if (!shopper.empty() && contact.shopper != shopper) continue;
           if (!status.empty() && domain::ToString(contact.status) != status) continue;
           list.push_back(ContactRowJson(study_, contact, language));
         }
         return Json({{"assignments", list}});
       }});

  routes_.push_back(
      {"GET", "/api/v1/assignments/{id}", kShopperOrStaff,
       "One assignment with its role-play script, questionnaire, draft and any message", nullptr,
       [this](Call& call) {
         std::lock_guard lock(mutex_);
         auto contact = store_->LoadContact(study_.id, call.params["id"]);
         // Someone else's assignment answers as if it did not exist.
         if (!contact || !Owns(*call.account, contact.value())) {
           return Problem(404, "no assignment '" + call.params["id"] + "' of yours", "id");
         }
         auto log = store_->LoadChangeLogOf(study_.id, "contact", contact.value().id);
         if (!log) return ProblemFor(log.error());
         nlohmann::json json = ContactJson(study_, contact.value(), call.account->language);
         json["questionnaire"] =
             QuestionnaireJson(study_, contact.value().channel, call.account->language);
         json["message"] = nullptr;
         for (const auto& entry : log.value()) {
           if (entry.field == "status" && entry.new_value == "returned")
             json["message"] = entry.reason;
         }
         if (IsStaff(*call.account)) {
           nlohmann::json changes = nlohmann::json::array();
           for (const auto& entry : log.value()) changes.push_back(ChangeJson(entry));
           json["changes"] = changes;
         }
         return Json(json);
       }});

  // Starting, the first answer, draft saves and submission share one shape:
  // load the shopper's own contact, change it, check it, save it with its log.
  auto change = [this](Call& call, const std::string& action,
                       const std::function<std::optional<Reply>(domain::Contact&)>& apply) {
    std::lock_guard lock(mutex_);
    auto loaded = store_->LoadContact(study_.id, call.params["id"]);
    if (!loaded || !Owns(*call.account, loaded.value()) || call.account->role != Role::kShopper) {
      return Problem(404, "no assignment '" + call.params["id"] + "' of yours", "id");
    }
    const domain::Contact before = std::move(loaded).value();
    domain::Contact contact = before;
    if (auto reply = apply(contact)) return *reply;
    // The audit trail: one entry per field that changed, with old and new
    // value; a call that changed nothing (a repeated start) writes nothing.
    std::vector<store::ChangeLogEntry> log;
    for (auto& field_change : domain::ContactChanges(before, contact)) {
      log.push_back({"", call.account->email, "contact", contact.id, std::move(field_change.field),
                     std::move(field_change.old_value), std::move(field_change.new_value), action});
    }
    if (log.empty()) return Json(ContactJson(study_, contact, call.account->language));
    if (Status saved = store_->SaveContactWithLog(study_.id, contact, log); !saved) {
      return ProblemFor(saved.error());
    }
    nlohmann::json json = ContactJson(study_, contact, call.account->language);
    return Json(json);
  };

  routes_.push_back({"POST",
                     "/api/v1/assignments/{id}/start",
                     {Role::kShopper},
                     "Start the contact now (dialled, sent or opened); the server records the time",
                     nullptr,
                     [change](Call& call) {
                       return change(call, "start",
                                     [](domain::Contact& contact) -> std::optional<Reply> {
                                       if (!Editable(contact))
                                         return Problem(409, "the contact is submitted already");
                                       if (contact.started_at.empty())
                                         contact.started_at = NowUtc();
                                       if (contact.status == domain::ContactStatus::kPlanned) {
                                         contact.status = domain::ContactStatus::kStarted;
                                       }
                                       return std::nullopt;
                                     });
                     }});

  routes_.push_back(
      {"POST",
       "/api/v1/assignments/{id}/answered",
       {Role::kShopper},
       "The company answered now; for chat and Messenger say whether a person or a chatbot did",
       StringsSchema({}, {"responder"}),
       [change, this](Call& call) {
         nlohmann::json body = nlohmann::json::object();
         if (!call.body.empty()) {
           if (auto problem = ParseBody(call.body, body)) return *problem;
         }
         std::vector<FieldProblem> problems;
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
         if (!problems.empty()) return FieldsProblem(400, "the answer was not recorded", problems);
         return change(
             call, "answered", [&, this](domain::Contact& contact) -> std::optional<Reply> {
               if (!Editable(contact)) return Problem(409, "the contact is submitted already");
               if (contact.started_at.empty()) {
                 return Problem(409, "start the contact before it is answered", "started_at");
               }
               if (responder) {
                 auto errors = domain::CheckResponder(contact.channel, *responder);
                 if (!errors.empty()) {
                   errors.front().field = "responder";
                   return FieldsProblem(422, "the answer was not recorded", AsProblems(errors));
                 }
               }
               if (contact.answered_at.empty()) {
                 contact.answered_at = NowUtc();
                 contact.wait_seconds = SecondsBetween(contact.started_at, contact.answered_at);
               }
               if (responder) contact.responder = *responder;
               // The wait-time question is measured, not asked.
               domain::AddMeasuredAnswers(study_, contact);
               return std::nullopt;
             });
       }});

  nlohmann::json report_schema = {
      {"type", "object"},
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

  routes_.push_back(
      {"PUT",
       "/api/v1/assignments/{id}/draft",
       {Role::kShopper},
       "Save the answers and comments as they stand (every change, at once)",
       report_schema,
       [change, this](Call& call) {
         nlohmann::json body;
         if (auto problem = ParseBody(call.body, body)) return *problem;
         return change(call, "draft", [&, this](domain::Contact& contact) -> std::optional<Reply> {
           if (!Editable(contact)) return Problem(409, "the contact is submitted already");
           auto problems = ReadReport(body, contact);
           if (!problems.empty()) return FieldsProblem(400, "the draft was not saved", problems);
           // The server owns the measured wait: a draft that leaves it out keeps it.
           domain::AddMeasuredAnswers(study_, contact);
           auto errors = domain::CheckReport(study_, contact, /*submission=*/false);
           if (!errors.empty()) {
             return FieldsProblem(422, "the draft was not saved", AsProblems(errors));
           }
           if (contact.status == domain::ContactStatus::kPlanned) {
             contact.status = domain::ContactStatus::kStarted;
           }
           return std::nullopt;
         });
       }});

  routes_.push_back(
      {"POST",
       "/api/v1/assignments/{id}/submit",
       {Role::kShopper},
       "Submit the report for quality assurance; submitting again changes nothing",
       nullptr,
       [change, this](Call& call) {
         return change(call, "submit", [&, this](domain::Contact& contact) -> std::optional<Reply> {
           if (contact.status == domain::ContactStatus::kSubmitted ||
               contact.status == domain::ContactStatus::kApproved) {
             // A retry on a bad connection: the report exists once, as it was.
             Reply reply = Json(ContactJson(study_, contact, call.account->language));
             reply.body["already_submitted"] = true;
             return reply;
           }
           if (!Editable(contact)) return Problem(409, "the contact cannot be submitted now");
           // A contact nobody answered has no questionnaire to fill in.
           const bool answered = !contact.answered_at.empty();
           auto errors = domain::CheckReport(study_, contact, /*submission=*/answered);
           if (!answered && contact.started_at.empty()) {
             errors.push_back({"/started_at", "the time the contact was started is missing"});
           }
           if (!errors.empty()) {
             return FieldsProblem(422, "the report was not submitted", AsProblems(errors));
           }
           contact.status = domain::ContactStatus::kSubmitted;
           contact.submitted_at = NowUtc();
           return std::nullopt;
         });
       }});
}

}  // namespace cx::server
