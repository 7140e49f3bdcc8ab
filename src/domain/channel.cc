#include "domain/channel.h"

namespace cx::domain {

std::string_view ToString(Channel channel) {
  switch (channel) {
    case Channel::kPhone:
      return "phone";
    case Channel::kEmailForm:
      return "email_form";
    case Channel::kChat:
      return "chat";
    case Channel::kMessenger:
      return "messenger";
  }
  return "?";
}

std::optional<Channel> ParseChannel(std::string_view id) {
  for (Channel channel : kAllChannels) {
    if (ToString(channel) == id) return channel;
  }
  return std::nullopt;
}

std::string_view ToString(Ease ease) {
  switch (ease) {
    case Ease::kEasy:
      return "easy";
    case Ease::kModerate:
      return "moderate";
    case Ease::kHard:
      return "hard";
  }
  return "?";
}

std::optional<Ease> ParseEase(std::string_view id) {
  for (Ease ease : {Ease::kEasy, Ease::kModerate, Ease::kHard}) {
    if (ToString(ease) == id) return ease;
  }
  return std::nullopt;
}

}  // namespace cx::domain
