#pragma once
// The automatic quality-assurance flags: the one place that says which
// submitted reports a reviewer should look at twice, and why
// (docs/quality-flags.md gives each rule, its threshold and the reason for
// it). Pure computation over the study, its reports and the change log; the
// server caches the result per change-log stamp and the CLI prints it.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/change_record.h"
#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::domain {

enum class FlagCode {
  kContradiction,          // two answers a study's contradiction rule says cannot both hold
  kFastQuestionnaire,      // filled in much faster than the shopper's usual pace
  kWaitOutOfRange,         // a wait far outside the channel's range
  kRepeatedComment,        // a comment word for word the same as in another report
  kOutsidePlannedWindow,   // started outside the planned hour
  kAnswersBeforeAnswered,  // answers saved before the company answered
};
std::string_view ToString(FlagCode code);
std::optional<FlagCode> ParseFlagCode(std::string_view id);
// Every code, in the order above (for filters and documentation).
inline constexpr FlagCode kAllFlagCodes[] = {
    FlagCode::kContradiction,   FlagCode::kFastQuestionnaire,    FlagCode::kWaitOutOfRange,
    FlagCode::kRepeatedComment, FlagCode::kOutsidePlannedWindow, FlagCode::kAnswersBeforeAnswered};

// One flag of one report: its code, the values its sentence names (rendered
// by ExplainFlag in the reader's language) and the fields it concerns, named
// as the change log names them ("wait_s", "started_at", "answer:cx_nps",
// "comment:agent", "submitted_at", "responder").
struct QualityFlag {
  FlagCode code = FlagCode::kContradiction;
  std::map<std::string, std::string> params;
  std::vector<std::string> fields;

  bool operator==(const QualityFlag&) const = default;
};

// The thresholds of the rules (docs/quality-flags.md says why each is what it is).
struct FlagThresholds {
  // kFastQuestionnaire: faster than this share of the shopper's median...
  double fast_share_of_median = 1.0 / 3.0;
  // ...over at least this many of the shopper's other reports with a known fill time.
  int fast_min_reports = 5;
  // kWaitOutOfRange: more than this many times the channel's maximum wait.
  double wait_max_factor = 2.0;
  // kRepeatedComment: comments shorter than this (after normalising) are ignored.
  size_t comment_min_chars = 30;
  // kOutsidePlannedWindow: minutes of grace before and after the planned hour.
  int window_grace_minutes = 10;
};

// What the change log tells of one contact: whether it was reported offline,
// when the shopper first saved an
// answer (a "draft" record of an answer that is not measured by the app),
// and the earliest such answer saved before the company answered.
struct ContactTimeline {
  std::string first_answer_at;  // UTC ISO 8601; empty = unknown (no records)
  std::string early_answer_at;  // the first answer saved before answered_at; empty = none
  std::string early_question;   // its question id
  // A tap of the contact reached the server late (made offline: a record
  // whose reason ends in "(device time)"). Its drafts then arrived together
  // with the submission, so the log's times are not the shopper's pace: the
  // report has no fill time.
  bool sent_late = false;
};
using Timelines = std::map<std::string, ContactTimeline>;  // contact id -> timeline

// The timelines of the contacts of `contacts` from the study's change log
// (oldest first, as Store::LoadChangeLog gives it).
Timelines TimelinesFromChangeLog(const Study& study, const std::vector<Contact>& contacts,
                                 const std::vector<ChangeRecord>& log);

// The flags of every submitted or approved report of `contacts` (all of the
// study's reports, so the study-wide rules see them all), by contact id; a
// report without flags is not in the map. Deterministic: flags in the order
// of kAllFlagCodes, then of the rules and fields.
std::map<std::string, std::vector<QualityFlag>> ComputeQualityFlags(
    const Study& study, const std::vector<Contact>& contacts, const Timelines& timelines,
    const FlagThresholds& thresholds = {});

// The flag as a sentence for a reviewer in `language` (nb, sv, da or en;
// anything else gets English), naming questions by their labels and answers
// as the shopper saw them.
std::string ExplainFlag(const Study& study, const QualityFlag& flag, const std::string& language);

// A comment as the repeated-comment rule compares it: lower case (ASCII and
// the Nordic letters), runs of white space as one space, trimmed.
std::string NormalizeComment(std::string_view text);

}  // namespace cx::domain
