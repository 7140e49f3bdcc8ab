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

// Whether `question` is asked on `contact`: it applies to the contact's
// channel and, when it has a relevance condition, the condition's question is
// itself asked on `contact` (so a chain ends at the first link that fails)
// and was answered with a value, not "not applicable", that is one of the
// values (`equals`) or none of them (`not_equals`). An unanswered, N/A or
// valueless earlier answer makes the condition fail either way.
bool IsAsked(const Study& study, const Question& question, const Contact& contact);

// The ids of the questions asked on `contact` (IsAsked), in study order.
std::vector<std::string> AskedQuestions(const Study& study, const Contact& contact);

}  // namespace cx::domain
