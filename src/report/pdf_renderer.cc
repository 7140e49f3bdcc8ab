#include "report/pdf_renderer.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "core/file_commit.h"

extern char** environ;

namespace cx::report {

std::string ChromiumPath() {
  const char* configured = std::getenv("CXBENCH_CHROMIUM");
  return configured && *configured ? configured : "/usr/bin/chromium";
}

Status RenderPdf(const std::string& html_path, const std::string& pdf_path, int timeout_seconds) {
  namespace fs = std::filesystem;
  const std::string chromium = ChromiumPath();
  if (access(chromium.c_str(), X_OK) != 0) {
    return IoError(
        "Chromium is needed to print PDF and was not found (run `make setup`, or set "
        "CXBENCH_CHROMIUM)",
        chromium);
  }
  std::error_code error;
  const fs::path html = fs::absolute(html_path, error);
  if (error || !fs::exists(html)) return IoError("no such HTML file", html_path);
  char profile_template[] = "/tmp/cxbench-chromium-XXXXXX";
  if (!mkdtemp(profile_template)) return IoError("cannot make a temporary Chromium profile");
  const std::string profile = profile_template;
  const std::string temporary = TemporaryPathFor(pdf_path);

  // The flags keep Chromium off the network (closed here) and out of the user's profile.
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-extensions",
                                   "--user-data-dir=" + profile,
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + temporary,
                                   "file://" + html.string()};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Its own process group, so a timeout can stop Chromium's helper processes too.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, chromium.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  auto cleanup = [&] { fs::remove_all(profile, error); };
  if (spawned != 0) {
    cleanup();
    return IoError("cannot start Chromium", chromium);
  }

  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      cleanup();
      std::remove(temporary.c_str());
      return IoError(
          "Chromium did not finish printing within " + std::to_string(timeout_seconds) + " s",
          html_path);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // any helper process left behind
  cleanup();
  struct stat info {};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || stat(temporary.c_str(), &info) != 0 ||
      info.st_size == 0) {
    std::remove(temporary.c_str());
    return IoError("Chromium could not print the page to PDF", html_path);
  }
  return CommitFile(temporary, pdf_path);
}

}  // namespace cx::report
