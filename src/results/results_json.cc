#include "results/results_json.h"

namespace cx::results {

nlohmann::json NumberOrNull(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}
nlohmann::json IntervalOrNull(const std::optional<stats::Interval>& ci) {
  return ci ? nlohmann::json::array({ci->low, ci->high}) : nlohmann::json(nullptr);
}

namespace {
nlohmann::json NumberMap(const std::map<std::string, std::optional<double>>& values) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, value] : values) out[id] = NumberOrNull(value);
  return out;
}

nlohmann::json Group(const GroupScore& group) {
  return {{"n", group.n}, {"score", NumberOrNull(group.score)}};
}

}  // namespace

nlohmann::json ParticipantJson(const ParticipantResult& p) {
  nlohmann::json channels = nlohmann::json::object();
  for (const auto& [id, channel] : p.channels) {
    channels[id] = {{"n", channel.n},
                    {"n_answered", channel.n_answered},
                    {"score", NumberOrNull(channel.score)}};
  }
  nlohmann::json nps = nullptr, csat = nullptr, ces = nullptr;
  if (p.nps) {
    nps = {{"value", p.nps->value},
           {"ci", IntervalOrNull(p.nps->ci)},
           {"n", p.nps->n},
           {"promoters", p.nps->promoters},
           {"detractors", p.nps->detractors}};
  }
  if (p.csat)
    csat = {{"value", p.csat->value}, {"ci", IntervalOrNull(p.csat->ci)}, {"n", p.csat->n}};
  if (p.ces) {
    ces = {{"mean", p.ces->mean},
           {"ci", IntervalOrNull(p.ces->ci)},
           {"easy", p.ces->easy.value},
           {"easy_ci", IntervalOrNull(p.ces->easy.ci)},
           {"n", p.ces->n}};
  }
  return {{"id", p.id},
          {"name", p.name},
          {"industry", p.industry},
          {"n", p.n},
          {"n_approved", p.n_approved},
          {"n_provisional", p.n_provisional},
          {"n_answered", p.n_answered},
          {"ranked", p.ranked},
          {"score", NumberOrNull(p.score)},
          {"score_answered", NumberOrNull(p.score_answered)},
          {"agent_score", NumberOrNull(p.agent_score)},
          {"ci", IntervalOrNull(p.ci)},
          {"rank", p.rank ? nlohmann::json(*p.rank) : nlohmann::json(nullptr)},
          {"rank_ci", p.rank_ci ? nlohmann::json::array({p.rank_ci->first, p.rank_ci->second})
                                : nlohmann::json(nullptr)},
          {"p_best", NumberOrNull(p.p_best)},
          {"sd", NumberOrNull(p.sd)},
          {"min", NumberOrNull(p.min)},
          {"max", NumberOrNull(p.max)},
          {"iqr", NumberOrNull(p.iqr)},
          {"share_90", NumberOrNull(p.share_90)},
          {"consistently_high", p.consistently_high},
          {"vs_industry", NumberOrNull(p.vs_industry)},
          {"areas", NumberMap(p.areas)},
          {"channels", channels},
          {"questions", NumberMap(p.questions)},
          {"reference", NumberMap(p.reference)},
          {"nps", nps},
          {"csat", csat},
          {"ces", ces}};
}

nlohmann::json IndustryJson(const IndustryResult& industry) {
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& p : industry.participants) ids.push_back(p.id);
  return {{"id", industry.id},
          {"name", industry.name},
          {"mean", NumberOrNull(industry.mean)},
          {"best", NumberOrNull(industry.best)},
          {"winner",
           industry.winner.empty() ? nlohmann::json(nullptr) : nlohmann::json(industry.winner)},
          {"winner_clear", industry.winner_clear},
          {"runner_up", industry.runner_up.empty() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(industry.runner_up)},
          {"p_winner_beats_runner_up", NumberOrNull(industry.p_winner_beats_runner_up)},
          {"lead_ci", IntervalOrNull(industry.lead_ci)},
          {"participants", ids}};
}

nlohmann::json ToJson(const StudyResults& r) {
  nlohmann::json industries = nlohmann::json::array();
  nlohmann::json participants = nlohmann::json::array();
  for (const auto& industry : r.industries) {
    for (const auto& p : industry.participants) participants.push_back(ParticipantJson(p));
    industries.push_back(IndustryJson(industry));
  }
  nlohmann::json channels = nlohmann::json::object();
  for (const auto& [id, group] : r.channel_means) channels[id] = Group(group);
  nlohmann::json issues = nlohmann::json::array();
  for (const auto& issue : r.issues) {
    issues.push_back(
        {{"contact", issue.contact}, {"question", issue.question}, {"message", issue.message}});
  }
  return {{"study", r.study_id},
          {"name", r.study_name},
          {"approved_only", r.approved_only},
          {"results_from", std::string(domain::ToString(r.results_from))},
          {"contacts", r.contacts_counted},
          {"contacts_approved", r.contacts_approved},
          {"contacts_provisional", r.contacts_provisional},
          {"answered", r.contacts_answered},
          {"resamples", r.resamples},
          {"seed", r.seed},
          {"agent_area", r.agent_area},
          {"industries", industries},
          {"participants", participants},
          {"channels", channels},
          {"chat", {{"person", Group(r.chat_person)}, {"chatbot", Group(r.chat_chatbot)}}},
          {"issues", issues}};
}

}  // namespace cx::results
