#include "domain/quality_flags.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

#include "core/civil_time.h"
#include "core/time_zone.h"
#include "domain/relevance.h"

namespace cx::domain {
namespace {

constexpr std::array<std::string_view, 6> kCodeIds = {
    "contradiction",    "fast_questionnaire",     "wait_out_of_range",
    "repeated_comment", "outside_planned_window", "answers_before_answered"};

bool Reported(const Contact& contact) {
  return contact.status == ContactStatus::kSubmitted || contact.status == ContactStatus::kApproved;
}

// Seconds from `from` to `to` (UTC texts the store holds); nullopt when either is malformed.
std::optional<double> Seconds(const std::string& from, const std::string& to) {
  const auto a = UtcInstant::Parse(from);
  const auto b = UtcInstant::Parse(to);
  if (!a || !b) return std::nullopt;
  return static_cast<double>((*b - *a).count()) / 1000.0;
}

std::string Whole(double value) { return std::to_string(std::llround(value)); }

// Answers the app measures (the wait-time area) are saved while waiting by
// design; every other answer describes the conversation.
bool MeasuredOrAboutTheWait(const Study& study, const std::string& question_id) {
  const Question* question = study.FindQuestion(question_id);
  if (question == nullptr) return true;
  const Area* area = study.FindArea(question->area);
  return area != nullptr && area->wait_time;
}

// --- the rules, one function each ---------------------------------------

bool ConditionHolds(const Study& study, const FlagCondition& condition, const Contact& contact) {
  if (condition.question.empty()) {
    const std::string responder(ToString(contact.responder));
    return std::find(condition.values.begin(), condition.values.end(), responder) !=
           condition.values.end();
  }
  const Question* question = study.FindQuestion(condition.question);
  const Answer* answer = contact.FindAnswer(condition.question);
  if (question == nullptr || answer == nullptr || answer->not_applicable) return false;
  return AnswerIsOneOf(*question, *answer, condition.values);
}

std::string ConditionValue(const FlagCondition& condition, const Contact& contact) {
  if (condition.question.empty()) return std::string(ToString(contact.responder));
  return AnswerText(contact.FindAnswer(condition.question));
}

std::string ConditionField(const FlagCondition& condition) {
  return condition.question.empty() ? "responder" : "answer:" + condition.question;
}

void CheckContradictions(const Study& study, const Contact& contact,
                         std::vector<QualityFlag>& flags) {
  for (const Contradiction& rule : study.contradictions) {
    if (!ConditionHolds(study, rule.first, contact) || !ConditionHolds(study, rule.second, contact))
      continue;
    flags.push_back({FlagCode::kContradiction,
                     {{"rule", rule.id},
                      {"first_question", rule.first.question},
                      {"first_value", ConditionValue(rule.first, contact)},
                      {"second_question", rule.second.question},
                      {"second_value", ConditionValue(rule.second, contact)}},
                     {ConditionField(rule.first), ConditionField(rule.second)}});
  }
}

// Fill time: from the first answer saved to the submission.
std::optional<double> FillSeconds(const Contact& contact, const Timelines& timelines) {
  const auto found = timelines.find(contact.id);
  if (found == timelines.end() || found->second.first_answer_at.empty() ||
      found->second.sent_late) {
    return std::nullopt;
  }
  const auto seconds = Seconds(found->second.first_answer_at, contact.submitted_at);
  if (!seconds || *seconds < 0) return std::nullopt;
  return seconds;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// Per contact id, the fill time; per shopper, the contact ids with one.
struct Paces {
  std::map<std::string, double> fill;
  std::map<std::string, std::vector<std::string>> by_shopper;
};

Paces CollectPaces(const std::vector<const Contact*>& reported, const Timelines& timelines) {
  Paces paces;
  for (const Contact* contact : reported) {
    if (const auto seconds = FillSeconds(*contact, timelines)) {
      paces.fill[contact->id] = *seconds;
      paces.by_shopper[contact->shopper].push_back(contact->id);
    }
  }
  return paces;
}

void CheckPace(const Contact& contact, const Paces& paces, const FlagThresholds& thresholds,
               std::vector<QualityFlag>& flags) {
  const auto own = paces.fill.find(contact.id);
  if (own == paces.fill.end()) return;
  // "Usual": the median of the shopper's other reports, so one report cannot
  // set its own standard, and only once there are enough of them.
  std::vector<double> others;
  for (const auto& id : paces.by_shopper.at(contact.shopper)) {
    if (id != contact.id) others.push_back(paces.fill.at(id));
  }
  if (static_cast<int>(others.size()) < thresholds.fast_min_reports) return;
  const double usual = Median(others);
  if (own->second >= usual * thresholds.fast_share_of_median) return;
  flags.push_back({FlagCode::kFastQuestionnaire,
                   {{"fill_s", Whole(own->second)},
                    {"usual_s", Whole(usual)},
                    {"reports", std::to_string(others.size())}},
                   {"submitted_at"}});
}

void CheckWait(const Study& study, const Contact& contact, const FlagThresholds& thresholds,
               std::vector<QualityFlag>& flags) {
  if (!contact.wait_seconds) return;
  const double wait = *contact.wait_seconds;
  const ChannelSpec* spec = study.FindChannel(contact.channel);
  const double max_wait = spec != nullptr ? spec->max_wait_seconds : 0;
  const bool negative = wait < 0;
  const bool far_beyond = max_wait > 0 && wait > thresholds.wait_max_factor * max_wait;
  if (!negative && !far_beyond) return;
  flags.push_back({FlagCode::kWaitOutOfRange,
                   {{"wait_s", Whole(wait)}, {"max_s", Whole(max_wait)}},
                   {"wait_s", "answered_at"}});
}

// Normalised comment -> the reports (ids, in id order) and areas that hold it.
using CommentIndex = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

CommentIndex IndexComments(const std::vector<const Contact*>& reported,
                           const FlagThresholds& thresholds) {
  CommentIndex index;
  for (const Contact* contact : reported) {
    for (const Comment& comment : contact->comments) {
      const std::string text = NormalizeComment(comment.text);
      if (text.size() < thresholds.comment_min_chars) continue;
      // One entry per report and text: a report's comments come together,
      // so a repeat within it is the list's last entry.
      auto& reports = index[text];
      if (reports.empty() || reports.back().first != contact->id)
        reports.emplace_back(contact->id, comment.area);
    }
  }
  return index;
}

void CheckComments(const Contact& contact, const CommentIndex& index,
                   const FlagThresholds& thresholds, std::vector<QualityFlag>& flags) {
  std::set<std::string> areas_done;
  for (const Comment& comment : contact.comments) {
    const std::string text = NormalizeComment(comment.text);
    if (text.size() < thresholds.comment_min_chars || !areas_done.insert(comment.area).second)
      continue;
    // The text's reports hold this one once (IndexComments), so the others
    // are counted without a scan: a study's stock phrase may stand in
    // thousands of reports.
    const auto& reports = index.at(text);
    const size_t count = reports.size() - 1;
    if (count == 0) continue;
    std::string named;
    size_t shown = 0;
    for (size_t item = 0; item < reports.size() && shown < 3; ++item) {
      if (reports[item].first == contact.id) continue;
      named += (shown++ ? ", " : "") + reports[item].first;
    }
    if (count > 3) named += ", …";
    flags.push_back({FlagCode::kRepeatedComment,
                     {{"area", comment.area}, {"count", std::to_string(count)}, {"others", named}},
                     {"comment:" + comment.area}});
  }
}

void CheckWindow(const Study& study, const std::optional<TimeZone>& zone, const Contact& contact,
                 const FlagThresholds& thresholds, std::vector<QualityFlag>& flags) {
  const auto planned = LocalDateTime::Parse(contact.planned_at);
  const auto started = UtcInstant::Parse(contact.started_at);
  if (!zone || !planned || !started) return;
  // The planned window is the planned hour, cut at the channel's closing
  // (docs/planning.md, "Export"), with some grace either side.
  int end_minute = planned->minute_of_day + 60;
  if (const ChannelSpec* spec = study.FindChannel(contact.channel))
    end_minute =
        std::max(planned->minute_of_day + 1, std::min(end_minute, spec->hours.close_minute));
  const UtcInstant window_start = zone->ToUtc(*planned);
  const UtcInstant window_end =
      window_start + std::chrono::minutes{end_minute - planned->minute_of_day};
  const std::chrono::minutes grace{thresholds.window_grace_minutes};
  if (*started >= window_start + (-grace) && *started <= window_end + grace) return;
  // "2026-01-13 17:40" and "2026-01-13 09:00–10:00", in the study's time zone.
  std::string local = zone->ToLocal(*started).ToString();
  std::replace(local.begin(), local.end(), 'T', ' ');
  std::string window = planned->ToString() + "–" + FormatClock(std::min(end_minute, 1440));
  std::replace(window.begin(), window.end(), 'T', ' ');
  flags.push_back({FlagCode::kOutsidePlannedWindow,
                   {{"started", local}, {"window", window}},
                   {"started_at", "planned_at"}});
}

void CheckEarlyAnswers(const Contact& contact, const Timelines& timelines,
                       std::vector<QualityFlag>& flags) {
  const auto found = timelines.find(contact.id);
  if (found == timelines.end() || found->second.early_answer_at.empty()) return;
  const auto before = Seconds(found->second.early_answer_at, contact.answered_at);
  if (!before || *before <= 0) return;
  flags.push_back({FlagCode::kAnswersBeforeAnswered,
                   {{"question", found->second.early_question}, {"seconds", Whole(*before)}},
                   {"answer:" + found->second.early_question, "answered_at"}});
}

// --- the sentences --------------------------------------------------------

struct Phrases {
  const char* contradiction;  // {first} {second}
  const char* responder_person;
  const char* responder_chatbot;
  const char* fast;           // {fill} {usual} {reports}
  const char* wait;           // {wait} {max}
  const char* negative;       // {wait}
  const char* repeated;       // {area} {others}: one other report
  const char* repeated_many;  // {area} {count} {others}
  const char* window;         // {started} {window}
  const char* early;          // {question} {before}
  const char* yes;
  const char* no;
  const char* not_applicable;
};

const Phrases& PhrasesFor(const std::string& language) {
  static const Phrases kNb = {
      "Motstridende svar: {first}, men {second}.",
      "appens knapp sier at et menneske svarte først",
      "appens knapp sier at en chatbot svarte først",
      "Spørreskjemaet ble fylt ut på {fill}; shopperens vanlige tempo er {usual} (median av "
      "{reports} andre rapporter).",
      "Ventetiden {wait} er langt over kanalens maksimum på {max}.",
      "Ventetiden {wait} er negativ: svaret er registrert før kontakten startet.",
      "Kommentaren under «{area}» står ord for ord også i rapport {others}.",
      "Kommentaren under «{area}» står ord for ord også i {count} andre rapporter ({others}).",
      "Kontakten startet {started}, utenfor det planlagte tidsvinduet {window}.",
      "Svaret på «{question}» ble lagret {before} før selskapet svarte.",
      "ja",
      "nei",
      "ikke aktuelt"};
  static const Phrases kSv = {
      "Motstridiga svar: {first}, men {second}.",
      "appens knapp säger att en människa svarade först",
      "appens knapp säger att en chattbot svarade först",
      "Frågeformuläret fylldes i på {fill}; shopparens vanliga tempo är {usual} (median av "
      "{reports} andra rapporter).",
      "Väntetiden {wait} ligger långt över kanalens maximum på {max}.",
      "Väntetiden {wait} är negativ: svaret registrerades innan kontakten startade.",
      "Kommentaren under ”{area}” står ord för ord även i rapport {others}.",
      "Kommentaren under ”{area}” står ord för ord även i {count} andra rapporter ({others}).",
      "Kontakten startade {started}, utanför det planerade tidsfönstret {window}.",
      "Svaret på ”{question}” sparades {before} innan företaget svarade.",
      "ja",
      "nej",
      "ej tillämpligt"};
  static const Phrases kDa = {
      "Modstridende svar: {first}, men {second}.",
      "appens knap siger, at et menneske svarede først",
      "appens knap siger, at en chatbot svarede først",
      "Spørgeskemaet blev udfyldt på {fill}; shopperens sædvanlige tempo er {usual} (median af "
      "{reports} andre rapporter).",
      "Ventetiden {wait} ligger langt over kanalens maksimum på {max}.",
      "Ventetiden {wait} er negativ: svaret er registreret, før kontakten startede.",
      "Kommentaren under »{area}« står ord for ord også i rapport {others}.",
      "Kommentaren under »{area}« står ord for ord også i {count} andre rapporter ({others}).",
      "Kontakten startede {started}, uden for det planlagte tidsvindue {window}.",
      "Svaret på »{question}« blev gemt {before}, før virksomheden svarede.",
      "ja",
      "nej",
      "ikke relevant"};
  static const Phrases kEn = {
      "Contradicting answers: {first}, but {second}.",
      "the app's button says a person answered first",
      "the app's button says a chatbot answered first",
      "The questionnaire was filled in in {fill}; the shopper's usual pace is {usual} (median of "
      "{reports} other reports).",
      "The wait of {wait} is far beyond the channel's maximum of {max}.",
      "The wait of {wait} is negative: the answer was recorded before the contact started.",
      "The comment under \"{area}\" is word for word the same in report {others}.",
      "The comment under \"{area}\" is word for word the same in {count} other reports ({others}).",
      "The contact started at {started}, outside its planned window {window}.",
      "The answer to \"{question}\" was saved {before} before the company answered.",
      "yes",
      "no",
      "not applicable"};
  if (language == "nb") return kNb;
  if (language == "sv") return kSv;
  if (language == "da") return kDa;
  return kEn;
}

std::string Fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    const std::string placeholder = "{" + key + "}";
    for (size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

// "45 s", "12 min", "3 h 20 min", "2 d 4 h": a duration for people.
std::string Duration(const std::string& seconds_text) {
  const long long seconds = std::llabs(std::atoll(seconds_text.c_str()));
  const std::string sign = seconds_text.rfind('-', 0) == 0 ? "-" : "";
  if (seconds < 120) return sign + std::to_string(seconds) + " s";
  const long long minutes = (seconds + 30) / 60;
  if (minutes < 120) return sign + std::to_string(minutes) + " min";
  const long long hours = minutes / 60;
  if (hours < 48)
    return sign + std::to_string(hours) + " h " + std::to_string(minutes % 60) + " min";
  return sign + std::to_string(hours / 24) + " d " + std::to_string(hours % 24) + " h";
}

std::string QuestionLabel(const Study& study, const std::string& id, const std::string& language) {
  const Question* question = study.FindQuestion(id);
  if (question == nullptr) return id;
  const std::string& label = study.TextFor(question->label, language);
  return label.empty() ? id : label;
}

// An answer as the shopper saw it: yes/no in the reader's language, an
// option's label, a number as given.
std::string AnswerShown(const Study& study, const std::string& question_id,
                        const std::string& value, const Phrases& phrases,
                        const std::string& language) {
  const Question* question = study.FindQuestion(question_id);
  if (value == "na") return phrases.not_applicable;
  if (question == nullptr) return value;
  if (question->type == QuestionType::kYesNo) return value == "1" ? phrases.yes : phrases.no;
  if (question->type == QuestionType::kChoice) {
    for (const auto& option : question->options) {
      if (option.id == value) return study.TextFor(option.label, language);
    }
  }
  return value;
}

std::string SideText(const Study& study, const std::string& question, const std::string& value,
                     const Phrases& phrases, const std::string& language) {
  if (question.empty())
    return value == "chatbot" ? phrases.responder_chatbot : phrases.responder_person;
  return "«" + QuestionLabel(study, question, language) +
         "» = " + AnswerShown(study, question, value, phrases, language);
}

std::string Param(const QualityFlag& flag, const std::string& key) {
  const auto found = flag.params.find(key);
  return found == flag.params.end() ? "" : found->second;
}

}  // namespace

std::string_view ToString(FlagCode code) { return kCodeIds[static_cast<size_t>(code)]; }

std::optional<FlagCode> ParseFlagCode(std::string_view id) {
  for (FlagCode code : kAllFlagCodes) {
    if (ToString(code) == id) return code;
  }
  return std::nullopt;
}

std::string NormalizeComment(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t at = 0; at < text.size(); ++at) {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && at + 1 < text.size()) {
      // Æ Ø Å Ä Ö (U+00C0..U+00DE, two bytes 0xC3 0x80..0x9E) to lower case: +0x20.
      unsigned char next = static_cast<unsigned char>(text[++at]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(next);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

Timelines TimelinesFromChangeLog(const Study& study, const std::vector<Contact>& contacts,
                                 const std::vector<ChangeRecord>& log) {
  std::map<std::string, const Contact*> by_id;
  for (const Contact& contact : contacts) by_id[contact.id] = &contact;
  Timelines timelines;
  static constexpr std::string_view kDeviceTime = " (device time)";
  for (const ChangeRecord& record : log) {
    if (record.entity == "contact" && by_id.count(record.entity_id) &&
        record.reason.size() >= kDeviceTime.size() &&
        record.reason.compare(record.reason.size() - kDeviceTime.size(), kDeviceTime.size(),
                              kDeviceTime) == 0) {
      timelines[record.entity_id].sent_late = true;
    }
    if (record.entity != "contact" || record.reason != "draft" ||
        record.field.rfind("answer:", 0) != 0 || record.new_value.empty())
      continue;
    const std::string question = record.field.substr(7);
    if (MeasuredOrAboutTheWait(study, question)) continue;
    const auto contact = by_id.find(record.entity_id);
    if (contact == by_id.end()) continue;
    ContactTimeline& timeline = timelines[record.entity_id];
    // The log is oldest first, so the first record seen is the earliest.
    if (timeline.first_answer_at.empty()) timeline.first_answer_at = record.at;
    const std::string& answered_at = contact->second->answered_at;
    if (timeline.early_answer_at.empty() && !answered_at.empty()) {
      const auto before = Seconds(record.at, answered_at);
      if (before && *before > 0) {
        timeline.early_answer_at = record.at;
        timeline.early_question = question;
      }
    }
  }
  return timelines;
}

std::map<std::string, std::vector<QualityFlag>> ComputeQualityFlags(
    const Study& study, const std::vector<Contact>& contacts, const Timelines& timelines,
    const FlagThresholds& thresholds) {
  std::vector<const Contact*> reported;
  for (const Contact& contact : contacts) {
    if (Reported(contact)) reported.push_back(&contact);
  }
  std::sort(reported.begin(), reported.end(),
            [](const Contact* a, const Contact* b) { return a->id < b->id; });
  const Paces paces = CollectPaces(reported, timelines);
  const CommentIndex comments = IndexComments(reported, thresholds);
  const std::optional<TimeZone> zone = TimeZone::Locate(study.period.time_zone);

  std::map<std::string, std::vector<QualityFlag>> flags;
  for (const Contact* contact : reported) {
    std::vector<QualityFlag> found;
    CheckContradictions(study, *contact, found);
    CheckPace(*contact, paces, thresholds, found);
    CheckWait(study, *contact, thresholds, found);
    CheckComments(*contact, comments, thresholds, found);
    CheckWindow(study, zone, *contact, thresholds, found);
    CheckEarlyAnswers(*contact, timelines, found);
    if (!found.empty()) flags[contact->id] = std::move(found);
  }
  return flags;
}

std::string ExplainFlag(const Study& study, const QualityFlag& flag, const std::string& language) {
  const Phrases& phrases = PhrasesFor(language);
  switch (flag.code) {
    case FlagCode::kContradiction:
      return Fill(phrases.contradiction,
                  {{"first", SideText(study, Param(flag, "first_question"),
                                      Param(flag, "first_value"), phrases, language)},
                   {"second", SideText(study, Param(flag, "second_question"),
                                       Param(flag, "second_value"), phrases, language)}});
    case FlagCode::kFastQuestionnaire:
      return Fill(phrases.fast, {{"fill", Duration(Param(flag, "fill_s"))},
                                 {"usual", Duration(Param(flag, "usual_s"))},
                                 {"reports", Param(flag, "reports")}});
    case FlagCode::kWaitOutOfRange:
      if (Param(flag, "wait_s").rfind('-', 0) == 0)
        return Fill(phrases.negative, {{"wait", Duration(Param(flag, "wait_s"))}});
      return Fill(phrases.wait, {{"wait", Duration(Param(flag, "wait_s"))},
                                 {"max", Duration(Param(flag, "max_s"))}});
    case FlagCode::kRepeatedComment: {
      const Area* area = study.FindArea(Param(flag, "area"));
      const std::string label = area ? study.TextFor(area->label, language) : Param(flag, "area");
      return Fill(
          Param(flag, "count") == "1" ? phrases.repeated : phrases.repeated_many,
          {{"area", label}, {"count", Param(flag, "count")}, {"others", Param(flag, "others")}});
    }
    case FlagCode::kOutsidePlannedWindow:
      return Fill(phrases.window,
                  {{"started", Param(flag, "started")}, {"window", Param(flag, "window")}});
    case FlagCode::kAnswersBeforeAnswered:
      return Fill(phrases.early,
                  {{"question", QuestionLabel(study, Param(flag, "question"), language)},
                   {"before", Duration(Param(flag, "seconds"))}});
  }
  return std::string(ToString(flag.code));
}

}  // namespace cx::domain
