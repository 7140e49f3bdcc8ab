#pragma once
// Which questions are asked on a contact, given its answers so far: the one
// relevance rule (docs/study-format.md, "Relevance: which questions are
// asked"). The answer checker (answer_check.cc), the scorer
// (results/contact_score.cc), the demo simulator (demo/simulate.cc) and the
// server, which sends the browser the ids asked now with every contact, all
// ask it, so a question the shopper is shown is the question that is checked,
// simulated and counted.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::domain {

// A condition value of a numeric question read as a number: a finite decimal
// such as "7", "-2", "7.5", "7.50" or "75e-1"; nullopt for anything else
// (spaces, hexadecimal, "inf", "nan", trailing text). The study check refuses
// what this refuses, so a value that passes `study check` is one the rule reads.
std::optional<double> ConditionNumber(std::string_view value);

// Whether `earlier`, an answer with a value to `condition` (the question a
// relevance condition names), is one of `values`. yes_no: "yes" is the
// answer 1, "no" the answer 0. choice: the option id. text: the exact text.
// The numeric types: by value (ConditionNumber), so "7.50" matches 7.5;
// numbers are never formatted to be compared.
bool AnswerIsOneOf(const Question& condition, const Answer& earlier,
                   const std::vector<std::string>& values);

// One link of a question's relevance chain, read once so that deciding it
// is a lookup: the earlier question's answer holds the link when it has a
// value (not N/A, not unanswered) that is among `numbers` (the numeric types:
// yes is 1, no is 0, "7.50" is 7.5) or `texts` (choice and text), or, with
// `except`, among none of them. The server sends these links to the shopper
// app with the questionnaire, so the phone decides what is asked offline
// without a copy of this rule (web/src/questionnaire/asked.ts).
struct AskedClause {
  std::string question;
  bool numeric = false;  // which of the answer's fields is compared
  std::vector<double> numbers;
  std::vector<std::string> texts;
  bool except = false;

  bool operator==(const AskedClause&) const = default;
};

// When a question is asked on a channel: never (`never`: a link names a
// question that is not asked there, or the chain does not end), or when every
// clause of `all_of` holds (none: always). The clauses run from the
// question's own condition back to the start of its chain.
struct AskedWhen {
  bool never = false;
  std::vector<AskedClause> all_of;

  bool operator==(const AskedWhen&) const = default;
};

// `question`'s chain of conditions on `channel`, read into links.
AskedWhen CompileAsked(const Study& study, const Question& question, Channel channel);

// Whether `earlier` (nullptr: unanswered) holds `clause`.
bool ClauseHolds(const AskedClause& clause, const Answer* earlier);

// Whether `contact`'s answers meet `when`.
bool Meets(const AskedWhen& when, const Contact& contact);

// Whether `question` is asked on `contact`: it applies to the contact's
// channel and, when it has a relevance condition, the condition's question is
// itself asked on `contact` (so a chain ends at the first link that fails)
// and was answered with a value, not "not applicable", that is one of the
// values (`equals`) or none of them (`not_equals`). An unanswered, N/A or
// valueless earlier answer makes the condition fail either way. It is
// CompileAsked met by the contact's answers: the phone's reading of the same
// links cannot differ from it.
bool IsAsked(const Study& study, const Question& question, const Contact& contact);

// The ids of the questions asked on `contact` (IsAsked), in study order.
std::vector<std::string> AskedQuestions(const Study& study, const Contact& contact);

}  // namespace cx::domain
