// The commands that need no study database (erlang, programme, callback-*,
// kpi): their options, checks, help texts and callbacks; see commands_study.cc.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/cmd_callback.h"
#include "cli/cmd_erlang.h"
#include "cli/cmd_kpi.h"
#include "cli/cmd_programme.h"
#include "cli/commands.h"
#include "cli/output.h"

namespace cx::cli {

void AddErlangCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ErlangArgs>();
  CLI::App* command = app.add_subcommand(
      "erlang",
      "Erlang C staffing: probability of waiting, ASA and service level for a number of agents, or "
      "the "
      "fewest agents that meet a service-level and/or ASA target (see docs/staffing.md)");
  command->add_option("--volume", args->volume, "Calls offered in the interval");
  command->add_option("--volumes", args->volumes_file,
                      "CSV of INTERVAL,VOLUME rows (a header line is allowed): a staffing table");
  command->add_option("--interval", args->interval, "Interval length (15m, 30m, 1h)")
      ->capture_default_str();
  command->add_option("--aht", args->aht, "Average handle time (180, 180s, 3m)")->required();
  command->add_option("--target", args->target, "Service level PERCENT/SECONDS (default 80/20)");
  command->add_option("--asa", args->asa,
                      "Average speed of answer at most this (seconds or 30s, 1m)");
  command
      ->add_option("--max-occupancy", args->max_occupancy,
                   "Occupancy at most this share (e.g. 0.85)")
      ->check(CLI::Range(0.01, 1.0));
  command
      ->add_option("--shrinkage", args->shrinkage,
                   "Share of paid time not on the phones (e.g. 0.3)")
      ->check(CLI::Range(0.0, 0.95))
      ->capture_default_str();
  command->add_option("--agents", args->agents, "Evaluate this many agents instead of searching")
      ->check(CLI::Range(1, 1000000));
  AddFormatOption(command, args->format);
  command->callback([args, &exit_code] { exit_code = RunErlang(*args); });
}

void AddProgrammeCommands(CLI::App& app, int& exit_code) {
  CLI::App* programme = app.add_subcommand(
      "programme", "A company's own mystery-calling programme: sample sizes and allocation");
  programme->require_subcommand(1);

  auto size_args = std::make_shared<SizeArgs>();
  CLI::App* size = programme->add_subcommand("sample-size",
                                             "Contacts needed for a 95 % margin of +-X points "
                                             "(--margin), or the margin of n contacts (--n)");
  size->add_option("--sd", size_args->sd, "Expected standard deviation of contact scores (points)")
      ->required();
  size->add_option("--margin", size_args->margin, "Wanted 95 % margin, +- points");
  size->add_option("--n", size_args->n, "Contacts in the sample");
  size->add_option("--population", size_args->population,
                   "Contacts handled in the period (finite population)");
  AddFormatOption(size, size_args->format);
  size->callback([size_args, &exit_code] { exit_code = RunSampleSize(*size_args); });

  auto allocate_args = std::make_shared<AllocateArgs>();
  CLI::App* allocate = programme->add_subcommand("allocate",
                                                 "Spread a sample over customer centres by size, "
                                                 "with a minimum per centre, and over scenarios");
  allocate->add_option("--total", allocate_args->total, "Contacts in all")
      ->required()
      ->check(CLI::Range(1, 10000000));
  allocate->add_option("--min", allocate_args->minimum, "Minimum contacts per centre")
      ->capture_default_str();
  allocate->add_option("--centre", allocate_args->centres, "A centre as NAME=AGENTS (repeat)")
      ->required();
  allocate->add_option("--scenarios", allocate_args->scenarios, "Scenario ids")->delimiter(',');
  AddFormatOption(allocate, allocate_args->format);
  allocate->callback([allocate_args, &exit_code] { exit_code = RunAllocate(*allocate_args); });
}

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
  draw->add_option("--out", sample->out, "The call list to write (- : standard output)")
      ->required();
  draw->callback([sample, &exit_code] { exit_code = RunSample(*sample); });

  auto report = std::make_shared<CallbackReportArgs>();
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
  command->add_option("--out", args->out,
                      "Write the rows to this file instead of standard output (- : standard "
                      "output)");
  command->add_option("--report", args->reports,
                      "Another report from the same pass over the input, written to its own "
                      "file in --format-out: BY:INTERVAL:FILE, e.g. agent:day:agents.csv "
                      "(repeatable; FILE - is standard output when --out names a file)");
  command->add_option("--format-out", args->format_out, "table, csv or json")
      ->capture_default_str();
  command->add_option("--threads", args->threads, "Parsing threads (contact CSV)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command->callback([args, &exit_code] { exit_code = RunKpi(*args); });
}

}  // namespace cx::cli
