// The translator against the real catalogues the build compiled from
// src/i18n/po: the expected sentences are those catalogues' translations, as
// a Norwegian, Swedish and Danish reader should read them.
#include "i18n/translator.h"

#include <gtest/gtest.h>

namespace cx::i18n {
namespace {

const Translator& Built() {
  static const Translator translator = Translator::Load(DefaultCatalogueDir());
  return translator;
}

TEST(Translator, SaysAMessageInEachInterfaceLanguage) {
  ASSERT_TRUE(Built().missing().empty());
  const Message range = Msg("a whole number from {1} to {2} is expected, not {3}", 0, 20, 47);
  EXPECT_EQ(Built().Say(range, "nb"), "et heltall fra 0 til 20 er ventet, ikke 47");
  EXPECT_EQ(Built().Say(range, "sv"), "ett heltal från 0 till 20 förväntas, inte 47");
  EXPECT_EQ(Built().Say(range, "da"), "et heltal fra 0 til 20 forventes, ikke 47");
  EXPECT_EQ(Built().Say(range, "en"), "a whole number from 0 to 20 is expected, not 47");
  // A language the interface does not speak gets the English.
  EXPECT_EQ(Built().Say(range, "fi"), range.English());
}

TEST(Translator, TranslatesPhrasesInsideASentenceButNotValues) {
  const Message typed = Msg("a text is expected, not {1}", Phrase("a number"));
  EXPECT_EQ(Built().Say(typed, "nb"), "en tekst er ventet, ikke et tall");
  EXPECT_EQ(Built().Say(typed, "da"), "en tekst forventes, ikke et tal");
  // An id stays as it is.
  EXPECT_EQ(Built().Say(Msg("unknown question '{1}'", "a number"), "sv"), "okänd fråga ”a number”");
}

TEST(Translator, WithoutCataloguesEveryoneReadsEnglish) {
  const Translator none = Translator::Load("/nonexistent");
  EXPECT_EQ(none.missing(), (std::vector<std::string>{"da", "nb", "sv"}));
  EXPECT_EQ(none.Say(Msg("log in first"), "nb"), "log in first");
}

TEST(LanguageFromAcceptLanguage, PicksTheBestInterfaceLanguage) {
  EXPECT_EQ(LanguageFromAcceptLanguage("nb-NO,nb;q=0.9,en;q=0.8"), "nb");
  // Norwegian without a written standard, and nynorsk, read bokmål best.
  EXPECT_EQ(LanguageFromAcceptLanguage("no"), "nb");
  EXPECT_EQ(LanguageFromAcceptLanguage("nn-NO"), "nb");
  EXPECT_EQ(LanguageFromAcceptLanguage("sv-SE,sv;q=0.9"), "sv");
  EXPECT_EQ(LanguageFromAcceptLanguage("da, en;q=0.5"), "da");
  EXPECT_EQ(LanguageFromAcceptLanguage("en-GB"), "en");
  // The weights count, not the order.
  EXPECT_EQ(LanguageFromAcceptLanguage("en;q=0.2, sv;q=0.9"), "sv");
  EXPECT_EQ(LanguageFromAcceptLanguage("fr-FR"), "");
  EXPECT_EQ(LanguageFromAcceptLanguage(""), "");
  EXPECT_EQ(LanguageFromAcceptLanguage("\xff;q=;;,"), "");
  EXPECT_EQ(LanguageFromAcceptLanguage(std::string(5000, 'a')), "");
}

}  // namespace
}  // namespace cx::i18n
