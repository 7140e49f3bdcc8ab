#include "domain/study.h"

#include <algorithm>

namespace cx::domain {

namespace {
const std::string kEmpty;

template <class T>
const T* FindById(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

bool Participant::Offers(Channel channel) const {
  return std::any_of(audit.begin(), audit.end(), [&](const ChannelAudit& entry) {
    return entry.channel == channel && entry.offered;
  });
}

std::string_view ToString(QuestionType type) {
  switch (type) {
    case QuestionType::kYesNo:
      return "yes_no";
    case QuestionType::kScale:
      return "scale";
    case QuestionType::kChoice:
      return "choice";
    case QuestionType::kNps:
      return "nps";
    case QuestionType::kCsat:
      return "csat";
    case QuestionType::kCes:
      return "ces";
    case QuestionType::kDuration:
      return "duration";
    case QuestionType::kNumber:
      return "number";
    case QuestionType::kText:
      return "text";
  }
  return "?";
}

std::optional<QuestionType> ParseQuestionType(std::string_view id) {
  for (QuestionType type : {QuestionType::kYesNo, QuestionType::kScale, QuestionType::kChoice,
                            QuestionType::kNps, QuestionType::kCsat, QuestionType::kCes,
                            QuestionType::kDuration, QuestionType::kNumber, QuestionType::kText}) {
    if (ToString(type) == id) return type;
  }
  return std::nullopt;
}

std::string_view ToString(ReferenceFlag flag) {
  switch (flag) {
    case ReferenceFlag::kNone:
      return "none";
    case ReferenceFlag::kWelcome:
      return "welcome";
    case ReferenceFlag::kValued:
      return "valued";
    case ReferenceFlag::kWouldBuy:
      return "would_buy";
  }
  return "?";
}

std::optional<ReferenceFlag> ParseReferenceFlag(std::string_view id) {
  for (ReferenceFlag flag : {ReferenceFlag::kNone, ReferenceFlag::kWelcome, ReferenceFlag::kValued,
                             ReferenceFlag::kWouldBuy}) {
    if (ToString(flag) == id) return flag;
  }
  return std::nullopt;
}

std::string_view ToString(ResultsFrom rule) {
  return rule == ResultsFrom::kApprovedOnly ? "approved_only" : "approved_and_in_qa";
}

std::optional<ResultsFrom> ParseResultsFrom(std::string_view id) {
  for (ResultsFrom rule : {ResultsFrom::kApprovedAndInQa, ResultsFrom::kApprovedOnly}) {
    if (ToString(rule) == id) return rule;
  }
  return std::nullopt;
}

bool Question::AppliesTo(Channel channel) const {
  return channels.empty() || std::find(channels.begin(), channels.end(), channel) != channels.end();
}

double Question::Min() const {
  switch (type) {
    case QuestionType::kNps:
    case QuestionType::kYesNo:
      return 0;
    case QuestionType::kCsat:
    case QuestionType::kCes:
      return 1;
    default:
      return scale_min;
  }
}

double Question::Max() const {
  switch (type) {
    case QuestionType::kYesNo:
      return 1;
    case QuestionType::kNps:
      return 10;
    case QuestionType::kCsat:
      return 5;
    case QuestionType::kCes:
      return 7;
    default:
      return scale_max;
  }
}

Date FieldworkPeriod::FirstMonday() const { return Date{start}.MondayOnOrBefore(); }

int FieldworkPeriod::WeekOf(Date day) const {
  // Floor division, so that days before the first Monday give week 0, -1, ...
  const auto offset = (day - FirstMonday()).count();
  return static_cast<int>((offset >= 0 ? offset : offset - 6) / 7) + 1;
}

int FieldworkPeriod::Weeks() const {
  if (Date{end} < Date{start}) return 0;
  return WeekOf(Date{end});
}

const std::string& Study::TextFor(const LocalizedText& text, const std::string& language) const {
  if (auto it = text.by_language.find(language); it != text.by_language.end()) return it->second;
  for (const std::string& fallback : languages) {
    if (auto it = text.by_language.find(fallback); it != text.by_language.end()) return it->second;
  }
  return text.by_language.empty() ? kEmpty : text.by_language.begin()->second;
}

const ChannelSpec* Study::FindChannel(Channel channel) const {
  auto it = std::find_if(channels.begin(), channels.end(),
                         [&](const ChannelSpec& spec) { return spec.channel == channel; });
  return it == channels.end() ? nullptr : &*it;
}
bool Study::CountsAsAnswered(Channel channel, std::optional<double> wait_seconds) const {
  if (!wait_seconds) return false;
  const ChannelSpec* spec = FindChannel(channel);
  return spec == nullptr || spec->max_wait_seconds <= 0 || *wait_seconds <= spec->max_wait_seconds;
}
const Industry* Study::FindIndustry(const std::string& wanted) const {
  return FindById(industries, wanted);
}
const Participant* Study::FindParticipant(const std::string& wanted) const {
  return FindById(participants, wanted);
}
const Area* Study::FindArea(const std::string& wanted) const { return FindById(areas, wanted); }
const Question* Study::FindQuestion(const std::string& wanted) const {
  return FindById(questions, wanted);
}

}  // namespace cx::domain
