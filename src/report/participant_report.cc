#include "report/participant_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/report_text.h"
#include "report/svg_chart.h"

namespace cx::report {
namespace {

constexpr const char* kOwnColor = "#1f5f99";
constexpr const char* kIndustryColor = "#9db7cf";
constexpr const char* kBestColor = "#c0392b";

// The page's look, for screen and for A4 print. Inline: the report is one file.
constexpr const char* kStyle = R"(
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2733; font-size: 10.5pt; line-height: 1.4;
       max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 22pt; margin: 0 0 2mm; overflow-wrap: anywhere; hyphens: auto; }
h2 { font-size: 14pt; margin: 9mm 0 3mm; border-bottom: 2px solid #1f5f99; padding-bottom: 1mm; break-after: avoid; }
.front { break-after: page; }
.study { color: #555; font-size: 11pt; margin: 0 0 8mm; }
.company { color: #555; margin: 0 0 6mm; overflow-wrap: anywhere; }
.figures { display: flex; flex-wrap: wrap; gap: 5mm; margin: 6mm 0; }
.figure { border: 1px solid #d5dde6; border-radius: 3mm; padding: 4mm 5mm; min-width: 50mm; flex: 1; }
.figure .value { font-size: 26pt; font-weight: bold; color: #1f5f99; }
.figure .label { color: #555; font-size: 9.5pt; }
.figure .sub { color: #555; font-size: 9pt; }
.badge { display: inline-block; background: #c0392b; color: #fff; font-weight: bold; font-size: 14pt;
         padding: 2mm 6mm; border-radius: 2mm; margin: 2mm 0 4mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 1px solid #e3e8ee; vertical-align: top; }
th { background: #eef3f8; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
.note { color: #555; font-size: 9pt; }
.significant { font-weight: bold; }
.better { color: #1e7b34; }
.worse { color: #b03a2e; }
.comment { margin: 0 0 1.5mm; padding-left: 3mm; border-left: 2px solid #d5dde6; font-style: italic; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 2mm 0; }
section { break-inside: auto; }
)";

std::string Escape(const std::string& text) { return EscapeXml(text); }

char DecimalMark(const std::string& language) { return language == "en" ? '.' : ','; }

std::string Format(const std::optional<double>& value, const std::string& language,
                   int decimals = 1) {
  if (!value || !std::isfinite(*value)) return T(language, "none");
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *value);
  std::string text = buffer;
  std::replace(text.begin(), text.end(), '.', DecimalMark(language));
  return text;
}

std::string FormatSigned(const std::optional<double>& value, const std::string& language) {
  if (!value) return T(language, "none");
  return (*value > 0 ? "+" : "") + Format(value, language);
}

// A wait for people: seconds, minutes or hours.
std::string FormatWait(const std::optional<double>& seconds, const std::string& language) {
  if (!seconds) return T(language, "none");
  if (*seconds < 120) return Format(*seconds, language, 0) + " s";
  if (*seconds < 2 * 3600) return Format(*seconds / 60, language, 0) + " min";
  return Format(*seconds / 3600, language, 1) + (language == "en" ? " h" : " t");
}

std::string Interval(const Estimate& estimate, const std::string& language, int decimals = 1) {
  if (!estimate.low || !estimate.high) return "";
  return "[" + Format(estimate.low, language, decimals) + " – " +
         Format(estimate.high, language, decimals) + "]";
}

std::string Figure(const std::string& label, const std::string& value, const std::string& sub) {
  return "<div class=\"figure\"><div class=\"label\">" + Escape(label) +
         "</div><div class=\"value\">" + Escape(value) + "</div><div class=\"sub\">" + Escape(sub) +
         "</div></div>";
}

// " (20 approved, 5 provisional: still in quality assurance)" when some count
// before their QA is done; nothing when every counted report is approved.
std::string ProvisionalNote(const ParticipantReportInput& in) {
  if (in.provisional <= 0) return "";
  const std::string& l = in.language;
  return " (" + std::to_string(in.contacts - in.provisional) + " " + Escape(T(l, "approved")) +
         ", " + std::to_string(in.provisional) + " " + Escape(T(l, "provisional")) + ")";
}

std::string FrontPage(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  std::string html = "<section class=\"front\"><p class=\"study\">" + Escape(in.study_name) +
                     " · " + Escape(T(l, "report")) + "</p>";
  html += "<h1>" + Escape(in.participant) + "</h1>";
  html += "<p class=\"company\">" + Escape(in.company) + " · " + Escape(in.industry) + " · " +
          std::to_string(in.contacts) + " " + Escape(T(l, "contacts")) + ProvisionalNote(in) +
          ", " + std::to_string(in.answered) + " " + Escape(T(l, "answered")) + "</p>";
  if (in.best_in_test) html += "<div class=\"badge\">★ " + Escape(T(l, "best_in_test")) + "</div>";
  html += "<div class=\"figures\">";
  html += Figure(T(l, "total"), Format(in.total.value, l),
                 T(l, "interval") + " " + Interval(in.total, l));
  std::string rank_text = T(l, "none"), rank_sub = T(l, "not_ranked");
  if (in.rank) {
    rank_text = std::to_string(*in.rank) + " " + T(l, "rank_of") + " " +
                std::to_string(in.ranked_in_industry);
    rank_sub = T(l, "rank_interval") + " " + std::to_string(in.rank_best.value_or(*in.rank)) + "–" +
               std::to_string(in.rank_worst.value_or(*in.rank));
  }
  html += Figure(T(l, "rank"), rank_text, rank_sub);
  html += Figure(T(l, "industry_mean"), Format(in.industry_mean, l),
                 T(l, "industry_best") + " " + Format(in.industry_best, l));
  html += "</div><div class=\"figures\">";
  html += Figure(T(l, "answered_only"), Format(in.score_answered, l), "");
  html += Figure(T(l, "agent_score"), Format(in.agent_score, l), "");
  html += "</div>";
  if (in.rank && in.ranked_in_industry > 1) {
    html += RenderRankStrip(*in.rank, in.rank_best.value_or(*in.rank),
                            in.rank_worst.value_or(*in.rank), in.ranked_in_industry);
  }
  return html + "</section>";
}

std::string AreasSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  BarChart chart;
  chart.decimal_mark = DecimalMark(l);
  Series own{T(l, "own"), kOwnColor, {}}, mean{T(l, "industry_mean"), kIndustryColor, {}};
  Series best{T(l, "industry_best"), kBestColor, {}};
  for (const auto& area : in.areas) {
    chart.categories.push_back(area.label);
    own.values.push_back(area.own);
    mean.values.push_back(area.industry_mean);
    best.values.push_back(area.industry_best);
  }
  chart.series = {own, mean};
  chart.markers = best;
  return "<section><h2>" + Escape(T(l, "areas")) + "</h2>" + RenderBarChart(chart) + "</section>";
}

std::string ChannelsSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  BarChart chart;
  chart.decimal_mark = DecimalMark(l);
  Series own{T(l, "own"), kOwnColor, {}}, mean{T(l, "industry_mean"), kIndustryColor, {}};
  for (const auto& channel : in.channels) {
    chart.categories.push_back(channel.label + " (n=" + std::to_string(channel.n) + ")");
    own.values.push_back(channel.own);
    mean.values.push_back(channel.industry_mean);
  }
  chart.series = {own, mean};
  std::string html = "<section><h2>" + Escape(T(l, "channels")) + "</h2>" + RenderBarChart(chart);
  if (in.chat_person && in.chat_bot) {
    BarChart chat;
    chat.decimal_mark = DecimalMark(l);
    chat.categories = {T(l, "person"), T(l, "chatbot")};
    chat.series = {{T(l, "own"), kOwnColor, {in.chat_person, in.chat_bot}}};
    html += "<h3>" + Escape(T(l, "chat_person_bot")) + "</h3>" + RenderBarChart(chat);
  }
  return html + "</section>";
}

std::string QuestionsSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  std::string html = "<section><h2>" + Escape(T(l, "questions")) + "</h2><table><thead><tr><th>" +
                     Escape(T(l, "question")) + "</th><th class=\"num\">" + Escape(T(l, "own")) +
                     "</th><th class=\"num\">" + Escape(T(l, "industry")) +
                     "</th><th class=\"num\">" + Escape(T(l, "difference")) +
                     "</th></tr></thead><tbody>";
  std::string area;
  for (const auto& row : in.questions) {
    if (row.area != area) {
      area = row.area;
      html += "<tr><th colspan=\"4\">" + Escape(area) + "</th></tr>";
    }
    std::optional<double> diff;
    if (row.own && row.industry) diff = *row.own - *row.industry;
    std::string css = "num";
    if (row.significant && diff) css += *diff > 0 ? " significant better" : " significant worse";
    html += "<tr><td>" + Escape(row.label) + "</td><td class=\"num\">" + Format(row.own, l) +
            "</td><td class=\"num\">" + Format(row.industry, l) + "</td><td class=\"" + css +
            "\">" + FormatSigned(diff, l) + (row.significant ? " *" : "") + "</td></tr>";
  }
  return html + "</tbody></table><p class=\"note\">" + Escape(T(l, "significant_note")) +
         "</p></section>";
}

std::string VariationSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  DistributionChart chart;
  chart.groups = {{in.participant, in.own_totals, kOwnColor},
                  {T(l, "industry"), in.industry_totals, kIndustryColor}};
  std::string html =
      "<section><h2>" + Escape(T(l, "variation")) + "</h2>" + RenderDistributionChart(chart);
  html += "<p class=\"note\">" + Escape(T(l, "variation_note")) + "</p>";
  html += "<table><tr><td>" + Escape(T(l, "sd")) + "</td><td class=\"num\">" + Format(in.sd, l) +
          "</td></tr><tr><td>" + Escape(T(l, "share_90")) + "</td><td class=\"num\">" +
          Format(in.share_90_plus, l) + " %</td></tr></table>";
  return html + "</section>";
}

std::string WaitSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  std::string html = "<section><h2>" + Escape(T(l, "wait")) + "</h2><table><thead><tr><th>" +
                     Escape(T(l, "channel")) + "</th><th class=\"num\">" + Escape(T(l, "median")) +
                     "</th><th class=\"num\">" + Escape(T(l, "p90")) + "</th><th class=\"num\">" +
                     Escape(T(l, "industry") + ": " + T(l, "median")) + "</th><th class=\"num\">" +
                     Escape(T(l, "industry") + ": " + T(l, "p90")) + "</th></tr></thead><tbody>";
  for (const auto& row : in.waits) {
    html += "<tr><td>" + Escape(row.channel) + "</td><td class=\"num\">" +
            FormatWait(row.own_median_s, l) + "</td><td class=\"num\">" +
            FormatWait(row.own_p90_s, l) + "</td><td class=\"num\">" +
            FormatWait(row.industry_median_s, l) + "</td><td class=\"num\">" +
            FormatWait(row.industry_p90_s, l) + "</td></tr>";
  }
  return html + "</tbody></table></section>";
}

std::string CxSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  IntervalChart percent;
  percent.decimal_mark = DecimalMark(l);
  percent.rows = {
      {T(l, "csat"), in.csat.value, in.csat.low, in.csat.high, kOwnColor},
      {T(l, "ces_easy"), in.ces_easy.value, in.ces_easy.low, in.ces_easy.high, kOwnColor}};
  IntervalChart nps;
  nps.decimal_mark = DecimalMark(l);
  nps.min = -100;
  nps.max = 100;
  nps.rows = {{T(l, "nps"), in.nps.value, in.nps.low, in.nps.high, kOwnColor}};
  IntervalChart ces;
  ces.decimal_mark = DecimalMark(l);
  ces.min = 1;
  ces.max = 7;
  ces.decimals = 2;
  ces.rows = {{T(l, "ces_mean"), in.ces_mean.value, in.ces_mean.low, in.ces_mean.high, kOwnColor}};
  std::string html = "<section><h2>" + Escape(T(l, "cx")) + "</h2>" + RenderIntervalChart(nps) +
                     RenderIntervalChart(percent) + RenderIntervalChart(ces) +
                     "<p class=\"note\">" + Escape(T(l, "cx_note")) + "</p>";
  html += "<h3>" + Escape(T(l, "references")) + "</h3><table><thead><tr><th>" +
          Escape(T(l, "question")) + "</th><th class=\"num\">" + Escape(T(l, "yes_share")) +
          "</th><th class=\"num\">" + Escape(T(l, "industry")) + "</th></tr></thead><tbody>";
  for (const auto& row : in.references) {
    html += "<tr><td>" + Escape(row.label) + "</td><td class=\"num\">" + Format(row.own_yes, l) +
            " %</td><td class=\"num\">" + Format(row.industry_yes, l) + " %</td></tr>";
  }
  return html + "</tbody></table></section>";
}

std::string AuditSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  std::string html = "<section><h2>" + Escape(T(l, "audit")) + "</h2><table><thead><tr><th>" +
                     Escape(T(l, "channel")) + "</th><th>" + Escape(T(l, "offered")) + "</th><th>" +
                     Escape(T(l, "ease")) + "</th></tr></thead><tbody>";
  for (const auto& row : in.audit) {
    html += "<tr><td>" + Escape(row.channel) + "</td><td>" +
            Escape(T(l, row.offered ? "yes" : "no")) + "</td><td>" +
            Escape(row.offered ? row.ease : T(l, "none")) + "</td></tr>";
  }
  return html + "</tbody></table></section>";
}

std::string CommentsSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  std::string html = "<section><h2>" + Escape(T(l, "comments")) + "</h2>";
  if (in.comments.empty()) html += "<p>" + Escape(T(l, "no_comments")) + "</p>";
  for (const auto& [area, comments] : in.comments) {
    html += "<h3>" + Escape(area) + "</h3>";
    for (const auto& comment : comments)
      html += "<p class=\"comment\">«" + Escape(comment) + "»</p>";
  }
  return html + "</section>";
}

std::string PrioritiesSection(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  std::string html =
      "<section><h2>" + Escape(T(l, "priorities")) + "</h2><p class=\"note\">" +
      Escape(T(l, "priorities_note")) + "</p><table><thead><tr><th class=\"num\">#</th><th>" +
      Escape(T(l, "question")) + "</th><th class=\"num\">" + Escape(T(l, "gap")) +
      "</th><th class=\"num\">" + Escape(T(l, "weight")) + "</th></tr></thead><tbody>";
  int position = 0;
  for (const auto& row : in.priorities) {
    html += "<tr><td class=\"num\">" + std::to_string(++position) + "</td><td>" +
            Escape(row.label) + "</td><td class=\"num\">" + Format(row.gap, l) +
            "</td><td class=\"num\">" + Format(row.weight, l, 2) + "</td></tr>";
  }
  return html + "</tbody></table></section>";
}

}  // namespace

std::string RenderParticipantReportHtml(const ParticipantReportInput& in) {
  const std::string& l = in.language;
  std::string html =
      "<!doctype html><html lang=\"" + Escape(l == "en" ? "en" : "nb") +
      "\"><head><meta charset=\"utf-8\">"
      // Self-contained: nothing may load from anywhere, no script runs.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; img-src data:\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
      Escape(in.participant + " – " + in.study_name) + "</title><style>" + kStyle +
      "</style></head><body>";
  html += FrontPage(in);
  html += AreasSection(in);
  html += ChannelsSection(in);
  html += VariationSection(in);
  html += WaitSection(in);
  html += CxSection(in);
  html += PrioritiesSection(in);
  html += QuestionsSection(in);
  html += AuditSection(in);
  html += CommentsSection(in);
  return html + "</body></html>\n";
}

}  // namespace cx::report
