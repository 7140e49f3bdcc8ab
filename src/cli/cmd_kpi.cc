// cxbench kpi: contact-centre KPIs from queue_log, CDR CSV or a contact CSV
// (docs/kpi.md defines every figure).
#include "cli/cmd_kpi.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/output.h"
#include "cli/progress.h"
#include "cli/study_selection.h"
#include "core/csv.h"
#include "core/duration.h"
#include "core/file_commit.h"
#include "kpi/kpi.h"
#include "kpi/service_level_target.h"
#include "kpi/sources.h"

namespace cx::cli {
namespace {

// A number for CSV and the table: as short as exact enough; NaN is empty.
std::string Number(double value) {
  if (std::isnan(value)) return "";
  char text[32];
  // As printf's %.10g (the standard defines it so), without the locale.
  const auto written =
      std::to_chars(text, text + sizeof text, value, std::chars_format::general, 10);
  return std::string(text, written.ptr);
}

nlohmann::ordered_json JsonNumber(double value) {
  return std::isnan(value) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

// The cells of one row of the table or CSV, in the order of the header;
// rates to 3 decimals in the table, as exact as Number() in CSV.
void RowCells(const kpi::Row& row, const kpi::Grouping& grouping, bool csv,
              std::vector<std::string>& cells) {
  cells.clear();
  auto rate = [&](double value) {
    if (csv || std::isnan(value)) return Number(value);
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return std::string(text);
  };
  if (grouping.by_queue) cells.push_back(row.queue);
  if (grouping.by_channel) cells.push_back(row.channel);
  if (grouping.by_agent) cells.push_back(row.agent);
  cells.push_back(row.interval_label);
  for (int64_t count :
       {row.offered, row.answered, row.abandoned, row.short_abandoned, row.exited}) {
    cells.push_back(std::to_string(count));
  }
  cells.push_back(rate(row.abandon_rate));
  cells.push_back(rate(row.asa_s));
  cells.push_back(rate(row.service_level));
  cells.push_back(row.sl_met < 0 ? "" : row.sl_met == 1 ? "yes" : "no");
  cells.push_back(rate(row.aht_s));
  cells.push_back(std::to_string(row.longest_wait_s));
  cells.push_back(rate(row.transfer_rate));
  cells.push_back(rate(row.fcr));
  cells.push_back(std::to_string(row.fcr_contacts));
  cells.push_back(rate(row.occupancy));
}

nlohmann::ordered_json RowJson(const kpi::Row& row, const kpi::Grouping& grouping) {
  nlohmann::ordered_json item;
  if (grouping.by_queue) item["queue"] = row.queue;
  if (grouping.by_channel) item["channel"] = row.channel;
  if (grouping.by_agent) item["agent"] = row.agent;
  item["interval_start"] = row.interval_label;
  item["offered"] = row.offered;
  item["answered"] = row.answered;
  item["abandoned"] = row.abandoned;
  item["short_abandoned"] = row.short_abandoned;
  item["exited"] = row.exited;
  item["abandon_rate"] = JsonNumber(row.abandon_rate);
  item["asa_s"] = JsonNumber(row.asa_s);
  item["service_level"] = JsonNumber(row.service_level);
  nlohmann::ordered_json variants;
  for (int index = 0; index < kpi::kSlVariantCount; ++index) {
    variants[kpi::SlVariantName(static_cast<kpi::SlVariant>(index))] =
        JsonNumber(row.service_level_variants[index]);
  }
  item["service_level_variants"] = variants;
  item["sl_met"] =
      row.sl_met < 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.sl_met == 1);
  item["aht_s"] = JsonNumber(row.aht_s);
  item["longest_wait_s"] = row.longest_wait_s;
  item["transfer_rate"] = JsonNumber(row.transfer_rate);
  item["fcr"] = JsonNumber(row.fcr);
  item["fcr_contacts"] = row.fcr_contacts;
  item["occupancy"] = JsonNumber(row.occupancy);
  item["staffed_s"] = row.staffed_s;
  item["busy_s"] = row.busy_s;
  return item;
}

// The column names of the table and CSV: the grouping's, then the figures.
std::vector<std::string> Header(const kpi::Grouping& grouping) {
  std::vector<std::string> header;
  if (grouping.by_queue) header.push_back("queue");
  if (grouping.by_channel) header.push_back("channel");
  if (grouping.by_agent) header.push_back("agent");
  for (const char* name : {"interval_start", "offered", "answered", "abandoned", "short_abandoned",
                           "exited", "abandon_rate", "asa_s", "service_level", "sl_met", "aht_s",
                           "longest_wait_s", "transfer_rate", "fcr", "fcr_contacts", "occupancy"}) {
    header.push_back(name);
  }
  return header;
}

// Row by row into one buffer, not a whole Table: a report can have hundreds
// of thousands of rows (the same cells and quoting as PrintCsv).
void WriteCsvRows(std::ostream& out, const std::vector<kpi::Row>& report_rows,
                  const kpi::Grouping& grouping) {
  const std::vector<std::string> header = Header(grouping);
  std::string text;
  for (size_t index = 0; index < header.size(); ++index) {
    text += index > 0 ? "," : "";
    text += header[index];
  }
  text += "\r\n";
  std::vector<std::string> cells;
  for (const kpi::Row& row : report_rows) {
    RowCells(row, grouping, true, cells);
    for (size_t index = 0; index < cells.size(); ++index) {
      if (index > 0) text += ',';
      text += CsvField(cells[index]);
    }
    text += "\r\n";
    if (text.size() > (1 << 20)) {
      out << text;
      text.clear();
    }
  }
  out << text;
}

// The aligned table: the grouping's columns left, the figures right.
void WriteTableRows(std::ostream& out, const std::vector<kpi::Row>& report_rows,
                    const kpi::Grouping& grouping) {
  Table table;
  table.header = Header(grouping);
  const size_t names = table.header.size() - 16;  // the grouping's columns
  table.right_align.assign(table.header.size(), true);
  for (size_t index = 0; index <= names; ++index) table.right_align[index] = false;
  std::vector<std::string> cells;
  for (const kpi::Row& row : report_rows) {
    RowCells(row, grouping, false, cells);
    table.rows.push_back(cells);
  }
  PrintTable(out, table);
}

// The rows of one report as a table, CSV or JSON.
void WriteRows(std::ostream& out, const std::vector<kpi::Row>& report_rows,
               const kpi::Grouping& grouping, const std::string& format_out) {
  if (format_out == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const kpi::Row& row : report_rows) rows.push_back(RowJson(row, grouping));
    out << rows.dump(2) << "\n";
  } else if (format_out == "csv") {
    WriteCsvRows(out, report_rows, grouping);
  } else {
    WriteTableRows(out, report_rows, grouping);
  }
}

// "queue,agent" (or "none") into the grouping's dimensions.
bool ParseBy(const std::string& text, kpi::Grouping& grouping, std::string& bad) {
  grouping.by_queue = grouping.by_agent = grouping.by_channel = false;
  std::stringstream by(text);
  std::string dimension;
  while (std::getline(by, dimension, ',')) {
    if (dimension == "queue")
      grouping.by_queue = true;
    else if (dimension == "agent")
      grouping.by_agent = true;
    else if (dimension == "channel")
      grouping.by_channel = true;
    else if (!dimension.empty() && dimension != "none") {
      bad = dimension;
      return false;
    }
  }
  return true;
}

// One report: its grouping and the file its rows go to (empty: stdout).
struct ReportOut {
  kpi::Grouping grouping;
  std::string path;
};

// --out and --report FILE: "-" (and no --out) is standard output.
std::string OutPath(const std::string& file) { return IsStdout(file) ? "" : file; }

// The first report, from --by, --interval and --out.
Result<ReportOut> ParseMainReport(const KpiArgs& args) {
  ReportOut report;
  std::string bad;
  if (!ParseBy(args.by, report.grouping, bad)) {
    return InvalidInput("--by: expected a list of queue, agent, channel; found '" + bad + "'");
  }
  if (!kpi::ParseInterval(args.interval, report.grouping.interval)) {
    return InvalidInput("--interval: expected 15m, 30m, 1h, day, week or month");
  }
  report.path = OutPath(args.out);
  return report;
}

// One --report BY:INTERVAL:FILE; the file name may itself hold ':'.
Result<ReportOut> ParseMoreReport(const std::string& spec) {
  const size_t first = spec.find(':');
  const size_t second = first == std::string::npos ? first : spec.find(':', first + 1);
  if (second == std::string::npos || second + 1 >= spec.size()) {
    return InvalidInput("--report '" + spec +
                        "': expected BY:INTERVAL:FILE such as agent:day:agents.csv");
  }
  ReportOut report;
  std::string bad;
  if (!ParseBy(spec.substr(0, first), report.grouping, bad)) {
    return InvalidInput("--report '" + spec +
                        "': expected a list of queue, agent, channel; found '" + bad + "'");
  }
  if (!kpi::ParseInterval(spec.substr(first + 1, second - first - 1), report.grouping.interval)) {
    return InvalidInput("--report '" + spec +
                        "': expected the interval 15m, 30m, 1h, day, week or month");
  }
  report.path = OutPath(spec.substr(second + 1));
  return report;
}

// Every report, the first from --by/--interval/--out; no two to one place.
Result<std::vector<ReportOut>> ParseReports(const KpiArgs& args) {
  auto main_report = ParseMainReport(args);
  if (!main_report) return main_report.error();
  std::vector<ReportOut> reports{*main_report};
  for (const std::string& spec : args.reports) {
    auto report = ParseMoreReport(spec);
    if (!report) return report.error();
    for (const ReportOut& other : reports) {
      if (other.path == report->path) {
        return InvalidInput("--report '" + spec +
                            "': " + (report->path.empty() ? "standard output" : report->path) +
                            " is written by another report");
      }
    }
    reports.push_back(*report);
  }
  if (reports.size() > static_cast<size_t>(kpi::kMaxReports)) {
    return InvalidInput("--report: at most " + std::to_string(kpi::kMaxReports - 1) +
                        " more reports");
  }
  return reports;
}

// The computation's options from the flags (the time zone comes with the input).
Result<kpi::Options> ParseOptions(const KpiArgs& args, const std::vector<ReportOut>& reports) {
  kpi::Options options;
  options.by_queue = reports[0].grouping.by_queue;
  options.by_agent = reports[0].grouping.by_agent;
  options.by_channel = reports[0].grouping.by_channel;
  options.interval = reports[0].grouping.interval;
  for (size_t index = 1; index < reports.size(); ++index) {
    options.more_reports.push_back(reports[index].grouping);
  }
  auto target = kpi::ParseServiceLevelTarget(args.sl);
  if (!target) return InvalidInput("--sl: " + target.error().message);
  options.sl_target = target->share;
  options.sl_seconds = static_cast<int64_t>(std::llround(target->seconds));
  if (!kpi::ParseSlVariant(args.sl_variant, options.sl_variant)) {
    return InvalidInput(
        "--sl-variant: expected short-excluded, within-y, answered-only, all-abandoned, "
        "abandoned-after-y or short-abandons-met");
  }
  const auto short_abandon = ParseDurationSeconds(args.short_abandon);
  if (!short_abandon) return InvalidInput("--short-abandon: expected a duration such as 5s");
  options.short_abandon_s = static_cast<int64_t>(std::llround(*short_abandon));
  options.fcr_days = args.fcr_days;
  if (args.fcr_scope != "all" && args.fcr_scope != "channel") {
    return InvalidInput("--fcr-scope: expected all or channel");
  }
  options.fcr_per_channel = args.fcr_scope == "channel";
  options.strict = args.strict;
  if (args.format_out != "table" && args.format_out != "csv" && args.format_out != "json") {
    return InvalidInput("--format-out: expected table, csv or json");
  }
  return options;
}

// Reads the input in its format; a contact CSV with its mapping. Times
// without an offset are in --tz, else the mapping's zone, else Europe/Oslo.
Result<kpi::RunResult> ReadInput(const KpiArgs& args, kpi::Options options) {
  if (args.format == "csv") {
    kpi::Mapping mapping;
    if (!args.mapping.empty()) {
      auto loaded = kpi::LoadMapping(args.mapping);
      if (!loaded) return loaded.error();
      mapping = *loaded;
    }
    options.time_zone = !args.tz.empty()             ? args.tz
                        : !mapping.time_zone.empty() ? mapping.time_zone
                                                     : "Europe/Oslo";
    return kpi::RunContactCsv(args.input, mapping, options, args.threads);
  }
  if (!args.mapping.empty()) return InvalidInput("--mapping is for --format csv only");
  options.time_zone = args.tz.empty() ? "Europe/Oslo" : args.tz;
  return args.format == "queue_log" ? kpi::RunQueueLog(args.input, options)
                                    : kpi::RunCdr(args.input, options);
}

// "FILE:LINE: error|warning: why" for each bad line and warning kept.
void PrintDiagnostics(const std::string& input, const kpi::Diagnostics& diagnostics) {
  for (const auto& message : diagnostics.messages) {
    std::cerr << input;
    if (message.line > 0) std::cerr << ":" << message.line;
    std::cerr << ": " << (message.bad ? "error" : "warning") << ": " << message.why << "\n";
  }
}

const std::vector<kpi::Row>& RowsOf(const kpi::RunResult& result, size_t report) {
  return report == 0 ? result.rows : result.more_rows[report - 1];
}

// Starts one thread per report that goes to a file, writing it into a
// temporary that `pending` holds; wrote[index] says whether it succeeded
// (1 for the reports to standard output) once `writers` are joined.
void WriteFiles(const std::vector<ReportOut>& reports, const kpi::RunResult& result,
                const std::string& format_out, PendingFiles& pending,
                std::vector<std::thread>& writers, std::vector<char>& wrote) {
  wrote.assign(reports.size(), 1);
  for (size_t index = 0; index < reports.size(); ++index) {
    if (reports[index].path.empty()) continue;
    const std::string temporary = pending.Add(reports[index].path);
    wrote[index] = 0;
    writers.emplace_back([&, index, temporary] {
      // No exception may leave the thread (std::terminate would leave the
      // temporaries behind): a failed write is a file not written.
      try {
        std::ofstream file(temporary, std::ios::binary);
        if (!file) return;
        WriteRows(file, RowsOf(result, index), reports[index].grouping, format_out);
        wrote[index] = file.flush() ? 1 : 0;
      } catch (const std::exception&) {
        wrote[index] = 0;
      }
    });
  }
}

// Every report, those to files written at once, one thread each, beside
// their targets and moved into place only when all are complete: an error
// leaves no file half-written. A failed write is kIo (exit 1).
Status WriteReports(const std::vector<ReportOut>& reports, const kpi::RunResult& result,
                    const std::string& format_out) {
  PendingFiles pending;  // removes the temporaries on any early return
  std::vector<std::thread> writers;
  std::vector<char> wrote;
  WriteFiles(reports, result, format_out, pending, writers, wrote);
  std::optional<std::string> stdout_error;
  try {
    for (size_t index = 0; index < reports.size(); ++index) {
      if (reports[index].path.empty()) {
        WriteRows(std::cout, RowsOf(result, index), reports[index].grouping, format_out);
      }
    }
  } catch (const std::exception& error) {
    stdout_error = error.what();
  }
  for (std::thread& writer : writers) writer.join();
  if (stdout_error) return IoError("cannot write the report: " + *stdout_error);
  for (size_t index = 0; index < reports.size(); ++index) {
    if (!wrote[index]) return IoError("cannot write the file", reports[index].path);
  }
  return pending.CommitAll();
}

// "kpi: N lines, N contacts, N rows + N; N bad lines skipped, N warnings".
void PrintSummary(const kpi::RunResult& result) {
  const kpi::Diagnostics& diagnostics = result.diagnostics;
  std::cerr << "kpi: " << result.lines << " lines, " << result.contacts << " contacts, "
            << result.rows.size() << " rows";
  for (const auto& more : result.more_rows) std::cerr << " + " << more.size();
  std::cerr << "; " << diagnostics.bad_lines << " bad lines skipped, " << diagnostics.warnings
            << " warnings";
  if (diagnostics.bad_lines + diagnostics.warnings >
      static_cast<int64_t>(diagnostics.messages.size())) {
    std::cerr << " (the first " << diagnostics.messages.size() << " shown)";
  }
  std::cerr << "\n";
}

}  // namespace

// Parse the flags, read the input, write every report, summarise.
int RunKpi(const KpiArgs& args) {
  auto reports = ParseReports(args);
  if (!reports) return ReportError(reports.error());
  auto options = ParseOptions(args, *reports);
  if (!options) return ReportError(options.error());
  // The bar ends (its line closed) before any diagnostic is printed.
  std::optional<Progress> progress;
  options->on_progress = [&progress](int64_t read, int64_t total) {
    if (!progress) progress.emplace("kpi", total, ProgressUnit::kBytes);
    progress->Reach(read);
  };
  auto run = ReadInput(args, *options);
  progress.reset();
  if (!run) return ReportError(run.error());
  PrintDiagnostics(args.input, run->diagnostics);
  if (args.strict && run->diagnostics.bad_lines > 0) {
    std::cerr << "cxbench: error: " << args.input << ": bad input (--strict): nothing written\n";
    return kExitBadInput;
  }
  if (Status written = WriteReports(*reports, *run, args.format_out); !written) {
    return ReportError(written.error());
  }
  PrintSummary(*run);
  return kExitOk;
}

}  // namespace cx::cli
