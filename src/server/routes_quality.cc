// Quality assurance and fieldwork progress for study managers: the queue of
// submitted reports, corrections with a reason, approval, returning a report
// to its shopper, the audit trail.
#include <map>
#include <sstream>

#include "domain/answer_check.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

using Need = FieldReader::Need;

}  // namespace

void App::AddQualityRoutes() {
  routes_.push_back({"GET", "/api/v1/qa", kStaff,
                     "The quality-assurance queue: submitted reports, oldest first", nullptr,
                     [this](Call& call) {
                       std::lock_guard lock(mutex_);
                       auto contacts = store_->LoadContactHeaders(study_.id);
                       if (!contacts) return ProblemFor(contacts.error());
                       nlohmann::json queue = nlohmann::json::array();
                       for (const auto& contact : contacts.value()) {
                         if (contact.status != domain::ContactStatus::kSubmitted) continue;
                         queue.push_back(ContactJson(study_, contact, call.account->language));
                       }
                       return Json({{"queue", queue}});
                     }});

  // Staff actions share: load, change, log, save in one transaction.
  auto act = [this](Call& call,
                    const std::function<std::optional<Reply>(
                        domain::Contact&, std::vector<store::ChangeLogEntry>&)>& apply) {
    std::lock_guard lock(mutex_);
    auto loaded = store_->LoadContact(study_.id, call.params["id"]);
    if (!loaded) return ProblemFor(loaded.error());
    domain::Contact contact = std::move(loaded).value();
    std::vector<store::ChangeLogEntry> log;
    if (auto reply = apply(contact, log)) return *reply;
    for (auto& entry : log) {
      entry.actor = call.account->email;
      entry.entity = entry.entity.empty() ? "contact" : entry.entity;
      entry.entity_id = contact.id;
    }
    if (Status saved = store_->SaveContactWithLog(study_.id, contact, log); !saved) {
      return ProblemFor(saved.error());
    }
    return Json(ContactJson(study_, contact, call.account->language));
  };

  nlohmann::json correction_schema = {{"type", "object"},
                                      {"required", {"question", "reason"}},
                                      {"properties",
                                       {{"question", {{"type", "string"}}},
                                        {"number", {{"type", "number"}}},
                                        {"text", {{"type", "string"}}},
                                        {"not_applicable", {{"type", "boolean"}}},
                                        {"reason", {{"type", "string"}}}}}};
  routes_.push_back(
      {"POST", "/api/v1/contacts/{id}/corrections", kStaff,
       "Correct one answer of a submitted report, with a reason (kept in the audit trail)",
       correction_schema, [act, this](Call& call) {
         nlohmann::json body;
         if (auto problem = ParseBody(call.body, body)) return *problem;
         std::vector<FieldProblem> problems;
         FieldReader fields(body, "", problems);
         domain::Answer answer;
         std::string reason;
         fields.Text("question", answer.question, Need::kRequired, kMaxIdChars);
         fields.Boolean("not_applicable", answer.not_applicable);
         fields.Number("number", answer.number);
         fields.Text("text", answer.text, kMaxTextChars);
         fields.Text("reason", reason, Need::kRequired, kMaxTextChars);
         if (!problems.empty()) return FieldsProblem(400, "the correction was not made", problems);
         const std::string question_id = answer.question;
         return act(call,
                    [&, this](domain::Contact& contact,
                              std::vector<store::ChangeLogEntry>& log) -> std::optional<Reply> {
                      if (contact.status != domain::ContactStatus::kSubmitted &&
                          contact.status != domain::ContactStatus::kApproved) {
                        return Problem(409, "only a submitted or approved report can be corrected");
                      }
                      // Check the corrected answer as part of the whole report.
                      domain::Contact corrected = contact;
                      const domain::Answer* before = contact.FindAnswer(question_id);
                      const std::string old_value = domain::AnswerText(before);
                      auto& answers = corrected.answers;
                      answers.erase(std::remove_if(answers.begin(), answers.end(),
                                                   [&](const domain::Answer& a) {
                                                     return a.question == question_id;
                                                   }),
                                    answers.end());
                      answers.push_back(answer);
                      auto errors = domain::CheckReport(study_, corrected, /*submission=*/false);
                      if (!errors.empty()) {
                        std::string field = errors.front().field;
                        return Problem(422, errors.front().message,
                                       field.substr(field.rfind('/') + 1));
                      }
                      contact = std::move(corrected);
                      log.push_back({"", "", "contact", "", "answer:" + question_id, old_value,
                                     domain::AnswerText(contact.FindAnswer(question_id)), reason});
                      return std::nullopt;
                    });
       }});

  routes_.push_back(
      {"POST", "/api/v1/contacts/{id}/approve", kStaff,
       "Approve a submitted report: from now on it counts in the results", nullptr,
       [act](Call& call) {
         return act(call,
                    [](domain::Contact& contact,
                       std::vector<store::ChangeLogEntry>& log) -> std::optional<Reply> {
                      if (contact.status == domain::ContactStatus::kApproved) return std::nullopt;
                      if (contact.status != domain::ContactStatus::kSubmitted) {
                        return Problem(409, "only a submitted report can be approved");
                      }
                      contact.status = domain::ContactStatus::kApproved;
                      log.push_back({"", "", "contact", "", "status", "submitted", "approved", ""});
                      return std::nullopt;
                    });
       }});

  routes_.push_back(
      {"POST", "/api/v1/contacts/{id}/return", kStaff,
       "Return a submitted report to its shopper with a message", StringsSchema({"message"}),
       [act](Call& call) {
         nlohmann::json body;
         if (auto problem = ParseBody(call.body, body)) return *problem;
         std::vector<FieldProblem> problems;
         FieldReader fields(body, "", problems);
         std::string message;
         fields.Text("message", message, Need::kRequired, kMaxTextChars);
         if (!problems.empty()) return FieldsProblem(400, "the report was not returned", problems);
         return act(
             call,
             [&](domain::Contact& contact,
                 std::vector<store::ChangeLogEntry>& log) -> std::optional<Reply> {
               if (contact.status != domain::ContactStatus::kSubmitted) {
                 return Problem(409, "only a submitted report can be returned");
               }
               contact.status = domain::ContactStatus::kReturned;
               log.push_back({"", "", "contact", "", "status", "submitted", "returned", message});
               return std::nullopt;
             });
       }});

  routes_.push_back(
      {"GET", "/api/v1/audit", kStaff,
       "The audit trail: every change (who, when, old and new value, why), newest first", nullptr,
       [this](Call& call) {
         std::lock_guard lock(mutex_);
         auto log = store_->LoadChangeLog(study_.id);
         if (!log) return ProblemFor(log.error());
         const std::string entity_id = call.query.count("contact") ? call.query["contact"] : "";
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
       }});

  routes_.push_back(
      {"GET", "/api/v1/progress", kStaff,
       "Fieldwork progress: planned against done per participant, channel, week and shopper",
       nullptr, [this](Call&) {
         std::lock_guard lock(mutex_);
         auto contacts = store_->LoadContactHeaders(study_.id);
         if (!contacts) return ProblemFor(contacts.error());
         struct Tally {
           int planned = 0, started = 0, submitted = 0, approved = 0, returned = 0, failed = 0;
         };
         std::map<std::string, std::map<std::string, Tally>> groups;
         for (const auto& contact : contacts.value()) {
           // The week of fieldwork as the planner counts it (FieldworkPeriod::WeekOf).
           std::string week = "?";
           if (const auto planned = LocalDateTime::Parse(contact.planned_at))
             week = std::to_string(study_.period.WeekOf(planned->date));
           const std::string keys[][2] = {
               {"participant", contact.participant},
               {"channel", std::string(domain::ToString(contact.channel))},
               {"week", week},
               {"shopper", contact.shopper},
               {"total", "all"}};
           for (const auto& key : keys) {
             Tally& tally = groups[key[0]][key[1]];
             switch (contact.status) {
               case domain::ContactStatus::kPlanned:
                 ++tally.planned;
                 break;
               case domain::ContactStatus::kStarted:
                 ++tally.started;
                 break;
               case domain::ContactStatus::kSubmitted:
                 ++tally.submitted;
                 break;
               case domain::ContactStatus::kApproved:
                 ++tally.approved;
                 break;
               case domain::ContactStatus::kReturned:
                 ++tally.returned;
                 break;
               case domain::ContactStatus::kFailed:
                 ++tally.failed;
                 break;
             }
           }
         }
         nlohmann::json out = nlohmann::json::object();
         for (const auto& [group, tallies] : groups) {
           nlohmann::json rows = nlohmann::json::array();
           for (const auto& [key, t] : tallies) {
             const int total =
                 t.planned + t.started + t.submitted + t.approved + t.returned + t.failed;
             const domain::Participant* participant =
                 group == "participant" ? study_.FindParticipant(key) : nullptr;
             rows.push_back({{"key", key},
                             {"label", participant ? participant->name : key},
                             {"total", total},
                             {"planned", t.planned},
                             {"started", t.started},
                             {"submitted", t.submitted},
                             {"approved", t.approved},
                             {"returned", t.returned},
                             {"failed", t.failed},
                             {"done", t.submitted + t.approved}});
           }
           out[group] = rows;
         }
         return Json(out);
       }});
}

}  // namespace cx::server
