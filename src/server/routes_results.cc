// Results: the rankings for staff, and each participant's own page and
// report - a participant sees its own and nothing of any other participant.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "i18n/translator.h"
#include "report/participant_report.h"
#include "report/participant_report_builder.h"
#include "report/pdf_renderer.h"
#include "results/public_ranking.h"
#include "results/results_json.h"
#include "server/app.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

// Participants see only their own; staff see any.
std::optional<Reply> CheckParticipantAccess(const domain::Account& account,
                                            const domain::Study& study, const std::string& id) {
  if (account.role == Role::kParticipant &&
      (account.participant_id != id || account.study_id != study.id)) {
    return Problem(403, Msg("you may see your own results only"), "id");
  }
  if (study.FindParticipant(id) == nullptr) {
    return Problem(404, Msg("no participant '{1}'", id), "id");
  }
  return std::nullopt;
}

// Prints the HTML through Chromium in a private temporary folder.
Result<std::string> HtmlToPdf(const std::string& html) {
  char folder[] = "/tmp/cxbench-report-XXXXXX";
  if (mkdtemp(folder) == nullptr) return IoError("cannot make a temporary folder");
  const std::string html_path = std::string(folder) + "/report.html";
  const std::string pdf_path = std::string(folder) + "/report.pdf";
  Result<std::string> out = IoError("cannot write the report");
  {
    std::ofstream file(html_path, std::ios::binary);
    file << html;
  }
  if (Status printed = report::RenderPdf(html_path, pdf_path, 60); !printed) {
    out = printed.error();
  } else {
    std::ifstream file(pdf_path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    out = bytes.str();
  }
  std::filesystem::remove_all(folder);
  return out;
}

// ?fresh=1 waits for results that include every change made before the
// request (read-your-writes); otherwise the last results are served while
// newer ones are computed.
bool WantsFresh(const ApiRequest& request) {
  auto found = request.query.find("fresh");
  return found != request.query.end() && found->second != "0" && found->second != "false";
}

// Which change-log stamp the figures reflect, and whether newer changes exist.
Reply WithStamp(Reply reply, const App::ResultsView& view) {
  reply.headers["X-Results-Stamp"] = std::to_string(view.snapshot->stamp);
  reply.headers["X-Results-Stale"] = view.snapshot->stamp < view.head ? "1" : "0";
  return reply;
}

Route Ranking(App& app) {
  return {"GET",
          "/api/v1/ranking",
          kStaff,
          "The live ranking as it would be published (results/public_ranking.h), counting the "
          "reports the study's rule counts: per industry the ranked participants (score, "
          "interval, rank range, chance of being best) and whether the winner is clear; the "
          "best per channel; chat by a person or a chatbot (?fresh=1: wait for every change so "
          "far; X-Results-Stamp names the change reflected; study_now is the study's local time)",
          nullptr,
          [&app](ApiRequest& request) {
            auto computed = app.CurrentResults(WantsFresh(request));
            if (!computed) return ProblemFor(computed.error());
            const App::Snapshot& snapshot = *computed.value().snapshot;
            nlohmann::json document =
                results::PublicRankingJson(app.study(), snapshot.contacts, snapshot.results);
            // The study's clock, so the publication form offers "now" where the
            // study is, not where the manager's browser is.
            document["study_now"] = app.LocalNow();
            return WithStamp(Json(std::move(document)), computed.value());
          }};
}

Route AllResults(App& app) {
  return {"GET",
          "/api/v1/results",
          kStaff,
          "The study's results: industries with winners and every participant's figures",
          nullptr,
          [&app](ApiRequest& request) {
            auto computed = app.CurrentResults(WantsFresh(request));
            if (!computed) return ProblemFor(computed.error());
            return WithStamp(Json(results::ToJson(computed.value().snapshot->results)),
                             computed.value());
          }};
}

// The industry's mean per area and channel: means over its participants'
// own figures, as the report shows them.
std::pair<nlohmann::json, nlohmann::json> IndustryMeans(const results::IndustryResult& industry) {
  std::map<std::string, std::pair<double, int>> area_sums, channel_sums;
  for (const auto& other : industry.participants) {
    for (const auto& [area, value] : other.areas) {
      if (value) area_sums[area].first += *value, ++area_sums[area].second;
    }
    for (const auto& [channel, value] : other.channels) {
      if (value.score) channel_sums[channel].first += *value.score, ++channel_sums[channel].second;
    }
  }
  nlohmann::json area_means = nlohmann::json::object();
  for (const auto& [area, sum] : area_sums) area_means[area] = sum.first / sum.second;
  nlohmann::json channel_means = nlohmann::json::object();
  for (const auto& [channel, sum] : channel_sums) {
    channel_means[channel] = sum.first / sum.second;
  }
  return {area_means, channel_means};
}

// Industry figures are aggregates; no other participant is named.
nlohmann::json ParticipantResultsJson(const domain::Study& study,
                                      const results::IndustryResult& industry,
                                      const results::ParticipantResult& participant,
                                      const std::string& language) {
  nlohmann::json areas = nlohmann::json::object();
  for (const auto& area : study.areas) areas[area.id] = study.TextFor(area.label, language);
  auto [area_means, channel_means] = IndustryMeans(industry);
  const std::string& id = participant.id;
  return {{"participant", results::ParticipantJson(participant)},
          {"industry",
           {{"id", industry.id},
            {"name", industry.name},
            {"mean", industry.mean ? nlohmann::json(*industry.mean) : nullptr},
            {"best", industry.best ? nlohmann::json(*industry.best) : nullptr},
            {"participants", industry.participants.size()},
            {"winner_is_you", industry.winner == id},
            {"winner_clear", industry.winner == id && industry.winner_clear},
            {"areas", area_means},
            {"channels", channel_means}}},
          {"area_labels", areas},
          {"results_from", std::string(domain::ToString(study.results_from))}};
}

Route ParticipantResults(App& app) {
  return {"GET",
          "/api/v1/participants/{id}/results",
          kParticipantOrStaff,
          "One participant's results against its industry (its own only, for a participant)",
          nullptr,
          [&app](ApiRequest& request) {
            const std::string id = request.params["id"];
            if (auto problem = CheckParticipantAccess(*request.account, app.study(), id)) {
              return *problem;
            }
            auto computed = app.CurrentResults(WantsFresh(request));
            if (!computed) return ProblemFor(computed.error());
            const std::string language = request.account->language;
            for (const auto& industry : computed.value().snapshot->results.industries) {
              for (const auto& participant : industry.participants) {
                if (participant.id != id) continue;
                return WithStamp(
                    Json(ParticipantResultsJson(app.study(), industry, participant, language)),
                    computed.value());
              }
            }
            return Problem(404, Msg("participant '{1}' has no counted contacts yet", id), "id");
          }};
}

// The report in `format` (html or pdf) as an attachment named after `id`.
Reply ReportReply(const domain::Study& study, const App::ResultsView& view, const std::string& id,
                  const std::string& format, const std::string& language) {
  // The contacts the results were computed from: no second read, and
  // no lock (the snapshot is immutable).
  const App::Snapshot& snapshot = *view.snapshot;
  const auto scored = report::ScoreFieldwork(study, snapshot.contacts);
  const auto input = report::BuildParticipantReport(study, snapshot.contacts, scored,
                                                    snapshot.results, id, language);
  std::string html = report::RenderParticipantReportHtml(input);
  Reply reply = WithStamp(Reply{}, view);
  reply.headers["Content-Disposition"] = "attachment; filename=\"" + id + "." + format + "\"";
  if (format == "html") {
    reply.raw = std::move(html);
    reply.content_type = "text/html; charset=utf-8";
    return reply;
  }
  auto pdf = HtmlToPdf(html);
  if (!pdf) return ProblemFor(pdf.error());
  reply.raw = std::move(pdf).value();
  reply.content_type = "application/pdf";
  return reply;
}

Route ParticipantReport(App& app) {
  return {"GET",
          "/api/v1/participants/{id}/report",
          kParticipantOrStaff,
          "One participant's report to download, ?format=html (default) or pdf, in ?lang= nb, "
          "sv, da or en (default: the account's language)",
          nullptr,
          [&app](ApiRequest& request) {
            const std::string id = request.params["id"];
            if (auto problem = CheckParticipantAccess(*request.account, app.study(), id))
              return *problem;
            const std::string format =
                request.query.count("format") ? request.query["format"] : "html";
            if (format != "html" && format != "pdf") {
              return Problem(400, Msg("format is html or pdf, not '{1}'", format), "format");
            }
            const std::string language =
                request.query.count("lang") ? request.query["lang"] : request.account->language;
            if (!i18n::IsInterfaceLanguage(language))
              return Problem(400, Msg("lang is nb, sv, da or en, not '{1}'", language), "lang");
            auto computed = app.CurrentResults(WantsFresh(request));
            if (!computed) return ProblemFor(computed.error());
            return ReportReply(app.study(), computed.value(), id, format, language);
          },
          /*csrf=*/true,
          /*heavy=*/true};
}

}  // namespace

void App::AddResultRoutes() {
  routes_.push_back(Ranking(*this));
  routes_.push_back(AllResults(*this));
  routes_.push_back(ParticipantResults(*this));
  routes_.push_back(ParticipantReport(*this));
}

}  // namespace cx::server
