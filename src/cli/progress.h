#pragma once
// A progress bar for long commands (`report --all`, `demo`, `plan`, `kpi`): drawn
// on standard error with an estimate of the time left when standard error is
// a terminal, silent otherwise (pipes, files, CI logs and the tests see
// nothing). Debian 12 packages no C++ progress-bar library (indicators,
// tqdm-cpp, progressbar and the like are not in bookworm), and the project
// installs only Debian packages: hence this small helper of our own.
//
// Thread-safe: workers may call Advance() at once.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace cx::cli {

// One line of the bar: "LABEL [#####.....] DONE/TOTAL PERCENT %, about
// TIME left" (no estimate before anything is done, nor once all is), the
// bar `width` characters wide. The time left is elapsed * (total - done) /
// done, as "45 s", "3 min 20 s" or "1 h 05 min". Bytes show as
// "DONE/TOTAL MB" with one decimal (a log of 3.2 GB reads "812.4/3200.0 MB").
enum class ProgressUnit { kItems, kBytes };
std::string ProgressLine(const std::string& label, int64_t done, int64_t total,
                         double elapsed_seconds, int width = 30,
                         ProgressUnit unit = ProgressUnit::kItems);

class Progress {
 public:
  // `total` units of work (participants, phases, bytes of a log); drawn only
  // when standard error is a terminal.
  Progress(std::string label, int64_t total, ProgressUnit unit = ProgressUnit::kItems);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  // Ends the line (the bar stays on screen, at its last state).
  ~Progress();

  // `units` more done; redraws at most ten times a second and at the end.
  void Advance(int64_t units = 1);
  // All of `done` units done so far (a reader that knows its offset).
  void Reach(int64_t done);

  bool enabled() const { return enabled_; }

 private:
  void Draw();  // holds mutex_

  const std::string label_;
  const int64_t total_;
  const ProgressUnit unit_;
  const bool enabled_;
  const std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  int64_t done_ = 0;                               // guarded by mutex_
  std::chrono::steady_clock::time_point drawn_{};  // guarded by mutex_
};

}  // namespace cx::cli
