#pragma once
// What a shopper may report for a contact: the checks the web app applies to
// every draft and, stricter, to a submission. Pure: no I/O.

#include <string>
#include <vector>

#include "core/message.h"
#include "domain/fieldwork.h"
#include "domain/relevance.h"
#include "domain/study.h"

namespace cx::domain {

struct FieldError {
  std::string field;  // a JSON pointer into the request, e.g. "/answers/3/number"
  Message message;    // what was expected
};

// Whether the server measures the answer of `question` rather than the
// shopper giving it: the duration question of the wait-time area, set from
// the contact's measured wait (docs/scoring.md). A shopper never changes it.
bool IsMeasured(const Study& study, const Question& question);

// Adds the measured answers `contact` lacks (its wait, once answered), for
// every measured question asked on its channel.
// Also fills in the question the timing flow answered already: who answered
// first (IsResponderQuestion), from the person / chatbot button, when the
// contact has no answer to it yet.
void AddMeasuredAnswers(const Study& study, Contact& contact);

// Removes what AddMeasuredAnswers adds (a restarted contact is measured again).
void RemoveMeasuredAnswers(const Study& study, Contact& contact);

// Whether `question` asks who answered first: a choice whose options are
// exactly "person" and "chatbot" (docs/study-format.md). The button that
// marks the contact answered gives its answer.
bool IsResponderQuestion(const Question& question);

// Whether a chatbot can have answered on `channel`: only the written live
// channels, chat and Messenger, have chatbots; a phone or e-mail contact is
// answered by a person or not at all.
bool ChatbotPossible(Channel channel);

// The error of reporting `responder` on `channel`, if any (field "/responder").
std::vector<FieldError> CheckResponder(Channel channel, Responder responder);

// Errors of the answers and comments as given: unknown or repeated question
// ids, questions not asked on this channel or excluded by their relevance
// condition given the other answers (IsAsked, domain/relevance.h), "not
// applicable" where it is not allowed, values outside a scale, fractions on a
// whole-number scale (yes_no, nps, csat, ces, a scale with whole bounds),
// unknown choice options, wrong kinds of value, a measured answer that differs from the
// measurement, comments on unknown areas. With `submission`, also every required question that is
// asked and has no answer, and a missing start time.
std::vector<FieldError> CheckReport(const Study& study, const Contact& contact, bool submission);

}  // namespace cx::domain
