#pragma once
// The contact channels of a study. The set is fixed by the domain (seeds 000,
// 001): phone, e-mail or contact form, chat, and Messenger.

#include <array>
#include <optional>
#include <string_view>

namespace cx::domain {

enum class Channel { kPhone, kEmailForm, kChat, kMessenger };

inline constexpr std::array<Channel, 4> kAllChannels = {Channel::kPhone, Channel::kEmailForm,
                                                        Channel::kChat, Channel::kMessenger};

// The id used in files, the store and JSON: phone, email_form, chat, messenger.
std::string_view ToString(Channel channel);
// Parses an id; nullopt when it names no channel.
std::optional<Channel> ParseChannel(std::string_view id);

// How easy the channel audit found a channel on the participant's web site.
enum class Ease { kEasy, kModerate, kHard };
std::string_view ToString(Ease ease);
std::optional<Ease> ParseEase(std::string_view id);

}  // namespace cx::domain
