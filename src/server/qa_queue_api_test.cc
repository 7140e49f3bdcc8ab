// The QA queue and every list route at the size of the demo study (180
// participants, about 4,500 reports): pages, filters, sorts, search,
// approve-and-next, the counts the dashboard shows, and no list reply
// longer than its page. The expected figures are counted here from the
// contacts the test stored (the store's SQL is checked against a plain loop).
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>
#include <tuple>

#include "demo/generator.h"
#include "domain/quality_flags.h"
#include "server/accounts.h"
#include "server/app.h"
#include "server/http_server.h"

namespace cx::server {
namespace {

using nlohmann::json;

class QaQueueApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() /
           ("cxbench-qa-queue-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    auto store = store::OpenSqlite((dir_ / "qa.db").string()).value();
    // The demo's own size (docs/cli.md: 180 participants, 120 shoppers).
    demo::DemoWorld world = demo::GenerateWorld({.seed = 11});
    contacts_ = demo::AssignContacts(world, 11);
    demo::SimulateAnswers(world, contacts_, 11);
    // Submission times that do not follow the ids, so that "oldest first"
    // is not id order: contact i (by id) submitted at minute (i * 37) mod n.
    std::sort(contacts_.begin(), contacts_.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    const size_t n = contacts_.size();
    for (size_t i = 0; i < n; ++i) {
      const size_t minute = (i * 37) % n;
      char stamp[64];
      std::snprintf(stamp, sizeof stamp, "2026-03-%02zuT%02zu:%02zu:00Z", 1 + minute / 1440,
                    minute / 60 % 24, minute % 60);
      contacts_[i].submitted_at = stamp;
    }
    // A tenth approved, so that the queue is not every contact.
    for (size_t i = 0; i < n; i += 10) contacts_[i].status = domain::ContactStatus::kApproved;
    study_ = world.study;
    shoppers_ = world.shoppers;
    ASSERT_TRUE(store->SaveStudy(world.study, false).ok());
    ASSERT_TRUE(store->SaveShoppers(world.shoppers).ok());
    ASSERT_TRUE(store->SaveContacts(world.study.id, contacts_).ok());
    domain::Account manager;
    manager.email = "manager@test.no";
    manager.name = "Manager";
    manager.role = domain::Role::kManager;
    ASSERT_TRUE(AddAccount(*store, manager, "passord-123").ok());
    domain::Account shopper;
    shopper.email = "shopper@test.no";
    shopper.name = "Shopper";
    shopper.role = domain::Role::kShopper;
    shopper.shopper_id = contacts_.front().shopper;
    ASSERT_TRUE(AddAccount(*store, shopper, "passord-123").ok());
    AppOptions options;
    options.resamples = 50;
    app_ = new App(std::move(store), world.study, options);
    http_ = new HttpServer(*app_, {"127.0.0.1", 0, "", 64 * 1024});
    port_ = http_->Bind().value();
    thread_ = new std::thread([] { http_->Run(); });
    manager_ = LogIn("manager@test.no");
  }

  static void TearDownTestSuite() {
    http_->Stop();
    thread_->join();
    delete thread_;
    delete http_;
    delete app_;
    std::filesystem::remove_all(dir_);
  }

  struct Login {
    std::string cookie, csrf;
  };

  static Login LogIn(const std::string& email) {
    httplib::Client client("127.0.0.1", port_);
    auto response =
        client.Post("/api/v1/session", json({{"email", email}, {"password", "passord-123"}}).dump(),
                    "application/json");
    EXPECT_TRUE(response && response->status == 200);
    if (!response || response->status != 200) return {};
    const std::string set_cookie = response->get_header_value("Set-Cookie");
    return {set_cookie.substr(0, set_cookie.find(';')),
            json::parse(response->body)["csrf_token"].get<std::string>()};
  }

  static httplib::Result Call(const std::string& method, const std::string& path,
                              const Login& login = manager_, const std::string& body = "{}") {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60);
    httplib::Headers headers = {{"Cookie", login.cookie}, {"X-CSRF-Token", login.csrf}};
    if (method == "GET") return client.Get(path.c_str(), headers);
    return client.Post(path.c_str(), headers, body, "application/json");
  }

  static json Get(const std::string& path, const Login& login = manager_) {
    auto result = Call("GET", path, login);
    EXPECT_TRUE(result);
    EXPECT_EQ(result->status, 200) << path << ": " << result->body;
    return json::parse(result->body);
  }

  // The ids of every page of `path` (which has no ?page=), in order; of the
  // first `max_pages` only, when given (each page is one request: the test
  // keeps to a few).
  static std::vector<std::string> AllPages(const std::string& path, int per_page,
                                           int max_pages = 1000) {
    std::vector<std::string> ids;
    const char join = path.find('?') == std::string::npos ? '?' : '&';
    for (int page = 1; page <= max_pages; ++page) {
      const json body = Get(path + join + "per_page=" + std::to_string(per_page) +
                            "&page=" + std::to_string(page));
      EXPECT_LE(body["queue"].size(), static_cast<size_t>(per_page));
      for (const auto& row : body["queue"]) ids.push_back(row["id"]);
      if (page >= body["pages"].get<int>()) break;
    }
    return ids;
  }

  // The submitted contacts matching `keep`, oldest submission first.
  template <class Keep>
  static std::vector<std::string> Expected(Keep keep, size_t at_most = SIZE_MAX) {
    std::vector<const domain::Contact*> kept;
    for (const auto& contact : contacts_) {
      if (contact.status == domain::ContactStatus::kSubmitted && keep(contact)) {
        kept.push_back(&contact);
      }
    }
    std::sort(kept.begin(), kept.end(), [](const auto* a, const auto* b) {
      return std::tie(a->submitted_at, a->id) < std::tie(b->submitted_at, b->id);
    });
    std::vector<std::string> ids;
    for (const auto* contact : kept) {
      if (ids.size() < at_most) ids.push_back(contact->id);
    }
    return ids;
  }

  static bool AnsweredByRule(const domain::Contact& contact) {
    const domain::ChannelSpec* spec = study_.FindChannel(contact.channel);
    return contact.wait_seconds &&
           (spec->max_wait_seconds <= 0 || *contact.wait_seconds <= spec->max_wait_seconds);
  }

  static inline std::filesystem::path dir_;
  static inline App* app_ = nullptr;
  static inline HttpServer* http_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
  static inline Login manager_;
  static inline domain::Study study_;
  static inline std::vector<domain::Shopper> shoppers_;
  static inline std::vector<domain::Contact> contacts_;
};

// ?flag= keeps the reports the domain's rules flag (computed here from the
// stored contacts, which have no change log), and only those. First of
// the suite: the later tests approve and correct reports.
TEST_F(QaQueueApiTest, TheFlagFilterKeepsTheFlaggedReports) {
  const auto flags = domain::ComputeQualityFlags(study_, contacts_, domain::Timelines{});
  auto flagged_with = [&](std::optional<domain::FlagCode> code) {
    return [&flags, code](const domain::Contact& contact) {
      const auto found = flags.find(contact.id);
      if (found == flags.end()) return false;
      return std::any_of(
          found->second.begin(), found->second.end(),
          [&](const domain::QualityFlag& flag) { return !code || flag.code == *code; });
    };
  };
  const auto repeated = Expected(flagged_with(domain::FlagCode::kRepeatedComment));
  ASSERT_FALSE(repeated.empty()) << "the demo's comments repeat: the rule must flag some";
  EXPECT_EQ(AllPages("/api/v1/qa?flag=repeated_comment", 200, 3),
            std::vector<std::string>(repeated.begin(),
                                     repeated.begin() + std::min<size_t>(repeated.size(), 600)));
  const json any = Get("/api/v1/qa?flag=any&per_page=1");
  EXPECT_EQ(any["total"].get<size_t>(), Expected(flagged_with(std::nullopt)).size());
  const json wait = Get("/api/v1/qa?flag=wait_out_of_range&per_page=1");
  EXPECT_EQ(wait["total"].get<size_t>(),
            Expected(flagged_with(domain::FlagCode::kWaitOutOfRange)).size());
}

TEST_F(QaQueueApiTest, TheQueueIsPagedOldestFirstWithItsTotal) {
  const auto expected = Expected([](const auto&) { return true; });
  ASSERT_GT(expected.size(), 3000u);  // the demo's size
  const json first = Get("/api/v1/qa");
  EXPECT_EQ(first["queue"].size(), 50u);
  EXPECT_EQ(first["total"], expected.size());
  EXPECT_EQ(first["per_page"], 50);
  EXPECT_EQ(first["pages"], (expected.size() + 49) / 50);
  // Every page in turn gives the whole queue once, oldest submission first.
  EXPECT_EQ(AllPages("/api/v1/qa", 200), expected);
  // A row is small: no role-play script, no answers, no comments.
  EXPECT_FALSE(first["queue"][0]["scenario"].contains("script"));
  EXPECT_FALSE(first["queue"][0].contains("answers"));
  EXPECT_FALSE(first["queue"][0].contains("comments"));
  // Newest first.
  const json newest = Get("/api/v1/qa?order=desc&per_page=1");
  EXPECT_EQ(newest["queue"][0]["id"], expected.back());
  // A cursor: the page after a contact.
  const json after = Get("/api/v1/qa?per_page=3&after=" + expected[10]);
  ASSERT_EQ(after["queue"].size(), 3u);
  EXPECT_EQ(after["queue"][0]["id"], expected[11]);
  EXPECT_EQ(after["next_cursor"], expected[13]);
  // Past the end: an empty page with the total.
  const json past = Get("/api/v1/qa?page=1000");
  EXPECT_TRUE(past["queue"].empty());
  EXPECT_EQ(past["total"], expected.size());
}

TEST_F(QaQueueApiTest, FiltersSelectWhatAPlainLoopSelects) {
  const domain::Contact& some = contacts_[123];
  const domain::Participant& participant = *study_.FindParticipant(some.participant);
  EXPECT_EQ(AllPages("/api/v1/qa?participant=" + some.participant, 200),
            Expected([&](const auto& c) { return c.participant == some.participant; }));
  EXPECT_EQ(AllPages("/api/v1/qa?industry=" + participant.industry, 200),
            Expected([&](const auto& c) {
              return study_.FindParticipant(c.participant)->industry == participant.industry;
            }));
  EXPECT_EQ(AllPages("/api/v1/qa?shopper=" + some.shopper, 200),
            Expected([&](const auto& c) { return c.shopper == some.shopper; }));
  EXPECT_EQ(AllPages("/api/v1/qa?channel=messenger", 200),
            Expected([&](const auto& c) { return c.channel == domain::Channel::kMessenger; }));
  const auto unanswered = Expected([](const auto& c) { return !AnsweredByRule(c); });
  EXPECT_FALSE(unanswered.empty());
  EXPECT_EQ(AllPages("/api/v1/qa?answered=no", 200), unanswered);
  EXPECT_EQ(AllPages("/api/v1/qa?answered=yes", 200, 2),
            Expected([](const auto& c) { return AnsweredByRule(c); }, 400));
  EXPECT_EQ(Get("/api/v1/qa?answered=yes&per_page=1")["total"],
            Expected([](const auto& c) { return AnsweredByRule(c); }).size());
  // Status: a list, or any.
  const json approved = Get("/api/v1/qa?status=approved&per_page=1");
  EXPECT_EQ(approved["total"], (contacts_.size() + 9) / 10);
  EXPECT_EQ(Get("/api/v1/qa?status=any&per_page=1")["total"], contacts_.size());
  EXPECT_EQ(Get("/api/v1/qa?status=approved,submitted&per_page=1")["total"], contacts_.size());
  // Filters combine.
  EXPECT_EQ(AllPages("/api/v1/qa?channel=phone&participant=" + some.participant, 200),
            Expected([&](const auto& c) {
              return c.channel == domain::Channel::kPhone && c.participant == some.participant;
            }));
}

TEST_F(QaQueueApiTest, SortsByParticipantAndShopperThenOldestFirst) {
  std::map<std::string, std::string> shopper_names;
  for (const auto& shopper : shoppers_) shopper_names[shopper.id] = shopper.name;
  const auto by = [&](auto key) {
    std::vector<const domain::Contact*> kept;
    for (const auto& c : contacts_) {
      if (c.status == domain::ContactStatus::kSubmitted) kept.push_back(&c);
    }
    std::sort(kept.begin(), kept.end(), [&](const auto* a, const auto* b) {
      return std::make_tuple(key(*a), a->submitted_at, a->id) <
             std::make_tuple(key(*b), b->submitted_at, b->id);
    });
    std::vector<std::string> ids;
    for (const auto* c : kept) ids.push_back(c->id);
    return ids;
  };
  // The first two pages, and the first page newest first.
  const auto check = [&](const std::string& sort, const std::vector<std::string>& expected) {
    EXPECT_EQ(AllPages("/api/v1/qa?sort=" + sort, 200, 2),
              std::vector<std::string>(expected.begin(), expected.begin() + 400));
    std::vector<std::string> reversed(expected.rbegin(), expected.rbegin() + 200);
    EXPECT_EQ(AllPages("/api/v1/qa?order=desc&sort=" + sort, 200, 1), reversed) << sort;
  };
  check("participant",
        by([&](const domain::Contact& c) { return study_.FindParticipant(c.participant)->name; }));
  check("shopper", by([&](const domain::Contact& c) { return shopper_names[c.shopper]; }));
}

TEST_F(QaQueueApiTest, SearchFindsCompanyContactShopperAndCommentText) {
  const domain::Contact& some = contacts_[321];
  // A contact id: that contact alone.
  const json by_id = Get("/api/v1/qa?q=" + some.id);
  ASSERT_EQ(by_id["total"], 1);
  EXPECT_EQ(by_id["queue"][0]["id"], some.id);
  // A company name, in another case: its contacts (and those of any company
  // whose name holds it).
  const std::string company = study_.FindParticipant(some.participant)->name;
  std::string upper = company;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char ch) { return ch < 128 ? std::toupper(ch) : ch; });
  const auto lower = [](std::string text) {
    for (char& ch : text) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return text;
  };
  std::map<std::string, std::string> shopper_names;
  for (const auto& shopper : shoppers_) shopper_names[shopper.id] = shopper.name;
  const auto matches = [&](const domain::Contact& c, const std::string& needle) {
    const std::string n = lower(needle);
    const auto holds = [&](const std::string& text) {
      return lower(text).find(n) != std::string::npos;
    };
    bool found = holds(study_.FindParticipant(c.participant)->name) || holds(c.id) ||
                 holds(c.shopper) || holds(shopper_names[c.shopper]);
    for (const auto& comment : c.comments) found = found || holds(comment.text);
    return found;
  };
  const std::string company_query = httplib::detail::encode_query_param(upper);
  EXPECT_EQ(AllPages("/api/v1/qa?q=" + company_query, 200),
            Expected([&](const auto& c) { return matches(c, upper); }));
  // A word of a comment.
  const std::string word = "aldri";  // "Fikk aldri svar på e-posten."
  const auto with_word = Expected([&](const auto& c) { return matches(c, word); });
  EXPECT_FALSE(with_word.empty());
  EXPECT_EQ(AllPages("/api/v1/qa?q=" + word, 200), with_word);
  // A shopper's name.
  const std::string name = shopper_names[some.shopper];
  EXPECT_EQ(AllPages("/api/v1/qa?q=" + httplib::detail::encode_query_param(name), 200),
            Expected([&](const auto& c) { return matches(c, name); }));
}

TEST_F(QaQueueApiTest, ApproveGivesTheNextReportOfTheFilter) {
  const std::string participant = contacts_[77].participant;
  const auto queue = Expected([&](const auto& c) { return c.participant == participant; });
  ASSERT_GE(queue.size(), 3u);
  const std::string filter = "?participant=" + participant;
  // Approving the first gives the second; approving the last wraps round to
  // the first still waiting.
  auto first = Call("POST", "/api/v1/contacts/" + queue[0] + "/approve" + filter);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(json::parse(first->body)["status"], "approved");
  EXPECT_EQ(json::parse(first->body)["next"], queue[1]);
  auto last = Call("POST", "/api/v1/contacts/" + queue.back() + "/approve" + filter);
  EXPECT_EQ(json::parse(last->body)["next"], queue[1]);
  // The queue no longer holds them.
  const json now = Get("/api/v1/qa" + filter + "&per_page=200");
  EXPECT_EQ(now["total"], queue.size() - 2);
  EXPECT_EQ(now["queue"][0]["id"], queue[1]);
  // A bad filter is refused before anything is approved.
  auto refused = Call("POST", "/api/v1/contacts/" + queue[1] + "/approve?channel=fax");
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body)["field"], "channel");
  EXPECT_EQ(Get("/api/v1/qa" + filter + "&per_page=1")["queue"][0]["id"], queue[1]);
  // Counts follow.
  const json counts = Get("/api/v1/qa/counts");
  size_t submitted = 0, approved = 0;
  for (const auto& c : contacts_) {
    submitted += c.status == domain::ContactStatus::kSubmitted;
    approved += c.status == domain::ContactStatus::kApproved;
  }
  EXPECT_EQ(counts["status"]["submitted"], submitted - 2);
  EXPECT_EQ(counts["status"]["approved"], approved + 2);
  EXPECT_EQ(counts["total"], contacts_.size());
  for (const auto& row : counts["submitted_by_participant"]) {
    if (row["key"] == participant) {
      EXPECT_EQ(row["submitted"], queue.size() - 2);
    }
  }
  size_t by_channel = 0;
  for (const auto& row : counts["submitted_by_channel"])
    by_channel += row["submitted"].get<size_t>();
  EXPECT_EQ(by_channel, submitted - 2);
}

TEST_F(QaQueueApiTest, ACorrectionNeedsAReasonAndAValueItsQuestionTakes) {
  // A submitted, answered contact and one of its yes/no answers.
  const domain::Contact* contact = nullptr;
  const domain::Question* yes_no = nullptr;
  for (const auto& c : contacts_) {
    if (c.status != domain::ContactStatus::kSubmitted || !c.Answered()) continue;
    for (const auto& answer : c.answers) {
      const domain::Question* q = study_.FindQuestion(answer.question);
      if (q && q->type == domain::QuestionType::kYesNo && answer.number && !q->relevance) {
        contact = &c;
        yes_no = q;
        break;
      }
    }
    if (contact) break;
  }
  ASSERT_NE(contact, nullptr);
  const std::string path = "/api/v1/contacts/" + contact->id + "/corrections";
  const auto correct = [&](const json& body) { return Call("POST", path, manager_, body.dump()); };
  // Blanks are no reason.
  auto blank = correct({{"question", yes_no->id}, {"number", 0}, {"reason", "   "}});
  EXPECT_EQ(blank->status, 400);
  EXPECT_EQ(json::parse(blank->body)["field"], "reason");
  // A yes/no takes 0 or 1, as in a draft.
  auto half = correct({{"question", yes_no->id}, {"number", 0.5}, {"reason", "opptaket"}});
  EXPECT_EQ(half->status, 422) << half->body;
  auto text = correct({{"question", yes_no->id}, {"text", "ja"}, {"reason", "opptaket"}});
  EXPECT_EQ(text->status, 422) << text->body;
  // The value it takes, with a reason: corrected.
  const double flipped = *contact->FindAnswer(yes_no->id)->number >= 0.5 ? 0 : 1;
  auto done = correct({{"question", yes_no->id}, {"number", flipped}, {"reason", "opptaket"}});
  ASSERT_EQ(done->status, 200) << done->body;
  const json corrected = json::parse(done->body);
  for (const auto& answer : corrected["answers"]) {
    if (answer["question"] == yes_no->id) {
      EXPECT_EQ(answer["number"], flipped);
    }
  }
}

TEST_F(QaQueueApiTest, BadQueueParametersAreA400NamingTheParameter) {
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"per_page=0", "per_page"},
                                                        {"per_page=201", "per_page"},
                                                        {"per_page=x", "per_page"},
                                                        {"page=0", "page"},
                                                        {"page=-1", "page"},
                                                        {"sort=price", "sort"},
                                                        {"order=up", "order"},
                                                        {"status=done", "status"},
                                                        {"channel=fax", "channel"},
                                                        {"answered=maybe", "answered"},
                                                        {"participant=nobody", "participant"},
                                                        {"industry=none", "industry"},
                                                        {"flag=fast", "flag"}}) {
    auto result = Call("GET", "/api/v1/qa?" + query);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << query;
    EXPECT_EQ(json::parse(result->body)["field"], field) << query;
  }
  EXPECT_EQ(Call("GET", "/api/v1/qa?after=no-such-contact")->status, 404);
}

TEST_F(QaQueueApiTest, NoListRouteReturnsMoreThanItsPage) {
  // Every GET route whose reply holds a list, with the list's key.
  const std::map<std::string, std::string> lists = {{"/api/v1/qa", "queue"},
                                                    {"/api/v1/audit", "entries"},
                                                    {"/api/v1/users", "users"},
                                                    {"/api/v1/assignments", "assignments"}};
  for (const auto& [path, key] : lists) {
    const json page = Get(path);
    EXPECT_LE(page[key].size(), 50u) << path;
    EXPECT_TRUE(page.contains("total")) << path;
    const json small = Get(path + "?per_page=2");
    EXPECT_LE(small[key].size(), 2u) << path;
    EXPECT_EQ(Call("GET", path + "?per_page=201")->status, 400) << path;
  }
  // The assignments and the change log are as long as the study.
  EXPECT_EQ(Get("/api/v1/assignments?per_page=200")["assignments"].size(), 200u);
  EXPECT_EQ(Get("/api/v1/assignments")["total"], contacts_.size());
  const json audit = Get("/api/v1/audit?per_page=2");
  EXPECT_EQ(audit["entries"].size(), std::min<size_t>(2, audit["total"].get<size_t>()));
  // A shopper's own list: their workload in one page, never anyone else's.
  const Login shopper = LogIn("shopper@test.no");
  const json own = Get("/api/v1/assignments", shopper);
  size_t theirs = 0;
  for (const auto& c : contacts_) theirs += c.shopper == contacts_.front().shopper;
  EXPECT_EQ(own["total"], theirs);
  EXPECT_EQ(own["assignments"].size(), std::min<size_t>(theirs, 200));
  for (const auto& row : own["assignments"]) EXPECT_EQ(row["shopper"], contacts_.front().shopper);
}

}  // namespace
}  // namespace cx::server
