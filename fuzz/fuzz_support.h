#pragma once
// What the fuzz targets of fuzz/ share: the input as a temporary file (for
// the parsers that read a path, as the CLI does), a UTF-8 check for what a
// parser accepted, and how a broken property is reported (abort, so that
// libFuzzer keeps the input as a crash).

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

namespace cx::fuzz {

// A property the code under test promises was broken: libFuzzer saves the
// input (crash-...) and the run fails.
[[noreturn]] inline void Fail(std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "cxbench fuzz: %.*s%s%.*s\n", static_cast<int>(what.size()), what.data(),
               detail.empty() ? "" : ": ", static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Whether to check `property` ("utf8", ...): every property is checked
// unless CXBENCH_FUZZ_SKIP names it (a comma-separated list), so that a long
// run can look past a class of bug that is known and pending (docs/fuzzing.md).
inline bool Checking(std::string_view property) {
  const char* skip = std::getenv("CXBENCH_FUZZ_SKIP");
  if (skip == nullptr) return true;
  const std::string list = std::string(",") + skip + ",";
  return list.find("," + std::string(property) + ",") == std::string::npos;
}

// The input written to a file of this process (one per `name`, rewritten
// each time): the parsers that read a path read it as they read a user's file.
inline std::string WriteTemp(const uint8_t* data, size_t size, const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  const std::string path = std::string(dir && *dir ? dir : "/tmp") + "/cxbench-fuzz-" +
                           std::to_string(::getpid()) + "-" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) Fail("cannot write the temporary file", path);
  return path;
}

// Whether `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF).
inline bool IsUtf8(std::string_view text) {
  size_t index = 0;
  while (index < text.size()) {
    const auto byte = static_cast<unsigned char>(text[index]);
    size_t length = 0;
    uint32_t code = 0;
    if (byte < 0x80) {
      ++index;
      continue;
    } else if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
      code = byte & 0x1F;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      code = byte & 0x0F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (index + length > text.size()) return false;
    for (size_t offset = 1; offset < length; ++offset) {
      const auto next = static_cast<unsigned char>(text[index + offset]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)) ||
        (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    index += length;
  }
  return true;
}

}  // namespace cx::fuzz
