// cxbench participant channels: show or change which channels a stored
// participant offers (its channel audit); plan repair then re-plans.
#include "cli/cmd_participant.h"

#include <cstdlib>
#include <iostream>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "plan/planner.h"

namespace cx::cli {

std::string DefaultParticipantActor() {
  const char* user = std::getenv("USER");
  return user && *user ? user : "cxbench participant";
}

namespace {

std::string Names(const std::vector<domain::Channel>& channels, const char* separator) {
  std::string text;
  for (auto channel : channels)
    text += (text.empty() ? "" : separator) + std::string(domain::ToString(channel));
  return text.empty() ? "none" : text;
}

std::string Split(const std::vector<std::pair<domain::Channel, int>>& split) {
  std::string text;
  for (const auto& [channel, count] : split)
    text += (text.empty() ? "" : ", ") + std::string(domain::ToString(channel)) + " " +
            std::to_string(count);
  return text.empty() ? "none" : text;
}

}  // namespace

int RunChannels(const ChannelsArgs& args, bool change) {
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  const auto& study = loaded->study;
  // With no --offers the current channels are checked as if given again:
  // the same validation, and nothing is written.
  std::vector<std::string> offers = args.offers;
  if (!change) {
    if (const auto* participant = study.FindParticipant(args.participant)) {
      for (const auto& spec : study.channels) {
        if (participant->Offers(spec.channel))
          offers.push_back(std::string(domain::ToString(spec.channel)));
      }
    }
  }
  auto outcome = plan::ChangeOfferedChannels(study, args.participant, offers, loaded->contacts);
  if (!outcome) return ReportError(outcome.error());
  if (!change) {
    std::cout << "participant " << args.participant << " offers "
              << Names(outcome->old_offers, ", ") << "; its " << study.contacts_per_participant
              << " contacts: " << Split(outcome->old_split) << "\n";
    return kExitOk;
  }
  if (outcome->new_offers == outcome->old_offers) {
    std::cout << "participant " << args.participant << " offers "
              << Names(outcome->old_offers, ", ") << " already: nothing changed\n";
    return kExitOk;
  }
  const domain::ChangeRecord entry{"",
                                   args.actor,
                                   "participant",
                                   args.participant,
                                   "channels",
                                   Names(outcome->old_offers, ","),
                                   Names(outcome->new_offers, ","),
                                   args.reason};
  if (auto saved = loaded->store->SaveChannelAuditWithLog(study.id, args.participant,
                                                          outcome->audit, {entry});
      !saved)
    return ReportError(saved.error());
  std::cout << "participant " << args.participant << " now offers "
            << Names(outcome->new_offers, ", ") << " (was " << Names(outcome->old_offers, ", ")
            << "); its " << study.contacts_per_participant
            << " contacts: " << Split(outcome->new_split) << " (was " << Split(outcome->old_split)
            << "). Logged as " << args.actor << ".\n";
  if (outcome->contacts_to_move > 0) {
    std::cout << outcome->contacts_to_move
              << " planned contacts are on channels that now get fewer: re-plan them with "
                 "cxbench plan repair --db "
              << args.db << "\n";
  }
  return kExitOk;
}

}  // namespace cx::cli
