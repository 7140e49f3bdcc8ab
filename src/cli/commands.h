#pragma once
// The registration of every command: its options, checks, help text and
// callback, in commands_study.cc and commands_tools.cc, the only files besides
// main.cc that include CLI11 (it compiles its code into each file that does).
// The work of a command is in cmd_X.cc, declared in cmd_X.h. A command's
// callback stores its exit code in `exit_code`; main() returns it.

#include <CLI/CLI.hpp>
#include <map>
#include <string>

#include "cli/output.h"

namespace cx::cli {

// Adds --format table|json|csv to `command`, writing the choice to `format`.
inline CLI::Option* AddFormatOption(CLI::App* command, Format& format) {
  static const std::map<std::string, Format> kFormats = {
      {"table", Format::kTable}, {"json", Format::kJson}, {"csv", Format::kCsv}};
  return command->add_option("--format", format, "Output format: table, json or csv")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("table");
}

void AddStudyCommands(CLI::App& app, int& exit_code);
void AddDemoCommand(CLI::App& app, int& exit_code);
void AddResultsCommand(CLI::App& app, int& exit_code);
void AddExportCommand(CLI::App& app, int& exit_code);
void AddReportCommand(CLI::App& app, int& exit_code);
void AddErlangCommand(CLI::App& app, int& exit_code);
void AddProgrammeCommands(CLI::App& app, int& exit_code);
void AddCallbackCommands(CLI::App& app, int& exit_code);
// `plan` (make a plan) with its subcommands check, repair and export.
void AddPlanCommands(CLI::App& app, int& exit_code);
// `plan check`, added to the `plan` command (cmd_plan_check.cc).
void AddPlanCheckCommand(CLI::App* plan, int& exit_code);
void AddShopperCommands(CLI::App& app, int& exit_code);
// `participant channels`: show or change a stored participant's channel audit.
void AddParticipantCommands(CLI::App& app, int& exit_code);
void AddServeCommands(CLI::App& app, int& exit_code);
// `user add`: an account of the web app (cmd_user.cc).
void AddUserCommands(CLI::App& app, int& exit_code);
void AddKpiCommand(CLI::App& app, int& exit_code);
// `check`: list the corrupt rows of a database (cmd_check.cc).
void AddCheckCommand(CLI::App& app, int& exit_code);
// cxbench qa flags: the automatic QA flags (docs/quality-flags.md).
void AddQaCommands(CLI::App& app, int& exit_code);

}  // namespace cx::cli
