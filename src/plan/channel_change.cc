// A participant's channel audit changed: the new audit, checked against the
// study and against the fieldwork already done (see planner.h).
#include <algorithm>
#include <cctype>
#include <map>

#include "domain/allocation.h"
#include "plan/planner.h"

namespace cx::plan {
namespace {

std::string Normalise(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::vector<domain::Channel> Offered(const domain::Study& study,
                                     const domain::Participant& participant) {
  std::vector<domain::Channel> offered;
  for (const auto& spec : study.channels) {
    if (participant.Offers(spec.channel)) offered.push_back(spec.channel);
  }
  return offered;
}

}  // namespace

Result<ChannelChange> ChangeOfferedChannels(const domain::Study& study,
                                            const std::string& participant_id,
                                            const std::vector<std::string>& offers,
                                            const std::vector<domain::Contact>& contacts) {
  const domain::Participant* participant = study.FindParticipant(participant_id);
  if (!participant)
    return NotFound("no participant '" + participant_id + "' in study '" + study.id + "'",
                    "--participant");
  std::string study_channels;
  for (const auto& spec : study.channels)
    study_channels += (study_channels.empty() ? "" : ", ") + std::string(ToString(spec.channel));

  std::vector<domain::Channel> wanted;
  for (const auto& item : offers) {
    const std::string name = Normalise(item);
    if (name.empty()) continue;
    const auto channel = domain::ParseChannel(name);
    if (!channel)
      return InvalidInput("'" + item + "' is not a channel; expected " + study_channels,
                          "--offers");
    if (!study.FindChannel(*channel))
      return InvalidInput(
          "'" + item + "' is not one of study " + study.id + "'s channels (" + study_channels + ")",
          "--offers");
    if (std::find(wanted.begin(), wanted.end(), *channel) == wanted.end())
      wanted.push_back(*channel);
  }
  if (wanted.empty()) {
    return InvalidInput("participant " + participant_id +
                            " would offer none of the study's channels (" + study_channels +
                            "); a participant must offer at least one",
                        "--offers");
  }

  ChannelChange change;
  change.old_offers = Offered(study, *participant);
  change.old_split = domain::AllocateContacts(study, *participant);
  domain::Participant changed = *participant;
  for (const auto& spec : study.channels) {
    const bool offered = std::find(wanted.begin(), wanted.end(), spec.channel) != wanted.end();
    auto entry = std::find_if(changed.audit.begin(), changed.audit.end(),
                              [&](const auto& item) { return item.channel == spec.channel; });
    if (entry == changed.audit.end()) {
      changed.audit.push_back({spec.channel, offered, std::nullopt, ""});
    } else {
      // A channel no longer offered has no ease to find; one newly offered
      // has not been looked at yet.
      if (!offered || !entry->offered) entry->ease.reset();
      if (!offered) entry->reach.clear();  // only an offered channel can be reached
      entry->offered = offered;
    }
  }
  std::sort(changed.audit.begin(), changed.audit.end(),
            [](const auto& a, const auto& b) { return a.channel < b.channel; });
  change.audit = changed.audit;
  change.new_offers = Offered(study, changed);
  change.new_split = domain::AllocateContacts(study, changed);

  // Fieldwork done or under way stays; the new split must leave room for it.
  std::map<domain::Channel, int> gets, fixed, planned;
  for (const auto& [channel, count] : change.new_split) gets[channel] = count;
  for (const auto& contact : contacts) {
    if (contact.participant != participant_id) continue;
    if (contact.status == domain::ContactStatus::kPlanned)
      ++planned[contact.channel];
    else if (contact.status != domain::ContactStatus::kFailed)
      ++fixed[contact.channel];
  }
  for (const auto& [channel, count] : fixed) {
    if (count > gets[channel]) {
      return InvalidInput("participant " + participant_id + " has " + std::to_string(count) + " " +
                              std::string(ToString(channel)) +
                              " contacts done or under way; the new channels would give that "
                              "channel " +
                              std::to_string(gets[channel]),
                          "--offers");
    }
  }
  for (const auto& [channel, count] : planned)
    change.contacts_to_move += std::max(0, count + fixed[channel] - gets[channel]);
  return change;
}

}  // namespace cx::plan
