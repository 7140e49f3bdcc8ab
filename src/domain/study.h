#pragma once
// The study definition: what a benchmark study (or a company's own
// mystery-calling programme) measures, where, when and how. Plain data; the
// YAML reader (study/) builds it and the store (store/) persists it.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "domain/channel.h"

namespace cx::domain {

// A text in several languages, keyed by language code (nb, sv, da, en). It is
// read through Study::TextFor, which knows the study's default language.
struct LocalizedText {
  std::map<std::string, std::string> by_language;

  bool Has(const std::string& language) const { return by_language.count(language) > 0; }

  bool operator==(const LocalizedText&) const = default;
};

// Opening hours of a channel: the weekdays it is staffed (1 = Monday ... 7 =
// Sunday, ISO 8601) and the local time it opens and closes, in minutes after
// midnight. E-mail/form is "open" the whole day: it is sent whenever.
struct OpeningHours {
  std::vector<int> weekdays;  // ascending, unique, 1..7
  int open_minute = 8 * 60;
  int close_minute = 16 * 60;

  bool operator==(const OpeningHours&) const = default;
};

// One point of a piecewise linear wait-time table: a wait of `seconds` earns
// `share` (0..1) of the wait area's points. Points are ascending in seconds;
// before the first point the share is the first point's, after the last the
// last point's.
struct WaitPoint {
  double seconds = 0;
  double share = 0;

  bool operator==(const WaitPoint&) const = default;
};

struct ChannelSpec {
  Channel channel = Channel::kPhone;
  double share = 0;  // target share of contacts, relative to the other channels
  int priority = 0;  // lower is chosen first when a participant's channels are limited
  OpeningHours hours;
  double max_wait_seconds = 0;  // a contact not answered within this is "unanswered"
  std::vector<WaitPoint> wait_table;
  // How many attempts a shopper may make at one contact (after no answer,
  // busy, closed) before it counts as unanswered; 1 = no second attempt.
  int max_attempts = 1;

  bool operator==(const ChannelSpec&) const = default;
};

// A shopper profile a scenario may require; empty fields match anyone.
struct ProfileRequirement {
  std::vector<std::string> age_bands;  // e.g. "18-29", "30-44", "45-59", "60+"
  std::optional<std::string> gender;   // "female" | "male"
  bool Empty() const { return age_bands.empty() && !gender; }

  bool operator==(const ProfileRequirement&) const = default;
};

// A role play ("rollespill"): the shopper's script for one industry.
struct Scenario {
  std::string id;
  LocalizedText title;
  LocalizedText script;
  std::vector<Channel> channels;  // the channels it suits; empty = all
  ProfileRequirement profile;

  bool operator==(const Scenario&) const = default;
};

struct Industry {
  std::string id;
  LocalizedText name;
  std::vector<Scenario> scenarios;

  bool operator==(const Industry&) const = default;
};

// The channel audit of one channel before fieldwork (docs/sources.md).
struct ChannelAudit {
  Channel channel = Channel::kPhone;
  bool offered = false;
  std::optional<Ease> ease;  // how easy it was to find; set when offered
  // How to reach the company on this channel, as the audit found it: a phone
  // number, the chat or Messenger page, the e-mail address or the form's
  // URL (checked for form by study check); empty when not recorded.
  std::string reach;

  bool operator==(const ChannelAudit&) const = default;
};

// A participating customer centre. Several centres may belong to one company:
// a shopper contacts a company at most once over all its centres.
struct Participant {
  std::string id;
  std::string name;
  std::string company;
  std::string industry;
  int size = 0;                 // agents
  std::string language = "nb";  // the language of its report
  std::vector<ChannelAudit> audit;

  bool Offers(Channel channel) const;

  bool operator==(const Participant&) const = default;
};

// A performance area of the questionnaire. The CX area is asked and reported
// but never counts in the score (scored = false).
struct Area {
  std::string id;
  LocalizedText label;
  // Share of an answered contact's total that this area's points are scaled
  // to (0..1), when set; areas without a weight share the rest by points.
  std::optional<double> weight;
  bool scored = true;
  // True for the answer-and-wait-time area: scored from the measured wait by
  // the channel's wait table, never from the shopper's opinion.
  bool wait_time = false;

  bool operator==(const Area&) const = default;
};

enum class QuestionType { kYesNo, kScale, kChoice, kNps, kCsat, kCes, kDuration, kNumber, kText };
std::string_view ToString(QuestionType type);
std::optional<QuestionType> ParseQuestionType(std::string_view id);

struct ChoiceOption {
  std::string id;
  LocalizedText label;
  double points = 0;

  bool operator==(const ChoiceOption&) const = default;
};

// A question is asked only when an earlier answer fits: the answer to
// `question` equals one of `values` (option ids, "yes"/"no", or numbers as text).
struct Relevance {
  std::string question;
  std::vector<std::string> values;
  bool negate = false;  // true: relevant when the answer is none of the values

  bool operator==(const Relevance&) const = default;
};

// The three reference questions the contest recommends to every company.
enum class ReferenceFlag { kNone, kWelcome, kValued, kWouldBuy };
std::string_view ToString(ReferenceFlag flag);
std::optional<ReferenceFlag> ParseReferenceFlag(std::string_view id);

struct Question {
  std::string id;
  std::string area;
  QuestionType type = QuestionType::kYesNo;
  LocalizedText label;
  // The points it can give; 0 = asked and reported, never scored.
  double points = 0;
  // kScale: the range. kNps is 0..10, kCsat 1..5, kCes 1..7 by definition.
  double scale_min = 0;
  double scale_max = 0;
  std::vector<ChoiceOption> options;  // kChoice
  bool good_answer_yes = true;        // kYesNo: which answer earns the points
  std::vector<Channel> channels;      // empty = all channels
  bool allow_na = false;              // "not applicable" may be answered
  bool required = true;
  std::optional<Relevance> relevance;
  ReferenceFlag reference = ReferenceFlag::kNone;

  bool AppliesTo(Channel channel) const;
  // The closed range of a numeric answer: yes_no 0..1, nps 0..10, csat 1..5,
  // ces 1..7, scale and number as declared.
  double Min() const;
  double Max() const;

  bool operator==(const Question&) const = default;
};

struct FieldworkPeriod {
  std::chrono::year_month_day start;
  std::chrono::year_month_day end;  // inclusive
  std::string time_zone = "Europe/Oslo";

  // A week of fieldwork is a calendar week, Monday to Sunday (ISO 8601);
  // week 1 is the one that holds `start`, so when fieldwork starts on a
  // Thursday its week 1 is Thursday to Sunday and week 2 starts on the next
  // Monday. The planner's even spread and the shoppers' weekly maximum, the
  // plan checker, the demo and the progress view all count weeks this way.
  //
  // The Monday of week 1 (`start` itself when it is a Monday).
  Date FirstMonday() const;
  // The week of fieldwork `day` falls in: 1 for the week of start, and 0 or
  // less before it, more than Weeks() after the week of end.
  int WeekOf(Date day) const;
  // The weeks from the week of start to the week of end, whole or part
  // (WeekOf(end)); 0 when end is before start.
  int Weeks() const;

  bool operator==(const FieldworkPeriod&) const = default;
};

// Which reports the results count while quality assurance is under way
// (docs/scoring.md, "Which reports count").
enum class ResultsFrom {
  // Approved reports and, marked provisional, those submitted and still in QA
  // (the default: approving the first report never blanks the results).
  kApprovedAndInQa,
  kApprovedOnly,  // only approved reports
};
std::string_view ToString(ResultsFrom rule);
std::optional<ResultsFrom> ParseResultsFrom(std::string_view id);

// One side of a contradiction the QA flags look for: the answer to
// `question` is one of `values` (as a relevance condition reads them), or,
// when `question` is empty, the contact's responder (the app's "who answered
// first" button: "person" or "chatbot") is one of `values`.
struct FlagCondition {
  std::string question;
  std::vector<std::string> values;

  bool operator==(const FlagCondition&) const = default;
};

// Two answers that cannot both be true of one contact, e.g. NPS 0 and "would
// recommend: yes" (study file `quality.contradictions`, docs/quality-flags.md).
struct Contradiction {
  std::string id;
  FlagCondition first;
  FlagCondition second;

  bool operator==(const Contradiction&) const = default;
};

struct Study {
  std::string id;
  std::string name;
  int year = 0;
  std::vector<std::string> languages;  // first is the default
  FieldworkPeriod period;
  int contacts_per_participant = 25;
  // The most channels one participant is contacted on (the contest: 3), 0 = no limit.
  int max_channels_per_participant = 0;
  int min_contacts_for_ranking = 0;  // below this a participant is listed, not ranked
  std::vector<ChannelSpec> channels;
  std::vector<Industry> industries;
  std::vector<Participant> participants;
  std::vector<Area> areas;
  std::vector<Question> questions;
  ResultsFrom results_from = ResultsFrom::kApprovedAndInQa;
  std::vector<Contradiction> contradictions;

  // `text` as a reader of `language` sees it: in that language, else in the
  // first of the study's languages that it has (the first is the default),
  // else in any language it has; "" when it has none. A Swedish reader of a
  // study in [nb, en] reads bokmål, not English, though "en" sorts first.
  const std::string& TextFor(const LocalizedText& text, const std::string& language) const;
  const ChannelSpec* FindChannel(Channel channel) const;
  // Whether a contact on `channel` that waited `wait_seconds` (none = never
  // answered) counts as answered: a wait beyond the channel's maximum is, by
  // the study's definition, no answer (docs/scoring.md). The scorer, the
  // export and the QA flags all ask this.
  bool CountsAsAnswered(Channel channel, std::optional<double> wait_seconds) const;
  const Industry* FindIndustry(const std::string& wanted) const;
  const Participant* FindParticipant(const std::string& wanted) const;
  const Area* FindArea(const std::string& wanted) const;
  const Question* FindQuestion(const std::string& wanted) const;

  bool operator==(const Study&) const = default;
};

}  // namespace cx::domain
