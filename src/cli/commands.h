#pragma once
// Each file cmd_*.cc adds its subcommands to the app. A command's callback
// stores its exit code in `exit_code`; main() returns it.

#include <CLI/CLI.hpp>

namespace cx::cli {

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
