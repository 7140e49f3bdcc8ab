#pragma once
// `cxbench participant`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>
#include <vector>

namespace cx::cli {

// The default --actor: $USER, else a name for the change log.
std::string DefaultParticipantActor();

struct ChannelsArgs {
  std::string db;
  std::string study;
  std::string participant;
  std::vector<std::string> offers;
  std::string actor = DefaultParticipantActor();
  std::string reason = "the channel audit changed";
};

int RunChannels(const ChannelsArgs& args, bool change);

}  // namespace cx::cli
