// Semantic checks of a study definition: what YAML types alone cannot say.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/time_zone.h"
#include "domain/relevance.h"
#include "study/yaml_fields.h"

namespace cx::study {
namespace {

using domain::QuestionType;

const std::set<std::string> kKnownLanguages = {"nb", "nn", "sv", "da", "en", "fi"};

// Upper bounds that no real study reaches (docs/study-format.md, "Bounds"):
// a value past one is a typing error, and left through it would make the
// planner or the web app allocate without limit (contacts_per_participant:
// 2000000000 ended in bad_alloc).
constexpr int kMaxContactsPerParticipant = 1000;
constexpr int kMaxParticipants = 2000;
constexpr int kMaxContacts = 200000;  // participants x contacts_per_participant
constexpr int kMaxFieldworkDays = 366;
constexpr int kMaxWaitSeconds = 14 * 86400;  // an e-mail answered within two weeks
constexpr size_t kMaxWaitTablePoints = 100;
constexpr size_t kMaxIndustries = 100;
constexpr size_t kMaxScenarios = 100;  // per industry
constexpr size_t kMaxAreas = 100;
constexpr size_t kMaxQuestions = 1000;
constexpr size_t kMaxOptions = 100;  // per choice question
constexpr double kMaxScaleSteps = 100;
constexpr double kMaxPoints = 1000;
constexpr int kMaxAgents = 1000000;  // a participant's size

class Validator {
 public:
  Validator(const domain::Study& study, const SourceMap& source_map, Diagnostics& diagnostics)
      : study_(study), source_map_(source_map), diagnostics_(diagnostics) {}

  void Run() {
    CheckCounts();
    CheckHeader();
    CheckChannels();
    CheckIndustries();
    CheckParticipants();
    CheckAreas();
    CheckQuestions();
    CheckContradictions();
  }

 private:
  // A list longer than its bound (kMax... above) is one error at the list.
  void CheckCount(const std::string& path, size_t count, size_t bound, const std::string& what) {
    if (count > bound) {
      Error(path, "expected at most " + std::to_string(bound) + " " + what + ", found " +
                      std::to_string(count));
    }
  }

  void CheckCounts() {
    CheckCount("participants", study_.participants.size(), kMaxParticipants, "participants");
    CheckCount("industries", study_.industries.size(), kMaxIndustries, "industries");
    CheckCount("areas", study_.areas.size(), kMaxAreas, "areas");
    CheckCount("questions", study_.questions.size(), kMaxQuestions, "questions");
    for (size_t index = 0; index < study_.industries.size(); ++index) {
      CheckCount(Join(Index("industries", index), "scenarios"),
                 study_.industries[index].scenarios.size(), kMaxScenarios, "scenarios");
    }
    for (size_t index = 0; index < study_.questions.size(); ++index) {
      const auto& question = study_.questions[index];
      const std::string path = Index("questions", index);
      CheckCount(Join(path, "options"), question.options.size(), kMaxOptions, "options");
      if (question.points > kMaxPoints) {
        Error(Join(path, "points"), "expected at most " + FormatNumber(kMaxPoints) + " points");
      }
      if (question.type == QuestionType::kScale &&
          question.scale_max - question.scale_min > kMaxScaleSteps) {
        Error(Join(path, "max"),
              "expected a scale of at most " + FormatNumber(kMaxScaleSteps) + " steps");
      }
    }
  }

  void Error(const std::string& path, const std::string& message) {
    diagnostics_.Error(source_map_.Get(path), path + ": " + message);
  }

  // Reports every declared language `text` lacks.
  void CheckLabels(const domain::LocalizedText& text, const std::string& path) {
    if (text.by_language.empty()) return;  // missing altogether: reported by the reader
    for (const std::string& language : study_.languages) {
      if (!text.Has(language))
        Error(path, "missing the text in '" + language + "', a language of the study");
    }
    for (const auto& [language, value] : text.by_language) {
      if (std::find(study_.languages.begin(), study_.languages.end(), language) ==
          study_.languages.end()) {
        Error(Join(path, language),
              "language '" + language + "' is not among the study's languages (study.languages)");
      } else if (value.empty()) {
        Error(Join(path, language), "expected a text, found an empty one");
      }
    }
  }

  // Reports ids seen before in the same list.
  void CheckUnique(std::map<std::string, std::string>& seen, const std::string& id,
                   const std::string& path, const std::string& what) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, path);
    if (!inserted)
      Error(Join(path, "id"),
            "duplicate " + what + " id '" + id + "' (first at " + it->second + ")");
  }

  void CheckHeader() {
    // A missing key is reported by the reader; only an empty list is reported here.
    if (study_.languages.empty() && source_map_.Has("study.languages")) {
      Error("study.languages", "expected at least one language");
    }
    std::set<std::string> seen;
    for (size_t index = 0; index < study_.languages.size(); ++index) {
      const std::string& language = study_.languages[index];
      const std::string path = Index("study.languages", index);
      if (!kKnownLanguages.count(language)) {
        Error(path, "unknown language '" + language + "' (expected nb, nn, sv, da, en or fi)");
      }
      if (!seen.insert(language).second) Error(path, "language '" + language + "' is listed twice");
    }
    if (study_.year != 0 && (study_.year < 2000 || study_.year > 2100)) {
      Error("study.year",
            "expected a year between 2000 and 2100, found " + std::to_string(study_.year));
    }
    if (study_.contacts_per_participant < 1 ||
        study_.contacts_per_participant > kMaxContactsPerParticipant) {
      Error("study.contacts_per_participant", "expected 1 to " +
                                                  std::to_string(kMaxContactsPerParticipant) +
                                                  " contacts per participant, found " +
                                                  std::to_string(study_.contacts_per_participant));
    } else if (static_cast<int64_t>(study_.contacts_per_participant) *
                   static_cast<int64_t>(study_.participants.size()) >
               kMaxContacts) {
      Error("study.contacts_per_participant",
            "expected at most " + std::to_string(kMaxContacts) +
                " contacts in all (participants x contacts_per_participant), found " +
                std::to_string(static_cast<int64_t>(study_.contacts_per_participant) *
                               static_cast<int64_t>(study_.participants.size())));
    }
    if (study_.max_channels_per_participant < 0 ||
        study_.max_channels_per_participant > static_cast<int>(domain::kAllChannels.size())) {
      Error("study.max_channels_per_participant",
            "expected 0 (no limit) to " + std::to_string(domain::kAllChannels.size()) + ", found " +
                std::to_string(study_.max_channels_per_participant));
    }
    if (study_.min_contacts_for_ranking < 0 ||
        study_.min_contacts_for_ranking > study_.contacts_per_participant) {
      Error("study.min_contacts_for_ranking", "expected 0 to contacts_per_participant (" +
                                                  std::to_string(study_.contacts_per_participant) +
                                                  ")");
    }
    const auto& period = study_.period;
    if (period.start.ok() && period.end.ok() && period.end < period.start) {
      Error("study.fieldwork.end", "the fieldwork ends before it starts");
    } else if (period.start.ok() && period.end.ok() &&
               (std::chrono::sys_days(period.end) - std::chrono::sys_days(period.start)).count() >=
                   kMaxFieldworkDays) {
      Error("study.fieldwork.end",
            "expected a fieldwork of at most " + std::to_string(kMaxFieldworkDays) + " days");
    }
    if (!TimeZone::Locate(period.time_zone)) {
      Error("study.fieldwork.time_zone", "unknown time zone '" + period.time_zone +
                                             "' (expected an IANA name such as Europe/Oslo)");
    }
  }

  void CheckChannels() {
    if (study_.channels.empty() && source_map_.Has("channels")) {
      Error("channels", "expected at least one channel");
    }
    std::set<domain::Channel> seen;
    double share_sum = 0;
    for (size_t index = 0; index < study_.channels.size(); ++index) {
      const auto& spec = study_.channels[index];
      const std::string path = Index("channels", index);
      if (!seen.insert(spec.channel).second) {
        Error(Join(path, "id"),
              "duplicate channel id '" + std::string(domain::ToString(spec.channel)) + "'");
      }
      if (spec.share < 0)
        Error(Join(path, "share"), "expected a share of 0 or more, found a negative one");
      share_sum += std::max(0.0, spec.share);
      if (spec.max_wait_seconds <= 0 || spec.max_wait_seconds > kMaxWaitSeconds)
        Error(Join(path, "max_wait"), "expected a maximum wait above 0 and at most 14 days");
      if (spec.wait_table.size() > kMaxWaitTablePoints) {
        Error(Join(path, "wait_table"), "expected at most " + std::to_string(kMaxWaitTablePoints) +
                                            " points, found " +
                                            std::to_string(spec.wait_table.size()));
      }
      if (spec.hours.open_minute >= spec.hours.close_minute) {
        Error(Join(path, "hours"), "the channel closes before it opens");
      }
      std::set<int> days(spec.hours.weekdays.begin(), spec.hours.weekdays.end());
      if (days.size() != spec.hours.weekdays.size())
        Error(Join(path, "hours.days"), "a weekday is listed twice");
      CheckWaitTable(spec, path);
    }
    if (!study_.channels.empty() && share_sum <= 0) {
      Error("channels", "the channel shares sum to 0; expected positive shares");
    }
  }

  void CheckWaitTable(const domain::ChannelSpec& spec, const std::string& path) {
    const std::string table = Join(path, "wait_table");
    if (spec.wait_table.empty()) return;  // missing: reported by the reader
    for (size_t index = 0; index < spec.wait_table.size(); ++index) {
      const auto& point = spec.wait_table[index];
      if (point.share < 0 || point.share > 1) {
        Error(Join(Index(table, index), "share"), "expected a share from 0 to 1");
      }
      if (index > 0 && point.seconds <= spec.wait_table[index - 1].seconds) {
        Error(Join(Index(table, index), "wait"), "expected waits in ascending order");
      }
      if (spec.max_wait_seconds > 0 && point.seconds > spec.max_wait_seconds) {
        Error(Join(Index(table, index), "wait"), "a wait beyond the channel's max_wait");
      }
    }
  }

  void CheckIndustries() {
    std::map<std::string, std::string> industries;
    std::map<std::string, std::string> scenarios;
    for (size_t index = 0; index < study_.industries.size(); ++index) {
      const auto& industry = study_.industries[index];
      const std::string path = Index("industries", index);
      CheckUnique(industries, industry.id, path, "industry");
      CheckLabels(industry.name, Join(path, "name"));
      if (industry.scenarios.empty())
        Error(Join(path, "scenarios"), "expected at least one scenario");
      for (size_t s_index = 0; s_index < industry.scenarios.size(); ++s_index) {
        const auto& scenario = industry.scenarios[s_index];
        const std::string s_path = Index(Join(path, "scenarios"), s_index);
        CheckUnique(scenarios, scenario.id, s_path, "scenario");
        CheckLabels(scenario.title, Join(s_path, "title"));
        CheckLabels(scenario.script, Join(s_path, "script"));
        for (size_t c_index = 0; c_index < scenario.channels.size(); ++c_index) {
          if (!study_.FindChannel(scenario.channels[c_index])) {
            Error(Index(Join(s_path, "channels"), c_index),
                  "channel '" + std::string(domain::ToString(scenario.channels[c_index])) +
                      "' is not one of the study's channels");
          }
        }
        for (const auto& band : scenario.profile.age_bands) {
          if (band != "18-29" && band != "30-44" && band != "45-59" && band != "60+") {
            Error(Join(s_path, "profile.age_bands"),
                  "unknown age band '" + band + "' (expected 18-29, 30-44, 45-59 or 60+)");
          }
        }
        if (scenario.profile.gender && *scenario.profile.gender != "female" &&
            *scenario.profile.gender != "male") {
          Error(Join(s_path, "profile.gender"), "expected female or male");
        }
      }
    }
  }

  void CheckParticipants() {
    std::map<std::string, std::string> seen;
    for (size_t index = 0; index < study_.participants.size(); ++index) {
      const auto& participant = study_.participants[index];
      const std::string path = Index("participants", index);
      CheckUnique(seen, participant.id, path, "participant");
      if (!participant.industry.empty() && !study_.FindIndustry(participant.industry)) {
        Error(Join(path, "industry"),
              "unknown industry '" + participant.industry + "' (expected an id from industries)");
      }
      if (participant.size < 0 || participant.size > kMaxAgents)
        Error(Join(path, "size"),
              "expected a number of agents from 0 to " + std::to_string(kMaxAgents));
      if (std::find(study_.languages.begin(), study_.languages.end(), participant.language) ==
          study_.languages.end()) {
        Error(Join(path, "language"),
              "language '" + participant.language + "' is not among the study's languages");
      }
      bool any = false;
      for (const auto& spec : study_.channels) any = any || participant.Offers(spec.channel);
      // A missing audit is reported by the reader; an audit offering nothing here.
      if (source_map_.Has(Join(path, "audit")) && !any && !study_.channels.empty()) {
        Error(Join(path, "audit"),
              "offers none of the study's channels, so it cannot be contacted");
      }
    }
  }

  void CheckAreas() {
    std::map<std::string, std::string> seen;
    double weight_sum = 0;
    int wait_areas = 0;
    for (size_t index = 0; index < study_.areas.size(); ++index) {
      const auto& area = study_.areas[index];
      const std::string path = Index("areas", index);
      CheckUnique(seen, area.id, path, "area");
      CheckLabels(area.label, Join(path, "label"));
      if (area.weight) {
        if (*area.weight < 0 || *area.weight > 1) {
          Error(Join(path, "weight"), "expected a weight from 0 to 1 (a share of the total)");
        }
        if (!area.scored) Error(Join(path, "weight"), "an area that is not scored has no weight");
        weight_sum += *area.weight;
      }
      if (area.wait_time) ++wait_areas;
      bool has_question = std::any_of(study_.questions.begin(), study_.questions.end(),
                                      [&](const domain::Question& q) { return q.area == area.id; });
      if (!has_question) Error(Join(path, "id"), "area '" + area.id + "' has no questions");
    }
    if (weight_sum > 1 + 1e-9) Error("areas", "the area weights sum to more than 1");
    if (wait_areas > 1) Error("areas", "expected at most one area with wait_time: true");
  }

  void CheckQuestions() {
    std::map<std::string, std::string> seen;
    std::map<std::string, size_t> position;
    std::map<domain::ReferenceFlag, std::string> references;
    for (size_t index = 0; index < study_.questions.size(); ++index) {
      const auto& question = study_.questions[index];
      const std::string path = Index("questions", index);
      CheckUnique(seen, question.id, path, "question");
      CheckLabels(question.label, Join(path, "label"));
      const domain::Area* area = question.area.empty() ? nullptr : study_.FindArea(question.area);
      if (!question.area.empty() && !area) {
        Error(Join(path, "area"),
              "unknown area '" + question.area + "' (expected an id from areas)");
      }
      if (question.points < 0) Error(Join(path, "points"), "expected points of 0 or more");
      if (area && !area->scored && question.points > 0) {
        Error(Join(path, "points"),
              "area '" + area->id + "' is not scored, so its questions carry no points");
      }
      switch (question.type) {
        case QuestionType::kScale:
          if (question.scale_min >= question.scale_max) {
            Error(Join(path, "max"), "impossible scale: max must be above min");
          }
          break;
        case QuestionType::kChoice: {
          std::map<std::string, std::string> options;
          for (size_t o_index = 0; o_index < question.options.size(); ++o_index) {
            const auto& option = question.options[o_index];
            const std::string o_path = Index(Join(path, "options"), o_index);
            CheckUnique(options, option.id, o_path, "option");
            CheckLabels(option.label, Join(o_path, "label"));
            if (option.points < 0 || option.points > question.points) {
              Error(Join(o_path, "points"), "expected points from 0 to the question's points (" +
                                                FormatNumber(question.points) + ")");
            }
          }
          // No options at all is reported by the reader as a missing key.
          if (question.options.size() == 1) {
            Error(Join(path, "options"), "a choice needs at least two options");
          }
          break;
        }
        case QuestionType::kText:
          if (question.points > 0)
            Error(Join(path, "points"), "a text question cannot give points");
          break;
        case QuestionType::kDuration:
          if (question.points > 0 && !(area && area->wait_time)) {
            Error(Join(path, "points"),
                  "a duration gives points only in the wait-time area (wait_time: true)");
          }
          break;
        case QuestionType::kNumber:
          if (question.points > 0)
            Error(Join(path, "points"), "a number question cannot give points");
          break;
        default:
          break;
      }
      if (question.options.size() > 0 && question.type != QuestionType::kChoice) {
        Error(Join(path, "options"), "only choice questions have options");
      }
      for (size_t c_index = 0; c_index < question.channels.size(); ++c_index) {
        if (!study_.FindChannel(question.channels[c_index])) {
          Error(Index(Join(path, "channels"), c_index),
                "channel '" + std::string(domain::ToString(question.channels[c_index])) +
                    "' is not one of the study's channels");
        }
      }
      if (question.reference != domain::ReferenceFlag::kNone) {
        auto [it, inserted] = references.emplace(question.reference, path);
        if (!inserted) {
          Error(Join(path, "reference"), "reference '" +
                                             std::string(domain::ToString(question.reference)) +
                                             "' is already given to " + it->second);
        }
        if (question.type != QuestionType::kYesNo) {
          Error(Join(path, "reference"), "a reference question must be yes_no");
        }
      }
      if (question.relevance) CheckRelevance(question, path, position);
      if (!question.id.empty()) position.emplace(question.id, index);
    }
  }

  void CheckRelevance(const domain::Question& question, const std::string& path,
                      const std::map<std::string, size_t>& earlier) {
    const auto& condition = *question.relevance;
    const std::string at = Join(path, "relevant_if.question");
    if (condition.question.empty()) return;
    if (condition.question == question.id) {
      Error(at, "a question cannot depend on itself");
      return;
    }
    if (!earlier.count(condition.question)) {
      if (study_.FindQuestion(condition.question)) {
        Error(at, "question '" + condition.question +
                      "' comes later; a relevance condition may only name an earlier question");
      } else {
        Error(at, "unknown question '" + condition.question + "'");
      }
      return;
    }
    const domain::Question* target = study_.FindQuestion(condition.question);
    const std::string values_at =
        Join(path, condition.negate ? "relevant_if.not_equals" : "relevant_if.equals");
    for (size_t value_index = 0; value_index < condition.values.size(); ++value_index) {
      const std::string& value = condition.values[value_index];
      // A list's items have their own place; a single value, the key's.
      const std::string item = Index(values_at, value_index);
      const std::string value_at = source_map_.Has(item) ? item : values_at;
      if (value == "na") {
        // docs/study-format.md, "Relevance": "not applicable" on the earlier
        // question makes every question that depends on it not asked, so a
        // condition on it could never hold.
        Error(value_at,
              "'na' cannot be a condition value: a question answered \"not applicable\" "
              "makes the questions that depend on it not asked, whatever the condition");
      } else if (!AnswerCanBe(*target, value)) {
        Error(value_at, "'" + value + "' is not an answer question '" + target->id + "' can give");
      }
    }
  }

  // Each contradiction names known questions (or the responder) and values
  // their answers can take; ids are unique.
  void CheckContradictions() {
    std::set<std::string> ids;
    for (size_t index = 0; index < study_.contradictions.size(); ++index) {
      const domain::Contradiction& rule = study_.contradictions[index];
      const std::string path = Index("quality.contradictions", index);
      if (!rule.id.empty() && !ids.insert(rule.id).second)
        Error(Join(path, "id"), "duplicate contradiction id '" + rule.id + "'");
      CheckFlagCondition(rule.first, Join(path, "if"));
      CheckFlagCondition(rule.second, Join(path, "and"));
    }
  }

  void CheckFlagCondition(const domain::FlagCondition& condition, const std::string& path) {
    if (condition.question.empty()) return;  // the responder: checked by the reader
    const domain::Question* target = study_.FindQuestion(condition.question);
    if (!target) {
      Error(Join(path, "question"), "unknown question '" + condition.question + "'");
      return;
    }
    for (size_t value_index = 0; value_index < condition.values.size(); ++value_index) {
      const std::string& value = condition.values[value_index];
      const std::string item = Index(Join(path, "equals"), value_index);
      const std::string value_at = source_map_.Has(item) ? item : Join(path, "equals");
      if (!AnswerCanBe(*target, value))
        Error(value_at, "'" + value + "' is not an answer question '" + target->id + "' can give");
    }
  }

  static bool AnswerCanBe(const domain::Question& question, const std::string& value) {
    switch (question.type) {
      case QuestionType::kYesNo:
        return value == "yes" || value == "no";
      case QuestionType::kChoice:
        return std::any_of(question.options.begin(), question.options.end(),
                           [&](const domain::ChoiceOption& option) { return option.id == value; });
      case QuestionType::kText:
        return true;
      default: {
        // Read as the relevance rule reads it (domain/relevance.h).
        const std::optional<double> number = domain::ConditionNumber(value);
        if (!number) return false;
        if (question.type == QuestionType::kDuration || question.type == QuestionType::kNumber)
          return true;
        return *number >= question.Min() && *number <= question.Max();
      }
    }
  }

  static std::string FormatNumber(double value) {
    if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
    return std::to_string(value);
  }

  const domain::Study& study_;
  const SourceMap& source_map_;
  Diagnostics& diagnostics_;
};

}  // namespace

void ValidateStudy(const domain::Study& study, const SourceMap& source_map,
                   Diagnostics& diagnostics) {
  Validator(study, source_map, diagnostics).Run();
}

}  // namespace cx::study
