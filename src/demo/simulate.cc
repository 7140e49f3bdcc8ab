// Plays the demo's contacts: waits, who answered, answers and comments.

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "core/civil_time.h"
#include "core/time_zone.h"
#include "demo/comments.h"
#include "demo/generator.h"
#include "demo/random.h"
#include "domain/relevance.h"

namespace cx::demo {
namespace {

using domain::Channel;
using domain::QuestionType;
// The demo writes whole seconds; the server writes milliseconds.
constexpr auto kWholeSeconds = UtcInstant::Precision::kSeconds;

// Latent quality shift by channel: phone scores highest, Messenger lowest (docs/sources.md).
double ChannelEffect(Channel channel) {
  switch (channel) {
    case Channel::kPhone:
      return 4;
    case Channel::kEmailForm:
      return -1;
    case Channel::kChat:
      return -3;
    case Channel::kMessenger:
      return -8;
  }
  return 0;
}

// A chatbot answering first costs this much latent quality: in 2021 chat with
// a person scored almost 50 % better than chat with a chatbot (docs/sources.md).
constexpr double kChatbotEffect = -15;

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Seconds to the first answer, or nullopt when the contact is never answered.
std::optional<double> DrawWait(Channel channel, const domain::ChannelSpec& spec,
                               const ParticipantTruth& truth, Rng& rng) {
  // Better centres are also somewhat quicker to answer.
  const double access = std::exp(-(truth.quality - 76) / 40);
  double never = 0;
  double wait = 0;
  switch (channel) {
    case Channel::kPhone:
      wait = rng.LogNormal(40 * access, 0.9);
      break;
    case Channel::kEmailForm:
      never = truth.quality < 70 ? 0.10 : 0.04;
      wait = rng.LogNormal(4 * 3600 * access, 1.1);
      break;
    case Channel::kChat:
      never = 0.02;
      wait = rng.LogNormal(35 * access, 1.0);
      break;
    case Channel::kMessenger:
      never = 0.05;
      wait = rng.LogNormal(40 * 60 * access, 1.3);
      break;
  }
  if (rng.Chance(never) || wait > spec.max_wait_seconds) return std::nullopt;
  return std::round(std::max(1.0, wait));
}

// Piecewise linear share of the wait table (see domain::WaitPoint).
double WaitShare(const domain::ChannelSpec& spec, double seconds) {
  const auto& table = spec.wait_table;
  if (table.empty()) return 1;
  if (seconds <= table.front().seconds) return table.front().share;
  for (size_t index = 1; index < table.size(); ++index) {
    if (seconds <= table[index].seconds) {
      const auto& a = table[index - 1];
      const auto& b = table[index];
      return a.share + (b.share - a.share) * (seconds - a.seconds) / (b.seconds - a.seconds);
    }
  }
  return table.back().share;
}

// The UTC instant a contact planned at local `planned_at` starts. A time
// in the autumn overlap takes its first occurrence; a spring-forward gap
// never occurs, the channels open after 03:00.
UtcInstant StartOf(const std::string& planned_at, const TimeZone& zone) {
  const auto local = LocalDateTime::Parse(planned_at);
  if (!local) throw std::invalid_argument("bad planned time '" + planned_at + "'");
  return zone.ToUtc(*local);
}

class ContactPlayer {
 public:
  ContactPlayer(const domain::Study& study, const ParticipantTruth& truth, Rng& rng)
      : study_(study), truth_(truth), rng_(rng) {}

  void Play(domain::Contact& contact, const TimeZone& zone) {
    const domain::ChannelSpec& spec = *study_.FindChannel(contact.channel);
    const UtcInstant started = StartOf(contact.planned_at, zone);
    contact.started_at = started.ToString(kWholeSeconds);
    contact.wait_seconds = DrawWait(contact.channel, spec, truth_, rng_);
    contact.answers.clear();
    contact.comments.clear();
    contact.responder = domain::Responder::kPerson;
    contact.status = domain::ContactStatus::kSubmitted;
    if (!contact.wait_seconds) {
      contact.answered_at.clear();
      contact.responder = domain::Responder::kUnknown;
      contact.comments.push_back({"wait", contact.channel == Channel::kEmailForm
                                              ? "Fikk aldri svar på e-posten."
                                              : "Ingen svarte innen maksimal ventetid."});
      return;
    }
    contact.answered_at =
        (started + std::chrono::seconds{static_cast<long long>(*contact.wait_seconds)})
            .ToString(kWholeSeconds);
    const bool written_bot_channel =
        contact.channel == Channel::kChat || contact.channel == Channel::kMessenger;
    if (written_bot_channel && rng_.Chance(truth_.chatbot_share)) {
      contact.responder = domain::Responder::kChatbot;
    }
    latent_ = truth_.quality + ChannelEffect(contact.channel) + rng_.Normal(0, truth_.consistency) +
              (contact.responder == domain::Responder::kChatbot ? kChatbotEffect : 0);
    latent_ = std::clamp(latent_, 5.0, 100.0);

    std::map<std::string, std::pair<double, int>> area_share;  // area -> (sum of shares, count)
    for (const domain::Question& question : study_.questions) {
      // The answers so far are those of earlier questions, the only ones a
      // relevance condition may name: the rule the shopper's form follows.
      if (!domain::IsAsked(study_, question, contact)) continue;
      auto answer = AnswerOf(question, contact, spec);
      if (!answer) continue;
      if (auto share = ShareOf(question, *answer)) {
        auto& entry = area_share[question.area];
        entry.first += *share;
        ++entry.second;
      }
      contact.answers.push_back(std::move(*answer));
    }
    area_share["wait"] = {WaitShare(spec, *contact.wait_seconds), 1};
    for (const auto& [area, entry] : area_share) {
      if (entry.second == 0 || !rng_.Chance(0.8)) continue;
      std::string text = CommentFor(area, entry.first / entry.second, rng_);
      if (!text.empty()) contact.comments.push_back({area, std::move(text)});
    }
  }

 private:
  // A value on [0, 1] from the contact's latent quality with some noise.
  double Level(double noise_sd) {
    return std::clamp((latent_ + rng_.Normal(0, noise_sd) - 20) / 80, 0.0, 1.0);
  }

  std::optional<domain::Answer> AnswerOf(const domain::Question& question,
                                         const domain::Contact& contact,
                                         const domain::ChannelSpec& spec) {
    domain::Answer answer;
    answer.question = question.id;
    if (question.allow_na && question.type != QuestionType::kChoice && rng_.Chance(0.08)) {
      answer.not_applicable = true;
      return answer;
    }
    // Each question is harder or easier to do well on: 45..84 on the latent scale.
    const double difficulty = 45 + static_cast<double>(Rng::Hash(question.id) % 40);
    switch (question.type) {
      case QuestionType::kYesNo: {
        double p = Logistic((latent_ - difficulty) / 7);
        if (question.points == 0) p = 0.5;  // unscored facts are unrelated to quality
        const bool good = rng_.Chance(p);
        answer.number = good == question.good_answer_yes ? 1.0 : 0.0;
        return answer;
      }
      case QuestionType::kScale: {
        const double span = question.scale_max - question.scale_min;
        answer.number = question.scale_min + std::round(Level(7) * span);
        return answer;
      }
      case QuestionType::kChoice: {
        if (question.id == "rec_responder") {
          answer.text = contact.responder == domain::Responder::kChatbot ? "chatbot" : "person";
          if (!std::any_of(question.options.begin(), question.options.end(),
                           [&](const auto& option) { return option.id == *answer.text; })) {
            answer.text = question.options.front().id;
          }
          return answer;
        }
        std::vector<const domain::ChoiceOption*> options;
        for (const auto& option : question.options) options.push_back(&option);
        std::stable_sort(options.begin(), options.end(),
                         [](const auto* a, const auto* b) { return a->points < b->points; });
        const size_t index =
            std::min(options.size() - 1,
                     static_cast<size_t>(Level(10) * static_cast<double>(options.size())));
        answer.text = options[index]->id;
        return answer;
      }
      case QuestionType::kNps:
        answer.number = std::clamp(std::round((latent_ + rng_.Normal(0, 8) - 30) / 6.5), 0.0, 10.0);
        return answer;
      case QuestionType::kCsat:
        answer.number =
            std::clamp(std::round(1 + (latent_ + rng_.Normal(0, 8) - 30) / 15), 1.0, 5.0);
        return answer;
      case QuestionType::kCes:
        answer.number =
            std::clamp(std::round(1 + (latent_ + rng_.Normal(0, 8) - 25) / 11), 1.0, 7.0);
        return answer;
      case QuestionType::kDuration:
        answer.number = *contact.wait_seconds;
        return answer;
      case QuestionType::kNumber: {
        if (!question.required && rng_.Chance(0.2)) return std::nullopt;
        const double more = Level(10) > 0.55 ? 0 : 1 + static_cast<double>(rng_.Below(3));
        answer.number =
            std::clamp(more, question.scale_min, std::max(question.scale_min, question.scale_max));
        return answer;
      }
      case QuestionType::kText:
        return std::nullopt;
    }
    (void)spec;
    return std::nullopt;
  }

  // How well the answer went, 0..1, for picking a matching comment.
  static std::optional<double> ShareOf(const domain::Question& question,
                                       const domain::Answer& answer) {
    if (question.points <= 0 || answer.not_applicable) return std::nullopt;
    switch (question.type) {
      case QuestionType::kYesNo:
        return (*answer.number != 0) == question.good_answer_yes ? 1.0 : 0.0;
      case QuestionType::kScale:
        return (*answer.number - question.scale_min) / (question.scale_max - question.scale_min);
      case QuestionType::kChoice:
        for (const auto& option : question.options) {
          if (option.id == *answer.text) return option.points / question.points;
        }
        return std::nullopt;
      default:
        return std::nullopt;
    }
  }

  const domain::Study& study_;
  const ParticipantTruth& truth_;
  Rng& rng_;
  double latent_ = 0;
};

}  // namespace

void SimulateAnswers(const DemoWorld& world, std::vector<domain::Contact>& contacts,
                     uint64_t seed) {
  const auto zone = TimeZone::Locate(world.study.period.time_zone);
  if (!zone)
    throw std::invalid_argument("unknown time zone '" + world.study.period.time_zone + "'");
  for (domain::Contact& contact : contacts) {
    // One stream per contact: a contact's answers do not depend on the others.
    Rng rng(seed, "simulate/" + contact.id);
    ContactPlayer player(world.study, world.truth.at(contact.participant), rng);
    player.Play(contact, *zone);
  }
}

}  // namespace cx::demo
