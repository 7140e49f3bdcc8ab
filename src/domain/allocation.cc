#include "domain/allocation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cx::domain {

std::vector<Channel> ContactChannels(const Study& study, const Participant& participant) {
  std::vector<const ChannelSpec*> offered;
  for (const ChannelSpec& spec : study.channels) {
    if (participant.Offers(spec.channel)) offered.push_back(&spec);
  }
  // stable_sort keeps the enum order (phone, email_form, chat, messenger) within equal priority.
  std::sort(offered.begin(), offered.end(), [](const ChannelSpec* a, const ChannelSpec* b) {
    return a->priority != b->priority ? a->priority < b->priority : a->channel < b->channel;
  });
  if (study.max_channels_per_participant > 0 &&
      offered.size() > static_cast<size_t>(study.max_channels_per_participant)) {
    offered.resize(static_cast<size_t>(study.max_channels_per_participant));
  }
  std::vector<Channel> channels;
  for (const ChannelSpec* spec : offered) channels.push_back(spec->channel);
  return channels;
}

std::vector<std::pair<Channel, int>> AllocateContacts(const Study& study,
                                                      const Participant& participant) {
  const std::vector<Channel> channels = ContactChannels(study, participant);
  double share_sum = 0;
  for (Channel channel : channels) share_sum += std::max(0.0, study.FindChannel(channel)->share);
  std::vector<std::pair<Channel, int>> allocation;
  if (channels.empty() || share_sum <= 0) return allocation;

  const int total = study.contacts_per_participant;
  std::vector<int> seats(channels.size());
  std::vector<double> fraction(channels.size());
  int given = 0;
  for (size_t index = 0; index < channels.size(); ++index) {
    const double quota =
        total * std::max(0.0, study.FindChannel(channels[index])->share) / share_sum;
    seats[index] = static_cast<int>(std::floor(quota));
    fraction[index] = quota - seats[index];
    given += seats[index];
  }
  std::vector<size_t> order(channels.size());
  std::iota(order.begin(), order.end(), 0);
  // Largest fraction first; stable keeps priority order among equal fractions.
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return fraction[a] > fraction[b] + 1e-12; });
  for (size_t rank = 0; given < total; rank = (rank + 1) % order.size(), ++given) {
    ++seats[order[rank]];
  }
  for (size_t index = 0; index < channels.size(); ++index) {
    if (seats[index] > 0) allocation.emplace_back(channels[index], seats[index]);
  }
  return allocation;
}

}  // namespace cx::domain
