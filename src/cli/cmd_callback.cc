// cxbench callback-sample / callback-report (seed 003).
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "callback/callback_sample.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/study_selection.h"
#include "core/civil_time.h"
#include "core/csv.h"
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

// Reads a CSV with a header, giving each row's fields by the wanted column
// names. Errors name the file, line and column.
using Rows =
    std::vector<std::pair<int, std::vector<std::string>>>;  // (line, fields in `columns` order)
Result<Rows> ReadTable(const std::string& path, const std::vector<std::string>& columns,
                       const std::vector<bool>& required) {
  std::ifstream in(path);
  if (!in) return IoError("cannot open the file", path);
  std::vector<std::string> fields;
  int line = 0;
  auto header = ReadCsvRecord(in, fields, line);
  if (!header)
    return Error{header.error().code, header.error().message, path + ":" + header.error().where};
  if (!*header) return InvalidInput("the file is empty; expected a header line", path);
  std::vector<int> position(columns.size(), -1);
  for (size_t wanted = 0; wanted < columns.size(); ++wanted) {
    for (size_t index = 0; index < fields.size(); ++index) {
      if (fields[index] == columns[wanted]) position[wanted] = static_cast<int>(index);
    }
    if (position[wanted] < 0 && required[wanted]) {
      return InvalidInput("no column '" + columns[wanted] + "' in the header", path + ":1");
    }
  }
  Rows rows;
  while (true) {
    auto record = ReadCsvRecord(in, fields, line);
    if (!record)
      return Error{record.error().code, record.error().message, path + ":" + record.error().where};
    if (!*record) break;
    if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
    std::vector<std::string> row(columns.size());
    for (size_t wanted = 0; wanted < columns.size(); ++wanted) {
      if (position[wanted] < 0) continue;
      if (static_cast<size_t>(position[wanted]) >= fields.size()) {
        return InvalidInput("expected " + std::to_string(position[wanted] + 1) +
                                " or more fields, found " + std::to_string(fields.size()),
                            path + ":" + std::to_string(line));
      }
      row[wanted] = fields[static_cast<size_t>(position[wanted])];
    }
    rows.emplace_back(line, std::move(row));
  }
  return rows;
}

struct SampleArgs {
  std::string contacts;
  std::string history;
  std::string out;
  std::string as_of;
  int per_agent = 10;
  uint64_t seed = 1;
};

int RunSample(const SampleArgs& args) {
  auto as_of = ParseDay(args.as_of);
  if (!as_of) return ReportError(InvalidInput("expected a date as YYYY-MM-DD", "--as-of"));
  auto table = ReadTable(args.contacts, {"agent", "customer", "handled_at"}, {true, true, true});
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
    auto past = ReadTable(args.history, {"customer", "sampled_on"}, {true, true});
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

  // The call list, then the history with this sample added; each written whole or not at all.
  const std::string list_tmp = TemporaryPathFor(args.out);
  {
    std::ofstream out(list_tmp, std::ios::binary);
    if (!out) return ReportError(IoError("cannot write the file", args.out));
    out << "agent,customer,last_contact\r\n";
    for (const auto& call : outcome.calls) {
      out << CsvField(call.agent) << ',' << CsvField(call.customer) << ','
          << FormatDay(call.last_contact) << "\r\n";
    }
    if (!out.flush())
      return ReportError(DiscardFile(list_tmp, IoError("cannot write the file", args.out)));
  }
  if (!args.history.empty()) {
    const std::string history_tmp = TemporaryPathFor(args.history);
    std::ofstream out(history_tmp, std::ios::binary);
    if (!out)
      return ReportError(DiscardFile(list_tmp, IoError("cannot write the file", args.history)));
    out << "customer,sampled_on\r\n";
    for (const auto& past : history)
      out << CsvField(past.customer) << ',' << FormatDay(past.day) << "\r\n";
    for (const auto& call : outcome.calls)
      out << CsvField(call.customer) << ',' << FormatDay(*as_of) << "\r\n";
    out.close();
    if (!out)
      return ReportError(
          DiscardFile(list_tmp, DiscardFile(history_tmp, IoError("cannot write", args.history))));
    if (auto status = CommitFile(history_tmp, args.history); !status)
      return ReportError(status.error());
  }
  if (auto status = CommitFile(list_tmp, args.out); !status) return ReportError(status.error());
  std::cout << "wrote " << outcome.calls.size() << " call-backs to " << args.out << "\n";
  for (const auto& agent : outcome.short_agents) {
    std::cerr << "cxbench: note: agent " << agent << " has fewer than " << args.per_agent
              << " eligible customers in the last 30 days\n";
  }
  return kExitOk;
}

struct ReportArgs {
  std::string answers;
  Format format = Format::kTable;
};

int RunCallbackReport(const ReportArgs& args) {
  auto table = ReadTable(args.answers, {"agent", "nps", "satisfaction"}, {true, false, false});
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

}  // namespace

void AddCallbackCommands(CLI::App& app, int& exit_code) {
  auto sample = std::make_shared<SampleArgs>();
  CLI::App* draw = app.add_subcommand(
      "callback-sample",
      "Each month: K customers per agent among those the agent handled in the last 30 days, "
      "leaving out "
      "customers sampled in the last 90 days; writes a CSV call list (see docs/callback.md)");
  draw->add_option("--contacts", sample->contacts, "CSV with columns agent, customer, handled_at")
      ->required()
      ->check(CLI::ExistingFile);
  draw->add_option("--as-of", sample->as_of, "The sampling date, YYYY-MM-DD")->required();
  draw->add_option("--per-agent", sample->per_agent, "Customers per agent")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  draw->add_option("--seed", sample->seed, "Random seed")->capture_default_str();
  draw->add_option(
      "--history", sample->history,
      "CSV of earlier samples (customer, sampled_on); read, then written back with this sample");
  draw->add_option("--out", sample->out, "The call list to write")->required();
  draw->callback([sample, &exit_code] { exit_code = RunSample(*sample); });

  auto report = std::make_shared<ReportArgs>();
  CLI::App* summary =
      app.add_subcommand("callback-report", "Call-back answers per agent: NPS and share satisfied");
  summary
      ->add_option("--answers", report->answers,
                   "CSV with columns agent, nps (0-10), satisfaction (1-5)")
      ->required()
      ->check(CLI::ExistingFile);
  AddFormatOption(summary, report->format);
  summary->callback([report, &exit_code] { exit_code = RunCallbackReport(*report); });
}

}  // namespace cx::cli
