// Robustness of the study reader against damaged files: a seeded sweep of
// byte mutations of the shipped example, run under AddressSanitizer and
// UBSan in `make test`. GCC has no libFuzzer, so this stands in for a fuzzer
// in CI; every mutant must give either a study or errors that point into
// the file, never a crash or a hang.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>

#include "study/study_reader.h"

namespace cx::study {
namespace {

std::string Example() {
  std::ifstream in("examples/kundeserviceprisen.yaml", std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// splitmix64: a fixed sequence, so a failure reproduces.
uint64_t Next(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

TEST(StudyReaderMutation, DamagedFilesNeverCrashAndErrorsPointIntoTheFile) {
  const std::string original = Example();
  ASSERT_FALSE(original.empty());
  const int lines = static_cast<int>(std::count(original.begin(), original.end(), '\n')) + 1;
  // Bytes that matter to YAML's structure, plus a UTF-8 lead byte.
  const std::string alphabet = ":-[]{},\"'#\n \t|>&*!%@`0aZ\xC3";
  uint64_t state = 20261122;
  int with_errors = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text = original;
    const int edits = 1 + static_cast<int>(Next(state) % 4);
    for (int edit = 0; edit < edits; ++edit) {
      const size_t at = Next(state) % text.size();
      switch (Next(state) % 4) {
        case 0:  // replace a byte
          text[at] = alphabet[Next(state) % alphabet.size()];
          break;
        case 1:  // delete a run
          text.erase(at, 1 + Next(state) % 40);
          break;
        case 2:  // insert a byte
          text.insert(text.begin() + static_cast<long>(at),
                      alphabet[Next(state) % alphabet.size()]);
          break;
        default:  // truncate
          text.resize(at);
          break;
      }
      if (text.empty()) text = "x";
    }
    const auto outcome = ReadStudyText(text, "mutant.yaml");
    EXPECT_EQ(outcome.study.has_value(), outcome.errors.empty()) << "round " << round;
    with_errors += outcome.errors.empty() ? 0 : 1;
    for (const auto& error : outcome.errors) {
      EXPECT_GE(error.line, 1) << "round " << round << ": " << error.ToString();
      EXPECT_LE(error.line, lines + 1) << "round " << round << ": " << error.ToString();
      EXPECT_GE(error.column, 1) << "round " << round << ": " << error.ToString();
      EXPECT_FALSE(error.message.empty()) << "round " << round;
    }
  }
  // The sweep must exercise the error paths, not just survive.
  EXPECT_GT(with_errors, 200);
}

}  // namespace
}  // namespace cx::study
