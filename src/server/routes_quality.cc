// Quality assurance and fieldwork progress for study managers: the queue of
// submitted reports, corrections with a reason, approval, returning a report
// to its shopper, the audit trail. The rules live in
// domain/fieldwork_service.h; these handlers parse, call and reply.
#include <algorithm>
#include <map>

#include "domain/fieldwork_service.h"
#include "domain/fieldwork_summary.h"
#include "server/app.h"
#include "server/json_views.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

using Need = FieldReader::Need;

// What the queue's query parameters ask for: the store's filter, sort and
// page, and the flag filter.
struct QueueRequest {
  store::ContactQuery query;
  PageRequest page;
  // ?flag=: an automatic QA flag's code (domain/quality_flags.h), or any.
  std::string flag;
};

std::string QueryText(const ApiRequest& request, const std::string& name) {
  const auto it = request.query.find(name);
  return it == request.query.end() ? "" : it->second;
}

// The statuses of ?status= (a comma-separated list); submitted by default.
std::optional<Reply> ReadStatuses(const ApiRequest& request, store::ContactQuery& query) {
  std::string text = QueryText(request, "status");
  if (text.empty()) text = "submitted";
  if (text == "any") return std::nullopt;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    const auto status = domain::ParseContactStatus(item);
    if (!status) {
      return Problem(400,
                     Msg("status is any or a comma-separated list of planned, started, submitted, "
                         "approved, returned, failed; found '{1}'",
                         item),
                     "status");
    }
    query.statuses.push_back(*status);
    start = end + 1;
  }
  return std::nullopt;
}

std::optional<Reply> ReadSort(const ApiRequest& request, store::ContactQuery& query) {
  using Sort = store::ContactQuery::Sort;
  static const std::map<std::string, Sort> kSorts = {{"", Sort::kSubmitted},
                                                     {"submitted", Sort::kSubmitted},
                                                     {"participant", Sort::kParticipant},
                                                     {"shopper", Sort::kShopper}};
  const auto sort = kSorts.find(QueryText(request, "sort"));
  if (sort == kSorts.end()) {
    return Problem(400, Msg("sort is submitted, participant or shopper"), "sort");
  }
  query.sort = sort->second;
  const std::string order = QueryText(request, "order");
  if (order != "" && order != "asc" && order != "desc") {
    return Problem(400, Msg("order is asc or desc"), "order");
  }
  query.descending = order == "desc";
  return std::nullopt;
}

std::optional<Reply> ReadFilters(const domain::Study& study, const ApiRequest& request,
                                 store::ContactQuery& query) {
  query.participant = QueryText(request, "participant");
  if (!query.participant.empty() && study.FindParticipant(query.participant) == nullptr) {
    return Problem(400, Msg("no participant '{1}' in the study", query.participant), "participant");
  }
  query.industry = QueryText(request, "industry");
  if (!query.industry.empty() && study.FindIndustry(query.industry) == nullptr) {
    return Problem(400, Msg("no industry '{1}' in the study", query.industry), "industry");
  }
  query.shopper = QueryText(request, "shopper");
  if (const std::string channel = QueryText(request, "channel"); !channel.empty()) {
    query.channel = domain::ParseChannel(channel);
    if (!query.channel) {
      return Problem(400, Msg("channel is phone, email_form, chat or messenger"), "channel");
    }
  }
  if (const std::string answered = QueryText(request, "answered"); !answered.empty()) {
    if (answered != "yes" && answered != "no") {
      return Problem(400, Msg("answered is yes or no"), "answered");
    }
    query.answered = answered == "yes";
  }
  query.search = QueryText(request, "q");
  if (query.search.size() > kMaxIdChars) {
    return Problem(400, Msg("q is at most {1} characters", kMaxIdChars), "q");
  }
  return std::nullopt;
}

// Reads the queue's parameters: page, per_page, after (a contact id: the
// page after it), sort, order, status, participant, industry, shopper,
// channel, answered, q, flag.
std::optional<Reply> ReadQueueRequest(const domain::Study& study, const ApiRequest& request,
                                      QueueRequest& out) {
  if (auto problem = ReadPage(request, out.page)) return problem;
  if (auto problem = ReadStatuses(request, out.query)) return problem;
  if (auto problem = ReadSort(request, out.query)) return problem;
  if (auto problem = ReadFilters(study, request, out.query)) return problem;
  out.query.after = QueryText(request, "after");
  out.query.limit = out.page.per_page;
  out.query.offset = out.query.after.empty() ? out.page.Offset() : 0;
  out.flag = QueryText(request, "flag");
  if (!out.flag.empty() && out.flag != "any" && !domain::ParseFlagCode(out.flag)) {
    std::string codes = "any";
    for (auto code : domain::kAllFlagCodes) codes += ", " + std::string(domain::ToString(code));
    return Problem(400, Msg("flag is one of {1}", codes), "flag");
  }
  return std::nullopt;
}

// ?flag=CODE (or any): only the reports with such an automatic flag.
void LimitToFlagged(const App::StudyFlags& flags, const std::string& flag,
                    store::ContactQuery& query) {
  const auto code = domain::ParseFlagCode(flag);
  std::vector<std::string> ids;
  for (const auto& [contact, list] : flags) {
    if (std::any_of(list.begin(), list.end(),
                    [&](const domain::QualityFlag& f) { return !code || f.code == *code; }))
      ids.push_back(contact);
  }
  query.ids = std::move(ids);
}

nlohmann::json QueueRowJson(const domain::Study& study, const domain::Contact& contact,
                            const std::string& language) {
  nlohmann::json row = ContactRowJson(study, contact, language);
  // The role-play script is the assignment's, not the queue's: a row stays small.
  if (row["scenario"].is_object()) row["scenario"].erase("script");
  return row;
}

Route QualityQueue(App& app) {
  return {"GET",
          "/api/v1/qa",
          kStaff,
          "The quality-assurance queue, one page: submitted reports, oldest first; ?page=, "
          "?per_page= (at most 200) or ?after=<id>; ?sort=submitted|participant|shopper, "
          "?order=asc|desc; filters ?status= (a list, or any), ?participant=, ?industry=, "
          "?shopper=, ?channel=, ?answered=yes|no, ?q= (company, contact id, shopper, comment), "
          "?flag= (an automatic flag's code, or any: docs/quality-flags.md)",
          nullptr,
          [&app](ApiRequest& request) {
            const domain::Study& study = app.study();
            QueueRequest queue_request;
            if (auto problem = ReadQueueRequest(study, request, queue_request)) return *problem;
            if (!queue_request.flag.empty()) {
              // Taken before mutex() (CurrentFlags takes it).
              auto flags = app.CurrentFlags();
              if (!flags) return ProblemFor(flags.error());
              LimitToFlagged(*flags.value(), queue_request.flag, queue_request.query);
            }
            std::lock_guard lock(app.mutex());
            auto page = app.store().QueryContacts(study.id, queue_request.query);
            if (!page) return ProblemFor(page.error());
            nlohmann::json queue = nlohmann::json::array();
            for (const auto& contact : page->contacts) {
              queue.push_back(QueueRowJson(study, contact, request.account->language));
            }
            nlohmann::json body = {{"queue", queue}};
            AddPageFields(body, queue_request.page, page->total);
            body["next_cursor"] =
                page->contacts.size() == static_cast<size_t>(queue_request.page.per_page)
                    ? nlohmann::json(page->contacts.back().id)
                    : nlohmann::json(nullptr);
            return Json(body);
          }};
}

// Counts per status, and of the submitted reports (the QA backlog) per
// participant and channel: what the dashboard shows, without the queue.
nlohmann::json CountsJson(const domain::Study& study,
                          const std::vector<store::ContactCount>& counts) {
  nlohmann::json by_status = nlohmann::json::object();
  for (auto status : {domain::ContactStatus::kPlanned, domain::ContactStatus::kStarted,
                      domain::ContactStatus::kSubmitted, domain::ContactStatus::kApproved,
                      domain::ContactStatus::kReturned, domain::ContactStatus::kFailed}) {
    by_status[std::string(domain::ToString(status))] = 0;
  }
  std::map<std::string, int64_t> participants, channels;
  int64_t total = 0;
  for (const auto& count : counts) {
    total += count.count;
    by_status[std::string(domain::ToString(count.status))] =
        by_status[std::string(domain::ToString(count.status))].get<int64_t>() + count.count;
    if (count.status != domain::ContactStatus::kSubmitted) continue;
    participants[count.participant] += count.count;
    channels[std::string(domain::ToString(count.channel))] += count.count;
  }
  nlohmann::json by_participant = nlohmann::json::array();
  for (const auto& [id, n] : participants) {
    const domain::Participant* participant = study.FindParticipant(id);
    by_participant.push_back(
        {{"key", id}, {"label", participant ? participant->name : id}, {"submitted", n}});
  }
  nlohmann::json by_channel = nlohmann::json::array();
  for (const auto& [channel, n] : channels) {
    by_channel.push_back({{"key", channel}, {"submitted", n}});
  }
  return {{"total", total},
          {"status", by_status},
          {"submitted_by_participant", by_participant},
          {"submitted_by_channel", by_channel}};
}

Route QualityCounts(App& app) {
  return {"GET",
          "/api/v1/qa/counts",
          kStaff,
          "Contacts per status, and the QA backlog per participant and channel (no reports)",
          nullptr,
          [&app](ApiRequest&) {
            const domain::Study& study = app.study();
            std::lock_guard lock(app.mutex());
            auto counts = app.store().CountContacts(study.id);
            if (!counts) return ProblemFor(counts.error());
            return Json(CountsJson(study, counts.value()));
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
            // A correction states why: blanks are no reason.
            if (problems.empty() && reason.find_first_not_of(" \t\r\n") == std::string::npos) {
              fields.Fail("reason", Msg("a reason for the correction, not only spaces"));
            }
            if (!problems.empty()) {
              return FieldsProblem(400, Msg("the correction was not made"), problems);
            }
            return ChangeContact(app, request, ContactAccess::kStaffOnly,
                                 [&](const domain::Contact& contact, const domain::Stamp& stamp) {
                                   return domain::Correct(app.study(), contact, answer, reason,
                                                          stamp);
                                 });
          }};
}

// The report after `id` in the order and filter of `query`, else the first
// one of the filter that is not `id` (the queue wraps round); "" when none.
Result<std::string> NextReport(App& app, const std::string& id, store::ContactQuery query) {
  std::lock_guard lock(app.mutex());
  query.after = id;
  query.offset = 0;
  query.limit = 1;
  auto after = app.store().QueryContacts(app.study().id, query);
  if (!after) return after.error();
  if (!after->contacts.empty()) return after->contacts.front().id;
  query.after.clear();
  query.limit = 2;
  auto first = app.store().QueryContacts(app.study().id, query);
  if (!first) return first.error();
  for (const auto& contact : first->contacts) {
    if (contact.id != id) return contact.id;
  }
  return std::string();
}

Route ApproveReport(App& app) {
  return {"POST",
          "/api/v1/contacts/{id}/approve",
          kStaff,
          "Approve a submitted report: from now on it counts in the results. The reply's "
          "\"next\" is the next report of the queue filter given in the query (as GET /qa "
          "takes it), null when none is left",
          nullptr,
          [&app](ApiRequest& request) {
            QueueRequest queue_request;
            if (auto problem = ReadQueueRequest(app.study(), request, queue_request)) {
              return *problem;
            }
            Reply reply = ChangeContact(app, request, ContactAccess::kStaffOnly, domain::Approve);
            if (reply.status != 200) return reply;
            auto next = NextReport(app, request.params["id"], queue_request.query);
            if (!next) return ProblemFor(next.error());
            reply.body["next"] = next->empty() ? nlohmann::json(nullptr) : nlohmann::json(*next);
            return reply;
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
              return FieldsProblem(400, Msg("the report was not returned"), problems);
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
          "The audit trail, one page: every change (who, when, old and new value, why), newest "
          "first; ?contact= for one contact's; ?page=, ?per_page= (at most 200)",
          nullptr,
          [&app](ApiRequest& request) {
            PageRequest page;
            if (auto problem = ReadPage(request, page)) return *problem;
            const std::string contact_id =
                request.query.count("contact") ? request.query["contact"] : "";
            std::lock_guard lock(app.mutex());
            auto log = app.store().LoadChangeLogPage(app.study().id, contact_id, page.Offset(),
                                                     page.per_page);
            if (!log) return ProblemFor(log.error());
            nlohmann::json entries = nlohmann::json::array();
            for (const auto& entry : log->entries) {
              entries.push_back({{"at", entry.at},
                                 {"actor", entry.actor},
                                 {"entity", entry.entity},
                                 {"entity_id", entry.entity_id},
                                 {"field", entry.field},
                                 {"old", entry.old_value},
                                 {"new", entry.new_value},
                                 {"reason", entry.reason}});
            }
            nlohmann::json body = {{"entries", entries}};
            AddPageFields(body, page, log->total);
            return Json(body);
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
  routes_.push_back(Replying(QualityQueue(*this), QualityQueueSchema()));
  routes_.push_back(QualityCounts(*this));
  routes_.push_back(CorrectAnswer(*this));
  routes_.push_back(ApproveReport(*this));
  routes_.push_back(ReturnReport(*this));
  routes_.push_back(AuditTrail(*this));
  routes_.push_back(Progress(*this));
}

}  // namespace cx::server
