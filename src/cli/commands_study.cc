// The commands over a study and its database: their options, checks, help
// texts and callbacks. The work is done by each cmd_X.cc, which does not include
// CLI11: CLI11 2.1 compiles its code into every file that includes it, so only
// main.cc and the two commands_*.cc do (docs/architecture.md).
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/cmd_check.h"
#include "cli/cmd_demo.h"
#include "cli/cmd_export.h"
#include "cli/cmd_participant.h"
#include "cli/cmd_plan.h"
#include "cli/cmd_plan_check.h"
#include "cli/cmd_qa.h"
#include "cli/cmd_report.h"
#include "cli/cmd_results.h"
#include "cli/cmd_serve.h"
#include "cli/cmd_shoppers.h"
#include "cli/cmd_study.h"
#include "cli/cmd_user.h"
#include "cli/commands.h"
#include "cli/output.h"

namespace cx::cli {

namespace {

// `cxbench study delete`: a study and everything of it.
void AddStudyDelete(CLI::App& study, int& exit_code) {
  struct DeleteArgs {
    std::string db;
    std::string study;
  };
  auto delete_args = std::make_shared<DeleteArgs>();
  CLI::App* remove = study.add_subcommand(
      "delete",
      "Delete a study and everything of it: contacts, answers, change log, evidence files "
      "(recordings, screenshots), publication, its participants' accounts and invitations");
  remove->add_option("--db", delete_args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  remove->add_option("--study", delete_args->study, "The study's id (see `cxbench study list`)")
      ->required();
  remove->callback([delete_args, &exit_code] {
    exit_code = RunStudyDelete(delete_args->db, delete_args->study);
  });
}

}  // namespace

void AddStudyCommands(CLI::App& app, int& exit_code) {
  CLI::App* study = app.add_subcommand(
      "study", "Check, load, list and delete study definitions; print a channel's questionnaire");
  study->require_subcommand(1);

  struct CheckArgs {
    std::vector<std::string> files;
    Format format = Format::kTable;
  };
  auto check_args = std::make_shared<CheckArgs>();
  CLI::App* check = study->add_subcommand(
      "check",
      "Validate study files. Exit 0 when valid; otherwise exit 2 with every error on stderr as "
      "FILE:LINE:COLUMN: error: MESSAGE");
  check->add_option("files", check_args->files, "Study YAML files")
      ->required()
      ->check(CLI::ExistingFile);
  AddFormatOption(check, check_args->format);
  check->callback([check_args, &exit_code] {
    exit_code = RunStudyCheck(check_args->files, check_args->format);
  });

  struct LoadArgs {
    std::string db;
    std::string file;
    bool replace = false;
  };
  auto load_args = std::make_shared<LoadArgs>();
  CLI::App* load = study->add_subcommand(
      "load", "Validate a study file and store it in the database, in one transaction");
  load->add_option("--db", load_args->db, "SQLite database file (created if absent)")->required();
  load->add_option("file", load_args->file, "Study YAML file")
      ->required()
      ->check(CLI::ExistingFile);
  load->add_flag("--replace", load_args->replace,
                 "Replace a study with the same id, and all its fieldwork");
  load->callback([load_args, &exit_code] {
    exit_code = RunStudyLoad(load_args->db, load_args->file, load_args->replace);
  });

  struct ListArgs {
    std::string db;
    Format format = Format::kTable;
  };
  auto list_args = std::make_shared<ListArgs>();
  CLI::App* list = study->add_subcommand("list", "List the studies in a database");
  list->add_option("--db", list_args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  AddFormatOption(list, list_args->format);
  list->callback(
      [list_args, &exit_code] { exit_code = RunStudyList(list_args->db, list_args->format); });

  AddStudyDelete(*study, exit_code);

  struct QuestionnaireArgs {
    std::string file;
    std::string channel;
    std::string language;
  };
  auto questionnaire_args = std::make_shared<QuestionnaireArgs>();
  CLI::App* questionnaire = study->add_subcommand(
      "questionnaire",
      "Print, as JSON, the questionnaire a shopper's phone is sent for one channel: labels, "
      "types, ranges, options and when each question is asked (asked_when)");
  questionnaire->add_option("file", questionnaire_args->file, "Study YAML file")
      ->required()
      ->check(CLI::ExistingFile);
  questionnaire
      ->add_option("--channel", questionnaire_args->channel, "phone, email_form, chat or messenger")
      ->required();
  questionnaire->add_option("--language", questionnaire_args->language,
                            "One of the study's languages (default: its first)");
  questionnaire->callback([questionnaire_args, &exit_code] {
    exit_code = RunStudyQuestionnaire(questionnaire_args->file, questionnaire_args->channel,
                                      questionnaire_args->language);
  });
}

void AddDemoCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DemoArgs>();
  CLI::App* command = app.add_subcommand(
      "demo",
      "Generate a realistic synthetic benchmark study (deterministic for a seed), plan it with "
      "the fieldwork planner, simulate the answers, store it and "
      "print a summary");
  command->add_option("--db", args->db, "SQLite database file (created if absent)")
      ->capture_default_str();
  command->add_option("--seed", args->options.seed, "Random seed")->capture_default_str();
  command->add_option("--participants", args->options.participants, "Customer centres")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  command->add_option("--shoppers", args->options.shoppers, "Mystery shoppers")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  command->add_flag("--replace", args->replace, "Replace a demo study already in the database");
  command
      ->add_option("--open", args->open,
                   "Leave each shopper's last N contacts still to do (for the web app's demo)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  command->add_flag("--no-fieldwork", args->no_fieldwork,
                    "Store the study and the shopper pool only (no plan, no answers), for "
                    "cxbench plan");
  AddFormatOption(command, args->format);
  command->callback([args, &exit_code] { exit_code = RunDemo(*args); });
}

void AddResultsCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ResultsArgs>();
  CLI::App* command = app.add_subcommand(
      "results",
      "Results of a study: total result (unanswered contacts at 0), score over answered contacts, "
      "agent score, 95% bootstrap intervals, ranks and winners per industry, CX beside the score. "
      "Rules: docs/scoring.md");
  command->add_option("--db", args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--study", args->study,
                      "Study id (may be left out when the database holds one)");
  command->add_option("--industry", args->industry, "Only this industry");
  command->add_option("--channel", args->channel,
                      "Only contacts on this channel: phone, email_form, chat, messenger");
  AddFormatOption(command, args->format);
  command->add_option("--resamples", args->resamples, "Bootstrap resamples (0 = no intervals)")
      ->capture_default_str();
  command->add_option("--seed", args->seed, "Bootstrap seed: the same seed gives the same numbers")
      ->capture_default_str();
  command->add_flag("--winners", args->winners,
                    "Print only each industry's winner, and whether it is clear");
  command->callback([args, &exit_code] { exit_code = RunResults(*args); });
}

void AddExportCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* command = app.add_subcommand(
      "export",
      "Export one row per contact with every answer, timestamp and label: CSV, Excel (a sheet per "
      "table: contacts, variables, participants) or SPSS .sav with variable and value labels");
  command->add_option("--db", args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--study", args->study, "Study id (default: the only study in the database)");
  command->add_option("--format", args->format, "File format: csv, xlsx or sav")
      ->required()
      ->check(CLI::IsMember({"csv", "xlsx", "sav"}));
  command->add_option("--out", args->out, "Output file (- : standard output)")->required();
  command->add_option("--language", args->language, "Label language (default: the study's first)");
  command->callback([args, &exit_code] { exit_code = RunExport(*args); });
}

void AddReportCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* command = app.add_subcommand("report",
                                         "Participant reports as PDF or self-contained HTML (one "
                                         "participant, or --all with the public ranking)");
  command->add_option("--db", args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--study", args->study, "Study id (default: the only study in the database)");
  command->add_option("--participant", args->participant, "The participant to report on");
  command->add_flag("--all", args->all,
                    "Every participant, plus the public ranking (ranking.pdf|html)");
  command->add_option("--format", args->format, "pdf or html")
      ->capture_default_str()
      ->check(CLI::IsMember({"pdf", "html"}));
  command
      ->add_option("--out", args->out,
                   "Output file (--participant; - : standard output) or folder (--all)")
      ->required();
  command->add_option("--language", args->language, "nb or en (default: each participant's own)")
      ->check(CLI::IsMember({"nb", "en"}));
  command->add_option("--jobs", args->jobs,
                      "Reports printed at once (default: the number of cores)");
  command->add_option("--resamples", args->resamples, "Bootstrap resamples")->capture_default_str();
  command->callback([args, &exit_code] { exit_code = RunReport(*args); });
}

void AddPlanCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<PlanArgs>();
  CLI::App* plan = app.add_subcommand(
      "plan",
      "Make the fieldwork plan of a benchmark study: contacts, times, scenarios and shoppers, "
      "optimised under every hard constraint (see docs/planning.md); subcommands check, repair, "
      "export");
  plan->require_subcommand(0, 1);
  plan->add_option("--db", args->db, "SQLite database file with the study and the shopper pool")
      ->check(CLI::ExistingFile);
  plan->add_option("--study", args->study, "Study id (default: the only study in the database)");
  plan->add_option("--seed", args->seed, "Breaks ties between equally good shoppers")
      ->capture_default_str();
  plan->add_option("--actor", args->actor, "Who makes the plan, for the change log")
      ->capture_default_str();
  AddFormatOption(plan, args->format);
  plan->callback([plan, args, &exit_code] {
    if (plan->get_subcommands().empty()) exit_code = RunPlan(*args);
  });

  AddPlanCheckCommand(plan, exit_code);

  auto repair_args = std::make_shared<RepairArgs>();
  CLI::App* repair = plan->add_subcommand(
      "repair",
      "Re-plan what is not yet done (a dropped shopper's planned contacts, failed contacts, "
      "a participant whose channels changed), "
      "keeping what is done or under way and every hard constraint; every change is logged");
  repair->add_option("--db", repair_args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  repair->add_option("--study", repair_args->study, "Study id (default: the only study)");
  repair->add_option("--drop-shopper", repair_args->dropped,
                     "A shopper who left: their planned contacts move (repeatable)");
  repair->add_option("--actor", repair_args->actor, "Who repairs, for the change log")
      ->capture_default_str();
  AddFormatOption(repair, repair_args->format);
  repair->callback([repair_args, &exit_code] { exit_code = RunRepair(*repair_args); });

  auto export_args = std::make_shared<PlanExportArgs>();
  CLI::App* exporter = plan->add_subcommand(
      "export",
      "Each shopper's list: date, time window, company, channel, scenario with its script");
  exporter->add_option("--db", export_args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  exporter->add_option("--study", export_args->study, "Study id (default: the only study)");
  exporter->add_option("--format", export_args->format, "csv or xlsx")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "xlsx"}));
  exporter->add_option("--out", export_args->out, "Output file (- : standard output)")->required();
  exporter->add_option("--language", export_args->language,
                       "Language of titles and scripts (default: the study's first)");
  exporter->callback([export_args, &exit_code] { exit_code = RunPlanExport(*export_args); });
}

void AddPlanCheckCommand(CLI::App* plan, int& exit_code) {
  auto args = std::make_shared<PlanCheckArgs>();
  CLI::App* check = plan->add_subcommand("check",
                                         "Re-verify every hard constraint of the stored plan and "
                                         "print each violation; exit 0 only when all hold "
                                         "(see docs/planning.md)");
  check->add_option("--db", args->db, "SQLite database file")->required()->check(CLI::ExistingFile);
  check->add_option("--study", args->study, "Study id (default: the only study in the database)");
  AddFormatOption(check, args->format);
  check->callback([args, &exit_code] { exit_code = RunPlanCheck(*args); });
}

void AddShopperCommands(CLI::App& app, int& exit_code) {
  CLI::App* shoppers = app.add_subcommand("shoppers", "The mystery shopper pool");
  shoppers->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  CLI::App* import = shoppers->add_subcommand(
      "import",
      "Add or update shoppers from CSV or from the first worksheet of an .xlsx (a header row "
      "naming id, name, age_band, gender, region, languages, channels, max_per_week, away_dates; "
      "see docs/planning.md). All or nothing: any error imports no shopper");
  import->add_option("--db", args->db, "SQLite database file (created if absent)")->required();
  import
      ->add_option("file,--file", args->file,
                   "The pool: .xlsx (first worksheet; away dates as dates or text) or else CSV")
      ->required()
      ->check(CLI::ExistingFile);
  import->callback([args, &exit_code] { exit_code = RunImport(*args);
});
}  // namespace cx::cli

void AddParticipantCommands(CLI::App& app, int& exit_code) {
  CLI::App* participant =
      app.add_subcommand("participant", "A participant (customer centre) of a stored study");
  participant->require_subcommand(1);
  auto args = std::make_shared<ChannelsArgs>();
  CLI::App* channels = participant->add_subcommand(
      "channels",
      "Show or change the channels a participant offers (its channel audit). A change is checked "
      "against the study and the fieldwork done, logged (who, when, old, new), and leaves the "
      "plan to `cxbench plan repair`");
  channels->add_option("--db", args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  channels->add_option("--study", args->study, "Study id (default: the only study)");
  channels->add_option("--participant", args->participant, "Participant id")->required();
  CLI::Option* offers =
      channels
          ->add_option("--offers", args->offers,
                       "The study's channels it now offers, comma-separated (phone, email_form, "
                       "chat, messenger); without it, print the channels it offers")
          ->delimiter(',')
          ->allow_extra_args(false);
  channels->add_option("--actor", args->actor, "Who makes the change, for the change log")
      ->capture_default_str();
  channels->add_option("--reason", args->reason, "Why, for the change log")->capture_default_str();
  channels->callback(
      [args, offers, &exit_code] { exit_code = RunChannels(*args, offers->count() > 0); });
}

void AddCheckCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DatabaseCheckArgs>();
  CLI::App* command = app.add_subcommand(
      "check",
      "List every corrupt row of a database (table, row, field, what was expected): exit 1 when "
      "there is one, 0 and \"no corrupt rows\" otherwise");
  command->add_option("--db", args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  AddFormatOption(command, args->format);
  command->callback([args, &exit_code] { exit_code = RunCheck(*args); });
}

void AddQaCommands(CLI::App& app, int& exit_code) {
  CLI::App* qa = app.add_subcommand("qa", "Quality assurance of the submitted reports");
  qa->require_subcommand(1);
  auto args = std::make_shared<QaFlagsArgs>();
  CLI::App* flags = qa->add_subcommand(
      "flags",
      "List the automatic QA flags of every submitted or approved report, each with its reason "
      "(docs/quality-flags.md)");
  flags->add_option("--db", args->db, "SQLite database file")->required()->check(CLI::ExistingFile);
  flags->add_option("--study", args->study, "Study id (default: the only study in the database)");
  flags->add_option("--flag", args->code, "Only this flag (e.g. contradiction, repeated_comment)");
  flags
      ->add_option("--language", args->language,
                   "Language of the messages: nb, sv, da or en (default: the study's first)")
      ->check(CLI::IsMember({"nb", "sv", "da", "en"}));
  AddFormatOption(flags, args->format);
  flags->callback([args, &exit_code] { exit_code = RunQaFlags(*args); });
}

void AddServeCommands(CLI::App& app, int& exit_code) {
  auto serve_args = std::make_shared<ServeArgs>();
  CLI::App* serve = app.add_subcommand(
      "serve",
      "Serve the web app and the JSON API (/api/v1, OpenAPI at /api/v1/openapi.json) over a "
      "study's database. Stops on Ctrl-C or SIGTERM.");
  serve
      ->add_option("--db", serve_args->db,
                   "The SQLite database; evidence files (recordings, screenshots) are kept beside "
                   "it, in DB.evidence/")
      ->required();
  serve->add_option("--study", serve_args->study, "The study (default: the only one)");
  serve->add_option("--listen", serve_args->listen, "HOST:PORT to listen on (PORT 0: any)")
      ->capture_default_str();
  serve->add_option("--web", serve_args->web_dir, "The built front end (web/dist)")
      ->capture_default_str();
  serve->add_option("--public-url", serve_args->public_url,
                    "The address users open the app at, for invitation links, e.g. "
                    "https://cxbench.example.no (default: http:// and the address bound)");
  serve
      ->add_option("--resamples", serve_args->resamples,
                   "Bootstrap resamples for the results pages")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  serve->add_flag("--trust-proxy", serve_args->trust_proxy,
                  "Behind a reverse proxy: trust its X-Forwarded-Proto (https: Secure cookies)");
  serve->callback([serve_args, &exit_code] { exit_code = RunServe(*serve_args); });
}

void AddUserCommands(CLI::App& app, int& exit_code) {
  CLI::App* user = app.add_subcommand("user", "Accounts of the web app");
  user->require_subcommand(1);
  auto user_args = std::make_shared<UserArgs>();
  CLI::App* add = user->add_subcommand(
      "add",
      "Add an account; the password is hashed with argon2id. Roles: admin, manager, "
      "shopper (--shopper ID of the pool), participant (--participant ID)");
  add->add_option("--db", user_args->db, "The SQLite database")->required();
  add->add_option("--email", user_args->email, "The e-mail address, used to log in")->required();
  add->add_option("--role", user_args->role, "admin | manager | shopper | participant")->required();
  add->add_option("--name", user_args->name, "The name shown in the app (default: the e-mail)");
  add->add_option("--shopper", user_args->shopper, "Role shopper: the shopper's id in the pool");
  add->add_option("--participant", user_args->participant,
                  "Role participant: the participant it may see");
  add->add_option("--study", user_args->study, "Role participant: the study (default: the only)");
  add->add_option("--language", user_args->language,
                  "The app's language for the account: nb | sv | da | en")
      ->capture_default_str();
  auto* password = add->add_option("--password", user_args->password,
                                   "The password (at least 8 characters, not a common one; visible "
                                   "to other users of this machine: prefer "
                                   "--password-stdin)");
  auto* from_stdin = add->add_flag("--password-stdin", user_args->password_stdin,
                                   "Read the password from the first line of standard input");
  password->excludes(from_stdin);
  add->callback([user_args, &exit_code] { exit_code = RunUserAdd(*user_args); });
}

}  // namespace cx::cli
