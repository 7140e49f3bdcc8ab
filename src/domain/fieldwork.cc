#include "domain/fieldwork.h"

#include <algorithm>

namespace cx::domain {

bool Shopper::CanDo(Channel channel) const {
  return std::find(channels.begin(), channels.end(), channel) != channels.end();
}

std::string_view ToString(ContactStatus status) {
  switch (status) {
    case ContactStatus::kPlanned:
      return "planned";
    case ContactStatus::kStarted:
      return "started";
    case ContactStatus::kSubmitted:
      return "submitted";
    case ContactStatus::kApproved:
      return "approved";
    case ContactStatus::kReturned:
      return "returned";
    case ContactStatus::kFailed:
      return "failed";
  }
  return "?";
}

std::optional<ContactStatus> ParseContactStatus(std::string_view id) {
  for (ContactStatus status :
       {ContactStatus::kPlanned, ContactStatus::kStarted, ContactStatus::kSubmitted,
        ContactStatus::kApproved, ContactStatus::kReturned, ContactStatus::kFailed}) {
    if (ToString(status) == id) return status;
  }
  return std::nullopt;
}

std::string_view ToString(Responder responder) {
  switch (responder) {
    case Responder::kUnknown:
      return "unknown";
    case Responder::kPerson:
      return "person";
    case Responder::kChatbot:
      return "chatbot";
  }
  return "?";
}

std::optional<Responder> ParseResponder(std::string_view id) {
  for (Responder responder : {Responder::kUnknown, Responder::kPerson, Responder::kChatbot}) {
    if (ToString(responder) == id) return responder;
  }
  return std::nullopt;
}

const Answer* Contact::FindAnswer(const std::string& question) const {
  for (const Answer& answer : answers) {
    if (answer.question == question) return &answer;
  }
  return nullptr;
}

}  // namespace cx::domain
