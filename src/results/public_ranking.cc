#include "results/public_ranking.h"

#include <algorithm>
#include <map>

#include "domain/results_rule.h"
#include "results/results_json.h"

namespace cx::results {
namespace {

// The best per channel: the highest channel score, and its company's name,
// among ranked companies with at least 3 contacts on that channel (fewer
// say too little to name a best).
constexpr int kFewestForBestOnChannel = 3;
using BestPerChannel = std::map<std::string, std::pair<double, std::string>>;

void NoteBestPerChannel(const ParticipantResult& p, BestPerChannel& best_per_channel) {
  for (const auto& [channel, score] : p.channels) {
    if (score.n < kFewestForBestOnChannel || !score.score) continue;
    auto& best = best_per_channel[channel];
    if (best.second.empty() || *score.score > best.first) best = {*score.score, p.name};
  }
}

nlohmann::json RankedJson(const ParticipantResult& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"rank", p.rank ? nlohmann::json(*p.rank) : nullptr},
          {"rank_range", p.rank_ci ? nlohmann::json::array({p.rank_ci->first, p.rank_ci->second})
                                   : nlohmann::json(nullptr)},
          {"score", NumberOrNull(p.score)},
          {"ci", IntervalOrNull(p.ci)},
          {"p_best", NumberOrNull(p.p_best)},
          {"n", p.n},
          {"n_approved", p.n_approved},
          {"n_provisional", p.n_provisional}};
}

// The companies of `industry` with at least one counted contact.
int CompaniesMeasured(const IndustryResult& industry) {
  int measured = 0;
  for (const auto& p : industry.participants) measured += p.n > 0 ? 1 : 0;
  return measured;
}

nlohmann::json IndustryJson(const IndustryResult& industry, BestPerChannel& best_per_channel) {
  nlohmann::json ranked = nlohmann::json::array();
  std::string winner_name;
  for (const auto& p : industry.participants) {
    if (!p.ranked) continue;
    ranked.push_back(RankedJson(p));
    NoteBestPerChannel(p, best_per_channel);
    if (p.id == industry.winner) winner_name = p.name;
  }
  return {{"id", industry.id},
          {"name", industry.name},
          {"mean", NumberOrNull(industry.mean)},
          {"companies", CompaniesMeasured(industry)},
          {"winner", industry.winner},
          {"winner_name", winner_name},
          {"runner_up", industry.runner_up},
          {"winner_clear", industry.winner_clear},
          {"p_winner_beats_runner_up", NumberOrNull(industry.p_winner_beats_runner_up)},
          {"lead_ci", IntervalOrNull(industry.lead_ci)},
          {"ranked", ranked}};
}

nlohmann::json ChannelsJson(const StudyResults& r, const BestPerChannel& best_per_channel) {
  nlohmann::json channels = nlohmann::json::object();
  for (const auto& [channel, group] : r.channel_means) {
    channels[channel] = {{"n", group.n}, {"mean", NumberOrNull(group.score)}};
    if (auto best = best_per_channel.find(channel); best != best_per_channel.end()) {
      channels[channel]["best"] = {{"name", best->second.second}, {"score", best->second.first}};
    }
  }
  return channels;
}

// When fieldwork took place: the first and last planned day of the counted
// contacts ("YYYY-MM-DD"; null when none counts).
nlohmann::json FieldworkDays(const domain::Study& study,
                             const std::vector<domain::Contact>& contacts) {
  std::string first, last;
  for (const auto& contact : contacts) {
    if (!domain::CountsInResults(study.results_from, contact.status)) continue;
    if (contact.planned_at.size() < 10) continue;
    const std::string day = contact.planned_at.substr(0, 10);
    if (first.empty() || day < first) first = day;
    if (last.empty() || day > last) last = day;
  }
  if (first.empty()) return {{"from", nullptr}, {"to", nullptr}};
  return {{"from", first}, {"to", last}};
}

nlohmann::json MethodJson(const domain::Study& study, const std::vector<domain::Contact>& contacts,
                          const StudyResults& r) {
  int companies = 0, industries = 0;
  for (const auto& industry : r.industries) {
    const int measured = CompaniesMeasured(industry);
    companies += measured;
    if (measured > 0) ++industries;
  }
  return {{"contacts", r.contacts_counted},
          {"companies", companies},
          {"industries", industries},
          {"fieldwork", FieldworkDays(study, contacts)},
          {"resamples", r.resamples},
          {"min_contacts_for_ranking", study.min_contacts_for_ranking}};
}

}  // namespace

domain::Study ForPublication(domain::Study study) {
  study.results_from = domain::ResultsFrom::kApprovedOnly;
  return study;
}

nlohmann::json PublicRankingJson(const domain::Study& study,
                                 const std::vector<domain::Contact>& contacts,
                                 const StudyResults& r) {
  nlohmann::json industries = nlohmann::json::array();
  BestPerChannel best_per_channel;
  for (const auto& industry : r.industries) {
    // An industry none of whose companies has a counted contact is not news.
    if (CompaniesMeasured(industry) == 0) continue;
    industries.push_back(IndustryJson(industry, best_per_channel));
  }
  return {{"study", {{"id", study.id}, {"name", study.name}, {"year", study.year}}},
          {"method", MethodJson(study, contacts, r)},
          {"counts",
           {{"results_from", std::string(domain::ToString(r.results_from))},
            {"contacts", r.contacts_counted},
            {"approved", r.contacts_approved},
            {"provisional", r.contacts_provisional}}},
          {"industries", industries},
          {"channels", ChannelsJson(r, best_per_channel)},
          {"chat",
           {{"person", {{"n", r.chat_person.n}, {"mean", NumberOrNull(r.chat_person.score)}}},
            {"chatbot", {{"n", r.chat_chatbot.n}, {"mean", NumberOrNull(r.chat_chatbot.score)}}}}}};
}

}  // namespace cx::results
