#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace cx::cli {
namespace {

// "45 s", "3 min 20 s", "1 h 05 min": seconds rounded up, so "0 s" never
// shows while work is left.
std::string TimeLeft(double seconds) {
  const auto total = static_cast<int64_t>(std::ceil(std::max(0.0, seconds)));
  char text[48];
  if (total < 60) {
    std::snprintf(text, sizeof text, "%lld s", static_cast<long long>(total));
  } else if (total < 3600) {
    std::snprintf(text, sizeof text, "%lld min %02lld s", static_cast<long long>(total / 60),
                  static_cast<long long>(total % 60));
  } else {
    std::snprintf(text, sizeof text, "%lld h %02lld min", static_cast<long long>(total / 3600),
                  static_cast<long long>(total % 3600 / 60));
  }
  return text;
}

std::string Amount(int64_t units, ProgressUnit unit) {
  if (unit == ProgressUnit::kItems) return std::to_string(units);
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(units) / 1e6);
  return text;
}

}  // namespace

std::string ProgressLine(const std::string& label, int64_t done, int64_t total,
                         double elapsed_seconds, int width, ProgressUnit unit) {
  const int64_t clamped = std::clamp<int64_t>(done, 0, std::max<int64_t>(total, 0));
  const double fraction = total > 0 ? static_cast<double>(clamped) / static_cast<double>(total) : 1;
  const auto filled = static_cast<int>(std::floor(fraction * width));
  std::string line = label + " [" + std::string(static_cast<size_t>(filled), '#') +
                     std::string(static_cast<size_t>(width - filled), '.') + "] " +
                     Amount(clamped, unit) + "/" + Amount(total, unit) +
                     (unit == ProgressUnit::kBytes ? " MB " : " ") +
                     std::to_string(static_cast<int>(std::floor(fraction * 100))) + " %";
  if (clamped > 0 && clamped < total) {
    // The pace so far, kept for the rest: elapsed * (total - done) / done.
    const double left =
        elapsed_seconds * static_cast<double>(total - clamped) / static_cast<double>(clamped);
    line += ", about " + TimeLeft(left) + " left";
  }
  return line;
}

Progress::Progress(std::string label, int64_t total, ProgressUnit unit)
    : label_(std::move(label)),
      total_(total),
      unit_(unit),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {
  std::lock_guard<std::mutex> lock(mutex_);
  Draw();
}

Progress::~Progress() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  Draw();
  std::cerr << "\n";
}

void Progress::Advance(int64_t units) {
  std::lock_guard<std::mutex> lock(mutex_);
  done_ += units;
  const auto now = std::chrono::steady_clock::now();
  if (done_ >= total_ || now - drawn_ >= std::chrono::milliseconds(100)) Draw();
}

void Progress::Reach(int64_t done) {
  std::lock_guard<std::mutex> lock(mutex_);
  done_ = done;
  const auto now = std::chrono::steady_clock::now();
  if (done_ >= total_ || now - drawn_ >= std::chrono::milliseconds(100)) Draw();
}

void Progress::Draw() {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  drawn_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // \r and "erase to the end of the line": each draw replaces the last.
  std::cerr << "\r" << ProgressLine(label_, done_, total_, elapsed, 30, unit_) << "\033[K"
            << std::flush;
}

}  // namespace cx::cli
