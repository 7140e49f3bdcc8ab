// The study definition in SQLite: one row per entity, JSON for value objects.
#include <soci/soci.h>

#include "store/json_codec.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {

using domain::Study;

void SqliteStore::InsertStudyRows(const Study& study) {
  soci::session& sql = *sql_;
  const std::string languages = EncodeStrings(study.languages);
  const std::string start = FormatDate(study.period.start);
  const std::string end = FormatDate(study.period.end);
  sql << "INSERT INTO study (id, name, year, languages, period_start, period_end, time_zone, "
         "contacts_per_participant, max_channels_per_participant, min_contacts_for_ranking) "
         "VALUES (:id, :name, :year, :languages, :start, :end, :tz, :contacts, :max_channels, "
         ":min_contacts)",
      soci::use(study.id), soci::use(study.name), soci::use(study.year), soci::use(languages),
      soci::use(start), soci::use(end), soci::use(study.period.time_zone),
      soci::use(study.contacts_per_participant), soci::use(study.max_channels_per_participant),
      soci::use(study.min_contacts_for_ranking);

  for (const auto& spec : study.channels) {
    const std::string channel(domain::ToString(spec.channel));
    const std::string hours = EncodeHours(spec.hours);
    const std::string table = EncodeWaitTable(spec.wait_table);
    sql << "INSERT INTO channel VALUES (:study, :channel, :share, :priority, :hours, :max_wait, "
           ":table)",
        soci::use(study.id), soci::use(channel), soci::use(spec.share), soci::use(spec.priority),
        soci::use(hours), soci::use(spec.max_wait_seconds), soci::use(table);
  }

  int position = 0;
  for (const auto& industry : study.industries) {
    const std::string name = EncodeText(industry.name);
    sql << "INSERT INTO industry VALUES (:study, :id, :name, :position)", soci::use(study.id),
        soci::use(industry.id), soci::use(name), soci::use(position++);
  }
  position = 0;
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

  {
    // Prepared once: a study may have hundreds of participants.
    std::string id, name, company, industry, language;
    int size = 0;
    position = 0;
    soci::statement insert =
        (sql.prepare << "INSERT INTO participant VALUES (:study, :id, :name, :company, :industry, "
                        ":size, :language, :position)",
         soci::use(study.id), soci::use(id), soci::use(name), soci::use(company),
         soci::use(industry), soci::use(size), soci::use(language), soci::use(position));
    std::string channel, ease;
    int offered = 0;
    soci::indicator ease_ind = soci::i_ok;
    soci::statement insert_audit =
        (sql.prepare << "INSERT INTO channel_audit VALUES (:study, :participant, :channel, "
                        ":offered, :ease)",
         soci::use(study.id), soci::use(id), soci::use(channel), soci::use(offered),
         soci::use(ease, ease_ind));
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
        insert_audit.execute(true);
      }
    }
  }

  position = 0;
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

  position = 0;
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

Status SqliteStore::SaveStudy(const Study& study, bool replace) {
  try {
    soci::transaction transaction(*sql_);
    int existing = 0;
    *sql_ << "SELECT count(*) FROM study WHERE id = :id", soci::use(study.id), soci::into(existing);
    if (existing > 0) {
      if (!replace) {
        return Conflict("study '" + study.id +
                        "' is in the database already (use --replace to overwrite it and its "
                        "fieldwork)");
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
                                            const std::vector<ChangeLogEntry>& entries) {
  try {
    soci::transaction transaction(*sql_);
    int existing = 0;
    *sql_ << "SELECT count(*) FROM participant WHERE study_id = :study AND id = :id",
        soci::use(study_id), soci::use(participant_id), soci::into(existing);
    if (existing == 0)
      return NotFound("no participant '" + participant_id + "' in study '" + study_id + "'");
    *sql_ << "DELETE FROM channel_audit WHERE study_id = :study AND participant_id = :id",
        soci::use(study_id), soci::use(participant_id);
    std::string channel, ease;
    int offered = 0;
    soci::indicator ease_ind = soci::i_ok;
    soci::statement insert =
        (sql_->prepare << "INSERT INTO channel_audit VALUES (:study, :participant, :channel, "
                          ":offered, :ease)",
         soci::use(study_id), soci::use(participant_id), soci::use(channel), soci::use(offered),
         soci::use(ease, ease_ind));
    for (const auto& item : audit) {
      channel = std::string(domain::ToString(item.channel));
      offered = item.offered ? 1 : 0;
      ease = item.ease ? std::string(domain::ToString(*item.ease)) : std::string();
      ease_ind = item.ease ? soci::i_ok : soci::i_null;
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

Result<domain::Study> SqliteStore::LoadStudy(const std::string& study_id) {
  Study study;
  soci::session& sql = *sql_;
  try {
    std::string languages, start, end;
    soci::indicator found = soci::i_null;
    sql << "SELECT id, name, year, languages, period_start, period_end, time_zone, "
           "contacts_per_participant, max_channels_per_participant, min_contacts_for_ranking "
           "FROM study WHERE id = :id",
        soci::use(study_id), soci::into(study.id, found), soci::into(study.name),
        soci::into(study.year), soci::into(languages), soci::into(start), soci::into(end),
        soci::into(study.period.time_zone), soci::into(study.contacts_per_participant),
        soci::into(study.max_channels_per_participant), soci::into(study.min_contacts_for_ranking);
    if (!sql.got_data()) return NotFound("no study '" + study_id + "' in the database");
    study.languages = DecodeStrings(languages);
    study.period.start = ParseStoredDate(start);
    study.period.end = ParseStoredDate(end);

    {
      domain::ChannelSpec spec;
      std::string channel, hours, table;
      soci::statement select =
          (sql.prepare << "SELECT channel, share, priority, hours, max_wait_s, wait_table FROM "
                          "channel WHERE study_id = :study ORDER BY priority, channel",
           soci::use(study_id), soci::into(channel), soci::into(spec.share),
           soci::into(spec.priority), soci::into(hours), soci::into(spec.max_wait_seconds),
           soci::into(table));
      select.execute();
      while (select.fetch()) {
        spec.channel = domain::ParseChannel(channel).value();
        spec.hours = DecodeHours(hours);
        spec.wait_table = DecodeWaitTable(table);
        study.channels.push_back(spec);
      }
      // Keep the file's order (enum order) rather than priority order.
      std::sort(study.channels.begin(), study.channels.end(),
                [](const auto& a, const auto& b) { return a.channel < b.channel; });
    }
    {
      std::string id, name;
      soci::statement select = (sql.prepare << "SELECT id, name FROM industry WHERE study_id = "
                                               ":study ORDER BY position",
                                soci::use(study_id), soci::into(id), soci::into(name));
      select.execute();
      while (select.fetch()) study.industries.push_back({id, DecodeText(name), {}});
    }
    {
      std::string id, industry, title, script, channels, profile;
      soci::statement select =
          (sql.prepare << "SELECT id, industry_id, title, script, channels, profile FROM scenario "
                          "WHERE study_id = :study ORDER BY position",
           soci::use(study_id), soci::into(id), soci::into(industry), soci::into(title),
           soci::into(script), soci::into(channels), soci::into(profile));
      select.execute();
      while (select.fetch()) {
        for (auto& item : study.industries) {
          if (item.id != industry) continue;
          item.scenarios.push_back({id, DecodeText(title), DecodeText(script),
                                    DecodeChannels(channels), DecodeProfile(profile)});
        }
      }
    }
    {
      domain::Participant row;
      soci::statement select =
          (sql.prepare << "SELECT id, name, company, industry_id, size, language FROM participant "
                          "WHERE study_id = :study ORDER BY position",
           soci::use(study_id), soci::into(row.id), soci::into(row.name), soci::into(row.company),
           soci::into(row.industry), soci::into(row.size), soci::into(row.language));
      select.execute();
      while (select.fetch()) study.participants.push_back(row);

      std::map<std::string, domain::Participant*> by_id;
      for (auto& participant : study.participants) by_id[participant.id] = &participant;
      std::string participant, channel, ease;
      int offered = 0;
      soci::indicator ease_ind = soci::i_null;
      soci::statement audits =
          (sql.prepare << "SELECT participant_id, channel, offered, ease FROM channel_audit WHERE "
                          "study_id = :study ORDER BY participant_id, channel",
           soci::use(study_id), soci::into(participant), soci::into(channel), soci::into(offered),
           soci::into(ease, ease_ind));
      audits.execute();
      while (audits.fetch()) {
        domain::ChannelAudit audit;
        audit.channel = domain::ParseChannel(channel).value();
        audit.offered = offered != 0;
        if (ease_ind == soci::i_ok) audit.ease = domain::ParseEase(ease);
        by_id.at(participant)->audit.push_back(audit);
      }
      for (auto& item : study.participants) {
        std::sort(item.audit.begin(), item.audit.end(),
                  [](const auto& a, const auto& b) { return a.channel < b.channel; });
      }
    }
    {
      std::string id, label;
      double weight = 0;
      soci::indicator weight_ind = soci::i_null;
      int scored = 0, wait_time = 0;
      soci::statement select =
          (sql.prepare << "SELECT id, label, weight, scored, wait_time FROM area WHERE study_id = "
                          ":study ORDER BY position",
           soci::use(study_id), soci::into(id), soci::into(label), soci::into(weight, weight_ind),
           soci::into(scored), soci::into(wait_time));
      select.execute();
      while (select.fetch()) {
        domain::Area area{id, DecodeText(label), std::nullopt, scored != 0, wait_time != 0};
        if (weight_ind == soci::i_ok) area.weight = weight;
        study.areas.push_back(std::move(area));
      }
    }
    {
      domain::Question row;
      std::string type, label, channels, relevance, reference;
      int good_yes = 1, allow_na = 0, required = 1;
      soci::indicator relevance_ind = soci::i_null;
      soci::statement select =
          (sql.prepare << "SELECT id, area_id, type, label, points, scale_min, scale_max, "
                          "good_answer_yes, channels, allow_na, required, relevance, reference "
                          "FROM question WHERE study_id = :study ORDER BY position",
           soci::use(study_id), soci::into(row.id), soci::into(row.area), soci::into(type),
           soci::into(label), soci::into(row.points), soci::into(row.scale_min),
           soci::into(row.scale_max), soci::into(good_yes), soci::into(channels),
           soci::into(allow_na), soci::into(required), soci::into(relevance, relevance_ind),
           soci::into(reference));
      select.execute();
      while (select.fetch()) {
        domain::Question question = row;
        question.type = domain::ParseQuestionType(type).value();
        question.label = DecodeText(label);
        question.good_answer_yes = good_yes != 0;
        question.channels = DecodeChannels(channels);
        question.allow_na = allow_na != 0;
        question.required = required != 0;
        if (relevance_ind == soci::i_ok) question.relevance = DecodeRelevance(relevance);
        question.reference = domain::ParseReferenceFlag(reference).value();
        study.questions.push_back(std::move(question));
      }

      std::string question_id, id, option_label;
      double points = 0;
      soci::statement options =
          (sql.prepare << "SELECT question_id, id, label, points FROM question_option WHERE "
                          "study_id = :study ORDER BY question_id, position",
           soci::use(study_id), soci::into(question_id), soci::into(id), soci::into(option_label),
           soci::into(points));
      options.execute();
      while (options.fetch()) {
        for (auto& question : study.questions) {
          if (question.id == question_id) {
            question.options.push_back({id, DecodeText(option_label), points});
          }
        }
      }
    }
  } catch (const std::exception& error) {
    return IoError("cannot read study '" + study_id + "': " + std::string(error.what()));
  }
  return study;
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
