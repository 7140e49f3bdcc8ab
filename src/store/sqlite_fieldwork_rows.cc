// Shoppers, contacts, answers and comments in SQLite.
#include <soci/soci.h>

#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "core/civil_time.h"
#include "store/json_codec.h"
#include "store/row_check.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {
namespace {

constexpr std::string_view kChannels = "phone, email_form, chat, messenger";
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr long long kMaxCount = std::numeric_limits<int>::max();

}  // namespace

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
  auto checked = LoadShoppersChecked();
  if (!checked) return checked.error();
  return std::move(checked->good);
}

Result<Checked<std::vector<domain::Shopper>>> SqliteStore::LoadShoppersChecked() {
  Checked<std::vector<domain::Shopper>> checked;
  try {
    checked.good = ReadShoppers(checked.corrupt);
  } catch (const std::exception& error) {
    return IoError("cannot read shoppers: " + std::string(error.what()));
  }
  return checked;
}

std::vector<domain::Shopper> SqliteStore::ReadShoppers(std::vector<CorruptRow>& corrupt) {
  std::vector<domain::Shopper> shoppers;
  domain::Shopper row;
  std::string languages, channels, away, max_type;
  long long max_per_week = 0;
  soci::statement select =
      (sql_->prepare << "SELECT id, name, age_band, gender, region, languages, channels, "
                        "max_per_week, typeof(max_per_week), away_dates FROM shopper ORDER BY id",
       soci::into(row.id), soci::into(row.name), soci::into(row.age_band), soci::into(row.gender),
       soci::into(row.region), soci::into(languages), soci::into(channels),
       soci::into(max_per_week), soci::into(max_type), soci::into(away));
  select.execute();
  while (select.fetch()) {
    RowCheck check("shopper", row.id);
    domain::Shopper shopper = row;
    shopper.languages = check.Json("languages", languages, DecodeStrings, "list of language codes");
    shopper.channels = check.Json("channels", channels, DecodeChannels,
                                  "list of channels (" + std::string(kChannels) + ")");
    shopper.max_contacts_per_week =
        static_cast<int>(check.Integer("max_per_week", max_per_week, max_type, 0, kMaxCount));
    shopper.away_dates = check.Json("away_dates", away, DecodeStrings, "list of dates");
    if (check.ok()) shoppers.push_back(std::move(shopper));
    check.MoveTo(corrupt);
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
                                       const std::vector<domain::ChangeRecord>& entries) {
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

Status SqliteStore::SaveContactChange(const std::string& study_id, const domain::Contact& contact,
                                      const std::vector<domain::ChangeRecord>& entries,
                                      const ClientChange& change) {
  try {
    soci::transaction transaction(*sql_);
    WriteContacts(study_id, {contact});
    for (const auto& entry : entries) InsertChangeLog(study_id, entry);
    *sql_ << "INSERT INTO client_change (study_id, change_id, actor, contact_id, request, reply) "
             "VALUES (:study, :id, :actor, :contact, :request, :reply)",
        soci::use(study_id), soci::use(change.change_id), soci::use(change.actor),
        soci::use(change.contact_id), soci::use(change.request), soci::use(change.reply);
    transaction.commit();
  } catch (const std::exception& error) {
    if (std::string(error.what()).find("UNIQUE constraint failed") != std::string::npos) {
      return Conflict(Msg("a change with id '{1}' is stored already", change.change_id),
                      "client_change_id");
    }
    return IoError("cannot save contact '" + contact.id + "' of study '" + study_id +
                   "' with change '" + change.change_id + "': " + error.what());
  }
  return Ok();
}

Result<ClientChange> SqliteStore::FindClientChange(const std::string& study_id,
                                                   const std::string& change_id) {
  try {
    ClientChange change;
    *sql_ << "SELECT change_id, actor, contact_id, request, reply FROM client_change "
             "WHERE study_id = :study AND change_id = :id",
        soci::use(study_id), soci::use(change_id), soci::into(change.change_id),
        soci::into(change.actor), soci::into(change.contact_id), soci::into(change.request),
        soci::into(change.reply);
    if (!sql_->got_data()) return NotFound(Msg("no change '{1}'", change_id), "client_change_id");
    return change;
  } catch (const std::exception& error) {
    return IoError("cannot read the change '" + change_id + "' of study '" + study_id +
                   "': " + error.what());
  }
}

Status SqliteStore::SaveContactsWithLog(const std::string& study_id,
                                        const std::vector<domain::Contact>& contacts,
                                        const std::vector<domain::ChangeRecord>& entries) {
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

// soci binds each prepared statement to local variables by reference:
// Long: the four statements and the values they bind share one scope.
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
    int position = 0, round = 0;
    std::string attempt_start, attempt_end, outcome;
    soci::indicator end_ind = soci::i_null;
    soci::statement insert_attempt =
        (sql.prepare << "INSERT INTO contact_attempt VALUES (:study, :contact, :position, :round, "
                        ":started, :ended, :outcome)",
         soci::use(study_id), soci::use(id), soci::use(position), soci::use(round),
         soci::use(attempt_start), soci::use(attempt_end, end_ind), soci::use(outcome));
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
      position = 0;
      for (const auto& attempt : contact.attempts) {
        round = attempt.round;
        attempt_start = attempt.started_at;
        attempt_end = attempt.ended_at;
        end_ind = attempt_end.empty() ? soci::i_null : soci::i_ok;
        outcome = std::string(domain::ToString(attempt.outcome));
        insert_attempt.execute(true);
        ++position;
      }
    }
  }
}

Result<std::vector<domain::Contact>> SqliteStore::LoadContacts(const std::string& study_id) {
  auto checked = LoadContactsChecked(study_id);
  if (!checked) return checked.error();
  return std::move(checked->good);
}

Result<Checked<std::vector<domain::Contact>>> SqliteStore::LoadContactsChecked(
    const std::string& study_id) {
  Checked<std::vector<domain::Contact>> checked;
  try {
    checked.good = ReadStudyContacts(study_id, "", true, checked.corrupt);
  } catch (const std::exception& error) {
    return IoError("cannot read contacts of study '" + study_id + "': " + error.what());
  }
  return checked;
}

Result<std::vector<domain::Contact>> SqliteStore::LoadContactHeaders(const std::string& study_id) {
  try {
    std::vector<CorruptRow> corrupt;
    return ReadStudyContacts(study_id, "", false, corrupt);
  } catch (const std::exception& error) {
    return IoError("cannot read contacts of study '" + study_id + "': " + error.what());
  }
}

Result<domain::Contact> SqliteStore::LoadContact(const std::string& study_id,
                                                 const std::string& contact_id) {
  try {
    std::vector<CorruptRow> corrupt;
    auto contacts = ReadStudyContacts(study_id, contact_id, true, corrupt);
    if (contacts.empty()) {
      // The contact's own faults come first in the list when it has any.
      for (const auto& fault : corrupt) {
        if (fault.row.rfind(study_id + "/" + contact_id, 0) == 0) return fault.ToError();
      }
      return NotFound(Msg("no contact '{1}' in study '{2}'", contact_id, study_id));
    }
    return std::move(contacts.front());
  } catch (const std::exception& error) {
    return IoError("cannot read contact '" + contact_id + "': " + error.what());
  }
}

std::vector<domain::Contact> SqliteStore::ReadStudyContacts(const std::string& study_id,
                                                            const std::string& only_id,
                                                            bool with_answers,
                                                            std::vector<CorruptRow>& corrupt) {
  auto study = ReadStudy(study_id, corrupt);
  if (!study) return {};  // no such study, so no contacts of it
  const auto shoppers = ReadShoppers(corrupt);
  return ReadContacts(*study, shoppers, only_id, with_answers, corrupt);
}

namespace {

constexpr std::string_view kStatuses = "planned, started, submitted, approved, returned, failed";
constexpr std::string_view kResponders = "unknown, person, chatbot";

// "YYYY-MM-DDTHH:MM": the shape of a planned time (digits where digits go).
// What an answer to a question of `type` holds: a number or a text.
bool TakesNumber(domain::QuestionType type) {
  return type != domain::QuestionType::kChoice && type != domain::QuestionType::kText;
}

// Checks an answer's columns against its question; the answer or nothing.
std::optional<domain::Answer> CheckAnswer(RowCheck& check, const domain::Question& question, int na,
                                          const std::string& na_type, double number,
                                          const std::string& number_type, const std::string& text,
                                          const std::string& text_type) {
  domain::Answer answer;
  answer.question = question.id;
  answer.not_applicable = check.Flag("na", na, na_type);
  const double min = question.type == domain::QuestionType::kDuration ? 0 : -kInf;
  answer.number = check.Number("number", number, number_type, true, min, kInf);
  if (text_type == "text") {
    answer.text = text;
  } else if (text_type != "null") {
    check.Fault("text", "a text or NULL, found a " + text_type + " value");
  }
  const bool has_number = number_type != "null";
  const bool has_text = text_type != "null";
  if (answer.not_applicable && (has_number || has_text)) {
    check.Fault(has_number ? "number" : "text", "NULL on an answer marked not applicable");
  } else if (TakesNumber(question.type) && has_text) {
    check.Fault("text", "NULL: question " + question.id + " (" +
                            std::string(domain::ToString(question.type)) +
                            ") takes a number, found " + RowCheck::Quote(text));
  } else if (!TakesNumber(question.type) && has_number) {
    check.Fault("number", "NULL: question " + question.id + " (" +
                              std::string(domain::ToString(question.type)) + ") takes a text");
  }
  if (!check.ok()) return std::nullopt;
  return answer;
}

// The ids a contact row may name: what its references are checked against.
struct StudyIds {
  std::set<std::string> participants, scenarios, shoppers, areas;
  std::map<std::string, const domain::Question*> questions;
};

StudyIds CollectIds(const domain::Study& study, const std::vector<domain::Shopper>& shoppers) {
  StudyIds ids;
  for (const auto& participant : study.participants) ids.participants.insert(participant.id);
  for (const auto& industry : study.industries) {
    for (const auto& scenario : industry.scenarios) ids.scenarios.insert(scenario.id);
  }
  for (const auto& shopper : shoppers) ids.shoppers.insert(shopper.id);
  for (const auto& question : study.questions) ids.questions[question.id] = &question;
  for (const auto& area : study.areas) ids.areas.insert(area.id);
  return ids;
}

// What the three reads share: the study, the one contact asked for (or all),
// and the contacts read so far.
struct ContactRead {
  ContactRead(soci::session& session, const domain::Study& read_study, const std::string& only,
              bool only_list, std::vector<CorruptRow>& corrupt_rows)
      : sql(session),
        study(read_study),
        study_id(read_study.id),
        only_id(only),
        only_is_list(only_list),
        corrupt(corrupt_rows) {}

  // An empty only_id matches every contact of the study; the condition still
  // names :only so that one binding serves both forms.
  std::string OnlyCondition(const char* column) const {
    const std::string every = " AND :only = ''";
    if (only_is_list) {
      return " AND " + std::string(column) + " IN (SELECT value FROM json_each(:only))";
    }
    return only_id.empty() ? every : " AND " + std::string(column) + " = :only";
  }

  // Whether `contact_id` is a kept contact; records a dangling row otherwise.
  const size_t* Owner(RowCheck& check, const std::string& contact_id) const {
    const auto found = index.find(contact_id);
    if (found != index.end()) return &found->second;
    if (left_out.count(contact_id) == 0) {
      check.Reference("contact_id", contact_id, false, "contact of study " + study_id);
    }
    return nullptr;
  }

  soci::session& sql;
  const domain::Study& study;
  const std::string& study_id;
  const std::string& only_id;
  bool only_is_list;
  std::vector<CorruptRow>& corrupt;
  std::vector<domain::Contact> contacts;
  // Contacts left out, by id: their answers and comments go with them.
  std::set<std::string> left_out;
  std::unordered_map<std::string, size_t> index;
  // Kept contacts with a faulty answer or comment, removed at the end.
  std::set<size_t> faulty;
};

// The columns of one contact row as SQLite gives them.
struct ContactColumns {
  std::string id, participant, shopper, channel, scenario, planned_at, status, started_at,
      answered_at, responder, wait_type, started_type, answered_type, submitted_at, submitted_type;
  double wait = 0;
  // NULL is allowed in these: an indicator keeps SOCI from refusing the row.
  soci::indicator started_ind = soci::i_null, answered_ind = soci::i_null, wait_ind = soci::i_null,
                  submitted_ind = soci::i_null;
};

// The contact a row describes, every fault recorded in `check`.
domain::Contact CheckContact(RowCheck& check, const ContactColumns& row, const domain::Study& study,
                             const StudyIds& ids) {
  const std::string& study_id = study.id;
  const std::string& channel = row.channel;
  const std::string& planned_at = row.planned_at;
  domain::Contact contact;
  contact.id = row.id;
  contact.participant = row.participant;
  check.Reference("participant_id", row.participant, ids.participants.count(row.participant) > 0,
                  "participant of study " + study_id);
  contact.shopper = row.shopper;
  check.Reference("shopper_id", row.shopper, ids.shoppers.count(row.shopper) > 0, "shopper");
  contact.channel =
      check.Enum("channel", channel, domain::ParseChannel, kChannels, domain::Channel::kPhone);
  if (check.ok() && study.FindChannel(contact.channel) == nullptr) {
    check.Fault("channel", "a channel of study " + study_id + ", found '" + channel + "'");
  }
  contact.scenario = row.scenario;
  check.Reference("scenario_id", row.scenario, ids.scenarios.count(row.scenario) > 0,
                  "scenario of study " + study_id);
  contact.planned_at = planned_at;
  if (!LocalDateTime::Parse(planned_at)) {
    check.Fault("planned_at",
                "a local time YYYY-MM-DDTHH:MM, found " + RowCheck::Quote(planned_at));
  }
  contact.status = check.Enum("status", row.status, domain::ParseContactStatus, kStatuses,
                              domain::ContactStatus::kPlanned);
  if (row.started_type == "text")
    contact.started_at = row.started_at;
  else if (row.started_type != "null")
    check.Fault("started_at", "a UTC time or NULL");
  if (row.answered_type == "text")
    contact.answered_at = row.answered_at;
  else if (row.answered_type != "null")
    check.Fault("answered_at", "a UTC time or NULL");
  // A wait is the time from the start to the answer: never negative.
  contact.wait_seconds = check.Number("wait_s", row.wait, row.wait_type, true, 0, kInf);
  if (row.submitted_type == "text")
    contact.submitted_at = row.submitted_at;
  else if (row.submitted_type != "null")
    check.Fault("submitted_at", "a UTC time or NULL");
  contact.responder = check.Enum("responder", row.responder, domain::ParseResponder, kResponders,
                                 domain::Responder::kUnknown);
  return contact;
}

void ReadContactRows(ContactRead& read, const StudyIds& ids) {
  ContactColumns row;
  soci::statement select =
      (read.sql.prepare << "SELECT id, participant_id, shopper_id, channel, scenario_id, "
                           "planned_at, status, started_at, typeof(started_at), answered_at, "
                           "typeof(answered_at), wait_s, typeof(wait_s), responder, submitted_at, "
                           "typeof(submitted_at) FROM contact WHERE study_id = :study" +
                               read.OnlyCondition("id") + " ORDER BY id",
       soci::use(read.study_id, "study"), soci::use(read.only_id, "only"), soci::into(row.id),
       soci::into(row.participant), soci::into(row.shopper), soci::into(row.channel),
       soci::into(row.scenario), soci::into(row.planned_at), soci::into(row.status),
       soci::into(row.started_at, row.started_ind), soci::into(row.started_type),
       soci::into(row.answered_at, row.answered_ind), soci::into(row.answered_type),
       soci::into(row.wait, row.wait_ind), soci::into(row.wait_type), soci::into(row.responder),
       soci::into(row.submitted_at, row.submitted_ind), soci::into(row.submitted_type));
  select.execute();
  while (select.fetch()) {
    RowCheck check("contact", read.study_id + "/" + row.id);
    domain::Contact contact = CheckContact(check, row, read.study, ids);
    if (check.ok()) {
      read.index.emplace(contact.id, read.contacts.size());
      read.contacts.push_back(std::move(contact));
    } else {
      read.left_out.insert(row.id);
    }
    check.MoveTo(read.corrupt);
  }
}

// The study's question order, as the reader of a contact expects it.
void SortAnswers(const domain::Study& study, std::vector<domain::Contact>& contacts) {
  std::map<std::string, size_t> order;
  for (size_t position = 0; position < study.questions.size(); ++position) {
    order[study.questions[position].id] = position;
  }
  for (auto& contact : contacts) {
    std::stable_sort(contact.answers.begin(), contact.answers.end(),
                     [&](const domain::Answer& a, const domain::Answer& b) {
                       return order[a.question] < order[b.question];
                     });
  }
}

void ReadAnswerRows(ContactRead& read, const StudyIds& ids) {
  const std::string& study_id = read.study_id;
  std::string contact_id, question_id, text, na_type, number_type, text_type;
  int na = 0;
  double number = 0;
  soci::indicator number_ind = soci::i_null, text_ind = soci::i_null;
  // Ordered by the question's position (the study's order), kept questions first.
  soci::statement answers =
      (read.sql.prepare
           << "SELECT contact_id, question_id, na, typeof(na), number, "
              "typeof(number), text, typeof(text) FROM answer WHERE study_id = :study" +
                  read.OnlyCondition("contact_id") + " ORDER BY contact_id",
       soci::use(study_id, "study"), soci::use(read.only_id, "only"), soci::into(contact_id),
       soci::into(question_id), soci::into(na), soci::into(na_type), soci::into(number, number_ind),
       soci::into(number_type), soci::into(text, text_ind), soci::into(text_type));
  answers.execute();
  while (answers.fetch()) {
    RowCheck check("answer", study_id + "/" + contact_id + "/" + question_id);
    const size_t* position = read.Owner(check, contact_id);
    const auto question = ids.questions.find(question_id);
    check.Reference("question_id", question_id, question != ids.questions.end(),
                    "question of study " + study_id);
    std::optional<domain::Answer> answer;
    if (question != ids.questions.end()) {
      answer =
          CheckAnswer(check, *question->second, na, na_type, number, number_type, text, text_type);
    }
    if (position != nullptr) {
      if (answer && check.ok()) {
        read.contacts[*position].answers.push_back(std::move(*answer));
      } else {
        read.faulty.insert(*position);
      }
    }
    check.MoveTo(read.corrupt);
  }
  SortAnswers(read.study, read.contacts);
}

void ReadCommentRows(ContactRead& read, const StudyIds& ids) {
  const std::string& study_id = read.study_id;
  std::string contact_id, area, text, text_type;
  soci::statement comments =
      (read.sql.prepare << "SELECT contact_id, area_id, text, typeof(text) FROM comment WHERE "
                           "study_id = :study" +
                               read.OnlyCondition("contact_id") + " ORDER BY contact_id, area_id",
       soci::use(study_id, "study"), soci::use(read.only_id, "only"), soci::into(contact_id),
       soci::into(area), soci::into(text), soci::into(text_type));
  comments.execute();
  while (comments.fetch()) {
    RowCheck check("comment", study_id + "/" + contact_id + "/" + area);
    const size_t* position = read.Owner(check, contact_id);
    check.Reference("area_id", area, ids.areas.count(area) > 0, "area of study " + study_id);
    if (text_type != "text") check.Fault("text", "a text, found a " + text_type + " value");
    if (position != nullptr) {
      if (check.ok()) {
        read.contacts[*position].comments.push_back({area, text});
      } else {
        read.faulty.insert(*position);
      }
    }
    check.MoveTo(read.corrupt);
  }
}

constexpr std::string_view kOutcomes =
    "pending, answered, no_answer, busy, closed, gave_up, never_answered";

// Attempts in position order; a faulty one leaves its contact out.
void ReadAttemptRows(ContactRead& read) {
  const std::string& study_id = read.study_id;
  std::string contact_id, started_at, ended_at, outcome, started_type, ended_type;
  long long position = 0, round = 0;
  std::string round_type;
  soci::indicator ended_ind = soci::i_null;
  soci::statement attempts =
      (read.sql.prepare << "SELECT contact_id, position, round, typeof(round), started_at, "
                           "typeof(started_at), ended_at, typeof(ended_at), outcome FROM "
                           "contact_attempt WHERE study_id = :study" +
                               read.OnlyCondition("contact_id") + " ORDER BY contact_id, position",
       soci::use(study_id, "study"), soci::use(read.only_id, "only"), soci::into(contact_id),
       soci::into(position), soci::into(round), soci::into(round_type), soci::into(started_at),
       soci::into(started_type), soci::into(ended_at, ended_ind), soci::into(ended_type),
       soci::into(outcome));
  attempts.execute();
  while (attempts.fetch()) {
    RowCheck check("contact_attempt", study_id + "/" + contact_id + "/" + std::to_string(position));
    const size_t* owner = read.Owner(check, contact_id);
    domain::Attempt attempt;
    attempt.round = static_cast<int>(check.Integer("round", round, round_type, 0, kMaxCount));
    // TEXT affinity stores any value as text: the form itself is checked.
    if (started_type == "text" && UtcInstant::Parse(started_at)) {
      attempt.started_at = started_at;
    } else {
      check.Fault("started_at", "a UTC time");
    }
    if (ended_type == "text" && UtcInstant::Parse(ended_at)) {
      attempt.ended_at = ended_at;
    } else if (ended_type != "null") {
      check.Fault("ended_at", "a UTC time or NULL");
    }
    attempt.outcome = check.Enum("outcome", outcome, domain::ParseAttemptOutcome, kOutcomes,
                                 domain::AttemptOutcome::kPending);
    if (owner != nullptr) {
      if (check.ok()) {
        read.contacts[*owner].attempts.push_back(std::move(attempt));
      } else {
        read.faulty.insert(*owner);
      }
    }
    check.MoveTo(read.corrupt);
  }
}

// The contacts without those a faulty answer or comment leaves out.
std::vector<domain::Contact> WithoutFaulty(ContactRead& read) {
  if (read.faulty.empty()) return std::move(read.contacts);
  std::vector<domain::Contact> kept;
  kept.reserve(read.contacts.size() - read.faulty.size());
  for (size_t position = 0; position < read.contacts.size(); ++position) {
    if (read.faulty.count(position) == 0) kept.push_back(std::move(read.contacts[position]));
  }
  return kept;
}

}  // namespace

std::vector<domain::Contact> SqliteStore::ReadContacts(const domain::Study& study,
                                                       const std::vector<domain::Shopper>& shoppers,
                                                       const std::string& only_id,
                                                       bool with_answers,
                                                       std::vector<CorruptRow>& corrupt,
                                                       bool only_is_list) {
  const StudyIds ids = CollectIds(study, shoppers);
  ContactRead read(*sql_, study, only_id, only_is_list, corrupt);
  ReadContactRows(read, ids);
  if (!with_answers) return std::move(read.contacts);
  // Answers and comments are read in one pass each; a fault in one of them
  // leaves its contact out, so the kept contacts are collected by index and
  // removed at the end.
  ReadAnswerRows(read, ids);
  ReadCommentRows(read, ids);
  ReadAttemptRows(read);
  return WithoutFaulty(read);
}

}  // namespace cx::store
