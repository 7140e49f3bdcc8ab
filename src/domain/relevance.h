#pragma once
// Whether a question is relevant given the answers so far: the one rule the
// scorer (results/contact_score.cc) and the report checker (answer_check.cc)
// both ask, so that a question the checker lets a shopper answer is the
// question the scorer counts (docs/scoring.md, "Which questions count", 4).

#include <string>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::domain {

// The answer as a relevance condition compares it: "yes"/"no" for yes_no
// (1 = yes), the option id or text, a number in shortest form ("7", "7.5").
// "" for an answer without a value.
std::string ConditionText(const Question& condition, const Answer& answer);

// Whether `question` is relevant when its condition question is `condition`
// (nullptr: unknown to the study) answered with `earlier` (nullptr:
// unanswered). Without a relevance condition: true. With one: false when the
// earlier question is unknown, unanswered or answered "not applicable"; else
// whether the earlier answer is one of the values (none of them with negate).
bool RelevanceHolds(const Question& question, const Question* condition, const Answer* earlier);

}  // namespace cx::domain
