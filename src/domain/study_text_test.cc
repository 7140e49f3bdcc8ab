// Which language a reader sees a study's text in (Study::TextFor): the
// reader's own, else the study's languages in their order, else any.
#include <gtest/gtest.h>

#include "domain/study.h"

namespace cx::domain {
namespace {

Study StudyIn(std::vector<std::string> languages) {
  Study study;
  study.languages = std::move(languages);
  return study;
}

LocalizedText Text(std::map<std::string, std::string> by_language) { return {by_language}; }

TEST(StudyTextFor, TheReadersLanguageWhenTheTextHasIt) {
  const Study study = StudyIn({"nb", "en", "sv", "da"});
  const LocalizedText welcome =
      Text({{"nb", "Velkommen"}, {"en", "Welcome"}, {"sv", "Välkommen"}, {"da", "Velkommen"}});
  EXPECT_EQ(study.TextFor(welcome, "sv"), "Välkommen");
  EXPECT_EQ(study.TextFor(welcome, "en"), "Welcome");
}

// The case of issue 14: a study in bokmål and English read by a Swedish or
// Danish shopper. "en" sorts before "nb", so a fallback in key order would
// show English; the study's default, bokmål, is what they read.
TEST(StudyTextFor, AMissingLanguageFallsBackToTheStudysDefault) {
  const Study study = StudyIn({"nb", "en"});
  const LocalizedText title = Text({{"nb", "Nytt medlemskap"}, {"en", "New membership"}});
  EXPECT_EQ(study.TextFor(title, "sv"), "Nytt medlemskap");
  EXPECT_EQ(study.TextFor(title, "da"), "Nytt medlemskap");
}

// A Swedish-first study: an English reader gets Swedish, not Danish ("da"
// sorts first).
TEST(StudyTextFor, TheDefaultIsTheFirstLanguageNotTheFirstInTheAlphabet) {
  const Study study = StudyIn({"sv", "da"});
  const LocalizedText title = Text({{"sv", "Nytt medlemskap"}, {"da", "Nyt medlemskab"}});
  EXPECT_EQ(study.TextFor(title, "en"), "Nytt medlemskap");
}

// A text without the default goes down the study's list in its order: here
// bokmål, the second language, before Danish, the third.
TEST(StudyTextFor, ThenTheStudysOtherLanguagesInTheirOrder) {
  const Study study = StudyIn({"sv", "nb", "da"});
  const LocalizedText title = Text({{"da", "Nyt medlemskab"}, {"nb", "Nytt medlemskap"}});
  EXPECT_EQ(study.TextFor(title, "en"), "Nytt medlemskap");
}

TEST(StudyTextFor, ThenAnyLanguageTheTextHasAndElseNothing) {
  const Study study = StudyIn({"nb"});
  EXPECT_EQ(study.TextFor(Text({{"fi", "Uusi jäsenyys"}}), "sv"), "Uusi jäsenyys");
  EXPECT_EQ(study.TextFor(Text({}), "nb"), "");
  EXPECT_EQ(StudyIn({}).TextFor(Text({{"en", "New membership"}}), "sv"), "New membership");
}

}  // namespace
}  // namespace cx::domain
