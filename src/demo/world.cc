// The demo world: the example questionnaire, generated participants with
// their channel audit and hidden quality, and a shopper pool.
#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "core/civil_time.h"
#include "cx_demo_embedded.h"
#include "demo/channel_facts.h"
#include "demo/generator.h"
#include "demo/random.h"
#include "study/study_reader.h"

namespace cx::demo {
namespace {

using domain::Channel;
using domain::Ease;

// Channel availability among participants, Kundeserviceprisen 2022.
constexpr auto& kFacts = kChannelFacts2022;

const std::vector<std::string> kPlaces = {
    "Tønsberg",  "Ålesund",     "Bodø",         "Førde",       "Molde",       "Hamar",
    "Gjøvik",    "Lillehammer", "Kongsberg",    "Drammen",     "Sandnes",     "Haugesund",
    "Tromsø",    "Alta",        "Harstad",      "Narvik",      "Steinkjer",   "Levanger",
    "Namsos",    "Voss",        "Stord",        "Florø",       "Sogndal",     "Røros",
    "Halden",    "Moss",        "Sarpsborg",    "Fredrikstad", "Arendal",     "Grimstad",
    "Mandal",    "Egersund",    "Kristiansund", "Elverum",     "Kongsvinger", "Hønefoss",
    "Notodden",  "Skien",       "Porsgrunn",    "Larvik",      "Sandefjord",  "Horten",
    "Askim",     "Asker",       "Bærum",        "Lørenskog",   "Jessheim",    "Eidsvoll",
    "Mo i Rana", "Mosjøen",     "Brønnøysund",  "Svolvær",     "Finnsnes",    "Vadsø",
    "Kirkenes",  "Hammerfest",  "Ørsta",        "Volda",       "Stryn",       "Fjord",
    "Vest",      "Nord",        "Sør",          "Øst",         "Midt",        "Kyst",
    "Fjell",     "Dal",         "Berg",         "Lys"};

// How each industry names its companies: "{place} Sparebank", ...
const std::map<std::string, std::vector<std::string>> kNamePatterns = {
    {"bank", {"{} Sparebank", "{}banken", "Bank {}"}},
    {"insurance", {"{} Forsikring", "{} Gjensidige", "{} Skadeforsikring"}},
    {"electricity", {"{} Energi", "{}kraft", "{} Strøm"}},
    {"telecom", {"{}nett", "{} Fiber", "{} Mobil"}},
    {"car_dealer", {"{} Bil", "{} Bilsenter", "Auto {}"}},
    {"travel", {"{} Reiser", "{} Reisebyrå", "Ferie {}"}},
    {"public", {"{} kommune", "{} Servicetorg", "NAV {}"}},
    {"retail", {"{} Interiør", "{} Sport", "{} Elektro"}},
    {"real_estate", {"{} Eiendomsmegling", "Megler {}", "{} Bolig"}},
    {"fitness", {"{} Treningssenter", "{} Fysio og Trening", "Aktiv {}"}},
    {"transport", {"{} Transport", "{} Flytteservice", "{} Logistikk"}},
    {"housing", {"{} Boligbyggelag", "{} Utbygging", "{} Boligpartner"}},
};

const std::vector<std::string> kFirstNames = {
    "Ingrid", "Ole",    "Kari",  "Lars",  "Anne",    "Per",     "Marit", "Jon",
    "Sigrid", "Erik",   "Hanne", "Knut",  "Silje",   "Bjørn",   "Nora",  "Håkon",
    "Ida",    "Magnus", "Thea",  "Even",  "Solveig", "Øystein", "Maja",  "Sindre",
    "Åse",    "Jørgen", "Liv",   "Eirik", "Tone",    "Aksel"};
const std::vector<std::string> kLastNames = {
    "Hansen",      "Johansen", "Olsen",     "Larsen", "Andersen", "Pedersen", "Nilsen",
    "Kristiansen", "Jensen",   "Karlsen",   "Berg",   "Haugen",   "Hagen",    "Eriksen",
    "Dahl",        "Lund",     "Solberg",   "Strand", "Bakken",   "Sæther",   "Løken",
    "Ødegård",     "Moen",     "Halvorsen", "Aas"};
const std::vector<std::string> kRegions = {
    "Oslo",     "Akershus", "Østfold",         "Buskerud",  "Vestfold", "Telemark", "Agder",
    "Rogaland", "Vestland", "Møre og Romsdal", "Trøndelag", "Nordland", "Troms",    "Innlandet"};

std::string Fill(const std::string& pattern, const std::string& place) {
  std::string name = pattern;
  name.replace(name.find("{}"), 2, place);
  return name;
}

std::string Slug(const std::string& text) {
  std::string slug;
  for (size_t index = 0; index < text.size(); ++index) {
    const unsigned char c = static_cast<unsigned char>(text[index]);
    if (std::isalnum(c)) {
      slug += static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && index + 1 < text.size()) {
      // Norwegian letters in UTF-8: æ ø å (and capitals) to ae o a.
      const unsigned char next = static_cast<unsigned char>(text[++index]);
      if (next == 0xA6 || next == 0x86)
        slug += "ae";
      else if (next == 0xB8 || next == 0x98)
        slug += "o";
      else if (next == 0xA5 || next == 0x85)
        slug += "a";
    } else if (!slug.empty() && slug.back() != '_') {
      slug += '_';
    }
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug;
}

// Exactly round(share * n) of n participants get the channel, so the demo's
// availability hits the seed figures to within one participant.
std::vector<bool> ExactSubset(size_t n, double share, Rng& rng) {
  std::vector<size_t> order(n);
  for (size_t index = 0; index < n; ++index) order[index] = index;
  rng.Shuffle(order);
  const size_t count = static_cast<size_t>(std::lround(share * static_cast<double>(n)));
  std::vector<bool> chosen(n, false);
  for (size_t index = 0; index < count && index < n; ++index) chosen[order[index]] = true;
  return chosen;
}

domain::Study ExampleStudy() {
  auto outcome =
      study::ReadStudyText(embedded::example_study(), "examples/kundeserviceprisen.yaml");
  if (!outcome.study) {
    // The example is compiled in and checked by tests: reaching this is a build defect.
    throw std::logic_error("the embedded example study is invalid: " +
                           outcome.errors.front().ToString());
  }
  return *outcome.study;
}

// Participant `index` of n, named after the next place left in its industry;
// its true quality and consistency go to world.truth.
void AddParticipant(size_t index, size_t n, const std::map<std::string, double>& industry_effect,
                    std::map<std::string, std::vector<std::string>>& places_left, DemoWorld& world,
                    Rng& rng) {
  domain::Study& study = world.study;
  // Industries in blocks of consecutive participants, so a company's
  // second centre can follow its first.
  const auto& industry = study.industries[index * study.industries.size() / n];
  auto& places = places_left[industry.id];
  if (places.empty()) {
    places = kPlaces;
    rng.Shuffle(places);
  }
  const std::string place = places.back();
  places.pop_back();
  const auto& patterns = kNamePatterns.count(industry.id) ? kNamePatterns.at(industry.id)
                                                          : std::vector<std::string>{"{} AS"};
  domain::Participant participant;
  participant.company = Fill(rng.Pick(patterns), place);
  participant.name = participant.company + " Kundesenter";
  participant.industry = industry.id;
  participant.size = static_cast<int>(std::lround(rng.LogNormal(25, 0.8))) + 2;
  participant.language = study.languages.front();
  // About one in ten customer centres is a second centre of the company before it.
  if (!study.participants.empty() && rng.Chance(0.10) &&
      study.participants.back().industry == industry.id) {
    participant.company = study.participants.back().company;
    participant.name =
        participant.company + (rng.Chance(0.5) ? " Bedrift og Privat" : " Region Nord");
  }
  participant.id = Slug(participant.name);
  // Ids must be unique even when two places give the same slug.
  for (int suffix = 2; study.FindParticipant(participant.id); ++suffix) {
    participant.id = Slug(participant.name) + "_" + std::to_string(suffix);
  }
  study.participants.push_back(std::move(participant));

  ParticipantTruth truth;
  truth.quality = std::clamp(rng.Normal(80, 7) + industry_effect.at(industry.id), 50.0, 97.0);
  // Consistency: the best are high every time (docs/sources.md); spread 3..22 points.
  truth.consistency =
      std::clamp(rng.LogNormal(8, 0.5) * (truth.quality > 85 ? 0.6 : 1.0), 3.0, 22.0);
  truth.chatbot_share = rng.Chance(0.45) ? rng.Uniform(0.3, 0.9) : 0.0;
  world.truth[study.participants.back().id] = truth;
}

// Which of n participants offer each channel, with the 2022 availability
// shares. A participant offering nothing could not be contacted: Messenger
// moves to it from one who has three or more channels, keeping every share exact.
std::map<Channel, std::vector<bool>> OfferedChannels(size_t n, Rng& rng) {
  std::map<Channel, std::vector<bool>> offered;
  for (const auto& fact : kFacts) offered[fact.channel] = ExactSubset(n, fact.offered, rng);
  for (size_t index = 0; index < n; ++index) {
    bool any = false;
    for (const auto& fact : kFacts) any = any || offered[fact.channel][index];
    if (any) continue;
    for (size_t donor = 0; donor < n; ++donor) {
      int count = 0;
      for (const auto& fact : kFacts) count += offered[fact.channel][donor] ? 1 : 0;
      if (count >= 3 && offered[Channel::kMessenger][donor]) {
        offered[Channel::kMessenger][donor] = false;
        offered[Channel::kMessenger][index] = true;
        break;
      }
    }
  }
  return offered;
}

// How to reach a demo participant on a channel, made from its id and index
// (fictional: the reserved .example domain, numbers from +47 21 00 00 00
// up). Drawn from nothing random, so the demo's draws stay as they were.
std::string DemoReach(const std::string& id, size_t index, Channel channel) {
  std::string host = id;
  std::replace(host.begin(), host.end(), '_', '-');
  switch (channel) {
    case Channel::kPhone:
      return "+47 " + std::to_string(21000000 + 137 * static_cast<long>(index));
    case Channel::kEmailForm:
      return "kundeservice@" + host + ".example";
    case Channel::kChat:
      return "https://www." + host + ".example/chat";
    case Channel::kMessenger:
      return "https://m.me/" + host;
  }
  return "";
}

// The channel audit of every participant: offered or not and, if offered,
// how easy the channel was to find and how to reach it.
void AuditChannels(domain::Study& study, Rng& rng) {
  const size_t n = study.participants.size();
  std::map<Channel, std::vector<bool>> offered = OfferedChannels(n, rng);
  for (const auto& fact : kFacts) {
    for (size_t index = 0; index < n; ++index) {
      domain::ChannelAudit audit{fact.channel, offered[fact.channel][index], std::nullopt, ""};
      if (audit.offered) {
        audit.ease =
            rng.Chance(fact.easy) ? Ease::kEasy : (rng.Chance(0.6) ? Ease::kModerate : Ease::kHard);
        audit.reach = DemoReach(study.participants[index].id, index, fact.channel);
      }
      study.participants[index].audit.push_back(audit);
    }
  }
}

void MakeParticipants(const DemoOptions& options, DemoWorld& world, Rng& rng) {
  world.study.participants.clear();
  const size_t n = static_cast<size_t>(std::max(0, options.participants));

  // Industry effects: some industries serve new customers better than others.
  std::map<std::string, double> industry_effect;
  for (const auto& industry : world.study.industries) {
    industry_effect[industry.id] = rng.Normal(0, 3);
  }
  std::map<std::string, std::vector<std::string>> places_left;
  for (size_t index = 0; index < n; ++index) {
    AddParticipant(index, n, industry_effect, places_left, world, rng);
  }
  AuditChannels(world.study, rng);
}

void MakeShoppers(const DemoOptions& options, DemoWorld& world, Rng& rng) {
  const auto& period = world.study.period;
  const auto start = std::chrono::sys_days{period.start};
  const auto days = (std::chrono::sys_days{period.end} - start).count() + 1;
  for (int index = 0; index < options.shoppers; ++index) {
    domain::Shopper shopper;
    char id[32];
    std::snprintf(id, sizeof id, "s%03d", index + 1);
    shopper.id = id;
    shopper.name = rng.Pick(kFirstNames) + " " + rng.Pick(kLastNames);
    const double age = rng.Uniform();
    // Mystery shoppers skew older than the population, and the senior role
    // plays need enough of them for companies with two centres.
    shopper.age_band = age < 0.20 ? "18-29" : age < 0.50 ? "30-44" : age < 0.73 ? "45-59" : "60+";
    shopper.gender = rng.Chance(0.5) ? "female" : "male";
    shopper.region = rng.Pick(kRegions);
    shopper.languages = {"nb"};
    if (rng.Chance(0.6)) shopper.languages.push_back("en");
    // Nearly everyone phones; fewer do Messenger (they need a private Facebook profile).
    if (rng.Chance(0.97)) shopper.channels.push_back(Channel::kPhone);
    if (rng.Chance(0.90)) shopper.channels.push_back(Channel::kEmailForm);
    if (rng.Chance(0.85)) shopper.channels.push_back(Channel::kChat);
    if (rng.Chance(0.70)) shopper.channels.push_back(Channel::kMessenger);
    if (shopper.channels.empty()) shopper.channels.push_back(Channel::kPhone);
    shopper.max_contacts_per_week = 3 + static_cast<int>(rng.Below(4));  // 3..6
    // A week's holiday for some, a few single days for others.
    if (days > 14 && rng.Chance(0.3)) {
      const auto first =
          start + std::chrono::days{static_cast<int>(rng.Below(static_cast<size_t>(days - 7)))};
      for (int day = 0; day < 7; ++day) {
        shopper.away_dates.push_back(Date{first + std::chrono::days{day}}.ToString());
      }
    }
    world.shoppers.push_back(std::move(shopper));
  }
}

}  // namespace

DemoWorld GenerateWorld(const DemoOptions& options) {
  DemoWorld world;
  world.study = ExampleStudy();
  world.study.id = "demo" + std::to_string(world.study.year);
  world.study.name = "Kundeserviceprisen " + std::to_string(world.study.year) + " (demo)";
  Rng rng(options.seed, "world");
  MakeParticipants(options, world, rng);
  MakeShoppers(options, world, rng);
  return world;
}

}  // namespace cx::demo
