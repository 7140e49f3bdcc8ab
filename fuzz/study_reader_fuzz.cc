// The study YAML of `cxbench study check` and `study load`: the reader and
// the validator (ReadStudyText runs both) on the input as the file's text.
// Properties: no crash or sanitizer report; a study is returned iff there is
// no diagnostic; every diagnostic points at a line and column of the file;
// a study is accepted only from well-formed UTF-8 (issue 12: a Latin-1 byte
// that passed the check gave every user of the web app a 500).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "study/study_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const cx::study::ReadOutcome outcome = cx::study::ReadStudyText(text, "fuzz.yaml");
  if (outcome.study.has_value() == !outcome.errors.empty()) {
    cx::fuzz::Fail("a study must be returned iff there are no diagnostics");
  }
  for (const auto& error : outcome.errors) {
    if (error.line < 1 || error.column < 1 || error.message.empty()) {
      cx::fuzz::Fail("a diagnostic without a place or a message", error.ToString());
    }
  }
  if (outcome.study && cx::fuzz::Checking("utf8") && !cx::fuzz::IsUtf8(text)) {
    cx::fuzz::Fail("a study was accepted from text that is not UTF-8");
  }
  return 0;
}
