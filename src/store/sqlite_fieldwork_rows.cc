// Shoppers, contacts, answers and comments in SQLite.
#include <soci/soci.h>

#include <unordered_map>

#include "store/json_codec.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {

Status SqliteStore::SaveShoppers(const std::vector<domain::Shopper>& shoppers) {
  try {
    soci::transaction transaction(*sql_);
    domain::Shopper row;
    std::string languages, channels, away;
    soci::statement upsert =
        (sql_->prepare << "INSERT INTO shopper VALUES (:id, :name, :age, :gender, :region, "
                          ":languages, :channels, :max, :away) ON CONFLICT(id) DO UPDATE SET "
                          "name = excluded.name, age_band = excluded.age_band, gender = "
                          "excluded.gender, region = excluded.region, languages = "
                          "excluded.languages, channels = excluded.channels, max_per_week = "
                          "excluded.max_per_week, away_dates = excluded.away_dates",
         soci::use(row.id), soci::use(row.name), soci::use(row.age_band), soci::use(row.gender),
         soci::use(row.region), soci::use(languages), soci::use(channels),
         soci::use(row.max_contacts_per_week), soci::use(away));
    for (const auto& shopper : shoppers) {
      row = shopper;
      languages = EncodeStrings(shopper.languages);
      channels = EncodeChannels(shopper.channels);
      away = EncodeStrings(shopper.away_dates);
      upsert.execute(true);
    }
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot save shoppers: " + std::string(error.what()));
  }
  return Ok();
}

Result<std::vector<domain::Shopper>> SqliteStore::LoadShoppers() {
  std::vector<domain::Shopper> shoppers;
  try {
    domain::Shopper row;
    std::string languages, channels, away;
    soci::statement select =
        (sql_->prepare << "SELECT id, name, age_band, gender, region, languages, channels, "
                          "max_per_week, away_dates FROM shopper ORDER BY id",
         soci::into(row.id), soci::into(row.name), soci::into(row.age_band), soci::into(row.gender),
         soci::into(row.region), soci::into(languages), soci::into(channels),
         soci::into(row.max_contacts_per_week), soci::into(away));
    select.execute();
    while (select.fetch()) {
      domain::Shopper shopper = row;
      shopper.languages = DecodeStrings(languages);
      shopper.channels = DecodeChannels(channels);
      shopper.away_dates = DecodeStrings(away);
      shoppers.push_back(std::move(shopper));
    }
  } catch (const std::exception& error) {
    return IoError("cannot read shoppers: " + std::string(error.what()));
  }
  return shoppers;
}

Status SqliteStore::SaveContacts(const std::string& study_id,
                                 const std::vector<domain::Contact>& contacts) {
  try {
    soci::transaction transaction(*sql_);
    WriteContacts(study_id, contacts);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot save contacts of study '" + study_id + "': " + error.what());
  }
  return Ok();
}

Status SqliteStore::SaveContactWithLog(const std::string& study_id, const domain::Contact& contact,
                                       const std::vector<ChangeLogEntry>& entries) {
  try {
    soci::transaction transaction(*sql_);
    WriteContacts(study_id, {contact});
    for (const auto& entry : entries) InsertChangeLog(study_id, entry);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot save contact '" + contact.id + "' of study '" + study_id +
                   "': " + error.what());
  }
  return Ok();
}

Status SqliteStore::SaveContactsWithLog(const std::string& study_id,
                                        const std::vector<domain::Contact>& contacts,
                                        const std::vector<ChangeLogEntry>& entries) {
  try {
    soci::transaction transaction(*sql_);
    WriteContacts(study_id, contacts);
    for (const auto& entry : entries) InsertChangeLog(study_id, entry);
    transaction.commit();
  } catch (const std::exception& error) {
    return IoError("cannot save " + std::to_string(contacts.size()) + " contacts and " +
                   std::to_string(entries.size()) + " change-log entries of study '" + study_id +
                   "' (nothing was written): " + error.what());
  }
  return Ok();
}

void SqliteStore::WriteContacts(const std::string& study_id,
                                const std::vector<domain::Contact>& contacts) {
  {
    soci::session& sql = *sql_;
    // Contact columns.
    std::string id, participant, shopper, channel, scenario, planned_at, status, started_at,
        answered_at, responder, submitted_at;
    double wait = 0;
    soci::indicator started_ind, answered_ind, wait_ind, submitted_ind;
    soci::statement insert_contact =
        (sql.prepare << "INSERT OR REPLACE INTO contact (study_id, id, participant_id, "
                        "shopper_id, channel, scenario_id, planned_at, status, started_at, "
                        "answered_at, wait_s, responder, submitted_at) VALUES (:study, :id, "
                        ":participant, :shopper, :channel, :scenario, :planned, :status, "
                        ":started, :answered, :wait, :responder, :submitted)",
         soci::use(study_id), soci::use(id), soci::use(participant), soci::use(shopper),
         soci::use(channel), soci::use(scenario), soci::use(planned_at), soci::use(status),
         soci::use(started_at, started_ind), soci::use(answered_at, answered_ind),
         soci::use(wait, wait_ind), soci::use(responder), soci::use(submitted_at, submitted_ind));
    // INSERT OR REPLACE deletes the old contact row, and ON DELETE CASCADE its answers.
    std::string question, text;
    int na = 0;
    double number = 0;
    soci::indicator number_ind, text_ind;
    soci::statement insert_answer =
        (sql.prepare << "INSERT INTO answer VALUES (:study, :contact, :question, :na, :number, "
                        ":text)",
         soci::use(study_id), soci::use(id), soci::use(question), soci::use(na),
         soci::use(number, number_ind), soci::use(text, text_ind));
    std::string area;
    soci::statement insert_comment =
        (sql.prepare << "INSERT INTO comment VALUES (:study, :contact, :area, :text)",
         soci::use(study_id), soci::use(id), soci::use(area), soci::use(text));

    for (const auto& contact : contacts) {
      id = contact.id;
      participant = contact.participant;
      shopper = contact.shopper;
      channel = std::string(domain::ToString(contact.channel));
      scenario = contact.scenario;
      planned_at = contact.planned_at;
      status = std::string(domain::ToString(contact.status));
      started_at = contact.started_at;
      started_ind = started_at.empty() ? soci::i_null : soci::i_ok;
      answered_at = contact.answered_at;
      answered_ind = answered_at.empty() ? soci::i_null : soci::i_ok;
      wait = contact.wait_seconds.value_or(0);
      wait_ind = contact.wait_seconds ? soci::i_ok : soci::i_null;
      responder = std::string(domain::ToString(contact.responder));
      submitted_at = contact.submitted_at;
      submitted_ind = submitted_at.empty() ? soci::i_null : soci::i_ok;
      insert_contact.execute(true);
      for (const auto& answer : contact.answers) {
        question = answer.question;
        na = answer.not_applicable ? 1 : 0;
        number = answer.number.value_or(0);
        number_ind = answer.number ? soci::i_ok : soci::i_null;
        text = answer.text.value_or("");
        text_ind = answer.text ? soci::i_ok : soci::i_null;
        insert_answer.execute(true);
      }
      for (const auto& comment : contact.comments) {
        area = comment.area;
        text = comment.text;
        insert_comment.execute(true);
      }
    }
  }
}

Result<std::vector<domain::Contact>> SqliteStore::LoadContacts(const std::string& study_id) {
  try {
    return ReadContacts(study_id, "", true);
  } catch (const std::exception& error) {
    return IoError("cannot read contacts of study '" + study_id + "': " + error.what());
  }
}

Result<std::vector<domain::Contact>> SqliteStore::LoadContactHeaders(const std::string& study_id) {
  try {
    return ReadContacts(study_id, "", false);
  } catch (const std::exception& error) {
    return IoError("cannot read contacts of study '" + study_id + "': " + error.what());
  }
}

Result<domain::Contact> SqliteStore::LoadContact(const std::string& study_id,
                                                 const std::string& contact_id) {
  try {
    auto contacts = ReadContacts(study_id, contact_id, true);
    if (contacts.empty()) {
      return NotFound("no contact '" + contact_id + "' in study '" + study_id + "'");
    }
    return std::move(contacts.front());
  } catch (const std::exception& error) {
    return IoError("cannot read contact '" + contact_id + "': " + error.what());
  }
}

std::vector<domain::Contact> SqliteStore::ReadContacts(const std::string& study_id,
                                                       const std::string& only_id,
                                                       bool with_answers) {
  std::vector<domain::Contact> contacts;
  soci::session& sql = *sql_;
  // An empty only_id matches every contact of the study; the condition still
  // names :only so that one binding serves both forms.
  const std::string every = " AND :only = ''";
  const std::string only = only_id.empty() ? every : " AND id = :only";
  const std::string only_a = only_id.empty() ? every : " AND a.contact_id = :only";
  const std::string only_c = only_id.empty() ? every : " AND contact_id = :only";
  {
    std::string id, participant, shopper, channel, scenario, planned_at, status, started_at,
        answered_at, responder, submitted_at;
    double wait = 0;
    soci::indicator started_ind, answered_ind, wait_ind, submitted_ind;
    soci::statement select =
        (sql.prepare << "SELECT id, participant_id, shopper_id, channel, scenario_id, planned_at, "
                        "status, started_at, answered_at, wait_s, responder, submitted_at FROM "
                        "contact WHERE study_id = :study" +
                            only + " ORDER BY id",
         soci::use(study_id, "study"), soci::use(only_id, "only"), soci::into(id),
         soci::into(participant), soci::into(shopper), soci::into(channel), soci::into(scenario),
         soci::into(planned_at), soci::into(status), soci::into(started_at, started_ind),
         soci::into(answered_at, answered_ind), soci::into(wait, wait_ind), soci::into(responder),
         soci::into(submitted_at, submitted_ind));
    select.execute();
    std::unordered_map<std::string, size_t> index;
    while (select.fetch()) {
      domain::Contact contact;
      contact.id = id;
      contact.participant = participant;
      contact.shopper = shopper;
      contact.channel = domain::ParseChannel(channel).value();
      contact.scenario = scenario;
      contact.planned_at = planned_at;
      contact.status = domain::ParseContactStatus(status).value();
      if (started_ind == soci::i_ok) contact.started_at = started_at;
      if (answered_ind == soci::i_ok) contact.answered_at = answered_at;
      if (wait_ind == soci::i_ok) contact.wait_seconds = wait;
      contact.responder = domain::ParseResponder(responder).value();
      if (submitted_ind == soci::i_ok) contact.submitted_at = submitted_at;
      index.emplace(contact.id, contacts.size());
      contacts.push_back(std::move(contact));
    }

    if (!with_answers) return contacts;
    std::string contact_id, question, text;
    int na = 0;
    double number = 0;
    soci::indicator number_ind, text_ind;
    soci::statement answers =
        (sql.prepare << "SELECT a.contact_id, a.question_id, a.na, a.number, a.text FROM answer a "
                        "JOIN question q ON q.study_id = a.study_id AND q.id = a.question_id "
                        "WHERE a.study_id = :study" +
                            only_a + " ORDER BY a.contact_id, q.position",
         soci::use(study_id, "study"), soci::use(only_id, "only"), soci::into(contact_id),
         soci::into(question), soci::into(na), soci::into(number, number_ind),
         soci::into(text, text_ind));
    answers.execute();
    while (answers.fetch()) {
      domain::Answer answer;
      answer.question = question;
      answer.not_applicable = na != 0;
      if (number_ind == soci::i_ok) answer.number = number;
      if (text_ind == soci::i_ok) answer.text = text;
      contacts[index.at(contact_id)].answers.push_back(std::move(answer));
    }

    std::string area;
    soci::statement comments =
        (sql.prepare << "SELECT contact_id, area_id, text FROM comment WHERE study_id = :study" +
                            only_c + " ORDER BY contact_id, area_id",
         soci::use(study_id, "study"), soci::use(only_id, "only"), soci::into(contact_id),
         soci::into(area), soci::into(text));
    comments.execute();
    while (comments.fetch()) contacts[index.at(contact_id)].comments.push_back({area, text});
  }
  return contacts;
}

}  // namespace cx::store
