#include "study/study_reader.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/civil_time.h"
#include "core/utf8.h"
#include "study/yaml_fields.h"

namespace cx::study {

using domain::Channel;

std::string Diagnostic::ToString() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

namespace {

// A bound on a channel's max_attempts: more than this is a typing error, not
// a field procedure.
constexpr int kMaxAttempts = 10;

std::optional<int> ParseWeekday(const std::string& text) {
  static const char* const kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (int index = 0; index < 7; ++index) {
    if (text == kNames[index]) return index + 1;
  }
  return std::nullopt;
}

class StudyReader {
 public:
  StudyReader(Diagnostics& diagnostics, SourceMap& source_map)
      : fields_(diagnostics, source_map), diagnostics_(diagnostics) {}

  domain::Study Read(const YAML::Node& root) {
    domain::Study study;
    if (!fields_.ExpectMap(root, "the study file")) return study;
    fields_.CheckKeys(
        root, "",
        {"study", "channels", "industries", "participants", "areas", "questions", "quality"});
    if (auto node = Section(root, "study", true)) ReadHeader(*node, study);
    ReadList(root, "channels", true, [&](const YAML::Node& node, const std::string& path) {
      ReadChannel(node, path, study);
    });
    ReadList(root, "industries", true, [&](const YAML::Node& node, const std::string& path) {
      ReadIndustry(node, path, study);
    });
    ReadList(root, "participants", false, [&](const YAML::Node& node, const std::string& path) {
      ReadParticipant(node, path, study);
    });
    ReadList(root, "areas", true,
             [&](const YAML::Node& node, const std::string& path) { ReadArea(node, path, study); });
    ReadList(root, "questions", true, [&](const YAML::Node& node, const std::string& path) {
      ReadQuestion(node, path, study);
    });
    if (auto node = Section(root, "quality", false)) ReadQuality(*node, study);
    return study;
  }

 private:
  std::optional<YAML::Node> Section(const YAML::Node& root, const std::string& key, bool required) {
    const YAML::Node node = root[key];
    if (!node.IsDefined() || node.IsNull()) {
      if (required) diagnostics_.Error(MarkOf(root), key + ": missing section '" + key + "'");
      return std::nullopt;
    }
    fields_.Remember(key, node);
    return node;
  }

  template <class Fn>
  void ReadList(const YAML::Node& map, const std::string& key, bool required, Fn&& read_item,
                const std::string& parent = "") {
    std::optional<YAML::Node> list;
    if (parent.empty()) {
      list = Section(map, key, required);
    } else {
      const YAML::Node node = map[key];
      if (node.IsDefined() && !node.IsNull()) {
        list = node;
        fields_.Remember(Join(parent, key), node);
      } else if (required) {
        diagnostics_.Error(MarkOf(map), Join(parent, key) + ": missing key '" + key + "'");
      }
    }
    const std::string path = Join(parent, key);
    if (!list || !fields_.ExpectSequence(*list, path)) return;
    for (size_t index = 0; index < list->size(); ++index) {
      const YAML::Node item = (*list)[index];
      const std::string item_path = Index(path, index);
      fields_.Remember(item_path, item);
      if (fields_.ExpectMap(item, item_path)) read_item(item, item_path);
    }
  }

  std::vector<Channel> Channels(const YAML::Node& map, const std::string& path) {
    std::vector<Channel> channels;
    const auto names = fields_.StringList(map, "channels", path, false);
    for (size_t index = 0; index < names.size(); ++index) {
      if (auto channel = domain::ParseChannel(names[index])) {
        channels.push_back(*channel);
      } else {
        const std::string at = Index(Join(path, "channels"), index);
        diagnostics_.Error(fields_.source_map().Get(at),
                           at + ": unknown channel '" + names[index] +
                               "' (expected phone, email_form, chat or messenger)");
      }
    }
    return channels;
  }

  void ReadHeader(const YAML::Node& node, domain::Study& study) {
    const std::string path = "study";
    if (!fields_.ExpectMap(node, path)) return;
    fields_.CheckKeys(node, path,
                      {"id", "name", "year", "languages", "fieldwork", "contacts_per_participant",
                       "max_channels_per_participant", "min_contacts_for_ranking", "results_from"});
    study.id = fields_.String(node, "id", path, true).value_or("");
    study.name = fields_.String(node, "name", path, true).value_or("");
    study.year = fields_.Integer(node, "year", path, true).value_or(0);
    study.languages = fields_.StringList(node, "languages", path, true);
    study.contacts_per_participant =
        fields_.Integer(node, "contacts_per_participant", path, false).value_or(25);
    study.max_channels_per_participant =
        fields_.Integer(node, "max_channels_per_participant", path, false).value_or(0);
    study.min_contacts_for_ranking =
        fields_.Integer(node, "min_contacts_for_ranking", path, false).value_or(0);
    if (const auto rule = fields_.String(node, "results_from", path, false)) {
      if (const auto parsed = domain::ParseResultsFrom(*rule)) {
        study.results_from = *parsed;
      } else {
        const std::string at = Join(path, "results_from");
        diagnostics_.Error(
            fields_.source_map().Get(at),
            at + ": unknown rule '" + *rule + "' (expected approved_and_in_qa or approved_only)");
      }
    }

    const YAML::Node fieldwork = node["fieldwork"];
    const std::string fw_path = Join(path, "fieldwork");
    if (!fieldwork.IsDefined()) {
      diagnostics_.Error(MarkOf(node), fw_path + ": missing key 'fieldwork'");
      return;
    }
    fields_.Remember(fw_path, fieldwork);
    if (!fields_.ExpectMap(fieldwork, fw_path)) return;
    fields_.CheckKeys(fieldwork, fw_path, {"start", "end", "time_zone"});
    auto start = fields_.String(fieldwork, "start", fw_path, true);
    auto end = fields_.String(fieldwork, "end", fw_path, true);
    study.period.time_zone =
        fields_.String(fieldwork, "time_zone", fw_path, false).value_or("Europe/Oslo");
    for (auto [text, target, key] : {std::tuple{&start, &study.period.start, "start"},
                                     std::tuple{&end, &study.period.end, "end"}}) {
      if (!*text) continue;
      if (auto date = Date::Parse(**text)) {
        *target = date->ymd();
      } else {
        const std::string at = Join(fw_path, key);
        diagnostics_.Error(fields_.source_map().Get(at),
                           at + ": expected a date as YYYY-MM-DD, found '" + **text + "'");
      }
    }
  }

  void ReadChannel(const YAML::Node& node, const std::string& path, domain::Study& study) {
    fields_.CheckKeys(
        node, path, {"id", "share", "priority", "hours", "max_wait", "wait_table", "max_attempts"});
    domain::ChannelSpec spec;
    auto id = fields_.String(node, "id", path, true);
    if (id) {
      if (auto channel = domain::ParseChannel(*id)) {
        spec.channel = *channel;
      } else {
        diagnostics_.Error(fields_.source_map().Get(Join(path, "id")),
                           Join(path, "id") + ": unknown channel '" + *id +
                               "' (expected phone, email_form, chat or messenger)");
        return;
      }
    } else {
      return;
    }
    spec.share = fields_.Number(node, "share", path, true).value_or(0);
    spec.priority =
        fields_.Integer(node, "priority", path, false).value_or(static_cast<int>(spec.channel) + 1);
    spec.max_wait_seconds = fields_.Duration(node, "max_wait", path, true).value_or(0);
    if (auto attempts = fields_.Integer(node, "max_attempts", path, false)) {
      if (*attempts < 1 || *attempts > kMaxAttempts) {
        diagnostics_.Error(fields_.source_map().Get(Join(path, "max_attempts")),
                           Join(path, "max_attempts") + ": expected a whole number from 1 to " +
                               std::to_string(kMaxAttempts) + ", found " +
                               std::to_string(*attempts));
      } else {
        spec.max_attempts = *attempts;
      }
    }

    const YAML::Node hours = node["hours"];
    const std::string hours_path = Join(path, "hours");
    if (hours.IsDefined()) {
      fields_.Remember(hours_path, hours);
      if (fields_.ExpectMap(hours, hours_path)) {
        fields_.CheckKeys(hours, hours_path, {"days", "open", "close"});
        const auto days = fields_.StringList(hours, "days", hours_path, true);
        for (size_t index = 0; index < days.size(); ++index) {
          if (auto day = ParseWeekday(days[index])) {
            spec.hours.weekdays.push_back(*day);
          } else {
            const std::string at = Index(Join(hours_path, "days"), index);
            diagnostics_.Error(fields_.source_map().Get(at),
                               at + ": unknown weekday '" + days[index] +
                                   "' (expected mon, tue, wed, thu, fri, sat or sun)");
          }
        }
        for (auto [key, target] : {std::pair{"open", &spec.hours.open_minute},
                                   std::pair{"close", &spec.hours.close_minute}}) {
          auto text = fields_.String(hours, key, hours_path, true);
          if (!text) continue;
          if (auto minute = ParseClock(*text)) {
            *target = *minute;
          } else {
            const std::string at = Join(hours_path, key);
            diagnostics_.Error(fields_.source_map().Get(at),
                               at + ": expected a time as HH:MM, found '" + *text + "'");
          }
        }
      }
    } else {
      diagnostics_.Error(MarkOf(node), hours_path + ": missing key 'hours'");
    }

    const YAML::Node table = node["wait_table"];
    const std::string table_path = Join(path, "wait_table");
    if (table.IsDefined()) {
      fields_.Remember(table_path, table);
      if (fields_.ExpectSequence(table, table_path)) {
        for (size_t index = 0; index < table.size(); ++index) {
          const YAML::Node point = table[index];
          const std::string point_path = Index(table_path, index);
          fields_.Remember(point_path, point);
          if (!fields_.ExpectMap(point, point_path)) continue;
          fields_.CheckKeys(point, point_path, {"wait", "share"});
          auto seconds = fields_.Duration(point, "wait", point_path, true);
          auto share = fields_.Number(point, "share", point_path, true);
          if (seconds && share) spec.wait_table.push_back({*seconds, *share});
        }
      }
    } else {
      diagnostics_.Error(MarkOf(node), table_path + ": missing key 'wait_table'");
    }
    study.channels.push_back(std::move(spec));
  }

  void ReadIndustry(const YAML::Node& node, const std::string& path, domain::Study& study) {
    fields_.CheckKeys(node, path, {"id", "name", "scenarios"});
    domain::Industry industry;
    industry.id = fields_.String(node, "id", path, true).value_or("");
    industry.name = fields_.Text(node, "name", path, true);
    ReadList(
        node, "scenarios", true,
        [&](const YAML::Node& item, const std::string& item_path) {
          fields_.CheckKeys(item, item_path, {"id", "title", "script", "channels", "profile"});
          domain::Scenario scenario;
          scenario.id = fields_.String(item, "id", item_path, true).value_or("");
          scenario.title = fields_.Text(item, "title", item_path, true);
          scenario.script = fields_.Text(item, "script", item_path, true);
          scenario.channels = Channels(item, item_path);
          const YAML::Node profile = item["profile"];
          if (profile.IsDefined()) {
            const std::string profile_path = Join(item_path, "profile");
            fields_.Remember(profile_path, profile);
            if (fields_.ExpectMap(profile, profile_path)) {
              fields_.CheckKeys(profile, profile_path, {"age_bands", "gender"});
              scenario.profile.age_bands =
                  fields_.StringList(profile, "age_bands", profile_path, false);
              scenario.profile.gender = fields_.String(profile, "gender", profile_path, false);
            }
          }
          industry.scenarios.push_back(std::move(scenario));
        },
        path);
    study.industries.push_back(std::move(industry));
  }

  // How to reach the company on the audited channel: of the channel's form
  // (domain::CheckReach), and only where the channel is offered.
  void ReadReach(const YAML::Node& entry, const std::string& entry_path,
                 domain::ChannelAudit& item) {
    auto reach = fields_.String(entry, "reach", entry_path, false);
    if (!reach) return;
    const std::string at = Join(entry_path, "reach");
    if (!item.offered) {
      diagnostics_.Error(fields_.source_map().Get(at),
                         at + ": a channel that is not offered has no way to reach it");
    } else if (auto problem = domain::CheckReach(item.channel, *reach)) {
      diagnostics_.Error(fields_.source_map().Get(at), at + ": " + *problem);
    } else {
      item.reach = *reach;
    }
  }

  void ReadParticipant(const YAML::Node& node, const std::string& path, domain::Study& study) {
    fields_.CheckKeys(node, path,
                      {"id", "name", "company", "industry", "size", "language", "audit"});
    domain::Participant participant;
    participant.id = fields_.String(node, "id", path, true).value_or("");
    participant.name = fields_.String(node, "name", path, true).value_or("");
    participant.company = fields_.String(node, "company", path, false).value_or(participant.name);
    participant.industry = fields_.String(node, "industry", path, true).value_or("");
    participant.size = fields_.Integer(node, "size", path, false).value_or(0);
    participant.language =
        fields_.String(node, "language", path, false)
            .value_or(study.languages.empty() ? std::string("nb") : study.languages.front());

    const YAML::Node audit = node["audit"];
    const std::string audit_path = Join(path, "audit");
    if (!audit.IsDefined()) {
      diagnostics_.Error(MarkOf(node), audit_path + ": missing key 'audit' (the channel audit)");
    } else {
      fields_.Remember(audit_path, audit);
      if (fields_.ExpectMap(audit, audit_path)) {
        fields_.CheckKeys(audit, audit_path, {"phone", "email_form", "chat", "messenger"});
        for (Channel channel : domain::kAllChannels) {
          const std::string key(domain::ToString(channel));
          const YAML::Node entry = audit[key];
          if (!entry.IsDefined()) continue;
          const std::string entry_path = Join(audit_path, key);
          fields_.Remember(entry_path, entry);
          if (!fields_.ExpectMap(entry, entry_path)) continue;
          fields_.CheckKeys(entry, entry_path, {"offered", "ease", "reach"});
          domain::ChannelAudit item;
          item.channel = channel;
          item.offered = fields_.Boolean(entry, "offered", entry_path, true).value_or(false);
          ReadReach(entry, entry_path, item);
          if (auto ease = fields_.String(entry, "ease", entry_path, false)) {
            item.ease = domain::ParseEase(*ease);
            if (!item.ease) {
              diagnostics_.Error(fields_.source_map().Get(Join(entry_path, "ease")),
                                 Join(entry_path, "ease") +
                                     ": expected easy, moderate or hard, found '" + *ease + "'");
            } else if (!item.offered) {
              diagnostics_.Error(
                  fields_.source_map().Get(Join(entry_path, "ease")),
                  Join(entry_path, "ease") + ": a channel that is not offered has no ease to find");
            }
          }
          participant.audit.push_back(item);
        }
      }
    }
    study.participants.push_back(std::move(participant));
  }

  void ReadArea(const YAML::Node& node, const std::string& path, domain::Study& study) {
    fields_.CheckKeys(node, path, {"id", "label", "weight", "scored", "wait_time"});
    domain::Area area;
    area.id = fields_.String(node, "id", path, true).value_or("");
    area.label = fields_.Text(node, "label", path, true);
    area.weight = fields_.Number(node, "weight", path, false);
    area.scored = fields_.Boolean(node, "scored", path, false).value_or(true);
    area.wait_time = fields_.Boolean(node, "wait_time", path, false).value_or(false);
    study.areas.push_back(std::move(area));
  }

  void ReadQuestion(const YAML::Node& node, const std::string& path, domain::Study& study) {
    fields_.CheckKeys(node, path,
                      {"id", "area", "type", "label", "points", "min", "max", "options",
                       "good_answer", "channels", "na", "required", "relevant_if", "reference"});
    domain::Question question;
    question.id = fields_.String(node, "id", path, true).value_or("");
    question.area = fields_.String(node, "area", path, true).value_or("");
    question.label = fields_.Text(node, "label", path, true);
    question.points = fields_.Number(node, "points", path, false).value_or(0);
    if (auto type = fields_.String(node, "type", path, true)) {
      if (auto parsed = domain::ParseQuestionType(*type)) {
        question.type = *parsed;
      } else {
        diagnostics_.Error(fields_.source_map().Get(Join(path, "type")),
                           Join(path, "type") + ": unknown question type '" + *type +
                               "' (expected yes_no, scale, choice, nps, csat, ces, duration, "
                               "number or text)");
        question.type = domain::QuestionType::kText;
      }
    }
    auto min = fields_.Number(node, "min", path, question.type == domain::QuestionType::kScale);
    auto max = fields_.Number(node, "max", path, question.type == domain::QuestionType::kScale);
    question.scale_min = min.value_or(0);
    question.scale_max = max.value_or(0);
    if ((min || max) && question.type != domain::QuestionType::kScale &&
        question.type != domain::QuestionType::kNumber) {
      diagnostics_.Error(fields_.source_map().Get(Join(path, min ? "min" : "max")),
                         path + ": min and max belong to scale and number questions; " +
                             std::string(domain::ToString(question.type)) + " has a fixed range");
    }
    if (auto good = fields_.String(node, "good_answer", path, false)) {
      if (*good == "yes" || *good == "no") {
        question.good_answer_yes = *good == "yes";
      } else {
        diagnostics_.Error(
            fields_.source_map().Get(Join(path, "good_answer")),
            Join(path, "good_answer") + ": expected yes or no, found '" + *good + "'");
      }
    }
    question.channels = Channels(node, path);
    question.allow_na = fields_.Boolean(node, "na", path, false).value_or(false);
    question.required = fields_.Boolean(node, "required", path, false).value_or(true);
    if (auto flag = fields_.String(node, "reference", path, false)) {
      auto parsed = domain::ParseReferenceFlag(*flag);
      if (parsed && *parsed != domain::ReferenceFlag::kNone) {
        question.reference = *parsed;
      } else {
        diagnostics_.Error(fields_.source_map().Get(Join(path, "reference")),
                           Join(path, "reference") +
                               ": expected welcome, valued or would_buy, found '" + *flag + "'");
      }
    }
    ReadList(
        node, "options", question.type == domain::QuestionType::kChoice,
        [&](const YAML::Node& item, const std::string& item_path) {
          fields_.CheckKeys(item, item_path, {"id", "label", "points"});
          domain::ChoiceOption option;
          option.id = fields_.String(item, "id", item_path, true).value_or("");
          option.label = fields_.Text(item, "label", item_path, true);
          option.points = fields_.Number(item, "points", item_path, false).value_or(0);
          question.options.push_back(std::move(option));
        },
        path);
    const YAML::Node relevance = node["relevant_if"];
    if (relevance.IsDefined()) {
      const std::string rel_path = Join(path, "relevant_if");
      fields_.Remember(rel_path, relevance);
      if (fields_.ExpectMap(relevance, rel_path)) {
        fields_.CheckKeys(relevance, rel_path, {"question", "equals", "not_equals"});
        domain::Relevance condition;
        condition.question = fields_.String(relevance, "question", rel_path, true).value_or("");
        const bool has_equals = relevance["equals"].IsDefined();
        const bool has_not = relevance["not_equals"].IsDefined();
        if (has_equals == has_not) {
          diagnostics_.Error(MarkOf(relevance),
                             rel_path + ": expected exactly one of 'equals' or 'not_equals'");
        } else {
          condition.negate = has_not;
          condition.values =
              fields_.StringList(relevance, has_not ? "not_equals" : "equals", rel_path, true);
        }
        question.relevance = std::move(condition);
      }
    }
    study.questions.push_back(std::move(question));
  }

  // quality: {contradictions: [{id, if: CONDITION, and: CONDITION}]}; a
  // condition is {question: ID, equals: VALUES} or {responder: person|chatbot}.
  void ReadQuality(const YAML::Node& node, domain::Study& study) {
    if (!fields_.ExpectMap(node, "quality")) return;
    fields_.CheckKeys(node, "quality", {"contradictions"});
    ReadList(
        node, "contradictions", false,
        [&](const YAML::Node& item, const std::string& path) {
          fields_.CheckKeys(item, path, {"id", "if", "and"});
          domain::Contradiction rule;
          rule.id = fields_.String(item, "id", path, true).value_or("");
          rule.first = ReadFlagCondition(item, "if", path);
          rule.second = ReadFlagCondition(item, "and", path);
          study.contradictions.push_back(std::move(rule));
        },
        "quality");
  }

  domain::FlagCondition ReadFlagCondition(const YAML::Node& map, const std::string& key,
                                          const std::string& parent) {
    domain::FlagCondition condition;
    const YAML::Node node = map[key];
    const std::string path = Join(parent, key);
    if (!node.IsDefined()) {
      diagnostics_.Error(MarkOf(map), path + ": missing key '" + key + "'");
      return condition;
    }
    fields_.Remember(path, node);
    if (!fields_.ExpectMap(node, path)) return condition;
    fields_.CheckKeys(node, path, {"question", "equals", "responder"});
    if (node["responder"].IsDefined() == node["question"].IsDefined()) {
      diagnostics_.Error(MarkOf(node),
                         path + ": expected exactly one of 'question' or 'responder'");
      return condition;
    }
    if (node["responder"].IsDefined()) {
      condition.values = fields_.StringList(node, "responder", path, true);
      for (const auto& value : condition.values) {
        if (value != "person" && value != "chatbot")
          diagnostics_.Error(
              MarkOf(node["responder"]),
              Join(path, "responder") + ": unknown '" + value + "' (expected person or chatbot)");
      }
      return condition;
    }
    condition.question = fields_.String(node, "question", path, true).value_or("");
    condition.values = fields_.StringList(node, "equals", path, true);
    return condition;
  }

  Fields fields_;
  Diagnostics& diagnostics_;
};

}  // namespace

ReadOutcome ReadStudyText(std::string_view text, const std::string& file_name) {
  Diagnostics diagnostics(file_name);
  SourceMap source_map;
  ReadOutcome outcome;
  // yaml-cpp passes invalid UTF-8 through into the strings it returns, and
  // the web app's JSON replies then fail on them: refuse the file here.
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    const TextPosition position = PositionOf(text, bad);
    diagnostics.Error({static_cast<int>(position.line), static_cast<int>(position.column)},
                      InvalidUtf8Message(static_cast<unsigned char>(text[bad])));
    outcome.errors = diagnostics.Take();
    return outcome;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    diagnostics.Error({error.mark.line + 1, error.mark.column + 1}, "not valid YAML: " + error.msg);
    outcome.errors = diagnostics.Take();
    return outcome;
  }
  StudyReader reader(diagnostics, source_map);
  domain::Study study = reader.Read(root);
  // Semantic checks run over what could be read; a date that could not be
  // read is left invalid and the validator skips the checks that need it.
  ValidateStudy(study, source_map, diagnostics);
  outcome.errors = diagnostics.Take();
  if (outcome.errors.empty()) outcome.study = std::move(study);
  return outcome;
}

ReadOutcome ReadStudyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ReadOutcome outcome;
    outcome.errors.push_back({path, 1, 1, "cannot open the file for reading"});
    return outcome;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return ReadStudyText(buffer.str(), path);
}

}  // namespace cx::study
