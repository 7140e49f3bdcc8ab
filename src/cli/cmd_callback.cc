// cxbench callback-sample / callback-report (docs/sources.md, "Contact-centre metrics").
#include "cli/cmd_callback.h"

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "callback/callback_sample.h"
#include "cli/output.h"
#include "cli/study_selection.h"
#include "core/civil_time.h"
#include "core/csv.h"
#include "core/csv_table.h"
#include "core/file_commit.h"

namespace cx::cli {
namespace {

using std::chrono::sys_days;

// The day of a date, or of a timestamp that starts with one (handled_at may
// be a full time such as 2026-01-12T09:30:00).
std::optional<sys_days> ParseDay(const std::string& text, bool date_prefix = false) {
  const auto date = Date::Parse(date_prefix ? std::string_view(text).substr(0, 10) : text);
  if (!date) return std::nullopt;
  return date->days();
}

std::string FormatDay(sys_days day) { return Date{day}.ToString(); }

// Writes `text` to `path` through a temporary that `pending` commits.
Status WriteText(PendingFiles& pending, const std::string& path, const std::string& text) {
  std::ofstream out(pending.Add(path), std::ios::binary);
  out << text;
  out.close();
  if (!out) return IoError("cannot write the file", path);
  return Ok();
}

// The call list, then (with a history file) the history with this sample
// added; each written whole or not at all, none moved into place before
// both are complete.
Status WriteSample(const callback::SampleOutcome& outcome,
                   const std::vector<callback::Sampled>& history, sys_days as_of,
                   const std::string& list_path, const std::string& history_path) {
  std::ostringstream list;
  list << "agent,customer,last_contact\r\n";
  for (const auto& call : outcome.calls) {
    list << CsvField(call.agent) << ',' << CsvField(call.customer) << ','
         << FormatDay(call.last_contact) << "\r\n";
  }
  PendingFiles pending;
  if (!history_path.empty()) {
    std::ostringstream updated;
    updated << "customer,sampled_on\r\n";
    for (const auto& past : history)
      updated << CsvField(past.customer) << ',' << FormatDay(past.day) << "\r\n";
    for (const auto& call : outcome.calls)
      updated << CsvField(call.customer) << ',' << FormatDay(as_of) << "\r\n";
    CX_RETURN_IF_ERROR(WriteText(pending, history_path, updated.str()));
  }
  CX_RETURN_IF_ERROR(WriteText(pending, list_path, list.str()));
  return pending.CommitAll();
}

}  // namespace

int RunSample(const SampleArgs& args) {
  auto as_of = ParseDay(args.as_of);
  if (!as_of) return ReportError(InvalidInput("expected a date as YYYY-MM-DD", "--as-of"));
  auto table = ReadCsvFileWithHeader(args.contacts, {{"agent"}, {"customer"}, {"handled_at"}});
  if (!table) return ReportError(table.error());
  std::vector<callback::Handled> handled;
  for (const auto& [line, row] : *table) {
    auto day = ParseDay(row[2], /*date_prefix=*/true);
    if (row[0].empty() || row[1].empty() || !day) {
      return ReportError(
          InvalidInput("expected an agent, a customer and handled_at as YYYY-MM-DD[...]",
                       args.contacts + ":" + std::to_string(line)));
    }
    handled.push_back({row[0], row[1], *day});
  }
  std::vector<callback::Sampled> history;
  if (!args.history.empty() && std::ifstream(args.history).good()) {
    auto past = ReadCsvFileWithHeader(args.history, {{"customer"}, {"sampled_on"}});
    if (!past) return ReportError(past.error());
    for (const auto& [line, row] : *past) {
      auto day = ParseDay(row[1]);
      if (!day)
        return ReportError(InvalidInput("expected sampled_on as YYYY-MM-DD",
                                        args.history + ":" + std::to_string(line)));
      history.push_back({row[0], *day});
    }
  }
  callback::SampleOptions options;
  options.as_of = *as_of;
  options.per_agent = args.per_agent;
  options.seed = args.seed;
  const auto outcome = callback::DrawSample(handled, history, options);

  const Status written = WriteFileOrStdout(args.out, [&](const std::string& list_path) {
    return WriteSample(outcome, history, *as_of, list_path, args.history);
  });
  if (!written) return ReportError(written.error());
  NoteStream(args.out) << "wrote " << outcome.calls.size() << " call-backs to " << args.out << "\n";
  for (const auto& agent : outcome.short_agents) {
    std::cerr << "cxbench: note: agent " << agent << " has fewer than " << args.per_agent
              << " eligible customers in the last 30 days\n";
  }
  return kExitOk;
}

int RunCallbackReport(const CallbackReportArgs& args) {
  auto table =
      ReadCsvFileWithHeader(args.answers, {{"agent"}, {"nps", false}, {"satisfaction", false}});
  if (!table) return ReportError(table.error());
  std::vector<callback::CallBackAnswer> answers;
  for (const auto& [line, row] : *table) {
    callback::CallBackAnswer answer{row[0], std::nullopt, std::nullopt};
    auto number = [&](const std::string& text, int min, int max,
                      const char* name) -> Result<std::optional<int>> {
      if (text.empty()) return std::optional<int>();
      char* end = nullptr;
      const long value = std::strtol(text.c_str(), &end, 10);
      if (*end != '\0' || value < min || value > max) {
        return InvalidInput(std::string(name) + ": expected a whole number from " +
                                std::to_string(min) + " to " + std::to_string(max) + ", found '" +
                                text + "'",
                            args.answers + ":" + std::to_string(line));
      }
      return std::optional<int>(static_cast<int>(value));
    };
    auto nps = number(row[1], 0, 10, "nps");
    if (!nps) return ReportError(nps.error());
    auto satisfaction = number(row[2], 1, 5, "satisfaction");
    if (!satisfaction) return ReportError(satisfaction.error());
    answer.nps = *nps;
    answer.satisfaction = *satisfaction;
    answers.push_back(answer);
  }
  const auto report = callback::ReportPerAgent(answers);
  auto fixed = [](const std::optional<double>& value) {
    if (!value) return std::string("-");
    std::ostringstream text;
    text.setf(std::ios::fixed);
    text.precision(1);
    text << *value;
    return text.str();
  };
  if (args.format == Format::kJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& row : report) {
      out.push_back({{"agent", row.agent},
                     {"answers", row.answers},
                     {"nps", row.nps ? nlohmann::json(*row.nps) : nlohmann::json()},
                     {"satisfied_share", row.satisfied_share ? nlohmann::json(*row.satisfied_share)
                                                             : nlohmann::json()}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  Table out{{"agent", "answers", "NPS", "satisfied (4-5) %"}, {}, {false, true, true, true}};
  for (const auto& row : report) {
    out.rows.push_back(
        {row.agent, std::to_string(row.answers), fixed(row.nps), fixed(row.satisfied_share)});
  }
  args.format == Format::kCsv ? PrintCsv(std::cout, out) : PrintTable(std::cout, out);
  return kExitOk;
}

}  // namespace cx::cli
