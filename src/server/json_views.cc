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
  return json;
}

namespace {

nlohmann::json ContactFields(const domain::Study& study, const domain::Contact& contact,
                             const std::string& language) {
  const domain::Participant* participant = study.FindParticipant(contact.participant);
  nlohmann::json scenario = nullptr;
  if (participant != nullptr) {
    if (const domain::Industry* industry = study.FindIndustry(participant->industry)) {
      for (const auto& s : industry->scenarios) {
        if (s.id == contact.scenario) {
          scenario = {
              {"id", s.id}, {"title", s.title.Get(language)}, {"script", s.script.Get(language)}};
        }
      }
    }
  }
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
          {"answers", answers},
          {"comments", comments},
          {"attempts", attempts},
          {"attempts_left", domain::AttemptsLeft(study, contact)},
          {"max_wait_s", spec != nullptr ? spec->max_wait_seconds : 0.0},
          {"reach", reach}};
}

}  // namespace

nlohmann::json ContactJson(const domain::Study& study, const domain::Contact& contact,
                           const std::string& language) {
  nlohmann::json json = ContactFields(study, contact, language);
  // The questions asked now, given these answers: the browser shows these
  // and keeps no relevance rule of its own (domain/relevance.h).
  json["asked"] = domain::AskedQuestions(study, contact);
  return json;
}

nlohmann::json ContactRowJson(const domain::Study& study, const domain::Contact& contact,
                              const std::string& language) {
  return ContactFields(study, contact, language);
}

nlohmann::json QuestionnaireJson(const domain::Study& study, domain::Channel channel,
                                 const std::string& language) {
  nlohmann::json areas = nlohmann::json::array();
  for (const auto& area : study.areas) {
    areas.push_back({{"id", area.id}, {"label", area.label.Get(language)}});
  }
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& question : study.questions) {
    if (!question.AppliesTo(channel)) continue;
    nlohmann::json q = {{"id", question.id},
                        {"area", question.area},
                        {"type", std::string(domain::ToString(question.type))},
                        {"label", question.label.Get(language)},
                        {"required", question.required},
                        {"allow_na", question.allow_na},
                        {"min", question.Min()},
                        {"max", question.Max()}};
    if (!question.options.empty()) {
      nlohmann::json options = nlohmann::json::array();
      for (const auto& option : question.options) {
        options.push_back({{"id", option.id}, {"label", option.label.Get(language)}});
      }
      q["options"] = options;
    }
    if (question.relevance) {
      q["relevance"] = {{"question", question.relevance->question},
                        {"values", question.relevance->values},
                        {"negate", question.relevance->negate}};
    }
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
        item.Fail("area", "a second comment on the same area as /comments/" +
                              std::to_string(first->second) + "; one comment per area");
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
