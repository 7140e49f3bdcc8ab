#include "report/ranking_page.h"

#include <gtest/gtest.h>

namespace cx::report {
namespace {

RankingPageInput Sample() {
  RankingPageInput in;
  in.study_name = "Kundeserviceprisen 2026";
  IndustryRanking bank{"Bank", {}, 80.2, true};
  bank.rows = {{1, "Fjordbanken", 94.7, 91.0, 97.5, 25},
               {2, "Ålesund Sparebank", 90.1, 86.0, 93.2, 25},
               {std::nullopt, "Nybanken", 70.0, std::nullopt, std::nullopt, 12}};
  IndustryRanking power{"Strøm", {}, 75.0, false};
  power.rows = {{1, "Vestkraft", 88.0, 84.0, 91.0, 25}, {2, "Nordkraft", 87.5, 83.5, 90.7, 25}};
  in.industries = {bank, power};
  in.channels = {{"Telefon", 85.5, 2100, "Fjordbanken", 97.0},
                 {"Messenger", 70.2, 300, "Vestkraft", 91.0}};
  in.chat_person_mean = 80.0;
  in.chat_bot_mean = 54.0;
  in.chat_person_contacts = 800;
  in.chat_bot_contacts = 250;
  return in;
}

TEST(RankingPage, ClearWinnerGetsTheMarkAnUnclearOneIsSaidToBeSo) {
  const std::string html = RenderRankingPageHtml(Sample());
  // Bank's winner is clear: one badge, on Fjordbanken's row.
  const size_t badge = html.find("<span class=\"badge\">Best i test</span>");
  ASSERT_NE(badge, std::string::npos);
  EXPECT_EQ(html.find("<span class=\"badge\">", badge + 1), std::string::npos);
  EXPECT_LT(html.find("Fjordbanken"), badge);
  EXPECT_GT(html.find("Ålesund Sparebank"), badge);
  // Strøm's is not: the page says so.
  EXPECT_NE(html.find("Vinneren leder, men ikke sikkert"), std::string::npos);
}

TEST(RankingPage, ScoresIntervalsAndUnrankedRows) {
  const std::string html = RenderRankingPageHtml(Sample());
  EXPECT_NE(html.find(">94,7<"), std::string::npos);
  EXPECT_NE(html.find("91,0 – 97,5"), std::string::npos);
  EXPECT_NE(html.find("Nybanken <span class=\"note\">(ikke rangert)</span>"), std::string::npos);
  EXPECT_NE(html.find("Chat: menneske og chatbot"), std::string::npos);
  EXPECT_NE(html.find("Messenger (n=300)"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace cx::report
