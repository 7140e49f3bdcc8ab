#pragma once
// A message for a person, kept translatable until it is said: an English
// template with numbered places, {1}, {2}, ..., and the values that fill
// them. The template is the key of its translations (src/i18n/po/*.po, read
// by i18n::Translator); English() says it as the code wrote it, so a message
// made with Msg reads exactly like the sentence it replaces.
//   Msg("a whole number from {1} to {2} is expected, not {3}", 0, 20, 47)
// A value is said as given (an id, a number, a person's text), or, made with
// Phrase, translated too ("a number" in "{1} is expected"), or a whole
// Message (a field's problem inside "the answer was not recorded: {1}").
// Never build a sentence by joining pieces: word order differs between
// languages, so each sentence is one template.

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cx {

struct Message {
  std::string text;           // an English template, or a value said as it is
  bool translate = true;      // false: `text` is a value, not a template
  std::vector<Message> args;  // what fills {1}, {2}, ...

  bool empty() const { return text.empty(); }
  // The message in English: the template filled with the values in English.
  std::string English() const;
  // The message with every template passed through `translate` first.
  template <typename Translate>
  std::string Say(const Translate& translator) const;

  bool operator==(const Message&) const = default;
};

// `text` with {N} replaced by values[N-1]; {{ and }} stand for { and }; a
// place with no value is kept as it is, so a missing value shows.
std::string FillPlaceholders(std::string_view text, const std::vector<std::string>& values);

// A value said as it is, never translated.
inline Message Verbatim(std::string text) { return Message{std::move(text), false, {}}; }

inline Message MessageArg(Message message) { return message; }
inline Message MessageArg(std::string text) { return Verbatim(std::move(text)); }
inline Message MessageArg(std::string_view text) { return Verbatim(std::string(text)); }
inline Message MessageArg(const char* text) { return Verbatim(text); }
// Numbers as the shortest text that reads back the same (7.5, 20, 1e-06).
Message MessageArg(double number);
template <typename Integer, typename = std::enable_if_t<std::is_integral_v<Integer> &&
                                                        !std::is_same_v<Integer, bool>>>
Message MessageArg(Integer number) {
  return Verbatim(std::to_string(number));
}

// A translatable sentence: `text` is its English template (a literal, so
// that `src/i18n/messages.sh` finds it).
template <typename... Args>
Message Msg(std::string_view text, Args&&... args) {
  return Message{std::string(text), true, {MessageArg(std::forward<Args>(args))...}};
}

// A translatable value inside a sentence ("a number", "a text").
template <typename... Args>
Message Phrase(std::string_view text, Args&&... args) {
  return Msg(text, std::forward<Args>(args)...);
}

template <typename Translate>
std::string Message::Say(const Translate& translator) const {
  if (!translate) return text;
  std::vector<std::string> values;
  values.reserve(args.size());
  for (const Message& arg : args) values.push_back(arg.Say(translator));
  return FillPlaceholders(translator(text), values);
}

}  // namespace cx
