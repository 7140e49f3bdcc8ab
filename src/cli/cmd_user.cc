// cxbench user add: an account for the web app.
#include "cli/cmd_user.h"

#include <iostream>
#include <memory>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "server/accounts.h"

namespace cx::cli {

int RunUserAdd(const UserArgs& args) {
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

}  // namespace cx::cli
