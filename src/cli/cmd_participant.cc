// cxbench participant channels: show or change which channels a stored
// participant offers (its channel audit); plan repair then re-plans.
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/study_selection.h"
#include "plan/planner.h"

namespace cx::cli {
namespace {

std::string DefaultActor() {
  const char* user = std::getenv("USER");
  return user && *user ? user : "cxbench participant";
}

struct ChannelsArgs {
  std::string db;
  std::string study;
  std::string participant;
  std::vector<std::string> offers;
  std::string actor = DefaultActor();
  std::string reason = "the channel audit changed";
};

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

}  // namespace

void AddParticipantCommands(CLI::App& app, int& exit_code) {
  CLI::App* participant =
      app.add_subcommand("participant", "A participant (customer centre) of a stored study");
  participant->require_subcommand(1);
  auto args = std::make_shared<ChannelsArgs>();
  CLI::App* channels = participant->add_subcommand(
      "channels",
      "Show or change the channels a participant offers (its channel audit). A change is checked "
      "against the study and the fieldwork done, logged (who, when, old, new), and leaves the "
      "plan to `cxbench plan repair`");
  channels->add_option("--db", args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  channels->add_option("--study", args->study, "Study id (default: the only study)");
  channels->add_option("--participant", args->participant, "Participant id")->required();
  CLI::Option* offers =
      channels
          ->add_option("--offers", args->offers,
                       "The study's channels it now offers, comma-separated (phone, email_form, "
                       "chat, messenger); without it, print the channels it offers")
          ->delimiter(',')
          ->allow_extra_args(false);
  channels->add_option("--actor", args->actor, "Who makes the change, for the change log")
      ->capture_default_str();
  channels->add_option("--reason", args->reason, "Why, for the change log")->capture_default_str();
  channels->callback(
      [args, offers, &exit_code] { exit_code = RunChannels(*args, offers->count() > 0); });
}

}  // namespace cx::cli
