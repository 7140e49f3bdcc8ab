#include "core/message.h"

#include <gtest/gtest.h>

#include <map>

namespace cx {
namespace {

TEST(FillPlaceholders, FillsNumberedPlacesAndKeepsWhatItCannotFill) {
  EXPECT_EQ(FillPlaceholders("{2} before {1}", {"a", "b"}), "b before a");
  EXPECT_EQ(FillPlaceholders("{1}{1}", {"x"}), "xx");
  EXPECT_EQ(FillPlaceholders("{{1}} is literal", {"x"}), "{1} is literal");
  EXPECT_EQ(FillPlaceholders("{3} {0} {x} {", {"a"}), "{3} {0} {x} {");
}

TEST(Msg, ReadsInEnglishAsTheSentenceItReplaces) {
  const Message message = Msg("a whole number from {1} to {2} is expected, not {3}", 0, 20, 47.5);
  EXPECT_EQ(message.English(), "a whole number from 0 to 20 is expected, not 47.5");
  // A value is never read as a template: braces in a person's text stay.
  EXPECT_EQ(Msg("not '{1}'", "{1}{{").English(), "not '{1}{{'");
  EXPECT_EQ(Msg("{1}", 0.1).English(), "0.1");
  EXPECT_EQ(Msg("{1}", 1e-6).English(), "1e-06");
}

TEST(Msg, TranslatesTemplatesAndPhrasesButNotValues) {
  const std::map<std::string, std::string> nb = {
      {"{1} is expected, not {2}", "{1} er ventet, ikke {2}"},
      {"a text", "en tekst"},
      {"a number", "et tall"},
      {"the answer was not recorded: {1}", "svaret ble ikke lagret: {1}"}};
  auto translate = [&](const std::string& text) {
    const auto found = nb.find(text);
    return found == nb.end() ? text : found->second;
  };
  const Message inner = Msg("{1} is expected, not {2}", Phrase("a text"), Phrase("a number"));
  const Message outer = Msg("the answer was not recorded: {1}", inner);
  EXPECT_EQ(outer.Say(translate), "svaret ble ikke lagret: en tekst er ventet, ikke et tall");
  EXPECT_EQ(outer.English(), "the answer was not recorded: a text is expected, not a number");
  // A value that happens to be a template's text is still a value.
  EXPECT_EQ(Msg("{1}", "a text").Say(translate), "a text");
}

}  // namespace
}  // namespace cx
