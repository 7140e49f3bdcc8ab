#pragma once
// `cxbench serve`: its arguments as parsed by the CLI (registered in commands_*.cc)
// and the functions that run it; each returns the exit code.

#include <string>

namespace cx::cli {

struct ServeArgs {
  std::string db;
  std::string study;
  std::string listen = "127.0.0.1:8080";
  std::string web_dir = CXBENCH_WEB_DIR;
  std::string public_url;  // empty: from the address bound
  int resamples = 2000;
  bool trust_proxy = false;
};

int RunServe(const ServeArgs& args);

}  // namespace cx::cli
