#pragma once
// The demo study generator: a realistic synthetic benchmark study,
// deterministic for a seed. A library, so tests and benchmarks reuse it.
//
// It reproduces what the seeds report (docs/sources.md): channel
// availability as in 2022 (phone 94 %, e-mail/form 84 %, chat 63 %, Messenger
// 74 %), most contacts by phone, then chat, e-mail/form, Messenger; phone
// scoring highest and Messenger lowest; chat with a chatbot well below chat
// with a person; each company with its own quality and consistency; wait
// times per channel (seconds on phone and chat, hours on e-mail, some e-mails
// never answered); comments in Norwegian that match the answers.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::demo {

struct DemoOptions {
  uint64_t seed = 2026;
  int participants = 180;
  int shoppers = 120;
};

// The hidden truth behind a participant's answers, for tests that check that
// the results engine recovers it. Never stored.
struct ParticipantTruth {
  double quality = 0;        // mean latent contact quality, 0..100
  double consistency = 0;    // standard deviation of contact quality around it
  double chatbot_share = 0;  // share of chat/Messenger contacts a chatbot answers first
};

struct DemoWorld {
  domain::Study study;  // the example questionnaire with generated participants
  std::vector<domain::Shopper> shoppers;
  std::map<std::string, ParticipantTruth> truth;  // by participant id
};

// The study (questionnaire, channels, industries from the embedded
// examples/kundeserviceprisen.yaml; participants and their channel audit
// generated) and the shopper pool.
DemoWorld GenerateWorld(const DemoOptions& options);

// A simple assignment for the demo: each participant's contacts split over
// its channels (domain::AllocateContacts), a shopper who can do the channel,
// never the same shopper twice for one company, scenarios rotated, times
// spread over the weeks within opening hours. The planner (src/plan) does this
// properly; this exists so the generator stands alone. Status kPlanned.
std::vector<domain::Contact> AssignContacts(const DemoWorld& world, uint64_t seed);

// Plays every contact: wait times, who answered, answers to every applicable
// question (relevance honoured), comments per area in Norwegian. Sets status
// kSubmitted. Deterministic for (world, contacts, seed).
void SimulateAnswers(const DemoWorld& world, std::vector<domain::Contact>& contacts, uint64_t seed);

}  // namespace cx::demo
