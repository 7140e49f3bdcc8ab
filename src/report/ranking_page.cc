#include "report/ranking_page.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/svg_chart.h"

namespace cx::report {
namespace {

struct Texts {
  const char* title;
  const char* winner;
  const char* unclear;
  const char* rank;
  const char* participant;
  const char* score;
  const char* interval;
  const char* contacts;
  const char* not_ranked;
  const char* mean;
  const char* channels;
  const char* channel;
  const char* best;
  const char* chat;
  const char* person;
  const char* bot;
  const char* note;
};

const Texts& TextsFor(const std::string& language) {
  static const Texts kNb = {
      "Resultater",
      "Best i test",
      "Vinneren leder, men ikke sikkert (forskjellen til nummer to er innenfor usikkerheten).",
      "Plass",
      "Deltaker",
      "Score",
      "95 % intervall",
      "Henvendelser",
      "ikke rangert",
      "Bransjesnitt",
      "Kanaler",
      "Kanal",
      "Beste",
      "Chat: menneske og chatbot",
      "Menneske",
      "Chatbot",
      "Scorene er totalresultat 0-100; ubesvarte henvendelser teller 0."};
  static const Texts kEn = {
      "Results",
      "Best in test",
      "The winner leads, but not clearly (the gap to the runner-up is within the uncertainty).",
      "Rank",
      "Participant",
      "Score",
      "95 % interval",
      "Contacts",
      "not ranked",
      "Industry mean",
      "Channels",
      "Channel",
      "Best",
      "Chat: person and chatbot",
      "Person",
      "Chatbot",
      "Scores are total results 0-100; unanswered contacts count 0."};
  return language == "en" ? kEn : kNb;
}

std::string Format(const std::optional<double>& value, const std::string& language) {
  if (!value || !std::isfinite(*value)) return "–";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *value);
  std::string text = buffer;
  if (language != "en") std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

constexpr const char* kStyle = R"(
@page { size: A4; margin: 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2733; font-size: 10.5pt; max-width: 190mm; margin: 0 auto; padding: 6mm 0; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 8mm 0 2mm; border-bottom: 2px solid #1f5f99; padding-bottom: 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #e3e8ee; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.name { overflow-wrap: anywhere; }
tr { break-inside: avoid; }
tr.winner td { font-weight: bold; }
.badge { background: #c0392b; color: #fff; font-size: 8pt; padding: 0.5mm 2mm; border-radius: 1mm; margin-left: 2mm; }
.note { color: #555; font-size: 9pt; }
section.industry { break-inside: avoid; }
svg.chart { display: block; max-width: 100%; height: auto; }
)";

}  // namespace

std::string RenderRankingPageHtml(const RankingPageInput& in) {
  const Texts& t = TextsFor(in.language);
  const std::string& l = in.language;
  std::string html =
      "<!doctype html><html lang=\"" + std::string(l == "en" ? "en" : "nb") +
      "\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
      "content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>" +
      EscapeXml(in.study_name + " – " + t.title) + "</title><style>" + kStyle +
      "</style></head><body>";
  html += "<h1>" + EscapeXml(in.study_name) + ": " + t.title + "</h1><p class=\"note\">" + t.note +
          "</p>";
  for (const auto& industry : in.industries) {
    html += "<section class=\"industry\"><h2>" + EscapeXml(industry.industry) +
            "</h2><table><thead><tr><th class=\"num\">" + t.rank + "</th><th>" + t.participant +
            "</th><th class=\"num\">" + t.score + "</th><th class=\"num\">" + t.interval +
            "</th><th class=\"num\">" + t.contacts + "</th></tr></thead><tbody>";
    for (size_t index = 0; index < industry.rows.size(); ++index) {
      const auto& row = industry.rows[index];
      const bool winner = index == 0 && row.rank && *row.rank == 1;
      html += std::string("<tr") + (winner ? " class=\"winner\"" : "") + "><td class=\"num\">" +
              (row.rank ? std::to_string(*row.rank) : std::string("–")) +
              "</td><td class=\"name\">" + EscapeXml(row.participant);
      if (winner && industry.winner_clear)
        html += "<span class=\"badge\">" + std::string(t.winner) + "</span>";
      if (!row.rank) html += " <span class=\"note\">(" + std::string(t.not_ranked) + ")</span>";
      html += "</td><td class=\"num\">" + Format(row.score, l) + "</td><td class=\"num\">" +
              (row.low && row.high ? Format(row.low, l) + " – " + Format(row.high, l) : "–") +
              "</td><td class=\"num\">" + std::to_string(row.contacts) + "</td></tr>";
    }
    html += "</tbody></table><p class=\"note\">" + std::string(t.mean) + ": " +
            Format(industry.mean, l);
    if (!industry.rows.empty() && !industry.winner_clear) html += ". " + std::string(t.unclear);
    html += "</p></section>";
  }
  if (!in.channels.empty()) {
    BarChart chart;
    chart.decimal_mark = l == "en" ? '.' : ',';
    Series means{t.mean, "#1f5f99", {}};
    for (const auto& channel : in.channels) {
      chart.categories.push_back(channel.channel + " (n=" + std::to_string(channel.contacts) + ")");
      means.values.push_back(channel.mean);
    }
    chart.series = {means};
    html += "<section><h2>" + std::string(t.channels) + "</h2>" + RenderBarChart(chart) +
            "<table><thead><tr><th>" + t.channel + "</th><th>" + t.best +
            "</th><th class=\"num\">" + t.score + "</th></tr></thead><tbody>";
    for (const auto& channel : in.channels) {
      html += "<tr><td>" + EscapeXml(channel.channel) + "</td><td class=\"name\">" +
              EscapeXml(channel.best_participant) + "</td><td class=\"num\">" +
              Format(channel.best_score, l) + "</td></tr>";
    }
    html += "</tbody></table></section>";
  }
  if (in.chat_person_mean || in.chat_bot_mean) {
    BarChart chart;
    chart.decimal_mark = l == "en" ? '.' : ',';
    chart.categories = {
        std::string(t.person) + " (n=" + std::to_string(in.chat_person_contacts) + ")",
        std::string(t.bot) + " (n=" + std::to_string(in.chat_bot_contacts) + ")"};
    chart.series = {{t.mean, "#1f5f99", {in.chat_person_mean, in.chat_bot_mean}}};
    html += "<section><h2>" + std::string(t.chat) + "</h2>" + RenderBarChart(chart) + "</section>";
  }
  return html + "</body></html>\n";
}

}  // namespace cx::report
