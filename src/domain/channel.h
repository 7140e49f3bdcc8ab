#pragma once
// The contact channels of a study. The set is fixed by the domain (seeds 000,
// 001): phone, e-mail or contact form, chat, and Messenger.

#include <array>
#include <optional>
#include <string>
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

// Why `reach` (how to reach a company on `channel`, from the channel audit)
// is not of the channel's form; nullopt when it is. Phone: a number, "+"
// first at most, then digits with spaces, "-", "(" and ")" between them,
// 5 to 15 digits (E.164 allows 15). Chat and Messenger: an http(s) URL.
// E-mail/form: an e-mail address (CheckEmail) or an http(s) URL of the form.
// A URL is "http://" or "https://", a host with a dot and no white space.
std::optional<std::string> CheckReach(Channel channel, std::string_view reach);

}  // namespace cx::domain
