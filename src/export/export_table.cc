#include "export/export_table.h"

#include <algorithm>
#include <cctype>

namespace cx::exporting {
namespace {

using domain::QuestionType;

std::string NotApplicableLabel(const std::string& language) {
  return language == "en" ? "Not applicable" : "Ikke relevant";
}

bool IsNorwegianLike(const std::string& language) { return language != "en"; }

}  // namespace

std::string VariableName(const std::string& id) {
  std::string name;
  for (char c : id) {
    const unsigned char u = static_cast<unsigned char>(c);
    name += std::isalnum(u) && u < 0x80 ? c : '_';
  }
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name.front()))) name = "v_" + name;
  if (name.size() > 64) name.resize(64);
  return name;
}

namespace {

Column& AddColumn(ExportTable& table, std::string name, std::string label, ColumnKind kind) {
  table.columns.push_back({std::move(name), std::move(label), kind, {}, std::nullopt});
  return table.columns.back();
}

// Where the columns that depend on the study begin (the fixed ones come first).
struct ContactColumns {
  bool with_scores = false;
  size_t first_question = 0;
  size_t first_comment = 0;
};

// The contact's own columns, 0 to 14: the cells FillContactCells writes.
void AddContactColumns(ExportTable& table, bool nb) {
  const auto add = [&](std::string name, std::string label, ColumnKind kind) -> Column& {
    return AddColumn(table, std::move(name), std::move(label), kind);
  };
  add("contact_id", nb ? "Kontakt" : "Contact", ColumnKind::kText);
  add("participant_id", nb ? "Deltaker-id" : "Participant id", ColumnKind::kText);
  add("participant", nb ? "Deltaker" : "Participant", ColumnKind::kText);
  add("company", nb ? "Selskap" : "Company", ColumnKind::kText);
  add("industry", nb ? "Bransje" : "Industry", ColumnKind::kText);
  add("channel", nb ? "Kanal" : "Channel", ColumnKind::kText);
  add("scenario", nb ? "Rollespill" : "Scenario", ColumnKind::kText);
  add("shopper_id", nb ? "Shopper" : "Shopper", ColumnKind::kText);
  add("planned_at", nb ? "Planlagt (lokal tid)" : "Planned (local time)", ColumnKind::kText);
  add("status", "Status", ColumnKind::kText);
  add("started_at", nb ? "Startet (UTC)" : "Started (UTC)", ColumnKind::kText);
  add("answered_at", nb ? "Besvart (UTC)" : "Answered (UTC)", ColumnKind::kText);
  add("wait_s", nb ? "Ventetid (sekunder)" : "Wait (seconds)", ColumnKind::kNumber);
  Column& answered = add("answered", nb ? "Besvart" : "Answered", ColumnKind::kNumber);
  answered.value_labels = {{0, nb ? "Nei" : "No"}, {1, nb ? "Ja" : "Yes"}};
  Column& responder =
      add("responder", nb ? "Svarte først" : "First answered by", ColumnKind::kNumber);
  responder.value_labels = {{1, nb ? "Et menneske" : "A person"}, {2, "Chatbot"}};
}

// The total and one column per scored area.
void AddScoreColumns(ExportTable& table, const domain::Study& study, const std::string& language,
                     bool nb) {
  AddColumn(table, "score_total", nb ? "Totalresultat (0-100)" : "Total result (0-100)",
            ColumnKind::kNumber);
  for (const auto& area : study.areas) {
    if (!area.scored) continue;
    // An area called "total" (the contest's "Totalinntrykk") would take the
    // total result's name; SPSS refuses a variable name twice.
    std::string name = VariableName("score_" + area.id);
    if (name == "score_total") name = VariableName("score_area_" + area.id);
    AddColumn(table, name, (nb ? "Score: " : "Score: ") + study.TextFor(area.label, language),
              ColumnKind::kNumber);
  }
}

// One column per question, with its value labels and the N/A code.
void AddQuestionColumns(ExportTable& table, const domain::Study& study, const std::string& language,
                        bool nb) {
  for (const auto& question : study.questions) {
    const bool text = question.type == QuestionType::kText;
    Column& column =
        AddColumn(table, VariableName(question.id), study.TextFor(question.label, language),
                  text ? ColumnKind::kText : ColumnKind::kNumber);
    if (question.type == QuestionType::kYesNo) {
      column.value_labels = {{0, nb ? "Nei" : "No"}, {1, nb ? "Ja" : "Yes"}};
    } else if (question.type == QuestionType::kChoice) {
      for (size_t index = 0; index < question.options.size(); ++index) {
        column.value_labels[static_cast<double>(index + 1)] =
            study.TextFor(question.options[index].label, language);
      }
    }
    if (question.allow_na && !text) {
      column.value_labels[kNotApplicableCode] = NotApplicableLabel(language);
      column.missing_code = kNotApplicableCode;
    }
  }
}

ContactColumns AddColumns(ExportTable& table, const domain::Study& study, bool with_scores,
                          const std::string& language, bool nb) {
  ContactColumns layout;
  layout.with_scores = with_scores;
  AddContactColumns(table, nb);
  if (with_scores) AddScoreColumns(table, study, language, nb);
  layout.first_question = table.columns.size();
  AddQuestionColumns(table, study, language, nb);
  layout.first_comment = table.columns.size();
  for (const auto& area : study.areas) {
    AddColumn(table, VariableName("comment_" + area.id),
              (nb ? "Kommentar: " : "Comment: ") + study.TextFor(area.label, language),
              ColumnKind::kText);
  }
  return layout;
}

void FillContactCells(const domain::Study& study, const domain::Contact& contact,
                      const domain::Participant* participant, std::vector<Cell>& row) {
  row[0] = contact.id;
  row[1] = contact.participant;
  if (participant != nullptr) {
    row[2] = participant->name;
    row[3] = participant->company;
    row[4] = participant->industry;
  }
  row[5] = std::string(domain::ToString(contact.channel));
  row[6] = contact.scenario;
  row[7] = contact.shopper;
  row[8] = contact.planned_at;
  row[9] = std::string(domain::ToString(contact.status));
  if (!contact.started_at.empty()) row[10] = contact.started_at;
  if (!contact.answered_at.empty()) row[11] = contact.answered_at;
  if (contact.wait_seconds) row[12] = *contact.wait_seconds;
  const bool reported = contact.status == domain::ContactStatus::kSubmitted ||
                        contact.status == domain::ContactStatus::kApproved;
  // The scoring rule: a wait beyond the channel's maximum is no answer.
  if (reported) row[13] = study.CountsAsAnswered(contact.channel, contact.wait_seconds) ? 1.0 : 0.0;
  if (contact.responder == domain::Responder::kPerson) row[14] = 1.0;
  if (contact.responder == domain::Responder::kChatbot) row[14] = 2.0;
}

void FillScoreCells(const domain::Study& study, const std::string& contact_id,
                    const std::map<std::string, ContactScore>& scores, std::vector<Cell>& row) {
  auto score = scores.find(contact_id);
  size_t column = 15;
  if (score != scores.end() && score->second.total) row[column] = *score->second.total;
  for (const auto& area : study.areas) {
    if (!area.scored) continue;
    ++column;
    if (score == scores.end()) continue;
    auto value = score->second.areas.find(area.id);
    if (value != score->second.areas.end()) row[column] = value->second;
  }
}

// A choice as its option's number (1 = the first), N/A as its code, else the value.
void FillAnswerCells(const domain::Study& study, const domain::Contact& contact,
                     size_t first_question, std::vector<Cell>& row) {
  for (size_t index = 0; index < study.questions.size(); ++index) {
    const domain::Question& question = study.questions[index];
    const domain::Answer* answer = contact.FindAnswer(question.id);
    if (!answer) continue;
    Cell& cell = row[first_question + index];
    if (answer->not_applicable) {
      if (question.type != QuestionType::kText) cell = kNotApplicableCode;
    } else if (question.type == QuestionType::kChoice && answer->text) {
      for (size_t option = 0; option < question.options.size(); ++option) {
        if (question.options[option].id == *answer->text) cell = static_cast<double>(option + 1);
      }
    } else if (answer->number) {
      cell = *answer->number;
    } else if (answer->text) {
      cell = *answer->text;
    }
  }
}

}  // namespace

ExportTable BuildContactTable(const domain::Study& study,
                              const std::vector<domain::Contact>& contacts,
                              const std::map<std::string, ContactScore>& scores,
                              const std::string& language) {
  const bool nb = IsNorwegianLike(language);
  ExportTable table;
  table.title = study.name;
  const ContactColumns layout = AddColumns(table, study, !scores.empty(), language, nb);

  std::map<std::string, const domain::Participant*> participants;
  for (const auto& participant : study.participants) participants[participant.id] = &participant;
  std::vector<const domain::Contact*> ordered;
  for (const auto& contact : contacts) ordered.push_back(&contact);
  std::sort(ordered.begin(), ordered.end(),
            [](const auto* a, const auto* b) { return a->id < b->id; });

  for (const domain::Contact* contact : ordered) {
    std::vector<Cell> row(table.columns.size());
    const auto participant = participants.find(contact->participant);
    FillContactCells(study, *contact,
                     participant != participants.end() ? participant->second : nullptr, row);
    if (layout.with_scores) FillScoreCells(study, contact->id, scores, row);
    FillAnswerCells(study, *contact, layout.first_question, row);
    for (size_t index = 0; index < study.areas.size(); ++index) {
      for (const auto& comment : contact->comments) {
        if (comment.area == study.areas[index].id) row[layout.first_comment + index] = comment.text;
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

ExportTable BuildCodebook(const domain::Study& study, const std::string& language) {
  const bool nb = IsNorwegianLike(language);
  ExportTable table;
  table.title = nb ? "Variabler" : "Variables";
  for (const char* name : {"variable", "area", "type", "label", "points", "channels", "values"}) {
    table.columns.push_back({name, name, ColumnKind::kText, {}, std::nullopt});
  }
  table.columns[4].kind = ColumnKind::kNumber;
  for (const auto& question : study.questions) {
    std::string channels;
    for (auto channel : question.channels)
      channels += (channels.empty() ? "" : ", ") + std::string(domain::ToString(channel));
    if (channels.empty()) channels = nb ? "alle" : "all";
    std::string values;
    switch (question.type) {
      case QuestionType::kYesNo:
        values = nb ? "1 = Ja, 0 = Nei" : "1 = Yes, 0 = No";
        break;
      case QuestionType::kChoice:
        for (size_t index = 0; index < question.options.size(); ++index) {
          if (index) values += ", ";
          values += std::to_string(index + 1) + " = " +
                    study.TextFor(question.options[index].label, language);
        }
        break;
      case QuestionType::kText:
        break;
      default: {
        auto format = [](double value) {
          return value == static_cast<long long>(value)
                     ? std::to_string(static_cast<long long>(value))
                     : std::to_string(value);
        };
        if (question.Max() > question.Min())
          values = format(question.Min()) + "-" + format(question.Max());
      }
    }
    if (question.allow_na)
      values += (values.empty() ? "" : ", ") + std::string("-1 = ") + NotApplicableLabel(language);
    table.rows.push_back(
        {VariableName(question.id), question.area, std::string(domain::ToString(question.type)),
         study.TextFor(question.label, language), question.points, channels, values});
  }
  return table;
}

ExportTable BuildParticipantTable(const domain::Study& study, const std::string& language) {
  const bool nb = IsNorwegianLike(language);
  ExportTable table;
  table.title = nb ? "Deltakere" : "Participants";
  for (const char* name : {"participant_id", "participant", "company", "industry", "size"}) {
    table.columns.push_back({name, name, ColumnKind::kText, {}, std::nullopt});
  }
  table.columns[4].kind = ColumnKind::kNumber;
  for (auto channel : domain::kAllChannels) {
    table.columns.push_back({std::string(domain::ToString(channel)),
                             std::string(domain::ToString(channel)),
                             ColumnKind::kText,
                             {},
                             std::nullopt});
  }
  for (const auto& participant : study.participants) {
    const domain::Industry* industry = study.FindIndustry(participant.industry);
    std::vector<Cell> row = {
        participant.id, participant.name, participant.company,
        industry ? study.TextFor(industry->name, language) : participant.industry,
        static_cast<double>(participant.size)};
    for (auto channel : domain::kAllChannels) {
      std::string audit = nb ? "tilbys ikke" : "not offered";
      for (const auto& entry : participant.audit) {
        if (entry.channel == channel && entry.offered) {
          audit = std::string(nb ? "tilbys" : "offered") +
                  (entry.ease ? " (" + std::string(domain::ToString(*entry.ease)) + ")" : "");
        }
      }
      row.push_back(audit);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace cx::exporting
