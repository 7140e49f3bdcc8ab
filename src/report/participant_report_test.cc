#include "report/participant_report.h"

#include <gtest/gtest.h>

namespace cx::report {
namespace {

ParticipantReportInput Sample(const std::string& language) {
  ParticipantReportInput in;
  in.language = language;
  in.study_name = "Kundeserviceprisen 2026";
  in.participant = "Vestlandets Største Sparebank og Forsikring Kundesenter Privat & Bedrift";
  in.company = "Vestlandets Største Sparebank";
  in.industry = "Bank";
  in.contacts = 25;
  in.answered = 24;
  in.total = {94.7, 91.2, 97.3};
  in.score_answered = 98.6;
  in.agent_score = 96.1;
  in.rank = 1;
  in.rank_best = 1;
  in.rank_worst = 2;
  in.ranked_in_industry = 15;
  in.best_in_test = true;
  in.industry_mean = 78.4;
  in.industry_best = 94.7;
  in.areas = {{"Mottak og velkomst", 97.0, 80.0, 97.0}, {"Kundebehandleren", 93.5, 75.2, 95.0}};
  in.channels = {{"Telefon", 12, 96.0, 81.0}, {"Chat", 7, 92.0, 74.0}};
  in.chat_person = 95.0;
  in.chat_bot = 61.0;
  in.questions = {
      {"Mottak og velkomst", "Følte du deg velkommen?", 100.0, 84.0, true},
      {"Mottak og velkomst", "Presenterte kundebehandleren seg med navn?", 88.0, 90.0, false}};
  in.own_totals = {100, 96, 92, 0, 98};
  in.industry_totals = {50, 70, 80, 90, 100, 0};
  in.sd = 4.2;
  in.share_90_plus = 88.0;
  in.waits = {{"Telefon", 35.0, 90.0, 60.0, 240.0},
              {"E-post/skjema", 7200.0, 30000.0, 14400.0, 86400.0}};
  in.nps = {42.0, 18.5, 61.0};
  in.csat = {88.0, 70.0, 96.0};
  in.ces_mean = {6.1, 5.7, 6.5};
  in.ces_easy = {91.0, 74.0, 98.0};
  in.references = {{"Følte du deg velkommen?", 100.0, 84.0}};
  in.audit = {{"Telefon", true, "enkelt"}, {"Messenger", false, ""}};
  in.comments = {{"Kundebehandleren", {"Svært kompetent <og> hyggelig."}}};
  in.priorities = {{"Ba om å få sende tilbud", 12.5, 0.61}};
  return in;
}

TEST(ParticipantReport, FrontPageHasScoreRankAndTheBestInTestMark) {
  const std::string html = RenderParticipantReportHtml(Sample("nb"));
  EXPECT_NE(
      html.find("Vestlandets Største Sparebank og Forsikring Kundesenter Privat &amp; Bedrift"),
      std::string::npos);
  EXPECT_NE(html.find(">94,7<"), std::string::npos);         // decimal comma in Norwegian
  EXPECT_NE(html.find("[91,2 – 97,3]"), std::string::npos);  // its interval
  EXPECT_NE(html.find("1 av 15"), std::string::npos);
  EXPECT_NE(html.find("sannsynlig plassering 1–2"), std::string::npos);
  EXPECT_NE(html.find("Best i test"), std::string::npos);
  EXPECT_NE(html.find("class=\"rank\""), std::string::npos);
}

TEST(ParticipantReport, NoBestInTestMarkWithoutAClearWin) {
  ParticipantReportInput in = Sample("nb");
  in.best_in_test = false;
  EXPECT_EQ(RenderParticipantReportHtml(in).find("Best i test"), std::string::npos);
}

TEST(ParticipantReport, SaysHowManyReportsAreStillInQa) {
  ParticipantReportInput in = Sample("en");
  EXPECT_EQ(RenderParticipantReportHtml(in).find("provisional"), std::string::npos);
  in.provisional = 5;  // of 25: 20 approved
  EXPECT_NE(
      RenderParticipantReportHtml(in).find(
          "25 contacts (20 approved, 5 provisional: still in quality assurance), 24 answered"),
      std::string::npos);
  in.language = "nb";
  EXPECT_NE(
      RenderParticipantReportHtml(in).find(
          "25 henvendelser (20 godkjent, 5 foreløpige: ennå i kvalitetskontroll), 24 besvart"),
      std::string::npos);
}

// docs/scoring.md, "Rounding for display": the exact binary value to the
// nearest, an exact tie half to even.
TEST(ParticipantReport, DisplayRoundsAnExactTieHalfToEven) {
  ParticipantReportInput in = Sample("en");
  in.total = {72.25, 70.75, 74.45};  // 72.25 and 70.75 are exact binaries; 74.45 is not
  const std::string html = RenderParticipantReportHtml(in);
  EXPECT_NE(html.find(">72.2<"), std::string::npos);
  EXPECT_NE(html.find("[70.8 – 74.5]"), std::string::npos);  // 74.45 is 74.4500000000000028...
}

TEST(ParticipantReport, EnglishUsesEnglishTextsAndDecimalPoints) {
  const std::string html = RenderParticipantReportHtml(Sample("en"));
  EXPECT_NE(html.find("Total result"), std::string::npos);
  EXPECT_NE(html.find(">94.7<"), std::string::npos);
  EXPECT_NE(html.find("Best in test"), std::string::npos);
  EXPECT_NE(html.find("lang=\"en\""), std::string::npos);
}

TEST(ParticipantReport, EverySectionIsThereWithItsCharts) {
  const std::string html = RenderParticipantReportHtml(Sample("nb"));
  for (const char* heading :
       {"Prestasjonsområder", "Kanaler", "Chat: menneske og chatbot", "Variasjon mellom",
        "Svar- og ventetid", "Kundeopplevelse (CX)", "Tre referansespørsmål", "Kanalrevisjon",
        "Kommentarer fra kundene", "Forbedringsprioriteringer", "Spørsmål for spørsmål"}) {
    EXPECT_NE(html.find(heading), std::string::npos) << heading;
  }
  EXPECT_NE(html.find("class=\"box\""), std::string::npos);       // variation chart
  EXPECT_NE(html.find("class=\"marker\""), std::string::npos);    // industry best on the area chart
  EXPECT_NE(html.find("class=\"interval\""), std::string::npos);  // CX intervals
  EXPECT_NE(html.find("+16,0 *"), std::string::npos);             // 100 - 84, marked significant
  EXPECT_NE(html.find("2,0 t"), std::string::npos);               // 7200 s e-mail wait in hours
  EXPECT_NE(html.find("«Svært kompetent &lt;og&gt; hyggelig.»"), std::string::npos);
}

TEST(ParticipantReport, LoadsNothingFromAnywhereAndRunsNoScript) {
  const std::string html = RenderParticipantReportHtml(Sample("nb"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
}

TEST(ParticipantReport, MissingFiguresShowADashNeverNaN) {
  ParticipantReportInput in;
  in.participant = "Tom";
  in.areas = {{"Mottak", std::nullopt, std::nullopt, std::nullopt}};
  const std::string html = RenderParticipantReportHtml(in);
  // As printf writes them: "nan", "-nan", "inf", inside text or attribute values.
  for (const char* bad : {">nan", ">-nan", "\"nan", "\"-nan", ">inf", "\"inf", ">-inf", "\"-inf"}) {
    EXPECT_EQ(html.find(bad), std::string::npos) << bad;
  }
  EXPECT_NE(html.find("Ikke rangert"), std::string::npos);
}

}  // namespace
}  // namespace cx::report
