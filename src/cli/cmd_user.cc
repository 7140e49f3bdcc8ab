// cxbench user add: an account for the web app.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/study_selection.h"
#include "server/accounts.h"

namespace cx::cli {
namespace {

struct UserArgs {
  std::string db;
  std::string email;
  std::string name;
  std::string role;
  std::string shopper;
  std::string participant;
  std::string study;
  std::string language = "nb";
  std::string password;
  bool password_stdin = false;
};

int AddUser(const UserArgs& args) {
  auto opened = store::OpenSqlite(args.db);
  if (!opened) return ReportError(opened.error());
  auto& store = *opened.value();
  domain::Account account;
  account.email = args.email;
  account.name = args.name;  // empty: the e-mail (server::PrepareAccountFields)
  auto role = domain::ParseRole(args.role);
  if (!role) {
    return ReportError(
        InvalidInput("admin, manager, shopper or participant is expected", "--role"));
  }
  account.role = *role;
  account.language = args.language;
  account.shopper_id = args.shopper;
  if (account.role == domain::Role::kParticipant) {
    auto study_id = ResolveStudyId(store, args.study);
    if (!study_id) return ReportError(study_id.error());
    account.study_id = study_id.value();
    account.participant_id = args.participant;
  }
  std::string password = args.password;
  if (args.password_stdin) std::getline(std::cin, password);
  auto id = server::AddAccount(store, account, password);
  if (!id) {
    Error error = id.error();
    if (!error.where.empty()) error.where = "--" + error.where;
    return ReportError(error);
  }
  std::cout << "added " << args.role << " " << domain::NormalizeEmail(account.email) << " (account "
            << id.value() << ")\n";
  return kExitOk;
}

}  // namespace

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
  add->add_option("--language", user_args->language, "nb | en")->capture_default_str();
  auto* password = add->add_option("--password", user_args->password,
                                   "The password (at least 8 characters, not a common one; visible "
                                   "to other users of this machine: prefer "
                                   "--password-stdin)");
  auto* from_stdin = add->add_flag("--password-stdin", user_args->password_stdin,
                                   "Read the password from the first line of standard input");
  password->excludes(from_stdin);
  add->callback([user_args, &exit_code] { exit_code = AddUser(*user_args); });
}

}  // namespace cx::cli
