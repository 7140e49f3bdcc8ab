#pragma once
// What a shopper may report for a contact: the checks the web app applies to
// every draft and, stricter, to a submission. Pure: no I/O.

#include <string>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::domain {

struct FieldError {
  std::string field;    // a JSON pointer into the request, e.g. "/answers/3/number"
  std::string message;  // what was expected
};

// Whether `question` is asked on this contact: it applies to the contact's
// channel and its relevance condition (if any) holds on the earlier answer.
bool IsAsked(const Study& study, const Question& question, const Contact& contact);

// Errors of the answers and comments as given: unknown or repeated question
// ids, questions not asked on this channel, "not applicable" where it is not
// allowed, values outside a scale, unknown choice options, wrong kinds of
// value, comments on unknown areas. With `submission`, also every required
// question that is asked and has no answer, and a missing start time.
std::vector<FieldError> CheckReport(const Study& study, const Contact& contact, bool submission);

}  // namespace cx::domain
