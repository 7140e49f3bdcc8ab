// The study definition in SQLite: one row per entity, JSON for value objects.
#include <soci/soci.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "core/civil_time.h"
#include "store/json_codec.h"
#include "store/row_check.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {

using domain::Study;

namespace {

void InsertStudy(soci::session& sql, const Study& study) {
  const std::string languages = EncodeStrings(study.languages);
  const std::string start = Date{study.period.start}.ToString();
  const std::string end = Date{study.period.end}.ToString();
  const std::string results_from(domain::ToString(study.results_from));
  const std::string contradictions = EncodeContradictions(study.contradictions);
  sql << "INSERT INTO study (id, name, year, languages, period_start, period_end, time_zone, "
         "contacts_per_participant, max_channels_per_participant, min_contacts_for_ranking, "
         "results_from, contradictions) "
         "VALUES (:id, :name, :year, :languages, :start, :end, :tz, :contacts, :max_channels, "
         ":min_contacts, :results_from, :contradictions)",
      soci::use(study.id), soci::use(study.name), soci::use(study.year), soci::use(languages),
      soci::use(start), soci::use(end), soci::use(study.period.time_zone),
      soci::use(study.contacts_per_participant), soci::use(study.max_channels_per_participant),
      soci::use(study.min_contacts_for_ranking), soci::use(results_from), soci::use(contradictions);
}

void InsertChannels(soci::session& sql, const Study& study) {
  for (const auto& spec : study.channels) {
    const std::string channel(domain::ToString(spec.channel));
    const std::string hours = EncodeHours(spec.hours);
    const std::string table = EncodeWaitTable(spec.wait_table);
    sql << "INSERT INTO channel (study_id, channel, share, priority, hours, max_wait_s, "
           "wait_table, max_attempts) VALUES (:study, :channel, :share, :priority, :hours, "
           ":max_wait, :table, :max_attempts)",
        soci::use(study.id), soci::use(channel), soci::use(spec.share), soci::use(spec.priority),
        soci::use(hours), soci::use(spec.max_wait_seconds), soci::use(table),
        soci::use(spec.max_attempts);
  }
}

void InsertIndustries(soci::session& sql, const Study& study) {
  int position = 0;
  for (const auto& industry : study.industries) {
    const std::string name = EncodeText(industry.name);
    sql << "INSERT INTO industry VALUES (:study, :id, :name, :position)", soci::use(study.id),
        soci::use(industry.id), soci::use(name), soci::use(position++);
  }
}

void InsertScenarios(soci::session& sql, const Study& study) {
  int position = 0;
  for (const auto& industry : study.industries) {
    for (const auto& scenario : industry.scenarios) {
      const std::string title = EncodeText(scenario.title);
      const std::string script = EncodeText(scenario.script);
      const std::string channels = EncodeChannels(scenario.channels);
      const std::string profile = EncodeProfile(scenario.profile);
      sql << "INSERT INTO scenario VALUES (:study, :id, :industry, :title, :script, :channels, "
             ":profile, :position)",
          soci::use(study.id), soci::use(scenario.id), soci::use(industry.id), soci::use(title),
          soci::use(script), soci::use(channels), soci::use(profile), soci::use(position++);
    }
  }
}

// The participants and their channel audits.
void InsertParticipants(soci::session& sql, const Study& study) {
  // Prepared once: a study may have hundreds of participants.
  std::string id, name, company, industry, language;
  int size = 0;
  int position = 0;
  soci::statement insert =
      (sql.prepare << "INSERT INTO participant VALUES (:study, :id, :name, :company, :industry, "
                      ":size, :language, :position)",
       soci::use(study.id), soci::use(id), soci::use(name), soci::use(company), soci::use(industry),
       soci::use(size), soci::use(language), soci::use(position));
  std::string channel, ease, reach;
  int offered = 0;
  soci::indicator ease_ind = soci::i_ok;
  soci::statement insert_audit =
      (sql.prepare << "INSERT INTO channel_audit (study_id, participant_id, channel, offered, "
                      "ease, reach) VALUES (:study, :participant, :channel, :offered, :ease, "
                      ":reach)",
       soci::use(study.id), soci::use(id), soci::use(channel), soci::use(offered),
       soci::use(ease, ease_ind), soci::use(reach));
  for (const auto& participant : study.participants) {
    id = participant.id;
    name = participant.name;
    company = participant.company;
    industry = participant.industry;
    size = participant.size;
    language = participant.language;
    insert.execute(true);
    ++position;
    for (const auto& audit : participant.audit) {
      channel = std::string(domain::ToString(audit.channel));
      offered = audit.offered ? 1 : 0;
      ease = audit.ease ? std::string(domain::ToString(*audit.ease)) : std::string();
      ease_ind = audit.ease ? soci::i_ok : soci::i_null;
      reach = audit.reach;
      insert_audit.execute(true);
    }
  }
}

void InsertAreas(soci::session& sql, const Study& study) {
  int position = 0;
  for (const auto& area : study.areas) {
    const std::string label = EncodeText(area.label);
    const double weight = area.weight.value_or(0);
    soci::indicator weight_ind = area.weight ? soci::i_ok : soci::i_null;
    const int scored = area.scored ? 1 : 0;
    const int wait_time = area.wait_time ? 1 : 0;
    sql << "INSERT INTO area VALUES (:study, :id, :label, :weight, :scored, :wait, :position)",
        soci::use(study.id), soci::use(area.id), soci::use(label), soci::use(weight, weight_ind),
        soci::use(scored), soci::use(wait_time), soci::use(position++);
  }
}

// The questions and their options.
void InsertQuestions(soci::session& sql, const Study& study) {
  int position = 0;
  for (const auto& question : study.questions) {
    const std::string type(domain::ToString(question.type));
    const std::string label = EncodeText(question.label);
    const int good_yes = question.good_answer_yes ? 1 : 0;
    const std::string channels = EncodeChannels(question.channels);
    const int allow_na = question.allow_na ? 1 : 0;
    const int required = question.required ? 1 : 0;
    const std::string relevance = question.relevance ? EncodeRelevance(*question.relevance) : "";
    soci::indicator relevance_ind = question.relevance ? soci::i_ok : soci::i_null;
    const std::string reference(domain::ToString(question.reference));
    sql << "INSERT INTO question VALUES (:study, :id, :area, :type, :label, :points, :min, :max, "
           ":good_yes, :channels, :na, :required, :relevance, :reference, :position)",
        soci::use(study.id), soci::use(question.id), soci::use(question.area), soci::use(type),
        soci::use(label), soci::use(question.points), soci::use(question.scale_min),
        soci::use(question.scale_max), soci::use(good_yes), soci::use(channels),
        soci::use(allow_na), soci::use(required), soci::use(relevance, relevance_ind),
        soci::use(reference), soci::use(position++);
    int option_position = 0;
    for (const auto& option : question.options) {
      const std::string option_label = EncodeText(option.label);
      sql << "INSERT INTO question_option VALUES (:study, :question, :id, :label, :points, "
             ":position)",
          soci::use(study.id), soci::use(question.id), soci::use(option.id),
          soci::use(option_label), soci::use(option.points), soci::use(option_position++);
    }
  }
}

}  // namespace

void SqliteStore::InsertStudyRows(const Study& study) {
  soci::session& sql = *sql_;
  InsertStudy(sql, study);
  InsertChannels(sql, study);
  InsertIndustries(sql, study);
  InsertScenarios(sql, study);
  InsertParticipants(sql, study);
  InsertAreas(sql, study);
  InsertQuestions(sql, study);
}

Status SqliteStore::SaveStudy(const Study& study, bool replace) {
  try {
    soci::transaction transaction(*sql_);
    int existing = 0;
    *sql_ << "SELECT count(*) FROM study WHERE id = :id", soci::use(study.id), soci::into(existing);
    if (existing > 0) {
      if (!replace) {
        return Conflict(
            Msg("study '{1}' is in the database already (use --replace to overwrite "
                "it and its fieldwork)",
                study.id));
      }
      *sql_ << "DELETE FROM study WHERE id = :id", soci::use(study.id);
    }
    InsertStudyRows(study);
    InsertChangeLog(study.id, {"", "cxbench", "study", study.id, "", "",
                               replace && existing ? "replaced" : "loaded", ""});
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot save study '" + study.id + "': " + std::string(error.what()));
  }
  return Ok();
}

Status SqliteStore::SaveChannelAuditWithLog(const std::string& study_id,
                                            const std::string& participant_id,
                                            const std::vector<domain::ChannelAudit>& audit,
                                            const std::vector<domain::ChangeRecord>& entries) {
  try {
    soci::transaction transaction(*sql_);
    int existing = 0;
    *sql_ << "SELECT count(*) FROM participant WHERE study_id = :study AND id = :id",
        soci::use(study_id), soci::use(participant_id), soci::into(existing);
    if (existing == 0)
      return NotFound(Msg("no participant '{1}' in study '{2}'", participant_id, study_id));
    *sql_ << "DELETE FROM channel_audit WHERE study_id = :study AND participant_id = :id",
        soci::use(study_id), soci::use(participant_id);
    std::string channel, ease, reach;
    int offered = 0;
    soci::indicator ease_ind = soci::i_ok;
    soci::statement insert =
        (sql_->prepare << "INSERT INTO channel_audit (study_id, participant_id, channel, "
                          "offered, ease, reach) VALUES (:study, :participant, :channel, "
                          ":offered, :ease, :reach)",
         soci::use(study_id), soci::use(participant_id), soci::use(channel), soci::use(offered),
         soci::use(ease, ease_ind), soci::use(reach));
    for (const auto& item : audit) {
      channel = std::string(domain::ToString(item.channel));
      offered = item.offered ? 1 : 0;
      ease = item.ease ? std::string(domain::ToString(*item.ease)) : std::string();
      ease_ind = item.ease ? soci::i_ok : soci::i_null;
      reach = item.reach;
      insert.execute(true);
    }
    for (const auto& entry : entries) InsertChangeLog(study_id, entry);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot save the channel audit of participant '" + participant_id +
                   "' (nothing was written): " + std::string(error.what()));
  }
  return Ok();
}

namespace {

constexpr std::string_view kChannels = "phone, email_form, chat, messenger";
constexpr std::string_view kEases = "easy, moderate, hard";
constexpr std::string_view kQuestionTypes =
    "yes_no, scale, choice, nps, csat, ces, duration, number, text";
constexpr std::string_view kReferenceFlags = "none, welcome, valued, would_buy";
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr long long kMaxCount = std::numeric_limits<int>::max();

std::string Key(const std::string& a, const std::string& b) { return a + "/" + b; }
std::string Key(const std::string& a, const std::string& b, const std::string& c) {
  return a + "/" + b + "/" + c;
}

// "YYYY-MM-DD" naming a real date.
std::chrono::year_month_day CheckedDate(RowCheck& check, const std::string& field,
                                        const std::string& text) {
  if (const auto date = Date::Parse(text)) return date->ymd();
  check.Fault(field, "a date YYYY-MM-DD, found " + RowCheck::Quote(text));
  return {};
}

}  // namespace

Result<domain::Study> SqliteStore::LoadStudy(const std::string& study_id) {
  auto checked = LoadStudyChecked(study_id);
  if (!checked) return checked.error();
  // The study's own row holds what every other part needs (its period, its
  // languages): without it there is no study to show.
  for (const auto& fault : checked->corrupt) {
    if (fault.table == "study") return fault.ToError();
  }
  return std::move(checked->good);
}

Result<Checked<domain::Study>> SqliteStore::LoadStudyChecked(const std::string& study_id) {
  Checked<Study> checked;
  try {
    auto found = ReadStudy(study_id, checked.corrupt);
    if (!found) return found.error();
    checked.good = std::move(*found);
  } catch (const std::exception& error) {
    return IoError("cannot read study '" + study_id + "': " + std::string(error.what()));
  }
  return checked;
}

namespace {

// The study's own row; false when there is none.
bool ReadStudyRow(soci::session& sql, const std::string& study_id, Study& study,
                  std::vector<CorruptRow>& corrupt) {
  std::string languages, start, end, year_type, contacts_type, channels_type, min_type;
  std::string results_from, contradictions;
  long long year = 0, contacts = 0, max_channels = 0, min_contacts = 0;
  soci::indicator found = soci::i_null;
  sql << "SELECT id, name, year, typeof(year), languages, period_start, period_end, time_zone, "
         "contacts_per_participant, typeof(contacts_per_participant), "
         "max_channels_per_participant, typeof(max_channels_per_participant), "
         "min_contacts_for_ranking, typeof(min_contacts_for_ranking), results_from, "
         "contradictions FROM study WHERE id = :id",
      soci::use(study_id), soci::into(study.id, found), soci::into(study.name), soci::into(year),
      soci::into(year_type), soci::into(languages), soci::into(start), soci::into(end),
      soci::into(study.period.time_zone), soci::into(contacts), soci::into(contacts_type),
      soci::into(max_channels), soci::into(channels_type), soci::into(min_contacts),
      soci::into(min_type), soci::into(results_from), soci::into(contradictions);
  if (!sql.got_data()) return false;
  RowCheck check("study", study_id);
  study.year = static_cast<int>(check.Integer("year", year, year_type, 1900, 9999));
  study.languages = check.Json("languages", languages, DecodeStrings, "list of language codes");
  // Every label and report falls back to the first language.
  if (check.ok() && study.languages.empty()) {
    check.Fault("languages", "at least one language, found []");
  }
  study.period.start = CheckedDate(check, "period_start", start);
  study.period.end = CheckedDate(check, "period_end", end);
  study.contacts_per_participant = static_cast<int>(
      check.Integer("contacts_per_participant", contacts, contacts_type, 0, kMaxCount));
  study.max_channels_per_participant = static_cast<int>(
      check.Integer("max_channels_per_participant", max_channels, channels_type, 0, kMaxCount));
  study.min_contacts_for_ranking = static_cast<int>(
      check.Integer("min_contacts_for_ranking", min_contacts, min_type, 0, kMaxCount));
  study.results_from =
      check.Enum("results_from", results_from, domain::ParseResultsFrom,
                 "approved_and_in_qa, approved_only", domain::ResultsFrom::kApprovedAndInQa);
  study.contradictions =
      check.Json("contradictions", contradictions, DecodeContradictions, "list of {id, if, and}");
  check.MoveTo(corrupt);
  return true;
}

void ReadChannels(soci::session& sql, const std::string& study_id, Study& study,
                  std::vector<CorruptRow>& corrupt) {
  std::string channel, hours, table, share_type, priority_type, wait_type, attempts_type;
  double share = 0, max_wait = 0;
  long long priority = 0, max_attempts = 1;
  soci::statement select =
      (sql.prepare << "SELECT channel, share, typeof(share), priority, typeof(priority), hours, "
                      "max_wait_s, typeof(max_wait_s), wait_table, max_attempts, "
                      "typeof(max_attempts) FROM channel WHERE study_id = :study ORDER BY "
                      "priority, channel",
       soci::use(study_id), soci::into(channel), soci::into(share), soci::into(share_type),
       soci::into(priority), soci::into(priority_type), soci::into(hours), soci::into(max_wait),
       soci::into(wait_type), soci::into(table), soci::into(max_attempts),
       soci::into(attempts_type));
  select.execute();
  while (select.fetch()) {
    RowCheck check("channel", Key(study_id, channel));
    domain::ChannelSpec spec;
    spec.channel =
        check.Enum("channel", channel, domain::ParseChannel, kChannels, domain::Channel::kPhone);
    spec.share = check.Number("share", share, share_type, false, 0, kInf).value_or(0);
    spec.priority =
        static_cast<int>(check.Integer("priority", priority, priority_type, -kMaxCount, kMaxCount));
    spec.hours = check.Json("hours", hours, DecodeHours, "{weekdays, open_minute, close_minute}");
    spec.max_wait_seconds =
        check.Number("max_wait_s", max_wait, wait_type, false, 0, kInf).value_or(0);
    spec.wait_table = check.Json("wait_table", table, DecodeWaitTable, "[[seconds, share], ...]");
    spec.max_attempts =
        static_cast<int>(check.Integer("max_attempts", max_attempts, attempts_type, 1, kMaxCount));
    if (check.ok()) study.channels.push_back(spec);
    check.MoveTo(corrupt);
  }
  // Keep the file's order (enum order) rather than priority order.
  std::sort(study.channels.begin(), study.channels.end(),
            [](const auto& a, const auto& b) { return a.channel < b.channel; });
}

void ReadIndustries(soci::session& sql, const std::string& study_id, Study& study,
                    std::vector<CorruptRow>& corrupt) {
  std::string id, name;
  soci::statement select = (sql.prepare << "SELECT id, name FROM industry WHERE study_id = "
                                           ":study ORDER BY position",
                            soci::use(study_id), soci::into(id), soci::into(name));
  select.execute();
  while (select.fetch()) {
    RowCheck check("industry", Key(study_id, id));
    auto text = check.Json("name", name, DecodeText, "{language: text}");
    if (check.ok()) study.industries.push_back({id, std::move(text), {}});
    check.MoveTo(corrupt);
  }
}

// Each scenario goes to its industry, read before it.
void ReadScenarios(soci::session& sql, const std::string& study_id, Study& study,
                   std::vector<CorruptRow>& corrupt) {
  std::string id, industry, title, script, channels, profile;
  soci::statement select =
      (sql.prepare << "SELECT id, industry_id, title, script, channels, profile FROM scenario "
                      "WHERE study_id = :study ORDER BY position",
       soci::use(study_id), soci::into(id), soci::into(industry), soci::into(title),
       soci::into(script), soci::into(channels), soci::into(profile));
  select.execute();
  while (select.fetch()) {
    RowCheck check("scenario", Key(study_id, id));
    domain::Scenario scenario{id, check.Json("title", title, DecodeText, "{language: text}"),
                              check.Json("script", script, DecodeText, "{language: text}"),
                              check.Json("channels", channels, DecodeChannels,
                                         "list of channels (" + std::string(kChannels) + ")"),
                              check.Json("profile", profile, DecodeProfile, "{age_bands, gender}")};
    domain::Industry* owner = nullptr;
    for (auto& item : study.industries) {
      if (item.id == industry) owner = &item;
    }
    check.Reference("industry_id", industry, owner != nullptr, "industry");
    if (check.ok()) owner->scenarios.push_back(std::move(scenario));
    check.MoveTo(corrupt);
  }
}

void ReadAreas(soci::session& sql, const std::string& study_id, Study& study,
               std::vector<CorruptRow>& corrupt) {
  std::string id, label, weight_type, scored_type, wait_type;
  double weight = 0;
  soci::indicator weight_ind = soci::i_null;  // NULL: shares the rest by points
  int scored = 0, wait_time = 0;
  soci::statement select =
      (sql.prepare << "SELECT id, label, weight, typeof(weight), scored, typeof(scored), "
                      "wait_time, typeof(wait_time) FROM area WHERE study_id = :study ORDER BY "
                      "position",
       soci::use(study_id), soci::into(id), soci::into(label), soci::into(weight, weight_ind),
       soci::into(weight_type), soci::into(scored), soci::into(scored_type), soci::into(wait_time),
       soci::into(wait_type));
  select.execute();
  while (select.fetch()) {
    RowCheck check("area", Key(study_id, id));
    domain::Area area{id, check.Json("label", label, DecodeText, "{language: text}"),
                      check.Number("weight", weight, weight_type, true, 0, kInf),
                      check.Flag("scored", scored, scored_type),
                      check.Flag("wait_time", wait_time, wait_type)};
    if (check.ok()) study.areas.push_back(std::move(area));
    check.MoveTo(corrupt);
  }
}

}  // namespace

// Reads the study's rows; each row that breaks a rule is left out, with its
// faults added to `corrupt`. Throws on a database error.
Result<Study> SqliteStore::ReadStudy(const std::string& study_id,
                                     std::vector<CorruptRow>& corrupt) {
  Study study;
  soci::session& sql = *sql_;
  if (!ReadStudyRow(sql, study_id, study, corrupt)) {
    return NotFound(Msg("no study '{1}' in the database", study_id));
  }
  ReadChannels(sql, study_id, study, corrupt);
  ReadIndustries(sql, study_id, study, corrupt);
  ReadScenarios(sql, study_id, study, corrupt);
  ReadParticipants(study, corrupt);
  ReadAreas(sql, study_id, study, corrupt);
  ReadQuestions(study, corrupt);
  return study;
}

void SqliteStore::ReadParticipants(Study& study, std::vector<CorruptRow>& corrupt) {
  soci::session& sql = *sql_;
  const std::string& study_id = study.id;
  {
    domain::Participant row;
    std::string size_type;
    long long size = 0;
    soci::statement select =
        (sql.prepare << "SELECT id, name, company, industry_id, size, typeof(size), language FROM "
                        "participant WHERE study_id = :study ORDER BY position",
         soci::use(study_id), soci::into(row.id), soci::into(row.name), soci::into(row.company),
         soci::into(row.industry), soci::into(size), soci::into(size_type),
         soci::into(row.language));
    select.execute();
    while (select.fetch()) {
      RowCheck check("participant", Key(study_id, row.id));
      domain::Participant participant = row;
      participant.size = static_cast<int>(check.Integer("size", size, size_type, 0, kMaxCount));
      const bool industry_found =
          std::any_of(study.industries.begin(), study.industries.end(),
                      [&](const domain::Industry& item) { return item.id == row.industry; });
      check.Reference("industry_id", row.industry, industry_found, "industry");
      if (check.ok()) study.participants.push_back(std::move(participant));
      check.MoveTo(corrupt);
    }
  }
  std::map<std::string, domain::Participant*> by_id;
  for (auto& participant : study.participants) by_id[participant.id] = &participant;
  std::set<std::string> all_ids;
  {
    std::string id;
    soci::statement select = (sql.prepare << "SELECT id FROM participant WHERE study_id = :study",
                              soci::use(study_id), soci::into(id));
    select.execute();
    while (select.fetch()) all_ids.insert(id);
  }
  std::string participant, channel, ease, offered_type, reach;
  int offered = 0;
  soci::indicator ease_ind = soci::i_null;
  soci::statement audits =
      (sql.prepare << "SELECT participant_id, channel, offered, typeof(offered), ease, reach FROM "
                      "channel_audit WHERE study_id = :study ORDER BY participant_id, channel",
       soci::use(study_id), soci::into(participant), soci::into(channel), soci::into(offered),
       soci::into(offered_type), soci::into(ease, ease_ind), soci::into(reach));
  audits.execute();
  while (audits.fetch()) {
    RowCheck check("channel_audit", Key(study_id, participant, channel));
    domain::ChannelAudit audit;
    audit.channel =
        check.Enum("channel", channel, domain::ParseChannel, kChannels, domain::Channel::kPhone);
    audit.offered = check.Flag("offered", offered, offered_type);
    audit.reach = reach;
    if (ease_ind == soci::i_ok) {
      audit.ease = check.Enum("ease", ease, domain::ParseEase, kEases, domain::Ease::kEasy);
    }
    const auto owner = by_id.find(participant);
    // The audit of a participant left out as corrupt goes with it, unreported;
    // one of a participant that is not there at all is a dangling row.
    if (owner == by_id.end() && all_ids.count(participant) == 0) {
      check.Reference("participant_id", participant, false, "participant");
    }
    if (check.ok() && owner != by_id.end()) owner->second->audit.push_back(audit);
    check.MoveTo(corrupt);
  }
  for (auto& item : study.participants) {
    std::sort(item.audit.begin(), item.audit.end(),
              [](const auto& a, const auto& b) { return a.channel < b.channel; });
  }
}

void SqliteStore::ReadQuestions(Study& study, std::vector<CorruptRow>& corrupt) {
  soci::session& sql = *sql_;
  const std::string& study_id = study.id;
  std::set<std::string> all_ids;
  {
    domain::Question row;
    std::string type, label, channels, relevance, reference, points_type, min_type, max_type,
        good_type, na_type, required_type;
    double points = 0, scale_min = 0, scale_max = 0;
    int good_yes = 1, allow_na = 0, required = 1;
    soci::indicator relevance_ind = soci::i_null;
    soci::statement select =
        (sql.prepare << "SELECT id, area_id, type, label, points, typeof(points), scale_min, "
                        "typeof(scale_min), scale_max, typeof(scale_max), good_answer_yes, "
                        "typeof(good_answer_yes), channels, allow_na, typeof(allow_na), required, "
                        "typeof(required), relevance, reference FROM question WHERE study_id = "
                        ":study ORDER BY position",
         soci::use(study_id), soci::into(row.id), soci::into(row.area), soci::into(type),
         soci::into(label), soci::into(points), soci::into(points_type), soci::into(scale_min),
         soci::into(min_type), soci::into(scale_max), soci::into(max_type), soci::into(good_yes),
         soci::into(good_type), soci::into(channels), soci::into(allow_na), soci::into(na_type),
         soci::into(required), soci::into(required_type), soci::into(relevance, relevance_ind),
         soci::into(reference));
    select.execute();
    while (select.fetch()) {
      all_ids.insert(row.id);
      RowCheck check("question", Key(study_id, row.id));
      domain::Question question = row;
      question.type = check.Enum("type", type, domain::ParseQuestionType, kQuestionTypes,
                                 domain::QuestionType::kText);
      question.label = check.Json("label", label, DecodeText, "{language: text}");
      question.points = check.Number("points", points, points_type, false, 0, kInf).value_or(0);
      question.scale_min =
          check.Number("scale_min", scale_min, min_type, false, -kInf, kInf).value_or(0);
      question.scale_max =
          check.Number("scale_max", scale_max, max_type, false, -kInf, kInf).value_or(0);
      question.good_answer_yes = check.Flag("good_answer_yes", good_yes, good_type);
      question.channels = check.Json("channels", channels, DecodeChannels,
                                     "list of channels (" + std::string(kChannels) + ")");
      question.allow_na = check.Flag("allow_na", allow_na, na_type);
      question.required = check.Flag("required", required, required_type);
      if (relevance_ind == soci::i_ok) {
        question.relevance =
            check.Json("relevance", relevance, DecodeRelevance, "{question, values, negate}");
      }
      question.reference = check.Enum("reference", reference, domain::ParseReferenceFlag,
                                      kReferenceFlags, domain::ReferenceFlag::kNone);
      const bool area_found =
          std::any_of(study.areas.begin(), study.areas.end(),
                      [&](const domain::Area& area) { return area.id == row.area; });
      check.Reference("area_id", row.area, area_found, "area");
      if (check.ok()) study.questions.push_back(std::move(question));
      check.MoveTo(corrupt);
    }
  }
  std::string question_id, id, option_label, points_type;
  double points = 0;
  soci::statement options =
      (sql.prepare << "SELECT question_id, id, label, points, typeof(points) FROM question_option "
                      "WHERE study_id = :study ORDER BY question_id, position",
       soci::use(study_id), soci::into(question_id), soci::into(id), soci::into(option_label),
       soci::into(points), soci::into(points_type));
  options.execute();
  while (options.fetch()) {
    RowCheck check("question_option", Key(study_id, question_id, id));
    domain::ChoiceOption option{
        id, check.Json("label", option_label, DecodeText, "{language: text}"),
        check.Number("points", points, points_type, false, -kInf, kInf).value_or(0)};
    domain::Question* owner = nullptr;
    for (auto& question : study.questions) {
      if (question.id == question_id) owner = &question;
    }
    if (owner == nullptr && all_ids.count(question_id) == 0) {
      check.Reference("question_id", question_id, false, "question");
    }
    if (check.ok() && owner != nullptr) owner->options.push_back(std::move(option));
    check.MoveTo(corrupt);
  }
}

Result<std::vector<StudySummary>> SqliteStore::ListStudies() {
  std::vector<StudySummary> studies;
  try {
    StudySummary row;
    soci::statement select =
        (sql_->prepare << "SELECT s.id, s.name, s.year, "
                          "(SELECT count(*) FROM participant p WHERE p.study_id = s.id), "
                          "(SELECT count(*) FROM contact c WHERE c.study_id = s.id) "
                          "FROM study s ORDER BY s.year DESC, s.id",
         soci::into(row.id), soci::into(row.name), soci::into(row.year),
         soci::into(row.participants), soci::into(row.contacts));
    select.execute();
    while (select.fetch()) studies.push_back(row);
  } catch (const std::exception& error) {
    return IoError("cannot list studies: " + std::string(error.what()));
  }
  return studies;
}

}  // namespace cx::store
