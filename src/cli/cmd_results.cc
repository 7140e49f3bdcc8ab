// cxbench results: the results of a study - total result, score over answered
// contacts, agent score, bootstrap intervals, ranks and winners per industry.
// A thin shell over results::ComputeResults (docs/scoring.md).
#include "cli/cmd_results.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "results/results.h"
#include "results/results_json.h"
#include "store/store.h"

namespace cx::cli {
namespace {

// A number with `digits` decimals, or "-" when there is none.
std::string Fixed(const std::optional<double>& value, int digits = 1) {
  if (!value) return "-";
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(digits);
  out << *value;
  return out.str();
}

// "+3.2", "-0.4": a difference.
std::string Signed(const std::optional<double>& value) {
  if (!value) return "-";
  return (*value >= 0 ? "+" : "") + Fixed(value);
}

std::string IntervalText(const std::optional<stats::Interval>& ci, int digits = 1) {
  if (!ci) return "-";
  return Fixed(ci->low, digits) + "-" + Fixed(ci->high, digits);
}

std::string WinnerLine(const results::IndustryResult& industry) {
  if (industry.winner.empty()) return "no participant ranked";
  std::string name = industry.winner;
  std::optional<double> score;
  for (const auto& p : industry.participants) {
    if (p.id == industry.winner) {
      name = p.name;
      score = p.score;
    }
  }
  std::string line = "winner " + name + " (" + Fixed(score) + ")";
  if (industry.runner_up.empty()) return line + ", alone in the ranking";
  // Without resamples there is no share to compare with 97.5 (docs/scoring.md).
  if (!industry.p_winner_beats_runner_up)
    return line + ", lead not tested (no bootstrap resamples: --resamples 0)";
  const std::string share =
      Fixed(industry.p_winner_beats_runner_up
                ? std::optional<double>(*industry.p_winner_beats_runner_up * 100)
                : std::nullopt);
  if (industry.winner_clear)
    return line + ", clear: beats the runner-up in " + share + " % of resamples";
  return line + ", NOT CLEAR: beats the runner-up in only " + share +
         " % of resamples (needs 97.5)";
}

void PrintTables(const results::StudyResults& r, int min_contacts) {
  std::cout << r.study_name << " (" << r.study_id << "): " << r.contacts_counted << " contacts ("
            << (r.approved_only
                    ? "approved only"
                    : std::to_string(r.contacts_approved) + " approved, " +
                          std::to_string(r.contacts_provisional) + " provisional (still in QA)")
            << "), " << r.contacts_answered << " answered; " << r.resamples
            << " bootstrap resamples, seed " << r.seed << "\n";
  for (const auto& industry : r.industries) {
    std::cout << "\n"
              << industry.name << " (" << industry.id << "): mean " << Fixed(industry.mean) << "; "
              << WinnerLine(industry) << "\n";
    Table table{{"rank", "rank 95%", "participant", "n", "answ", "total", "95% CI", "answered",
                 "agent", "vs ind", "p(best)", "sd", ">=90", "NPS", "CSAT", "CES", "note"},
                {},
                {true, true, false, true, true, true, true, true, true, true, true, true, true,
                 true, true, true, false}};
    for (const auto& p : industry.participants) {
      std::string note;
      if (!p.ranked)
        note = "not ranked: " + std::to_string(p.n) + " < " + std::to_string(min_contacts) +
               " contacts";
      if (p.consistently_high) note = "consistently high";
      table.rows.push_back(
          {p.rank ? std::to_string(*p.rank) : "-",
           p.rank_ci ? std::to_string(p.rank_ci->first) + "-" + std::to_string(p.rank_ci->second)
                     : "-",
           p.name, std::to_string(p.n), std::to_string(p.n_answered), Fixed(p.score),
           IntervalText(p.ci), Fixed(p.score_answered), Fixed(p.agent_score), Signed(p.vs_industry),
           p.p_best ? Fixed(*p.p_best * 100, 1) + "%" : "-", Fixed(p.sd),
           p.share_90 ? Fixed(p.share_90, 0) + "%" : "-", p.nps ? Fixed(p.nps->value, 0) : "-",
           p.csat ? Fixed(p.csat->value, 0) + "%" : "-", p.ces ? Fixed(p.ces->mean, 1) : "-",
           note});
    }
    PrintTable(std::cout, table);
  }
  std::cout << "\nChannels (all counted contacts, unanswered at 0):";
  for (const auto& [id, group] : r.channel_means) {
    std::cout << " " << id << " " << Fixed(group.score) << " (n " << group.n << ")";
  }
  std::cout << "\nChat and Messenger, answered: by a person " << Fixed(r.chat_person.score)
            << " (n " << r.chat_person.n << "), by a chatbot " << Fixed(r.chat_chatbot.score)
            << " (n " << r.chat_chatbot.n << ")\n";
  if (!r.issues.empty()) {
    std::cout << r.issues.size() << " contact(s) left out for bad answers: see stderr\n";
  }
}

void PrintCsvRows(const results::StudyResults& r) {
  Table table{{"industry",    "rank",       "rank_best", "rank_worst", "id",      "name",
               "n",           "n_answered", "score",     "ci_low",     "ci_high", "score_answered",
               "agent_score", "p_best",     "sd",        "min",        "max",     "iqr",
               "share_90",    "nps",        "csat",      "ces",        "winner",  "winner_clear"},
              {},
              {}};
  for (const auto& industry : r.industries) {
    for (const auto& p : industry.participants) {
      const bool winner = p.id == industry.winner;
      table.rows.push_back({industry.id,
                            p.rank ? std::to_string(*p.rank) : "",
                            p.rank_ci ? std::to_string(p.rank_ci->first) : "",
                            p.rank_ci ? std::to_string(p.rank_ci->second) : "",
                            p.id,
                            p.name,
                            std::to_string(p.n),
                            std::to_string(p.n_answered),
                            Fixed(p.score, 3),
                            p.ci ? Fixed(p.ci->low, 3) : "",
                            p.ci ? Fixed(p.ci->high, 3) : "",
                            Fixed(p.score_answered, 3),
                            Fixed(p.agent_score, 3),
                            Fixed(p.p_best, 4),
                            Fixed(p.sd, 3),
                            Fixed(p.min, 3),
                            Fixed(p.max, 3),
                            Fixed(p.iqr, 3),
                            Fixed(p.share_90, 1),
                            p.nps ? Fixed(p.nps->value, 1) : "-",
                            p.csat ? Fixed(p.csat->value, 1) : "-",
                            p.ces ? Fixed(p.ces->mean, 2) : "-",
                            winner ? "yes" : "no",
                            winner ? (industry.winner_clear ? "yes" : "no") : ""});
    }
  }
  for (auto& row : table.rows) {
    for (auto& cell : row) {
      if (cell == "-") cell.clear();  // empty CSV field = no value
    }
  }
  PrintCsv(std::cout, table);
}

}  // namespace

int RunResults(const ResultsArgs& args) {
  std::optional<domain::Channel> channel;
  if (!args.channel.empty()) {
    channel = domain::ParseChannel(args.channel);
    if (!channel) {
      return ReportError(InvalidInput(
          "unknown channel '" + args.channel + "' (expected phone, email_form, chat or messenger)",
          "--channel"));
    }
  }
  if (args.resamples < 0) return ReportError(InvalidInput("must be 0 or more", "--resamples"));
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  const domain::Study* study = &loaded->study;
  const std::vector<domain::Contact>* contacts = &loaded->contacts;

  results::ResultsOptions options;
  options.resamples = args.resamples;
  options.seed = args.seed;
  options.industry = args.industry;
  options.channel = channel;
  auto computed = results::ComputeResults(*study, *contacts, options);
  if (!computed) return ReportError(computed.error());
  for (const auto& issue : computed->issues) {
    std::cerr << "cxbench: warning: " << issue.ToString() << "\n";
  }
  if (args.winners) {
    for (const auto& industry : computed->industries) {
      std::cout << industry.name << ": " << WinnerLine(industry) << "\n";
    }
    return kExitOk;
  }
  switch (args.format) {
    case Format::kJson:
      std::cout << results::ToJson(*computed).dump(2) << "\n";
      break;
    case Format::kCsv:
      PrintCsvRows(*computed);
      break;
    case Format::kTable:
      PrintTables(*computed, std::max(1, study->min_contacts_for_ranking));
      break;
  }
  return kExitOk;
}

}  // namespace cx::cli
