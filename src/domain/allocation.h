#pragma once
// How a participant's contacts are split over its channels.

#include <utility>
#include <vector>

#include "domain/study.h"

namespace cx::domain {

// The channels a participant is contacted on: those of the study it offers,
// in the study's priority order (lower priority value first; ties in the
// order phone, email_form, chat, messenger), cut to the study's
// max_channels_per_participant when that is set.
std::vector<Channel> ContactChannels(const Study& study, const Participant& participant);

// Splits the study's contacts_per_participant over ContactChannels() in
// proportion to the study's channel shares restricted to those channels, by
// the largest-remainder (Hamilton) method:
//   quota_c = total * share_c / sum(shares);  each channel gets floor(quota_c),
//   and the seats left go one each to the largest fractional parts, ties to
//   the channel first in priority order.
// Deterministic. Empty when the participant offers none of the study's
// channels or their shares sum to 0. Channels that get 0 contacts are left out.
std::vector<std::pair<Channel, int>> AllocateContacts(const Study& study,
                                                      const Participant& participant);

}  // namespace cx::domain
