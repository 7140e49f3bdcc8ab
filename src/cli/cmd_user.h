#pragma once
// `cxbench user`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>

namespace cx::cli {

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

int RunUserAdd(const UserArgs& args);

}  // namespace cx::cli
