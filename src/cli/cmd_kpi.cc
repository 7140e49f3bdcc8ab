// cxbench kpi: contact-centre KPIs from queue_log, CDR CSV or a contact CSV
// (docs/kpi.md defines every figure).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/csv.h"
#include "core/duration.h"
#include "kpi/kpi.h"
#include "kpi/sources.h"

namespace cx::cli {
namespace {

struct KpiArgs {
  std::string input;
  std::string format;
  std::string mapping;
  std::string by = "queue";
  std::string interval = "15m";
  std::string sl = "80/20";
  std::string sl_variant = "short-excluded";
  std::string short_abandon = "5s";
  int fcr_days = 7;
  std::string fcr_scope = "all";
  std::string tz;
  bool strict = false;
  std::string out;
  std::vector<std::string> reports;  // BY:INTERVAL:FILE
  std::string format_out = "table";
  int threads = 2;
};

int BadInput(const std::string& message) {
  std::cerr << "cxbench: error: " << message << "\n";
  return kExitBadInput;
}

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

// The rows of one report as a table, CSV or JSON.
void WriteRows(std::ostream& out, const std::vector<kpi::Row>& report_rows,
               const kpi::Grouping& grouping, const std::string& format_out) {
  if (format_out == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const kpi::Row& row : report_rows) {
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
      item["sl_met"] = row.sl_met < 0 ? nlohmann::ordered_json(nullptr)
                                      : nlohmann::ordered_json(row.sl_met == 1);
      item["aht_s"] = JsonNumber(row.aht_s);
      item["longest_wait_s"] = row.longest_wait_s;
      item["transfer_rate"] = JsonNumber(row.transfer_rate);
      item["fcr"] = JsonNumber(row.fcr);
      item["fcr_contacts"] = row.fcr_contacts;
      item["occupancy"] = JsonNumber(row.occupancy);
      item["staffed_s"] = row.staffed_s;
      item["busy_s"] = row.busy_s;
      rows.push_back(item);
    }
    out << rows.dump(2) << "\n";
  } else {
    Table table;
    if (grouping.by_queue) table.header.push_back("queue");
    if (grouping.by_channel) table.header.push_back("channel");
    if (grouping.by_agent) table.header.push_back("agent");
    const size_t names = table.header.size();
    for (const char* name :
         {"interval_start", "offered", "answered", "abandoned", "short_abandoned", "exited",
          "abandon_rate", "asa_s", "service_level", "sl_met", "aht_s", "longest_wait_s",
          "transfer_rate", "fcr", "fcr_contacts", "occupancy"}) {
      table.header.push_back(name);
    }
    table.right_align.assign(table.header.size(), true);
    for (size_t index = 0; index <= names; ++index) table.right_align[index] = false;
    const bool csv = format_out == "csv";
    std::vector<std::string> cells;
    if (csv) {
      // Row by row into one buffer, not a whole Table: a report can have
      // hundreds of thousands of rows (the same cells and quoting as PrintCsv).
      std::string text;
      for (size_t index = 0; index < table.header.size(); ++index) {
        text += index > 0 ? "," : "";
        text += table.header[index];
      }
      text += "\r\n";
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
      return;
    }
    for (const kpi::Row& row : report_rows) {
      RowCells(row, grouping, false, cells);
      table.rows.push_back(cells);
    }
    PrintTable(out, table);
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

int RunKpi(const KpiArgs& args) {
  kpi::Options options;
  std::vector<ReportOut> reports(1);
  {
    std::string bad;
    if (!ParseBy(args.by, reports[0].grouping, bad)) {
      return BadInput("--by: expected a list of queue, agent, channel; found '" + bad + "'");
    }
    if (!kpi::ParseInterval(args.interval, reports[0].grouping.interval)) {
      return BadInput("--interval: expected 15m, 30m, 1h, day, week or month");
    }
    reports[0].path = args.out;
  }
  for (const std::string& spec : args.reports) {
    // BY:INTERVAL:FILE; the file name may itself hold ':'.
    const size_t first = spec.find(':');
    const size_t second = first == std::string::npos ? first : spec.find(':', first + 1);
    ReportOut report;
    std::string bad;
    if (second == std::string::npos || second + 1 >= spec.size()) {
      return BadInput("--report '" + spec +
                      "': expected BY:INTERVAL:FILE such as agent:day:agents.csv");
    }
    if (!ParseBy(spec.substr(0, first), report.grouping, bad)) {
      return BadInput("--report '" + spec + "': expected a list of queue, agent, channel; found '" +
                      bad + "'");
    }
    if (!kpi::ParseInterval(spec.substr(first + 1, second - first - 1), report.grouping.interval)) {
      return BadInput("--report '" + spec +
                      "': expected the interval 15m, 30m, 1h, day, week or month");
    }
    report.path = spec.substr(second + 1);
    for (const ReportOut& other : reports) {
      if (other.path == report.path) {
        return BadInput("--report '" + spec + "': " + report.path +
                        " is written by another report");
      }
    }
    reports.push_back(report);
  }
  if (reports.size() > static_cast<size_t>(kpi::kMaxReports)) {
    return BadInput("--report: at most " + std::to_string(kpi::kMaxReports - 1) + " more reports");
  }
  options.by_queue = reports[0].grouping.by_queue;
  options.by_agent = reports[0].grouping.by_agent;
  options.by_channel = reports[0].grouping.by_channel;
  options.interval = reports[0].grouping.interval;
  for (size_t index = 1; index < reports.size(); ++index) {
    options.more_reports.push_back(reports[index].grouping);
  }
  const size_t slash = args.sl.find('/');
  {
    char* end = nullptr;
    const std::string percent = args.sl.substr(0, slash);
    const double share = std::strtod(percent.c_str(), &end);
    const auto seconds =
        slash == std::string::npos ? std::nullopt : ParseDurationSeconds(args.sl.substr(slash + 1));
    if (end == percent.c_str() || *end != '\0' || share <= 0 || share > 100 || !seconds) {
      return BadInput("--sl: expected PERCENT/SECONDS such as 80/20");
    }
    options.sl_target = share / 100;
    options.sl_seconds = static_cast<int64_t>(std::llround(*seconds));
  }
  if (!kpi::ParseSlVariant(args.sl_variant, options.sl_variant)) {
    return BadInput(
        "--sl-variant: expected short-excluded, within-y, answered-only, all-abandoned, "
        "abandoned-after-y or short-abandons-met");
  }
  const auto short_abandon = ParseDurationSeconds(args.short_abandon);
  if (!short_abandon) return BadInput("--short-abandon: expected a duration such as 5s");
  options.short_abandon_s = static_cast<int64_t>(std::llround(*short_abandon));
  options.fcr_days = args.fcr_days;
  if (args.fcr_scope != "all" && args.fcr_scope != "channel") {
    return BadInput("--fcr-scope: expected all or channel");
  }
  options.fcr_per_channel = args.fcr_scope == "channel";
  options.strict = args.strict;
  if (args.format_out != "table" && args.format_out != "csv" && args.format_out != "json") {
    return BadInput("--format-out: expected table, csv or json");
  }

  Result<kpi::RunResult> run = InvalidInput("no input");
  if (args.format == "csv") {
    kpi::Mapping mapping;
    if (!args.mapping.empty()) {
      auto loaded = kpi::LoadMapping(args.mapping);
      if (!loaded) {
        std::cerr << "cxbench: error: " << loaded.error().ToString() << "\n";
        return ExitCodeFor(loaded.error());
      }
      mapping = *loaded;
    }
    options.time_zone = !args.tz.empty()             ? args.tz
                        : !mapping.time_zone.empty() ? mapping.time_zone
                                                     : "Europe/Oslo";
    run = kpi::RunContactCsv(args.input, mapping, options, args.threads);
  } else {
    if (!args.mapping.empty()) return BadInput("--mapping is for --format csv only");
    options.time_zone = args.tz.empty() ? "Europe/Oslo" : args.tz;
    run = args.format == "queue_log" ? kpi::RunQueueLog(args.input, options)
                                     : kpi::RunCdr(args.input, options);
  }
  if (!run) {
    std::cerr << "cxbench: error: " << run.error().ToString() << "\n";
    return ExitCodeFor(run.error());
  }
  const kpi::RunResult& result = *run;
  const kpi::Diagnostics& diagnostics = result.diagnostics;
  for (const auto& message : diagnostics.messages) {
    std::cerr << args.input;
    if (message.line > 0) std::cerr << ":" << message.line;
    std::cerr << ": " << (message.bad ? "error" : "warning") << ": " << message.why << "\n";
  }
  if (args.strict && diagnostics.bad_lines > 0) {
    std::cerr << "cxbench: error: " << args.input << ": bad input (--strict): nothing written\n";
    return kExitBadInput;
  }

  // Every file is written beside its target and renamed once all are
  // complete: an error leaves no file half-written.
  // The files are written at once, one thread each.
  std::vector<std::string> temporaries(reports.size());
  std::vector<char> wrote(reports.size(), 0);
  auto discard = [&] {
    for (size_t index = 0; index < reports.size(); ++index) {
      if (!temporaries[index].empty()) std::remove(temporaries[index].c_str());
    }
  };
  auto rows_of = [&](size_t index) -> const std::vector<kpi::Row>& {
    return index == 0 ? result.rows : result.more_rows[index - 1];
  };
  {
    std::vector<std::thread> writers;
    for (size_t index = 0; index < reports.size(); ++index) {
      if (reports[index].path.empty()) continue;
      temporaries[index] = reports[index].path + ".partial";
      writers.emplace_back([&, index] {
        // No exception may leave the thread (std::terminate would leave the
        // .partial files behind): a failed write is a file not written.
        try {
          std::ofstream file(temporaries[index], std::ios::binary);
          if (!file) return;
          WriteRows(file, rows_of(index), reports[index].grouping, args.format_out);
          wrote[index] = file.flush() ? 1 : 0;
        } catch (const std::exception&) {
          wrote[index] = 0;
        }
      });
    }
    bool stdout_failed = false;
    try {
      for (size_t index = 0; index < reports.size(); ++index) {
        if (reports[index].path.empty()) {
          WriteRows(std::cout, rows_of(index), reports[index].grouping, args.format_out);
        }
      }
    } catch (const std::exception& error) {
      stdout_failed = true;
      std::cerr << "cxbench: error: cannot write the report: " << error.what() << "\n";
    }
    for (std::thread& writer : writers) writer.join();
    if (stdout_failed) {
      discard();
      return kExitFailure;
    }
  }
  for (size_t index = 0; index < reports.size(); ++index) {
    if (!reports[index].path.empty() && !wrote[index]) {
      discard();
      return BadInput(reports[index].path + ": cannot write the file");
    }
  }
  for (size_t index = 0; index < reports.size(); ++index) {
    if (reports[index].path.empty()) continue;
    if (std::rename(temporaries[index].c_str(), reports[index].path.c_str()) != 0) {
      discard();
      return BadInput(reports[index].path + ": cannot write the file");
    }
    temporaries[index].clear();  // in place now: not removed by a later failure
  }

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
  return kExitOk;
}

}  // namespace

void AddKpiCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<KpiArgs>();
  CLI::App* command = app.add_subcommand(
      "kpi",
      "Contact-centre KPIs (offered, abandoned, ASA, service level, AHT, FCR, ...) per group "
      "and interval from an Asterisk queue_log, Asterisk CDR CSV or a contact CSV (see "
      "docs/kpi.md)");
  command->add_option("--input", args->input, "The log or CSV file")->required();
  command->add_option("--format", args->format, "Input format")
      ->required()
      ->check(CLI::IsMember({"queue_log", "cdr", "csv"}));
  command->add_option("--mapping", args->mapping,
                      "Column mapping (YAML or JSON) of a contact CSV; default: the columns "
                      "are named as the fields");
  command->add_option("--by", args->by, "Group by a list of queue, agent, channel (or none)")
      ->capture_default_str();
  command->add_option("--interval", args->interval, "15m, 30m, 1h, day, week or month")
      ->capture_default_str();
  command->add_option("--sl", args->sl, "Service level target PERCENT/SECONDS")
      ->capture_default_str();
  command
      ->add_option("--sl-variant", args->sl_variant,
                   "short-excluded, within-y, answered-only, all-abandoned, abandoned-after-y "
                   "or short-abandons-met (docs/kpi.md)")
      ->capture_default_str();
  command
      ->add_option("--short-abandon", args->short_abandon,
                   "Abandons after a wait below this are short abandons")
      ->capture_default_str();
  command->add_option("--fcr-days", args->fcr_days, "FCR window in days")
      ->check(CLI::Range(0, 3650))
      ->capture_default_str();
  command
      ->add_option("--fcr-scope", args->fcr_scope,
                   "all: a repeat on any channel counts; channel: per channel")
      ->capture_default_str();
  command->add_option("--tz", args->tz,
                      "Time zone of intervals and of times without an offset (default "
                      "Europe/Oslo, or the mapping's time_zone)");
  command->add_flag("--strict", args->strict, "Any malformed line is fatal (exit 2)");
  command->add_option("--out", args->out, "Write the rows to this file instead of stdout");
  command->add_option("--report", args->reports,
                      "Another report from the same pass over the input, written to its own "
                      "file in --format-out: BY:INTERVAL:FILE, e.g. agent:day:agents.csv "
                      "(repeatable)");
  command->add_option("--format-out", args->format_out, "table, csv or json")
      ->capture_default_str();
  command->add_option("--threads", args->threads, "Parsing threads (contact CSV)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command->callback([args, &exit_code] { exit_code = RunKpi(*args); });
}

}  // namespace cx::cli
