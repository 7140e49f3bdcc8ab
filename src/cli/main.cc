// cxbench: measure customer service. See README.md and docs/cli.md.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"

int main(int argc, char** argv) {
  CLI::App app{
      "cxbench: benchmark studies by mystery shopping, mystery-calling programmes, contact-centre "
      "KPIs and customer feedback.\n\nExit codes: 0 ok, 1 failure, 2 bad input or usage."};
  app.name("cxbench");
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("cxbench 0.1.0"));
  int exit_code = cx::cli::kExitOk;
  cx::cli::AddStudyCommands(app, exit_code);
  cx::cli::AddDemoCommand(app, exit_code);
  cx::cli::AddResultsCommand(app, exit_code);
  cx::cli::AddExportCommand(app, exit_code);
  cx::cli::AddReportCommand(app, exit_code);
  cx::cli::AddErlangCommand(app, exit_code);
  cx::cli::AddProgrammeCommands(app, exit_code);
  cx::cli::AddCallbackCommands(app, exit_code);
  cx::cli::AddPlanCommands(app, exit_code);
  cx::cli::AddShopperCommands(app, exit_code);
  cx::cli::AddParticipantCommands(app, exit_code);
  cx::cli::AddServeCommands(app, exit_code);
  cx::cli::AddUserCommands(app, exit_code);
  cx::cli::AddKpiCommand(app, exit_code);
  cx::cli::AddCheckCommand(app, exit_code);
  cx::cli::AddQaCommands(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    app.exit(error);  // prints the message and usage
    return cx::cli::kExitBadInput;
  } catch (const std::exception& error) {
    // A command that could not go on: never a crash, always a message.
    std::cerr << "cxbench: error: " << error.what() << "\n";
    return cx::cli::kExitFailure;
  }
  return exit_code;
}
