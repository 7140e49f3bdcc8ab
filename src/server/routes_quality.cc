// Quality assurance and fieldwork progress for study managers: the queue of
// submitted reports, corrections with a reason, approval, returning a report
// to its shopper, the audit trail. The rules live in
// domain/fieldwork_service.h; these handlers parse, call and reply.
#include <map>

#include "domain/fieldwork_service.h"
#include "domain/fieldwork_summary.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

using Need = FieldReader::Need;

Route QualityQueue(App& app) {
  return {"GET",
          "/api/v1/qa",
          kStaff,
          "The quality-assurance queue: submitted reports, oldest first",
          nullptr,
          [&app](ApiRequest& request) {
            const domain::Study& study = app.study();
            std::lock_guard lock(app.mutex());
            auto contacts = app.store().LoadContactHeaders(study.id);
            if (!contacts) return ProblemFor(contacts.error());
            nlohmann::json queue = nlohmann::json::array();
            for (const auto& contact : contacts.value()) {
              if (contact.status != domain::ContactStatus::kSubmitted) continue;
              queue.push_back(ContactRowJson(study, contact, request.account->language));
            }
            return Json({{"queue", queue}});
          }};
}

nlohmann::json CorrectionSchema() {
  return {{"type", "object"},
          {"required", {"question", "reason"}},
          {"properties",
           {{"question", {{"type", "string"}}},
            {"number", {{"type", "number"}}},
            {"text", {{"type", "string"}}},
            {"not_applicable", {{"type", "boolean"}}},
            {"reason", {{"type", "string"}}}}}};
}

Route CorrectAnswer(App& app) {
  return {"POST",
          "/api/v1/contacts/{id}/corrections",
          kStaff,
          "Correct one answer of a submitted report, with a reason (kept in the audit trail)",
          CorrectionSchema(),
          [&app](ApiRequest& request) {
            nlohmann::json body;
            if (auto problem = ParseBody(request.body, body)) return *problem;
            std::vector<FieldProblem> problems;
            FieldReader fields(body, "", problems);
            domain::Answer answer;
            std::string reason;
            fields.Text("question", answer.question, Need::kRequired, kMaxIdChars);
            fields.Boolean("not_applicable", answer.not_applicable);
            fields.Number("number", answer.number);
            fields.Text("text", answer.text, kMaxTextChars);
            fields.Text("reason", reason, Need::kRequired, kMaxTextChars);
            if (!problems.empty()) {
              return FieldsProblem(400, "the correction was not made", problems);
            }
            return ChangeContact(app, request, ContactAccess::kStaffOnly,
                                 [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                                   return domain::Correct(app.study(), contact, answer, reason,
                                                          stamp);
                                 });
          }};
}

Route ApproveReport(App& app) {
  return {"POST",
          "/api/v1/contacts/{id}/approve",
          kStaff,
          "Approve a submitted report: from now on it counts in the results",
          nullptr,
          [&app](ApiRequest& request) {
            return ChangeContact(app, request, ContactAccess::kStaffOnly, domain::Approve);
          }};
}

Route ReturnReport(App& app) {
  return {"POST",
          "/api/v1/contacts/{id}/return",
          kStaff,
          "Return a submitted report to its shopper with a message",
          StringsSchema({"message"}),
          [&app](ApiRequest& request) {
            nlohmann::json body;
            if (auto problem = ParseBody(request.body, body)) return *problem;
            std::vector<FieldProblem> problems;
            FieldReader fields(body, "", problems);
            std::string message;
            fields.Text("message", message, Need::kRequired, kMaxTextChars);
            if (!problems.empty()) {
              return FieldsProblem(400, "the report was not returned", problems);
            }
            return ChangeContact(app, request, ContactAccess::kStaffOnly,
                                 [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                                   return domain::Return(contact, message, stamp);
                                 });
          }};
}

Route AuditTrail(App& app) {
  return {"GET",
          "/api/v1/audit",
          kStaff,
          "The audit trail: every change (who, when, old and new value, why), newest first",
          nullptr,
          [&app](ApiRequest& request) {
            std::lock_guard lock(app.mutex());
            auto log = app.store().LoadChangeLog(app.study().id);
            if (!log) return ProblemFor(log.error());
            const std::string entity_id =
                request.query.count("contact") ? request.query["contact"] : "";
            nlohmann::json entries = nlohmann::json::array();
            for (auto it = log.value().rbegin(); it != log.value().rend(); ++it) {
              if (!entity_id.empty() && it->entity_id != entity_id) continue;
              entries.push_back({{"at", it->at},
                                 {"actor", it->actor},
                                 {"entity", it->entity},
                                 {"entity_id", it->entity_id},
                                 {"field", it->field},
                                 {"old", it->old_value},
                                 {"new", it->new_value},
                                 {"reason", it->reason}});
              if (entries.size() >= 500) break;
            }
            return Json({{"entries", entries}});
          }};
}

// The progress view's rows of one group, each tally with its key and label
// (a participant's name; the key itself for the other groups).
nlohmann::json ProgressRows(const domain::Study& study, const std::string& group,
                            const std::map<std::string, domain::ProgressTally>& tallies) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [key, t] : tallies) {
    const domain::Participant* participant =
        group == "participant" ? study.FindParticipant(key) : nullptr;
    rows.push_back({{"key", key},
                    {"label", participant ? participant->name : key},
                    {"total", t.Total()},
                    {"planned", t.planned},
                    {"started", t.started},
                    {"submitted", t.submitted},
                    {"approved", t.approved},
                    {"returned", t.returned},
                    {"failed", t.failed},
                    {"done", t.Done()}});
  }
  return rows;
}

Route Progress(App& app) {
  return {"GET",
          "/api/v1/progress",
          kStaff,
          "Fieldwork progress: planned against done per participant, channel, week and shopper",
          nullptr,
          [&app](ApiRequest&) {
            const domain::Study& study = app.study();
            std::lock_guard lock(app.mutex());
            auto contacts = app.store().LoadContactHeaders(study.id);
            if (!contacts) return ProblemFor(contacts.error());
            nlohmann::json out = nlohmann::json::object();
            for (const auto& [group, tallies] : domain::TallyProgress(study, contacts.value())) {
              out[group] = ProgressRows(study, group, tallies);
            }
            return Json(out);
          }};
}

}  // namespace

void App::AddQualityRoutes() {
  routes_.push_back(QualityQueue(*this));
  routes_.push_back(CorrectAnswer(*this));
  routes_.push_back(ApproveReport(*this));
  routes_.push_back(ReturnReport(*this));
  routes_.push_back(AuditTrail(*this));
  routes_.push_back(Progress(*this));
}

}  // namespace cx::server
