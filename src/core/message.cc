#include "core/message.h"

#include <array>
#include <charconv>

namespace cx {

std::string FillPlaceholders(std::string_view text, const std::vector<std::string>& values) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if ((c == '{' || c == '}') && at + 1 < text.size() && text[at + 1] == c) {
      out += c;  // {{ or }}
      ++at;
      continue;
    }
    if (c == '{') {
      const size_t close = text.find('}', at);
      size_t index = 0;
      const char* first = text.data() + at + 1;
      const char* last = close == std::string_view::npos ? first : text.data() + close;
      const auto [stop, error] = std::from_chars(first, last, index);
      if (close != std::string_view::npos && error == std::errc() && stop == last && index >= 1 &&
          index <= values.size()) {
        out += values[index - 1];
        at = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::string Message::English() const {
  return Say([](const std::string& english) -> const std::string& { return english; });
}

Message MessageArg(double number) {
  std::array<char, 32> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  return Verbatim(error == std::errc() ? std::string(buffer.data(), end) : std::string("?"));
}

}  // namespace cx
