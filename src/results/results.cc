#include "results/results.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>

#include "domain/results_rule.h"
#include "results/bootstrap.h"
#include "stats/moments.h"

namespace cx::results {
namespace {

using domain::Contact;
using domain::ContactStatus;
using domain::QuestionType;

// The total to one decimal, as an integer: equal keys share a rank.
int64_t RankKey(double score) { return std::llround(score * 10); }

std::optional<double> MeanOf(const stats::Moments& moments) { return moments.Mean(); }

struct ScoredContact {
  const Contact* contact = nullptr;
  ContactScore score;
};

// What one participant's contacts add up to, before it becomes figures.
struct ParticipantTally {
  ParticipantTally(size_t area_count, size_t question_count)
      : areas(area_count),
        questions(question_count),
        reference_yes(question_count, 0),
        reference_n(question_count, 0) {}

  stats::Moments total, answered, agent;
  std::vector<double> totals;
  std::vector<stats::Moments> areas, questions;
  std::map<std::string, stats::Moments> channel_totals;
  std::map<std::string, int> channel_answered;
  std::vector<int64_t> reference_yes, reference_n;
  int64_t promoters = 0, detractors = 0, nps_n = 0, csat_top = 0, csat_n = 0, ces_easy = 0;
  std::vector<double> ces_values;
};

// Adds an answered contact's area, agent and question percentages.
void TallyPoints(const domain::Study& study, const ContactScore& score, int agent_area_index,
                 ParticipantTally& tally) {
  for (size_t area = 0; area < study.areas.size(); ++area) {
    const Points& points = score.areas[area];
    if (points.possible > 0) tally.areas[area].Update(100 * points.obtained / points.possible);
  }
  if (agent_area_index >= 0) {
    const Points& points = score.areas[static_cast<size_t>(agent_area_index)];
    if (points.possible > 0) tally.agent.Update(100 * points.obtained / points.possible);
  }
  for (size_t question = 0; question < study.questions.size(); ++question) {
    const Points& points = score.questions[question];
    if (points.possible > 0)
      tally.questions[question].Update(100 * points.obtained / points.possible);
  }
}

// Adds an answered contact's reference yes/no answers and its NPS, CSAT and CES answers.
void TallyAnswers(const domain::Study& study, const Contact& contact, ParticipantTally& tally) {
  for (const domain::Answer& answer : contact.answers) {
    if (answer.not_applicable || !answer.number) continue;
    const domain::Question* question = study.FindQuestion(answer.question);
    if (question == nullptr) continue;
    const double number = *answer.number;
    if (question->reference != domain::ReferenceFlag::kNone &&
        question->type == QuestionType::kYesNo) {
      const auto index = static_cast<size_t>(question - study.questions.data());
      ++tally.reference_n[index];
      if (number == 1) ++tally.reference_yes[index];
    }
    switch (question->type) {
      case QuestionType::kNps:
        // promoter 9-10, passive 7-8, detractor 0-6
        ++tally.nps_n;
        if (number >= 9) ++tally.promoters;
        if (number <= 6) ++tally.detractors;
        break;
      case QuestionType::kCsat:
        ++tally.csat_n;
        if (number >= 4) ++tally.csat_top;
        break;
      case QuestionType::kCes:
        tally.ces_values.push_back(number);
        if (number >= 5) ++tally.ces_easy;
        break;
      default:
        break;
    }
  }
}

ParticipantTally TallyContacts(const domain::Study& study,
                               const std::vector<const ScoredContact*>& scored,
                               int agent_area_index, int& n_answered) {
  ParticipantTally tally(study.areas.size(), study.questions.size());
  for (const ScoredContact* item : scored) {
    const double value = *item->score.total;
    tally.totals.push_back(value);
    tally.total.Update(value);
    const std::string channel(domain::ToString(item->contact->channel));
    tally.channel_totals[channel].Update(value);
    if (!item->score.answered) continue;
    ++n_answered;
    ++tally.channel_answered[channel];
    tally.answered.Update(value);
    TallyPoints(study, item->score, agent_area_index, tally);
    TallyAnswers(study, *item->contact, tally);
  }
  return tally;
}

// The spread of the contact totals: min, max, iqr and the share at 90 or more.
void SetVariation(std::vector<double> totals, ParticipantResult& result) {
  if (totals.empty()) return;
  std::sort(totals.begin(), totals.end());
  result.min = totals.front();
  result.max = totals.back();
  // iqr = Q(0.75) - Q(0.25), type 7 quantiles
  result.iqr = stats::QuantileSorted(totals, 0.75) - stats::QuantileSorted(totals, 0.25);
  const auto high = std::count_if(totals.begin(), totals.end(), [](double x) { return x >= 90; });
  result.share_90 = 100.0 * static_cast<double>(high) / static_cast<double>(totals.size());
}

void SetAreasChannelsQuestions(const domain::Study& study, ParticipantTally& tally,
                               ParticipantResult& result) {
  for (size_t area = 0; area < study.areas.size(); ++area) {
    if (study.areas[area].scored) result.areas[study.areas[area].id] = MeanOf(tally.areas[area]);
  }
  for (const auto channel : domain::kAllChannels) {
    const std::string id(domain::ToString(channel));
    const auto found = tally.channel_totals.find(id);
    if (found == tally.channel_totals.end()) continue;
    result.channels[id] = {static_cast<int>(found->second.n), tally.channel_answered[id],
                           MeanOf(found->second)};
  }
  for (size_t question = 0; question < study.questions.size(); ++question) {
    const domain::Question& q = study.questions[question];
    if (q.points > 0 && tally.questions[question].n > 0)
      result.questions[q.id] = MeanOf(tally.questions[question]);
    if (q.reference != domain::ReferenceFlag::kNone) {
      result.reference[q.id] =
          tally.reference_n[question] > 0
              ? std::optional<double>(100.0 * static_cast<double>(tally.reference_yes[question]) /
                                      static_cast<double>(tally.reference_n[question]))
              : std::nullopt;
    }
  }
}

// NPS (adjusted Wald), CSAT top-two-box (Wilson) and CES (t mean, Wilson share easy).
void SetCxMetrics(const ParticipantTally& tally, ParticipantResult& result) {
  if (const auto nps = stats::NpsAdjustedWald(tally.promoters, tally.detractors, tally.nps_n)) {
    const double count = static_cast<double>(tally.nps_n);
    result.nps = NpsResult{tally.nps_n, nps->nps, nps->ci,
                           100.0 * static_cast<double>(tally.promoters) / count,
                           100.0 * static_cast<double>(tally.detractors) / count};
  }
  if (const auto ci = stats::Wilson(tally.csat_top, tally.csat_n)) {
    result.csat =
        Proportion{tally.csat_n,
                   100.0 * static_cast<double>(tally.csat_top) / static_cast<double>(tally.csat_n),
                   {100 * ci->low, 100 * ci->high}};
  }
  if (const auto mean = stats::MeanT(tally.ces_values)) {
    const auto n = static_cast<int64_t>(tally.ces_values.size());
    const auto easy = stats::Wilson(tally.ces_easy, n);
    // The t interval can reach past the scale; clamped to 1..7 as NPS is to +-100.
    const stats::Interval ci{std::max(1.0, mean->ci.low), std::min(7.0, mean->ci.high)};
    result.ces =
        CesResult{n, mean->mean, ci,
                  Proportion{n,
                             100.0 * static_cast<double>(tally.ces_easy) / static_cast<double>(n),
                             {100 * easy->low, 100 * easy->high}}};
  }
}

// Builds one participant's figures from its scored contacts (ordered by id).
ParticipantResult Summarize(const domain::Study& study, const domain::Participant& participant,
                            const std::vector<const ScoredContact*>& scored, int agent_area_index) {
  ParticipantResult result;
  result.id = participant.id;
  result.name = participant.name;
  result.industry = participant.industry;
  result.n = static_cast<int>(scored.size());
  for (const ScoredContact* item : scored) {
    if (domain::IsProvisional(item->contact->status)) ++result.n_provisional;
  }
  result.n_approved = result.n - result.n_provisional;
  ParticipantTally tally = TallyContacts(study, scored, agent_area_index, result.n_answered);
  result.score = MeanOf(tally.total);
  result.score_answered = MeanOf(tally.answered);
  result.agent_score = MeanOf(tally.agent);
  result.sd = tally.total.Sd();
  SetVariation(std::move(tally.totals), result);
  SetAreasChannelsQuestions(study, tally, result);
  SetCxMetrics(tally, result);
  return result;
}

int AgentAreaIndex(const domain::Study& study, const std::string& agent_area) {
  int agent_area_index = -1;
  for (size_t area = 0; area < study.areas.size(); ++area) {
    if (study.areas[area].id == agent_area) agent_area_index = static_cast<int>(area);
  }
  return agent_area_index;
}

// The contacts that count, in contact id order; notes those of unknown participants.
std::vector<const Contact*> SelectCounted(const domain::Study& study,
                                          const std::vector<Contact>& contacts,
                                          const ResultsOptions& options, StudyResults& results) {
  // Which contacts count: the study's rule (domain/results_rule.h).
  results.results_from = study.results_from;
  results.approved_only = study.results_from == domain::ResultsFrom::kApprovedOnly;
  std::vector<const Contact*> counted;
  for (const Contact& contact : contacts) {
    if (!domain::CountsInResults(study.results_from, contact.status)) continue;
    if (options.channel && contact.channel != *options.channel) continue;
    const domain::Participant* participant = study.FindParticipant(contact.participant);
    if (participant == nullptr) {
      results.issues.push_back(
          {contact.id,
           {},
           "participant '" + contact.participant + "' is not in the study; contact left out"});
      continue;
    }
    if (!options.industry.empty() && participant->industry != options.industry) continue;
    counted.push_back(&contact);
  }
  // Independent of storage order: always work in contact id order.
  std::sort(counted.begin(), counted.end(),
            [](const Contact* a, const Contact* b) { return a->id < b->id; });
  return counted;
}

// Scores the counted contacts; those that cannot be scored become issues.
std::vector<ScoredContact> ScoreCounted(const domain::Study& study,
                                        const std::vector<const Contact*>& counted,
                                        StudyResults& results) {
  const ContactScorer scorer(study);
  std::vector<ScoredContact> scored;
  scored.reserve(counted.size());
  for (const Contact* contact : counted) {
    ContactIssue issue;
    auto score = scorer.Score(*contact, &issue);
    if (!score) {
      issue.message += "; contact left out";
      results.issues.push_back(issue);
      continue;
    }
    if (!score->total) {
      results.issues.push_back(
          {contact->id, {}, "no scored question applies to this contact; contact left out"});
      continue;
    }
    scored.push_back({contact, std::move(*score)});
  }
  return scored;
}

Error NothingToScore(const domain::Study& study, const ResultsOptions& options,
                     const StudyResults& results) {
  std::string where = "study '" + study.id + "'";
  if (!options.industry.empty()) where += ", industry '" + options.industry + "'";
  if (options.channel) where += ", channel " + std::string(domain::ToString(*options.channel));
  // Each case a whole sentence, so that every language can order its words.
  const bool approved_only = study.results_from == domain::ResultsFrom::kApprovedOnly;
  const size_t bad = results.issues.size();
  if (approved_only && bad > 0) {
    return InvalidInput(Msg("no completed contacts to score (none approved; the study counts "
                            "approved reports only: results_from approved_only; {1} left out for "
                            "bad answers)",
                            bad),
                        where);
  }
  if (approved_only) {
    return InvalidInput(Msg("no completed contacts to score (none approved; the study counts "
                            "approved reports only: results_from approved_only)"),
                        where);
  }
  if (bad > 0) {
    return InvalidInput(
        Msg("no completed contacts to score (none submitted or approved; {1} left out for bad "
            "answers)",
            bad),
        where);
  }
  return InvalidInput(Msg("no completed contacts to score (none submitted or approved)"), where);
}

using ByParticipant = std::map<std::string, std::vector<const ScoredContact*>>;

// Groups the scored contacts by participant and fills the study-wide
// comparisons: counts, channel means, person versus chatbot on chat.
ByParticipant GroupAndCompare(const std::vector<ScoredContact>& scored, StudyResults& results) {
  ByParticipant by_participant;
  std::map<std::string, stats::Moments> channel_means;
  stats::Moments person, chatbot;
  for (const ScoredContact& item : scored) {
    by_participant[item.contact->participant].push_back(&item);
    channel_means[std::string(domain::ToString(item.contact->channel))].Update(*item.score.total);
    ++results.contacts_counted;
    ++(domain::IsProvisional(item.contact->status) ? results.contacts_provisional
                                                   : results.contacts_approved);
    if (item.score.answered) ++results.contacts_answered;
    const bool chat = item.contact->channel == domain::Channel::kChat ||
                      item.contact->channel == domain::Channel::kMessenger;
    if (chat && item.score.answered) {
      if (item.contact->responder == domain::Responder::kPerson) person.Update(*item.score.total);
      if (item.contact->responder == domain::Responder::kChatbot) chatbot.Update(*item.score.total);
    }
  }
  for (const auto& [id, moments] : channel_means) {
    results.channel_means[id] = {static_cast<int>(moments.n), moments.Mean()};
  }
  results.chat_person = {static_cast<int>(person.n), person.Mean()};
  results.chat_chatbot = {static_cast<int>(chatbot.n), chatbot.Mean()};
  return by_participant;
}

// Summarizes the industry's participants in id order (the bootstrap streams
// depend on it, storage order never); returns each one's contact totals.
std::vector<std::vector<double>> SummarizeMembers(const domain::Study& study,
                                                  const domain::Industry& industry,
                                                  const ByParticipant& by_participant,
                                                  int agent_area_index, IndustryResult& block) {
  std::vector<const domain::Participant*> members;
  for (const auto& participant : study.participants) {
    if (participant.industry == industry.id) members.push_back(&participant);
  }
  std::sort(members.begin(), members.end(),
            [](const auto* a, const auto* b) { return a->id < b->id; });
  const int min_contacts = std::max(1, study.min_contacts_for_ranking);
  std::vector<std::vector<double>> samples;  // contact totals, per member
  stats::Moments industry_mean;
  for (const auto* participant : members) {
    const auto found = by_participant.find(participant->id);
    static const std::vector<const ScoredContact*> kNone;
    const auto& items = found == by_participant.end() ? kNone : found->second;
    ParticipantResult result = Summarize(study, *participant, items, agent_area_index);
    result.ranked = result.n >= min_contacts;
    if (result.score) industry_mean.Update(*result.score);
    std::vector<double> totals;
    for (const auto* item : items) totals.push_back(*item->score.total);
    samples.push_back(std::move(totals));
    block.participants.push_back(std::move(result));
  }
  block.mean = industry_mean.Mean();
  return samples;
}

// Point ranks: 1 + the number of ranked participants with a higher total to
// one decimal. Returns the ranked participants' indexes, best first.
std::vector<size_t> RankPoints(IndustryResult& block) {
  std::vector<size_t> order;
  for (size_t index = 0; index < block.participants.size(); ++index) {
    if (block.participants[index].ranked) order.push_back(index);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& pa = block.participants[a];
    const auto& pb = block.participants[b];
    if (*pa.score != *pb.score) return *pa.score > *pb.score;
    return pa.id < pb.id;
  });
  for (size_t position = 0; position < order.size(); ++position) {
    auto& participant = block.participants[order[position]];
    int rank = static_cast<int>(position) + 1;
    if (position > 0) {
      const auto& previous = block.participants[order[position - 1]];
      if (RankKey(*previous.score) == RankKey(*participant.score)) rank = *previous.rank;
    }
    participant.rank = rank;
  }
  if (!order.empty()) {
    block.winner = block.participants[order[0]].id;
    block.best = block.participants[order[0]].score;
  }
  if (order.size() >= 2) block.runner_up = block.participants[order[1]].id;
  return order;
}

// Bootstrap intervals, rank intervals, p_best and whether the winner is clear.
void ApplyBootstrap(const std::string& key, const std::vector<std::vector<double>>& samples,
                    const std::vector<size_t>& order, const BootstrapSettings& bootstrap,
                    IndustryResult& block) {
  BootstrapInput input;
  input.key = key;
  input.samples = &samples;
  for (const auto& participant : block.participants) input.ranked.push_back(participant.ranked);
  input.winner = order.empty() ? -1 : static_cast<int>(order[0]);
  input.runner_up = order.size() < 2 ? -1 : static_cast<int>(order[1]);
  const BootstrapOutput out = RunBootstrap(input, bootstrap);
  for (size_t index = 0; index < block.participants.size(); ++index) {
    auto& participant = block.participants[index];
    participant.ci = out.ci[index];
    if (participant.ranked) {
      participant.rank_ci = out.rank_ci[index];
      participant.p_best = out.p_best[index];
    }
    if (participant.score && block.mean) participant.vs_industry = *participant.score - *block.mean;
    participant.consistently_high =
        participant.ranked && participant.share_90 && *participant.share_90 >= 80;
  }
  // A winner is clear when it beats the runner-up in at least 97.5 % of the joint
  // resamples; alone in its industry it has no one to beat. Sharing first place
  // (equal to one decimal) is never a clear win.
  if (order.size() == 1) block.winner_clear = true;
  if (order.size() >= 2) {
    block.p_winner_beats_runner_up = out.p_winner_beats;
    block.lead_ci = out.lead_ci;
    const bool shared_first = block.participants[order[1]].rank == 1;
    block.winner_clear = !shared_first && out.p_winner_beats && *out.p_winner_beats >= 0.975;
  }
}

// Ranked by rank, then the unranked by name.
void SortForDisplay(std::vector<ParticipantResult>& participants) {
  std::stable_sort(participants.begin(), participants.end(),
                   [](const ParticipantResult& a, const ParticipantResult& b) {
                     if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
                     if (a.rank && *a.rank != *b.rank) return *a.rank < *b.rank;
                     if (a.score.has_value() != b.score.has_value()) return a.score.has_value();
                     if (a.score && *a.score != *b.score) return *a.score > *b.score;
                     return a.id < b.id;
                   });
}

IndustryResult SummarizeIndustry(const domain::Study& study, const domain::Industry& industry,
                                 const ByParticipant& by_participant, int agent_area_index,
                                 const BootstrapSettings& bootstrap) {
  IndustryResult block;
  block.id = industry.id;
  block.name =
      study.TextFor(industry.name, study.languages.empty() ? "en" : study.languages.front());
  const std::vector<std::vector<double>> samples =
      SummarizeMembers(study, industry, by_participant, agent_area_index, block);
  const std::vector<size_t> order = RankPoints(block);
  ApplyBootstrap(industry.id, samples, order, bootstrap, block);
  SortForDisplay(block.participants);
  return block;
}

}  // namespace

Result<StudyResults> ComputeResults(const domain::Study& study,
                                    const std::vector<Contact>& contacts,
                                    const ResultsOptions& options) {
  if (!options.industry.empty() && study.FindIndustry(options.industry) == nullptr) {
    return InvalidInput(Msg("study '{1}' has no industry '{2}'", study.id, options.industry));
  }
  if (options.resamples < 0) return InvalidInput(Msg("the number of resamples must be 0 or more"));

  StudyResults results;
  results.study_id = study.id;
  results.study_name = study.name;
  results.resamples = options.resamples;
  results.seed = options.seed;
  results.agent_area = options.agent_area;
  const int agent_area_index = AgentAreaIndex(study, options.agent_area);

  const std::vector<const Contact*> counted = SelectCounted(study, contacts, options, results);
  const std::vector<ScoredContact> scored = ScoreCounted(study, counted, results);
  if (scored.empty()) return NothingToScore(study, options, results);

  const ByParticipant by_participant = GroupAndCompare(scored, results);
  const BootstrapSettings bootstrap{options.resamples, options.seed, options.threads};
  for (const domain::Industry& industry : study.industries) {
    if (!options.industry.empty() && industry.id != options.industry) continue;
    results.industries.push_back(
        SummarizeIndustry(study, industry, by_participant, agent_area_index, bootstrap));
  }
  return results;
}

}  // namespace cx::results
