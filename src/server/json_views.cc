#include "server/json_views.h"

#include <map>

#include "domain/fieldwork_service.h"
#include "domain/relevance.h"

namespace cx::server {

nlohmann::json AccountJson(const domain::Account& account) {
  nlohmann::json json = {{"id", account.id},
                         {"email", account.email},
                         {"name", account.name},
                         {"role", std::string(domain::ToString(account.role))},
                         {"language", account.language}};
  if (!account.shopper_id.empty()) json["shopper_id"] = account.shopper_id;
  if (!account.participant_id.empty()) json["participant_id"] = account.participant_id;
  json["active"] = account.active();
  if (!account.active()) json["deactivated_at"] = account.deactivated_at;
  return json;
}

namespace {

// The fields of a contact that a list row carries too: everything but its
// report (answers, comments) and what only the report can tell ("asked").
nlohmann::json RowFields(const domain::Study& study, const domain::Contact& contact,
                         const std::string& language) {
  const domain::Participant* participant = study.FindParticipant(contact.participant);
  nlohmann::json scenario = nullptr;
  if (participant != nullptr) {
    if (const domain::Industry* industry = study.FindIndustry(participant->industry)) {
      for (const auto& s : industry->scenarios) {
        if (s.id == contact.scenario) {
          scenario = {{"id", s.id},
                      {"title", study.TextFor(s.title, language)},
                      {"script", study.TextFor(s.script, language)}};
        }
      }
    }
  }
  auto text_or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
  };
  nlohmann::json attempts = nlohmann::json::array();
  for (const auto& attempt : contact.attempts) {
    attempts.push_back({{"round", attempt.round},
                        {"started_at", text_or_null(attempt.started_at)},
                        {"ended_at", text_or_null(attempt.ended_at)},
                        {"outcome", std::string(domain::ToString(attempt.outcome))}});
  }
  std::string reach;
  if (participant != nullptr) {
    for (const auto& audit : participant->audit) {
      if (audit.channel == contact.channel) reach = audit.reach;
    }
  }
  const domain::ChannelSpec* spec = study.FindChannel(contact.channel);
  return {{"id", contact.id},
          {"participant", contact.participant},
          {"company", participant ? participant->name : contact.participant},
          {"shopper", contact.shopper},
          {"channel", std::string(domain::ToString(contact.channel))},
          {"scenario", scenario},
          {"planned_at", contact.planned_at},
          {"status", std::string(domain::ToString(contact.status))},
          {"started_at", text_or_null(contact.started_at)},
          {"answered_at", text_or_null(contact.answered_at)},
          {"wait_s",
           contact.wait_seconds ? nlohmann::json(*contact.wait_seconds) : nlohmann::json(nullptr)},
          {"responder", std::string(domain::ToString(contact.responder))},
          {"submitted_at", text_or_null(contact.submitted_at)},
          {"attempts", attempts},
          {"attempts_left", domain::AttemptsLeft(study, contact)},
          {"max_wait_s", spec != nullptr ? spec->max_wait_seconds : 0.0},
          {"reach", reach}};
}

// The report of a contact: its answers and comments, in the store's order.
void AddReport(const domain::Contact& contact, nlohmann::json& json) {
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& answer : contact.answers) {
    nlohmann::json a = {{"question", answer.question}};
    if (answer.not_applicable) a["not_applicable"] = true;
    if (answer.number) a["number"] = *answer.number;
    if (answer.text) a["text"] = *answer.text;
    answers.push_back(a);
  }
  nlohmann::json comments = nlohmann::json::array();
  for (const auto& comment : contact.comments) {
    comments.push_back({{"area", comment.area}, {"text", comment.text}});
  }
  json["answers"] = std::move(answers);
  json["comments"] = std::move(comments);
}

}  // namespace

nlohmann::json ContactJson(const domain::Study& study, const domain::Contact& contact,
                           const std::string& language) {
  nlohmann::json json = RowFields(study, contact, language);
  AddReport(contact, json);
  // The questions asked now, given these answers: the browser shows these
  // and keeps no relevance rule of its own (domain/relevance.h).
  json["asked"] = domain::AskedQuestions(study, contact);
  // The unanswered outcomes the app offers: the channel's, from the rule.
  nlohmann::json outcomes = nlohmann::json::array();
  for (auto outcome : domain::UnansweredOutcomesOf(contact.channel)) {
    outcomes.push_back(std::string(domain::ToString(outcome)));
  }
  json["outcomes"] = std::move(outcomes);
  return json;
}

nlohmann::json ContactRowJson(const domain::Study& study, const domain::Contact& contact,
                              const std::string& language) {
  return RowFields(study, contact, language);
}

namespace {

nlohmann::json Typed(const char* type, bool nullable = false) {
  nlohmann::json schema = {{"type", type}};
  if (nullable) schema["nullable"] = true;
  return schema;
}

nlohmann::json ObjectOf(nlohmann::json properties) {
  nlohmann::json required = nlohmann::json::array();
  for (const auto& [name, unused] : properties.items()) required.push_back(name);
  return {{"type", "object"}, {"required", required}, {"properties", std::move(properties)}};
}

nlohmann::json ArrayOf(nlohmann::json items) {
  return {{"type", "array"}, {"items", std::move(items)}};
}

nlohmann::json Ref(const char* name) {
  return {{"$ref", std::string("#/components/schemas/") + name}};
}

// The fields every paged list carries beside its items (AddPageFields).
nlohmann::json PageOf(const char* items_name, const char* row_schema) {
  nlohmann::json properties = {{items_name, ArrayOf(Ref(row_schema))},
                               {"page", Typed("integer")},
                               {"per_page", Typed("integer")},
                               {"total", Typed("integer")},
                               {"pages", Typed("integer")}};
  return ObjectOf(std::move(properties));
}

}  // namespace

nlohmann::json ContactSchemas() {
  nlohmann::json scenario =
      ObjectOf({{"id", Typed("string")}, {"title", Typed("string")}, {"script", Typed("string")}});
  scenario["required"] = {"id", "title"};  // a queue row has no script
  scenario["nullable"] = true;
  const nlohmann::json attempt = ObjectOf({{"round", Typed("integer")},
                                           {"started_at", Typed("string", true)},
                                           {"ended_at", Typed("string", true)},
                                           {"outcome", Typed("string")}});
  const nlohmann::json row = ObjectOf({{"id", Typed("string")},
                                       {"participant", Typed("string")},
                                       {"company", Typed("string")},
                                       {"shopper", Typed("string")},
                                       {"channel", Typed("string")},
                                       {"scenario", scenario},
                                       {"planned_at", Typed("string")},
                                       {"status", Typed("string")},
                                       {"started_at", Typed("string", true)},
                                       {"answered_at", Typed("string", true)},
                                       {"wait_s", Typed("number", true)},
                                       {"responder", Typed("string")},
                                       {"submitted_at", Typed("string", true)},
                                       {"attempts", ArrayOf(attempt)},
                                       {"attempts_left", Typed("integer")},
                                       {"max_wait_s", Typed("number")},
                                       {"reach", Typed("string")}});
  const nlohmann::json answer = {{"type", "object"},
                                 {"required", {"question"}},
                                 {"properties",
                                  {{"question", Typed("string")},
                                   {"not_applicable", Typed("boolean")},
                                   {"number", Typed("number")},
                                   {"text", Typed("string")}}}};
  const nlohmann::json report = ObjectOf(
      {{"answers", ArrayOf(answer)},
       {"comments", ArrayOf(ObjectOf({{"area", Typed("string")}, {"text", Typed("string")}}))},
       {"asked", ArrayOf(Typed("string"))},
       {"outcomes", ArrayOf(Typed("string"))}});
  const nlohmann::json window =
      ObjectOf({{"from", Typed("string")}, {"to", Typed("string")}, {"deadline", Typed("string")}});
  return {{"ContactRow", row},
          {"WorklistRow",
           {{"allOf",
             {Ref("ContactRow"), ObjectOf({{"group", Typed("string")}, {"window", window}})}}}},
          {"Contact", {{"allOf", {Ref("ContactRow"), report}}}}};
}

nlohmann::json AssignmentListSchema() {
  nlohmann::json schema = PageOf("assignments", "WorklistRow");
  schema["properties"]["now"] = Typed("string");
  schema["required"].push_back("now");
  return schema;
}

nlohmann::json QualityQueueSchema() {
  nlohmann::json schema = PageOf("queue", "ContactRow");
  schema["properties"]["next_cursor"] = Typed("string", true);
  schema["required"].push_back("next_cursor");
  return schema;
}

// One assignment: the contact with its questionnaire, return message and
// evidence files (staff also get its change log and flags).
nlohmann::json AssignmentSchema() {
  nlohmann::json extra = ObjectOf({{"questionnaire", Typed("object")},
                                   {"message", Typed("string", true)},
                                   {"evidence", Typed("array")},
                                   {"changes", Typed("array")},
                                   {"flags", Typed("array")}});
  extra["required"] = {"questionnaire", "message", "evidence"};
  return {{"allOf", {Ref("Contact"), extra}}};
}

namespace {

// A question's links as the shopper app reads them (web/src/questionnaire/
// asked.ts): it looks answers up in them and keeps no relevance rule.
nlohmann::json AskedWhenJson(const domain::AskedWhen& when) {
  nlohmann::json all_of = nlohmann::json::array();
  for (const domain::AskedClause& clause : when.all_of) {
    nlohmann::json link = {{"question", clause.question}, {"except", clause.except}};
    if (clause.numeric) {
      link["numbers"] = clause.numbers;
    } else {
      link["texts"] = clause.texts;
    }
    all_of.push_back(std::move(link));
  }
  return {{"never", when.never}, {"all_of", all_of}};
}

}  // namespace

nlohmann::json QuestionnaireJson(const domain::Study& study, domain::Channel channel,
                                 const std::string& language) {
  nlohmann::json areas = nlohmann::json::array();
  for (const auto& area : study.areas) {
    areas.push_back({{"id", area.id}, {"label", study.TextFor(area.label, language)}});
  }
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& question : study.questions) {
    if (!question.AppliesTo(channel)) continue;
    nlohmann::json q = {{"id", question.id},
                        {"area", question.area},
                        {"type", std::string(domain::ToString(question.type))},
                        {"label", study.TextFor(question.label, language)},
                        {"required", question.required},
                        {"allow_na", question.allow_na},
                        {"min", question.Min()},
                        {"max", question.Max()}};
    if (!question.options.empty()) {
      nlohmann::json options = nlohmann::json::array();
      for (const auto& option : question.options) {
        options.push_back({{"id", option.id}, {"label", study.TextFor(option.label, language)}});
      }
      q["options"] = options;
    }
    if (question.relevance)
      q["asked_when"] = AskedWhenJson(domain::CompileAsked(study, question, channel));
    // Points are deliberately absent: nothing on the shopper's screen tells
    // which questions are scored.
    questions.push_back(q);
  }
  return {{"areas", areas}, {"questions", questions}};
}

domain::DraftInput ReadReport(const nlohmann::json& body) {
  using Need = FieldReader::Need;
  domain::DraftInput draft;
  std::vector<FieldProblem> problems;
  FieldReader fields(body, "/", problems);
  if (const nlohmann::json* answers = fields.Array("answers", Need::kOptional)) {
    draft.answers.emplace();
    for (size_t index = 0; index < answers->size(); ++index) {
      FieldReader item((*answers)[index], "/answers/" + std::to_string(index) + "/", problems);
      domain::Answer answer;
      // Each read on its own line: one item may have several problems.
      bool ok = item.Text("question", answer.question, Need::kRequired, kMaxIdChars);
      ok = item.Boolean("not_applicable", answer.not_applicable) && ok;
      ok = item.Number("number", answer.number) && ok;
      ok = item.Text("text", answer.text, kMaxTextChars) && ok;
      if (ok) draft.answers->push_back(std::move(answer));
    }
  }
  if (const nlohmann::json* comments = fields.Array("comments", Need::kOptional)) {
    draft.comments.emplace();
    std::map<std::string, size_t> first_of_area;
    for (size_t index = 0; index < comments->size(); ++index) {
      FieldReader item((*comments)[index], "/comments/" + std::to_string(index) + "/", problems);
      domain::Comment comment;
      bool ok = item.Text("area", comment.area, Need::kRequired, kMaxIdChars);
      ok = item.Text("text", comment.text, Need::kRequired, kMaxTextChars, /*allow_empty=*/true) &&
           ok;
      if (!ok) continue;
      // One comment per area (the store keys comments by area): a second one
      // would overwrite the first, so it is refused rather than guessed at.
      const auto [first, inserted] = first_of_area.emplace(comment.area, index);
      if (!inserted) {
        item.Fail("area", Msg("a second comment on the same area as /comments/{1}; one comment "
                              "per area",
                              first->second));
        continue;
      }
      if (comment.text.empty()) continue;  // a cleared comment field: no comment
      draft.comments->push_back(std::move(comment));
    }
  }
  for (auto& problem : problems) {
    draft.unreadable.push_back({std::move(problem.field), std::move(problem.message)});
  }
  return draft;
}

nlohmann::json FlagsJson(const domain::Study& study, const std::vector<domain::QualityFlag>& flags,
                         const std::string& language) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& flag : flags) {
    list.push_back({{"code", std::string(domain::ToString(flag.code))},
                    {"message", domain::ExplainFlag(study, flag, language)},
                    {"fields", flag.fields},
                    {"params", flag.params}});
  }
  return list;
}

}  // namespace cx::server
