#include "report/report_builder.h"

#include <algorithm>
#include <map>

#include "domain/fieldwork_summary.h"
#include "domain/results_rule.h"

namespace cx::report {

std::string ChannelLabel(domain::Channel channel, const std::string& language) {
  const bool en = language == "en";
  switch (channel) {
    case domain::Channel::kPhone:
      return en ? "Phone" : "Telefon";
    case domain::Channel::kEmailForm:
      return en ? "E-mail/form" : "E-post/skjema";
    case domain::Channel::kChat:
      return "Chat";
    case domain::Channel::kMessenger:
      return "Messenger";
  }
  return "?";
}

bool Counts(const domain::Study& study, const domain::Contact& contact) {
  return domain::CountsInResults(study.results_from, contact.status);
}

std::vector<WaitRow> BuildWaitRows(const domain::Study& study,
                                   const std::vector<domain::Contact>& contacts,
                                   const std::string& participant_id, const std::string& language) {
  const domain::Participant* participant = study.FindParticipant(participant_id);
  std::vector<WaitRow> rows;
  if (!participant) return rows;
  std::map<std::string, std::string> industry_of;
  for (const auto& item : study.participants) industry_of[item.id] = item.industry;
  std::map<domain::Channel, std::vector<double>> own, industry;
  for (const auto& contact : contacts) {
    if (!Counts(study, contact) || !contact.wait_seconds) continue;
    auto it = industry_of.find(contact.participant);
    if (it == industry_of.end() || it->second != participant->industry) continue;
    industry[contact.channel].push_back(*contact.wait_seconds);
    if (contact.participant == participant_id)
      own[contact.channel].push_back(*contact.wait_seconds);
  }
  for (domain::Channel channel : domain::kAllChannels) {
    if (!own.count(channel)) continue;
    rows.push_back({ChannelLabel(channel, language), domain::Quantile(own[channel], 0.5),
                    domain::Quantile(own[channel], 0.9), domain::Quantile(industry[channel], 0.5),
                    domain::Quantile(industry[channel], 0.9)});
  }
  return rows;
}

std::map<std::string, std::vector<std::string>> BuildComments(
    const domain::Study& study, const std::vector<domain::Contact>& contacts,
    const std::string& participant_id, const std::string& language) {
  std::map<std::string, std::vector<std::string>> by_area;
  for (const auto& area : study.areas) {
    std::vector<std::string> texts;
    for (const auto& contact : contacts) {
      if (contact.participant != participant_id || !Counts(study, contact)) continue;
      for (const auto& comment : contact.comments) {
        if (comment.area == area.id && !comment.text.empty()) texts.push_back(comment.text);
      }
    }
    if (!texts.empty()) by_area[study.TextFor(area.label, language)] = std::move(texts);
  }
  return by_area;
}

std::vector<AuditRow> BuildAuditRows(const domain::Participant& participant,
                                     const std::string& language) {
  const bool en = language == "en";
  std::vector<AuditRow> rows;
  for (domain::Channel channel : domain::kAllChannels) {
    AuditRow row{ChannelLabel(channel, language), false, ""};
    for (const auto& audit : participant.audit) {
      if (audit.channel != channel || !audit.offered) continue;
      row.offered = true;
      if (audit.ease == domain::Ease::kEasy) row.ease = en ? "easy" : "enkelt";
      if (audit.ease == domain::Ease::kModerate) row.ease = en ? "moderate" : "middels";
      if (audit.ease == domain::Ease::kHard) row.ease = en ? "hard" : "vanskelig";
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace cx::report
