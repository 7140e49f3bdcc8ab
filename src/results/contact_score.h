#pragma once
// The score of one contact, by the contest's published rule (docs/scoring.md):
// points obtained / points possible over the contact's applicable questions,
// as a percentage, with weighted areas scaled to their weight.

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::results {

// Which area is "the agent" for the agent score. The contest publishes the
// agent's own area ("Kundebehandleren") as a third figure; the example study
// calls it `agent`.
inline constexpr const char* kDefaultAgentArea = "agent";

// Points of one area or one question in one contact.
struct Points {
  double obtained = 0;
  double possible = 0;
};

// A problem in the stored answers of one contact: the contact is left out of
// the results (see docs/scoring.md, "Bad input") and the issue reported.
struct ContactIssue {
  std::string contact;
  std::string question;
  std::string message;
  std::string ToString() const;
};

struct ContactScore {
  bool answered = false;
  // The total result, 0..100: 0 for an unanswered contact. nullopt when an
  // answered contact has no applicable scored question at all.
  std::optional<double> total;
  // Per study area (same index as Study::areas); possible == 0 = not applicable.
  // Empty for an unanswered contact: its areas were never experienced.
  std::vector<Points> areas;
  // Per study question (same index as Study::questions); possible == 0 = did
  // not count (not applicable, N/A, unanswered optional, 0 points, unscored area).
  std::vector<Points> questions;
};

// Scores one contact. An answer outside its question's scale (or a choice
// option that does not exist, a yes/no other than 0 or 1) gives an error
// naming the contact and the question.
//
// Not thread-hostile: reads only its arguments.
struct ContactScorer {
  explicit ContactScorer(const domain::Study& study);

  // Returns the score, or the first issue found in the contact's answers.
  std::optional<ContactScore> Score(const domain::Contact& contact, ContactIssue* issue) const;

  // The share (0..1) of the wait area's points a wait earns on `channel`:
  // linear between the points of the channel's wait table, the first point's
  // share before it, the last point's after it; 0 beyond the channel's maximum
  // wait; 1 when the channel has no table.
  double WaitShare(domain::Channel channel, double wait_seconds) const;

  const domain::Study& study;

 private:
  bool CheckedAnswers(const domain::Contact& contact, std::vector<const domain::Answer*>& answers,
                      ContactIssue* issue) const;
  std::optional<Points> QuestionPoints(size_t question_index, const domain::Contact& contact,
                                       const domain::Answer* answer) const;

  std::unordered_map<std::string, size_t> question_index_;  // question id -> index
  std::vector<int> area_of_question_;  // area index of each question, -1 = unknown area
};

}  // namespace cx::results
