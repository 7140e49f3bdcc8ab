#pragma once
// Small studies built in code for the results tests. Every number the tests
// expect is worked out by hand in the tests' comments.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/fieldwork.h"
#include "domain/study.h"

namespace cx::results::testing {

using domain::Answer;
using domain::Channel;
using domain::Contact;
using domain::ContactStatus;
using domain::Question;
using domain::QuestionType;

inline Question MakeQuestion(std::string id, std::string area, QuestionType type, double points) {
  Question question;
  question.id = std::move(id);
  question.area = std::move(area);
  question.type = type;
  question.points = points;
  return question;
}

inline Question MakeScale(std::string id, std::string area, double min, double max, double points) {
  Question question = MakeQuestion(std::move(id), std::move(area), QuestionType::kScale, points);
  question.scale_min = min;
  question.scale_max = max;
  return question;
}

inline domain::Area MakeArea(std::string id, std::optional<double> weight = std::nullopt,
                             bool scored = true, bool wait_time = false) {
  domain::Area area;
  area.id = std::move(id);
  area.weight = weight;
  area.scored = scored;
  area.wait_time = wait_time;
  return area;
}

inline domain::Participant MakeParticipant(std::string id, std::string industry) {
  domain::Participant participant;
  participant.id = id;
  participant.name = "Name of " + id;
  participant.company = id;
  participant.industry = std::move(industry);
  return participant;
}

inline domain::Industry MakeIndustry(std::string id) {
  domain::Industry industry;
  industry.id = id;
  industry.name.by_language["en"] = "Industry " + id;
  return industry;
}

// The contest-like questionnaire:
//   wait (weight 0.05, wait_time): wait_time duration 10 points
//   reception: rec_name yes_no 2, rec_tone scale 1..6 5, rec_right yes_no 2 (N/A allowed)
//   agent: ag_needs yes_no 3; ag_count choice 3 (only when ag_needs = yes; one_two 1.5,
//          three_plus 3); ag_bad yes_no 2 with "no" the good answer; ag_hold yes_no 1 on
//          phone only; ag_zero yes_no 0 points; ag_optional scale 1..6 4 points, optional
//   cx (not scored): cx_nps, cx_csat, cx_ces
// Channels: phone, max wait 600 s, table 20 s = 1.0, 60 s = 0.75, 180 s = 0.4, 600 s = 0;
//           e-mail, max wait 72 h, table 1 h = 1.0, 4 h = 0.8, 24 h = 0.4, 72 h = 0.
inline domain::Study ContestStudy() {
  domain::Study study;
  study.id = "test";
  study.name = "Test study";
  study.languages = {"en"};
  domain::ChannelSpec phone;
  phone.channel = Channel::kPhone;
  phone.max_wait_seconds = 600;
  phone.wait_table = {{20, 1.0}, {60, 0.75}, {180, 0.4}, {600, 0.0}};
  domain::ChannelSpec email;
  email.channel = Channel::kEmailForm;
  email.max_wait_seconds = 72 * 3600;
  email.wait_table = {{3600, 1.0}, {4 * 3600, 0.8}, {24 * 3600, 0.4}, {72 * 3600, 0.0}};
  study.channels = {phone, email};
  study.areas = {MakeArea("wait", 0.05, true, true), MakeArea("reception"), MakeArea("agent"),
                 MakeArea("cx", std::nullopt, false)};
  study.questions.push_back(MakeQuestion("wait_time", "wait", QuestionType::kDuration, 10));
  study.questions.push_back(MakeQuestion("rec_name", "reception", QuestionType::kYesNo, 2));
  study.questions.push_back(MakeScale("rec_tone", "reception", 1, 6, 5));
  Question right = MakeQuestion("rec_right", "reception", QuestionType::kYesNo, 2);
  right.allow_na = true;
  right.reference = domain::ReferenceFlag::kWelcome;
  study.questions.push_back(right);
  study.questions.push_back(MakeQuestion("ag_needs", "agent", QuestionType::kYesNo, 3));
  Question count = MakeQuestion("ag_count", "agent", QuestionType::kChoice, 3);
  count.options = {{"one_two", {}, 1.5}, {"three_plus", {}, 3}};
  count.relevance = domain::Relevance{"ag_needs", {"yes"}, false};
  study.questions.push_back(count);
  Question bad = MakeQuestion("ag_bad", "agent", QuestionType::kYesNo, 2);
  bad.good_answer_yes = false;
  study.questions.push_back(bad);
  Question hold = MakeQuestion("ag_hold", "agent", QuestionType::kYesNo, 1);
  hold.channels = {Channel::kPhone};
  study.questions.push_back(hold);
  study.questions.push_back(MakeQuestion("ag_zero", "agent", QuestionType::kYesNo, 0));
  Question optional = MakeScale("ag_optional", "agent", 1, 6, 4);
  optional.required = false;
  study.questions.push_back(optional);
  study.questions.push_back(MakeQuestion("cx_nps", "cx", QuestionType::kNps, 0));
  study.questions.push_back(MakeQuestion("cx_csat", "cx", QuestionType::kCsat, 0));
  study.questions.push_back(MakeQuestion("cx_ces", "cx", QuestionType::kCes, 0));
  study.industries = {MakeIndustry("bank")};
  study.participants = {MakeParticipant("p1", "bank")};
  return study;
}

inline Answer Number(std::string question, double value) {
  Answer answer;
  answer.question = std::move(question);
  answer.number = value;
  return answer;
}
inline Answer Text(std::string question, std::string value) {
  Answer answer;
  answer.question = std::move(question);
  answer.text = std::move(value);
  return answer;
}
inline Answer NotApplicable(std::string question) {
  Answer answer;
  answer.question = std::move(question);
  answer.not_applicable = true;
  return answer;
}

inline Contact MakeContact(std::string id, std::string participant, Channel channel,
                           std::optional<double> wait, std::vector<Answer> answers,
                           ContactStatus status = ContactStatus::kSubmitted) {
  Contact contact;
  contact.id = std::move(id);
  contact.participant = std::move(participant);
  contact.channel = channel;
  contact.wait_seconds = wait;
  contact.answers = std::move(answers);
  contact.status = status;
  return contact;
}

// Contact A: phone, 40 s. Total 60.78125 (see contact_score_test.cc).
inline Contact ContactA(std::string id = "a", std::string participant = "p1") {
  return MakeContact(std::move(id), std::move(participant), Channel::kPhone, 40,
                     {Number("rec_name", 1), Number("rec_tone", 4), NotApplicable("rec_right"),
                      Number("ag_needs", 1), Text("ag_count", "one_two"), Number("ag_bad", 1),
                      Number("ag_hold", 0), Number("ag_zero", 1)});
}
// Contact B: e-mail, 2 h. Total 73.27777...
inline Contact ContactB(std::string id = "b", std::string participant = "p1") {
  return MakeContact(std::move(id), std::move(participant), Channel::kEmailForm, 7200,
                     {Number("rec_name", 0), Number("rec_tone", 6), Number("rec_right", 1),
                      Number("ag_needs", 0), Number("ag_bad", 0), Number("ag_optional", 6)});
}
// Contact C: an e-mail never answered. Total 0.
inline Contact ContactC(std::string id = "c", std::string participant = "p1") {
  return MakeContact(std::move(id), std::move(participant), Channel::kEmailForm, std::nullopt, {});
}
// A perfect phone contact: total exactly 100.
inline Contact PerfectContact(std::string id, std::string participant) {
  return MakeContact(std::move(id), std::move(participant), Channel::kPhone, 10,
                     {Number("rec_name", 1), Number("rec_tone", 6), Number("rec_right", 1),
                      Number("ag_needs", 1), Text("ag_count", "three_plus"), Number("ag_bad", 0),
                      Number("ag_hold", 1), Number("ag_optional", 6)});
}

// One question, agent area, scale 0..100 worth 100 points: the contact total
// equals the answer. For ranking tests. Plus the CX questions.
inline domain::Study RankingStudy(int min_contacts) {
  domain::Study study;
  study.id = "rank";
  study.name = "Ranking study";
  study.languages = {"en"};
  study.min_contacts_for_ranking = min_contacts;
  domain::ChannelSpec phone;
  phone.channel = Channel::kPhone;
  study.channels = {phone};
  study.areas = {MakeArea("agent"), MakeArea("cx", std::nullopt, false)};
  study.questions = {MakeScale("q", "agent", 0, 100, 100),
                     MakeQuestion("cx_nps", "cx", QuestionType::kNps, 0),
                     MakeQuestion("cx_csat", "cx", QuestionType::kCsat, 0),
                     MakeQuestion("cx_ces", "cx", QuestionType::kCes, 0)};
  study.industries = {MakeIndustry("x"), MakeIndustry("y")};
  return study;
}

// Contacts of `participant` with the given totals, ids prefix-0, prefix-1, ...
inline std::vector<Contact> Totals(const std::string& participant,
                                   const std::vector<double>& totals) {
  std::vector<Contact> contacts;
  for (size_t index = 0; index < totals.size(); ++index) {
    contacts.push_back(MakeContact(participant + "-" + std::to_string(index), participant,
                                   Channel::kPhone, 10, {Number("q", totals[index])}));
  }
  return contacts;
}

}  // namespace cx::results::testing
