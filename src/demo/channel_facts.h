#pragma once
// Channel availability among the participants of Kundeserviceprisen 2022
// (docs/sources.md, "Kundeserviceprisen 2022"): the one place these figures
// are written. The demo generator reproduces them; `cxbench demo` prints
// them beside the generated study's channel audit.

#include "domain/channel.h"

namespace cx::demo {

struct ChannelFacts2022 {
  domain::Channel channel;
  double offered;  // share of participants offering it
  double easy;     // share of those where it was easy to find
};

inline constexpr ChannelFacts2022 kChannelFacts2022[] = {
    {domain::Channel::kPhone, 0.94, 0.34},
    {domain::Channel::kEmailForm, 0.84, 0.30},
    {domain::Channel::kChat, 0.63, 0.72},
    // "likt for alle som har denne kontaktmåten": the same for everyone who has it.
    {domain::Channel::kMessenger, 0.74, 1.00},
};

// The share of participants offering `channel` in 2022 (0 for a channel the
// study did not audit).
inline double OfferedShare2022(domain::Channel channel) {
  for (const ChannelFacts2022& facts : kChannelFacts2022) {
    if (facts.channel == channel) return facts.offered;
  }
  return 0;
}

}  // namespace cx::demo
