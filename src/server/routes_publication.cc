// The published ranking ("Best i test", docs/publication.md): staff publish
// the ranking of the approved reports with a date from which it is public,
// and withdraw it; anyone, logged in or not, reads it from that date on.
// The document is made once, when published: what readers see does not move
// with later corrections until staff publish again (the reply says when the
// fieldwork has changed since).
#include "core/civil_time.h"
#include "results/public_ranking.h"
#include "server/app.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

// Whether the publication is public at `now` (local "YYYY-MM-DDTHH:MM"):
// texts of that one form compare as the times they name.
bool IsPublic(const store::Publication& publication, const std::string& now) {
  return publication.publish_at <= now;
}

nlohmann::json PublicationStateJson(const store::Publication& publication, const std::string& now,
                                    int64_t head) {
  return {{"publish_at", publication.publish_at}, {"made_by", publication.made_by},
          {"made_at", publication.made_at},       {"stamp", publication.stamp},
          {"public", IsPublic(publication, now)}, {"changed_since", publication.stamp < head}};
}

Route ShowPublication(App& app) {
  return {"GET",
          "/api/v1/publication",
          kStaff,
          "The study's publication: from when its ranking is public, who published it, and "
          "whether fieldwork changed since (404 when it is not published)",
          nullptr,
          [&app](ApiRequest&) {
            std::lock_guard lock(app.mutex());
            auto publication = app.store().FindPublication(app.study().id);
            if (!publication) return ProblemFor(publication.error());
            auto head = app.store().ChangeLogHead();
            if (!head) return ProblemFor(head.error());
            return Json(PublicationStateJson(*publication, app.LocalNow(), *head));
          }};
}

// The publication time of a PUT body, or the problem with it.
std::optional<Reply> ReadPublishAt(const ApiRequest& request, std::string& out) {
  nlohmann::json body;
  if (auto problem = ParseBody(request.body, body)) return problem;
  std::vector<FieldProblem> problems;
  FieldReader fields(body, "", problems);
  fields.Text("publish_at", out, FieldReader::Need::kRequired, kMaxIdChars);
  if (!problems.empty()) {
    return FieldsProblem(400, Msg("the ranking was not published"), problems);
  }
  if (!LocalDateTime::Parse(out)) {
    return Problem(400, Msg("publish_at is a local date and time YYYY-MM-DDTHH:MM, not '{1}'", out),
                   "publish_at");
  }
  return std::nullopt;
}

// Publishing: the ranking of the approved reports as of every change so far,
// computed outside the store's lock (the bootstrap takes a second or more).
Reply Publish(App& app, ApiRequest& request, const std::string& publish_at) {
  auto computed = app.CurrentResults(/*fresh=*/true);
  if (!computed) return ProblemFor(computed.error());
  const App::Snapshot& snapshot = *computed.value().snapshot;
  const domain::Study study = results::ForPublication(app.study());
  results::ResultsOptions options;
  options.resamples = app.options().resamples;
  auto approved = results::ComputeResults(study, snapshot.contacts, options);
  if (!approved || approved->contacts_counted == 0) {
    return Problem(409, Msg("no report is approved yet: a published ranking counts approved "
                            "reports only"));
  }
  store::Publication publication{
      study.id,
      publish_at,
      request.account->id,
      NowUtc(),
      snapshot.stamp,
      results::PublicRankingJson(study, snapshot.contacts, *approved).dump()};
  std::lock_guard lock(app.mutex());
  if (Status saved = app.store().SavePublication(publication); !saved) {
    return ProblemFor(saved.error());
  }
  auto head = app.store().ChangeLogHead();
  if (!head) return ProblemFor(head.error());
  return Json(PublicationStateJson(publication, app.LocalNow(), *head));
}

Route PublishRanking(App& app) {
  Route route{"PUT",
              "/api/v1/publication",
              kStaff,
              "Publish the ranking of the approved reports, public from publish_at (the "
              "study's local time, YYYY-MM-DDTHH:MM); replaces an earlier publication",
              StringsSchema({"publish_at"}),
              [&app](ApiRequest& request) {
                std::string publish_at;
                if (auto problem = ReadPublishAt(request, publish_at)) return *problem;
                return Publish(app, request, publish_at);
              }};
  route.heavy = true;
  return route;
}

Route WithdrawPublication(App& app) {
  return {"DELETE",
          "/api/v1/publication",
          kStaff,
          "Withdraw the published ranking: it is no longer public",
          nullptr,
          [&app](ApiRequest&) {
            std::lock_guard lock(app.mutex());
            if (Status deleted = app.store().DeletePublication(app.study().id); !deleted) {
              return ProblemFor(deleted.error());
            }
            return Json({{"withdrawn", true}});
          }};
}

Route PublicRanking(App& app) {
  Route route{"GET",
              "/api/v1/public/ranking",
              {},
              "The published ranking, to anyone without a login, from its publication time "
              "on (404 before, and when nothing is published)",
              nullptr,
              [&app](ApiRequest&) {
                std::lock_guard lock(app.mutex());
                auto publication = app.store().FindPublication(app.study().id);
                if (!publication && publication.error().code != ErrorCode::kNotFound) {
                  return ProblemFor(publication.error());
                }
                if (!publication || !IsPublic(*publication, app.LocalNow())) {
                  return Problem(404, Msg("the ranking is not published yet"));
                }
                nlohmann::json document = nlohmann::json::parse(publication->document);
                document["published_at"] = publication->publish_at;
                Reply reply = Json(std::move(document));
                reply.headers["Cache-Control"] = "no-cache";
                return reply;
              }};
  return route;
}

}  // namespace

void App::AddPublicationRoutes() {
  routes_.push_back(ShowPublication(*this));
  routes_.push_back(PublishRanking(*this));
  routes_.push_back(WithdrawPublication(*this));
  routes_.push_back(PublicRanking(*this));
}

}  // namespace cx::server
