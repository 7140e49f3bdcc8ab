#include "server/json_views.h"

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

nlohmann::json ContactJson(const domain::Study& study, const domain::Contact& contact,
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
          {"answers", answers},
          {"comments", comments}};
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

std::vector<BodyError> ReadReport(const nlohmann::json& body, domain::Contact& contact) {
  std::vector<BodyError> errors;
  if (body.contains("answers")) {
    const auto& answers = body["answers"];
    if (!answers.is_array()) {
      errors.push_back({"/answers", "a list of answers is expected"});
    } else {
      contact.answers.clear();
      for (size_t index = 0; index < answers.size(); ++index) {
        const auto& item = answers[index];
        const std::string at = "/answers/" + std::to_string(index);
        if (!item.is_object()) {
          errors.push_back({at, "an object {question, number|text|not_applicable} is expected"});
          continue;
        }
        domain::Answer answer;
        if (!item.contains("question") || !item["question"].is_string()) {
          errors.push_back({at + "/question", "a question id (text) is expected"});
          continue;
        }
        answer.question = item["question"].get<std::string>();
        if (item.contains("not_applicable")) {
          if (!item["not_applicable"].is_boolean()) {
            errors.push_back({at + "/not_applicable", "true or false is expected"});
            continue;
          }
          answer.not_applicable = item["not_applicable"].get<bool>();
        }
        if (item.contains("number") && !item["number"].is_null()) {
          if (!item["number"].is_number()) {
            errors.push_back({at + "/number", "a number is expected"});
            continue;
          }
          answer.number = item["number"].get<double>();
        }
        if (item.contains("text") && !item["text"].is_null()) {
          if (!item["text"].is_string()) {
            errors.push_back({at + "/text", "a text is expected"});
            continue;
          }
          answer.text = item["text"].get<std::string>();
        }
        contact.answers.push_back(std::move(answer));
      }
    }
  }
  if (body.contains("comments")) {
    const auto& comments = body["comments"];
    if (!comments.is_array()) {
      errors.push_back({"/comments", "a list of comments is expected"});
    } else {
      contact.comments.clear();
      for (size_t index = 0; index < comments.size(); ++index) {
        const auto& item = comments[index];
        const std::string at = "/comments/" + std::to_string(index);
        if (!item.is_object() || !item.contains("area") || !item["area"].is_string() ||
            !item.contains("text") || !item["text"].is_string()) {
          errors.push_back({at, "an object {area, text} of texts is expected"});
          continue;
        }
        const std::string text = item["text"].get<std::string>();
        if (text.empty()) continue;
        contact.comments.push_back({item["area"].get<std::string>(), text});
      }
    }
  }
  return errors;
}

}  // namespace cx::server
