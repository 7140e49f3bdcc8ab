#include "report/participant_report_builder.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "report/report_builder.h"

namespace cx::report {
namespace {

// Mean and variance of a sample (n - 1 in the denominator).
struct Sample {
  double n = 0, sum = 0, sum_squares = 0;
  void Add(double value) {
    ++n;
    sum += value;
    sum_squares += value * value;
  }
  std::optional<double> Mean() const {
    return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
  }
  double Variance() const {
    return n > 1 ? std::max(0.0, (sum_squares - sum * sum / n) / (n - 1)) : 0;
  }
};

// Pearson correlation of paired values; nullopt when either side has no spread.
std::optional<double> Pearson(const std::vector<std::pair<double, double>>& pairs) {
  if (pairs.size() < 3) return std::nullopt;
  double mx = 0, my = 0;
  for (const auto& [x, y] : pairs) {
    mx += x;
    my += y;
  }
  mx /= static_cast<double>(pairs.size());
  my /= static_cast<double>(pairs.size());
  double sxy = 0, sxx = 0, syy = 0;
  for (const auto& [x, y] : pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
    syy += (y - my) * (y - my);
  }
  if (sxx <= 0 || syy <= 0) return std::nullopt;
  // r = sum (x - mx)(y - my) / sqrt(sum (x - mx)^2 sum (y - my)^2)
  return sxy / std::sqrt(sxx * syy);
}

Estimate FromInterval(std::optional<double> value, std::optional<stats::Interval> interval) {
  Estimate estimate{value, std::nullopt, std::nullopt};
  if (interval) {
    estimate.low = interval->low;
    estimate.high = interval->high;
  }
  return estimate;
}

const results::IndustryResult* FindIndustry(const results::StudyResults& results,
                                            const std::string& id) {
  for (const auto& industry : results.industries) {
    if (industry.id == id) return &industry;
  }
  return nullptr;
}

// Areas: own against the industry's participants (mean of their area scores, and the best).
void AddAreaRows(const domain::Study& study, const results::ParticipantResult& own,
                 const results::IndustryResult& industry, const std::string& language,
                 ParticipantReportInput& in) {
  for (const auto& area : study.areas) {
    if (!area.scored) continue;
    AreaRow row{study.TextFor(area.label, language), std::nullopt, std::nullopt, std::nullopt};
    auto it = own.areas.find(area.id);
    if (it != own.areas.end()) row.own = it->second;
    Sample sample;
    for (const auto& other : industry.participants) {
      auto value = other.areas.find(area.id);
      if (value == other.areas.end() || !value->second) continue;
      sample.Add(*value->second);
      row.industry_best = std::max(row.industry_best.value_or(*value->second), *value->second);
    }
    row.industry_mean = sample.Mean();
    in.areas.push_back(row);
  }
}

// Channels: own against the industry's participants on the same channel.
void AddChannelRows(const results::ParticipantResult& own, const results::IndustryResult& industry,
                    const std::string& language, ParticipantReportInput& in) {
  for (const auto& [channel_id, channel] : own.channels) {
    auto parsed = domain::ParseChannel(channel_id);
    ChannelRow row{parsed ? ChannelLabel(*parsed, language) : channel_id, channel.n, channel.score,
                   std::nullopt};
    Sample sample;
    for (const auto& other : industry.participants) {
      auto value = other.channels.find(channel_id);
      if (value != other.channels.end() && value->second.score) sample.Add(*value->second.score);
    }
    row.industry_mean = sample.Mean();
    in.channels.push_back(row);
  }
}

// References: own % yes against the industry's participants.
void AddReferenceRows(const domain::Study& study, const results::ParticipantResult& own,
                      const results::IndustryResult& industry, const std::string& language,
                      ParticipantReportInput& in) {
  for (const auto& question : study.questions) {
    if (question.reference == domain::ReferenceFlag::kNone) continue;
    ReferenceRow row{study.TextFor(question.label, language), std::nullopt, std::nullopt};
    auto it = own.reference.find(question.id);
    if (it != own.reference.end()) row.own_yes = it->second;
    Sample sample;
    for (const auto& other : industry.participants) {
      auto value = other.reference.find(question.id);
      if (value != other.reference.end() && value->second) sample.Add(*value->second);
    }
    row.industry_yes = sample.Mean();
    in.references.push_back(row);
  }
}

// Per-question item scores over the industry's answered contacts (own and
// industry), and each item paired with the total impression for the priorities.
struct ItemSamples {
  explicit ItemSamples(size_t question_count)
      : own(question_count), industry(question_count), vs_impression(question_count) {}
  std::vector<Sample> own, industry;
  std::vector<std::vector<std::pair<double, double>>> vs_impression;
};

int ImpressionArea(const domain::Study& study) {
  int impression_area = -1;
  for (size_t index = 0; index < study.areas.size(); ++index) {
    if (study.areas[index].id == "total") impression_area = static_cast<int>(index);
  }
  return impression_area;
}

// Adds one answered contact's item scores.
void AddItems(const domain::Study& study, const results::ContactScore& score, bool mine,
              int impression_area, ItemSamples& items) {
  const results::Points* impression =
      impression_area >= 0 ? &score.areas[static_cast<size_t>(impression_area)] : nullptr;
  for (size_t q = 0; q < study.questions.size(); ++q) {
    const results::Points& points = score.questions[q];
    if (points.possible <= 0) continue;
    const double item = 100 * points.obtained / points.possible;
    items.industry[q].Add(item);
    if (mine) items.own[q].Add(item);
    // The impression without the item itself, so an item of the total area
    // is not correlated with itself.
    if (impression && impression->possible > 0) {
      const bool inside = study.questions[q].area == "total";
      const double possible = impression->possible - (inside ? points.possible : 0);
      const double obtained = impression->obtained - (inside ? points.obtained : 0);
      if (possible > 0) items.vs_impression[q].push_back({item, 100 * obtained / possible});
    }
  }
}

// Per contact of the participant's industry: totals, the chat split and the item scores.
ItemSamples TallyContacts(const domain::Study& study, const ScoredFieldwork& scored,
                          const domain::Participant& participant, ParticipantReportInput& in) {
  std::map<std::string, std::string> industry_of;
  for (const auto& item : study.participants) industry_of[item.id] = item.industry;
  const int impression_area = ImpressionArea(study);
  ItemSamples items(study.questions.size());
  Sample chat_person, chat_bot;
  for (size_t index = 0; index < scored.contacts.size(); ++index) {
    const domain::Contact& contact = *scored.contacts[index];
    const results::ContactScore& score = scored.scores[index];
    if (industry_of[contact.participant] != participant.industry) continue;
    const bool mine = contact.participant == participant.id;
    in.industry_totals.push_back(*score.total);
    if (mine) {
      in.own_totals.push_back(*score.total);
      if (contact.channel == domain::Channel::kChat && score.answered) {
        if (contact.responder == domain::Responder::kPerson) chat_person.Add(*score.total);
        if (contact.responder == domain::Responder::kChatbot) chat_bot.Add(*score.total);
      }
    }
    if (!score.answered) continue;
    AddItems(study, score, mine, impression_area, items);
  }
  in.chat_person = chat_person.Mean();
  in.chat_bot = chat_bot.Mean();
  return items;
}

// Question by question: own against the industry's contacts, significant when
// |own - industry| > 1.96 sqrt(s_own^2 / n_own + s_ind^2 / n_ind) (Welch's standard error).
void AddQuestionRows(const domain::Study& study, const ItemSamples& items,
                     const std::string& language, ParticipantReportInput& in) {
  for (size_t q = 0; q < study.questions.size(); ++q) {
    const domain::Question& question = study.questions[q];
    const domain::Area* area = study.FindArea(question.area);
    if (question.points <= 0 || !area || !area->scored || area->wait_time) continue;
    const Sample& own = items.own[q];
    const Sample& industry = items.industry[q];
    QuestionRow row{study.TextFor(area->label, language), study.TextFor(question.label, language),
                    own.Mean(), industry.Mean(), false};
    if (!row.own && !row.industry)
      continue;  // never asked in this industry (e.g. chatbot follow-ups)
    if (own.n >= 2 && industry.n >= 2 && row.own && row.industry) {
      const double se = std::sqrt(own.Variance() / own.n + industry.Variance() / industry.n);
      row.significant = se > 0 && std::fabs(*row.own - *row.industry) > 1.959963984540054 * se;
    }
    in.questions.push_back(row);
  }
}

// Improvement priorities: gap to the industry's best participant on the
// item, times how strongly the item goes with the total impression (|r|).
void AddPriorities(const domain::Study& study, const results::ParticipantResult& own,
                   const results::IndustryResult& industry, const ItemSamples& items,
                   const std::string& language, ParticipantReportInput& in) {
  for (size_t q = 0; q < study.questions.size(); ++q) {
    const domain::Question& question = study.questions[q];
    const domain::Area* area = study.FindArea(question.area);
    // The wait is its own area, scored from the clock: not an agent's behaviour to train.
    if (!area || !area->scored || area->wait_time) continue;
    auto mine = own.questions.find(question.id);
    if (mine == own.questions.end() || !mine->second) continue;
    std::optional<double> best;
    for (const auto& other : industry.participants) {
      auto value = other.questions.find(question.id);
      if (value != other.questions.end() && value->second)
        best = std::max(best.value_or(*value->second), *value->second);
    }
    const auto r = Pearson(items.vs_impression[q]);
    if (!best || !r || *best - *mine->second <= 0) continue;
    in.priorities.push_back(
        {study.TextFor(question.label, language), *best - *mine->second, std::fabs(*r)});
  }
  std::sort(in.priorities.begin(), in.priorities.end(),
            [](const PriorityRow& a, const PriorityRow& b) {
              return a.gap * a.weight > b.gap * b.weight;
            });
  if (in.priorities.size() > 8) in.priorities.resize(8);
}

// The participant's own headline figures from the results engine.
void SetOwnFigures(const results::ParticipantResult& own, const results::IndustryResult& industry,
                   ParticipantReportInput& in) {
  in.contacts = own.n;
  in.provisional = own.n_provisional;
  in.answered = own.n_answered;
  in.total = FromInterval(own.score, own.ci);
  in.score_answered = own.score_answered;
  in.agent_score = own.agent_score;
  in.rank = own.rank;
  if (own.rank_ci) {
    in.rank_best = own.rank_ci->first;
    in.rank_worst = own.rank_ci->second;
  }
  in.best_in_test = industry.winner == own.id && industry.winner_clear;
  in.sd = own.sd;
  in.share_90_plus = own.share_90;
  if (own.nps) in.nps = {own.nps->value, own.nps->ci.low, own.nps->ci.high};
  if (own.csat) in.csat = {own.csat->value, own.csat->ci.low, own.csat->ci.high};
  if (own.ces) {
    in.ces_mean = {own.ces->mean, own.ces->ci.low, own.ces->ci.high};
    in.ces_easy = {own.ces->easy.value, own.ces->easy.ci.low, own.ces->easy.ci.high};
  }
}

// Finds the participant's own result and counts the ranked in its industry.
const results::ParticipantResult* FindOwn(const results::IndustryResult* industry,
                                          const std::string& participant_id,
                                          ParticipantReportInput& in) {
  const results::ParticipantResult* own = nullptr;
  if (!industry) return own;
  for (const auto& item : industry->participants) {
    if (item.id == participant_id) own = &item;
    if (item.ranked) ++in.ranked_in_industry;
  }
  in.industry_mean = industry->mean;
  in.industry_best = industry->best;
  return own;
}

}  // namespace

ScoredFieldwork ScoreFieldwork(const domain::Study& study,
                               const std::vector<domain::Contact>& contacts) {
  ScoredFieldwork scored;
  const results::ContactScorer scorer(study);
  std::vector<const domain::Contact*> ordered;
  for (const auto& contact : contacts) {
    if (Counts(study, contact)) ordered.push_back(&contact);
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const auto* a, const auto* b) { return a->id < b->id; });
  for (const domain::Contact* contact : ordered) {
    results::ContactIssue issue;
    auto score = scorer.Score(*contact, &issue);
    if (!score || !score->total) continue;  // left out by the engine too (reported there)
    scored.contacts.push_back(contact);
    scored.scores.push_back(std::move(*score));
  }
  return scored;
}

ParticipantReportInput BuildParticipantReport(const domain::Study& study,
                                              const std::vector<domain::Contact>& contacts,
                                              const ScoredFieldwork& scored,
                                              const results::StudyResults& results,
                                              const std::string& participant_id,
                                              std::string language) {
  ParticipantReportInput in;
  const domain::Participant* participant = study.FindParticipant(participant_id);
  if (!participant) return in;
  if (language.empty()) language = participant->language;
  in.language = language;
  in.study_name = study.name;
  in.participant = participant->name;
  in.company = participant->company;
  const domain::Industry* industry_def = study.FindIndustry(participant->industry);
  in.industry = industry_def ? study.TextFor(industry_def->name, language) : participant->industry;
  in.audit = BuildAuditRows(*participant, language);
  in.waits = BuildWaitRows(study, contacts, participant_id, language);
  in.comments = BuildComments(study, contacts, participant_id, language);

  const results::IndustryResult* industry = FindIndustry(results, participant->industry);
  const results::ParticipantResult* own = FindOwn(industry, participant_id, in);
  if (!own) return in;
  SetOwnFigures(*own, *industry, in);
  AddAreaRows(study, *own, *industry, language, in);
  AddChannelRows(*own, *industry, language, in);
  AddReferenceRows(study, *own, *industry, language, in);
  const ItemSamples items = TallyContacts(study, scored, *participant, in);
  AddQuestionRows(study, items, language, in);
  AddPriorities(study, *own, *industry, items, language, in);
  return in;
}

RankingPageInput BuildRankingPage(const domain::Study& study, const results::StudyResults& results,
                                  const std::string& language) {
  RankingPageInput page;
  page.language = language;
  page.study_name = study.name;
  std::map<std::string, std::pair<std::string, double>> best_per_channel;
  for (const auto& industry : results.industries) {
    IndustryRanking ranking;
    const domain::Industry* definition = study.FindIndustry(industry.id);
    ranking.industry = definition ? study.TextFor(definition->name, language) : industry.name;
    ranking.mean = industry.mean;
    ranking.winner_clear = industry.winner_clear;
    for (const auto& participant : industry.participants) {
      RankingRow row{participant.rank, participant.name, participant.score,
                     std::nullopt,     std::nullopt,     participant.n};
      if (participant.ci) {
        row.low = participant.ci->low;
        row.high = participant.ci->high;
      }
      ranking.rows.push_back(row);
      if (!participant.ranked) continue;
      for (const auto& [channel, score] : participant.channels) {
        if (!score.score) continue;
        auto& best = best_per_channel[channel];
        if (best.first.empty() || *score.score > best.second)
          best = {participant.name, *score.score};
      }
    }
    page.industries.push_back(std::move(ranking));
  }
  for (domain::Channel channel : domain::kAllChannels) {
    const std::string id(domain::ToString(channel));
    auto mean = results.channel_means.find(id);
    if (mean == results.channel_means.end() || mean->second.n == 0) continue;
    ChannelFigure figure{ChannelLabel(channel, language), mean->second.score, mean->second.n, "",
                         std::nullopt};
    auto best = best_per_channel.find(id);
    if (best != best_per_channel.end()) {
      figure.best_participant = best->second.first;
      figure.best_score = best->second.second;
    }
    page.channels.push_back(figure);
  }
  page.chat_person_mean = results.chat_person.score;
  page.chat_bot_mean = results.chat_chatbot.score;
  page.chat_person_contacts = results.chat_person.n;
  page.chat_bot_contacts = results.chat_chatbot.n;
  return page;
}

}  // namespace cx::report
