#include "report/svg_chart.h"

#include <gtest/gtest.h>

namespace cx::report {
namespace {

int Count(const std::string& text, const std::string& what) {
  int count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(EscapeXml, EscapesMarkupButKeepsNorwegianLetters) {
  EXPECT_EQ(EscapeXml("Ærlig & <god> \"service\" i 'Tønsberg'"),
            "Ærlig &amp; &lt;god&gt; &quot;service&quot; i &#39;Tønsberg&#39;");
}

TEST(RenderBarChart, BarLengthsAreProportionalOnTheScale) {
  // Width 640: labels take 190 px and 56 px stay free on the right, so the
  // plot is 394 px wide; on 0..100 a value of 50 is 197 px and 100 is 394 px.
  BarChart chart;
  chart.categories = {"Mottak og velkomst", "Kundebehandleren"};
  chart.series = {{"Egen score", "#1f5f99", {50.0, 100.0}}};
  const std::string svg = RenderBarChart(chart);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("width=\"197.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("width=\"394.0\""), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"bar\""), 2);
  EXPECT_NE(svg.find("Mottak og velkomst"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

TEST(RenderBarChart, MissingValuesDrawNoBarAndValuesOutsideTheScaleAreClamped) {
  BarChart chart;
  chart.categories = {"a", "b", "c"};
  chart.series = {{"x", "red", {std::nullopt, 150.0, -20.0}}};
  const std::string svg = RenderBarChart(chart);
  EXPECT_EQ(Count(svg, "class=\"bar\""), 2);
  EXPECT_NE(svg.find("width=\"394.0\""), std::string::npos);  // 150 drawn at the end of the scale
  EXPECT_NE(svg.find("width=\"0.0\""), std::string::npos);    // -20 drawn as nothing
}

TEST(RenderBarChart, MarkersAndLegendForSeveralSeries) {
  BarChart chart;
  chart.categories = {"phone", "chat"};
  chart.series = {{"Egen", "#1f5f99", {90.0, 80.0}}, {"Bransjesnitt", "#9bb", {85.0, 70.0}}};
  chart.markers = Series{"Bransjens beste", "#c33", {97.0, std::nullopt}};
  const std::string svg = RenderBarChart(chart);
  EXPECT_EQ(Count(svg, "class=\"bar\""), 4);
  EXPECT_EQ(Count(svg, "class=\"marker\""), 1);
  EXPECT_NE(svg.find("Bransjens beste"), std::string::npos);
}

TEST(RenderIntervalChart, DrawsPointAndWhiskersOnItsScale) {
  // NPS scale -100..100 over 394 px: 0 is at 190 + 197 = 387; -20 at 190 + 157.6 = 347.6; 40 at 190
  // + 275.8 = 465.8.
  IntervalChart chart;
  chart.min = -100;
  chart.max = 100;
  chart.rows = {{"NPS", 10.0, -20.0, 40.0, "#1f5f99"},
                {"Ingen data", std::nullopt, std::nullopt, std::nullopt, "#999"}};
  const std::string svg = RenderIntervalChart(chart);
  EXPECT_NE(svg.find("x1=\"347.6\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("x2=\"465.8\""), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"point\""), 1);
  EXPECT_EQ(Count(svg, "class=\"interval\""), 1);
}

TEST(RenderDistributionChart, BoxShowsQuartilesAndEveryValueIsADot) {
  // Values 0, 25, 50, 75, 100: q1 = 25, median = 50, q3 = 75 (type 7).
  // On 394 px: q1 at 190 + 98.5 = 288.5, box width 197, median at 387.
  DistributionChart chart;
  chart.groups = {{"Egen", {100, 0, 50, 25, 75}, "#1f5f99"}, {"Tom", {}, "#999"}};
  const std::string svg = RenderDistributionChart(chart);
  EXPECT_NE(svg.find("class=\"box\" x=\"288.5\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("width=\"197.0\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"median\" x1=\"387.0\""), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"dot\""), 5);
}

TEST(RenderRankStrip, PlacesRankAndIntervalAmongN) {
  // n = 11 on 30..610: position k at 30 + 58 (k - 1). Rank 3 at 146; band 2..5 from 88 - 6 to 262
  // + 6.
  const std::string svg = RenderRankStrip(3, 2, 5, 11, 640);
  EXPECT_NE(svg.find("class=\"rank\" cx=\"146.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("class=\"rank-interval\" x=\"82.0\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"186.0\""), std::string::npos);
}

TEST(Labels, LongLabelsAreCutSoTheLayoutHolds) {
  BarChart chart;
  chart.categories = {"Vestlandets Største Sparebank og Forsikring Kundesenter Privat"};
  chart.series = {{"x", "red", {10.0}}};
  const std::string svg = RenderBarChart(chart);
  // 30 characters, the trailing space dropped, then an ellipsis.
  EXPECT_NE(svg.find(">Vestlandets Største Sparebank…</text>"), std::string::npos) << svg;
  // The full name is kept in the tooltip.
  EXPECT_NE(
      svg.find("<title>Vestlandets Største Sparebank og Forsikring Kundesenter Privat</title>"),
      std::string::npos);
}

}  // namespace
}  // namespace cx::report

namespace cx::report {
namespace {
TEST(Axis, TicksKeepTheirDecimalWhenAStepIsNotWhole) {
  IntervalChart ces;
  ces.min = 1;
  ces.max = 7;  // steps of 1.5: 1, 2.5, 4, 5.5, 7
  ces.rows = {{"CES", 5.0, 4.5, 5.5, "#000"}};
  const std::string svg = RenderIntervalChart(ces);
  EXPECT_NE(svg.find(">2.5</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">5.5</text>"), std::string::npos);
  BarChart percent;
  percent.categories = {"a"};
  percent.series = {{"x", "#000", {50.0}}};
  EXPECT_NE(RenderBarChart(percent).find(">25</text>"), std::string::npos);
}
}  // namespace
}  // namespace cx::report
