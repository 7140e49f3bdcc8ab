#include "domain/channel.h"

#include <cctype>

#include "domain/account.h"

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

namespace {

bool IsUrl(std::string_view text) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (text.substr(0, scheme.size()) != scheme) continue;
    const std::string_view rest = text.substr(scheme.size());
    const std::string_view host = rest.substr(0, rest.find('/'));
    for (char c : rest) {
      if (std::isspace(static_cast<unsigned char>(c)) ||
          std::iscntrl(static_cast<unsigned char>(c)))
        return false;
    }
    const auto dot = host.find('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < host.size();
  }
  return false;
}

std::optional<std::string> CheckPhoneNumber(std::string_view text) {
  int digits = 0;
  for (size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c == '+' && index == 0) {
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return "a phone number is expected (digits, \"+\" first, spaces, \"-\", \"(\", \")\"), "
             "found '" +
             std::string(1, c) + "'";
    }
  }
  if (digits < 5 || digits > 15) {
    return "a phone number of 5 to 15 digits is expected, found " + std::to_string(digits);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckReach(Channel channel, std::string_view reach) {
  switch (channel) {
    case Channel::kPhone:
      return CheckPhoneNumber(reach);
    case Channel::kChat:
    case Channel::kMessenger:
      if (IsUrl(reach)) return std::nullopt;
      return "the chat page's URL (http:// or https://) is expected";
    case Channel::kEmailForm:
      if (reach.find('@') != std::string_view::npos) {
        if (Status ok = CheckEmail(reach); !ok) return ok.error().message;
        return std::nullopt;
      }
      if (IsUrl(reach)) return std::nullopt;
      return "an e-mail address or the form's URL (http:// or https://) is expected";
  }
  return std::nullopt;
}

}  // namespace cx::domain
