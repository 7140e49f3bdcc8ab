// Asterisk's CDR CSV (cdr_csv's Master.csv) as `cxbench kpi --format cdr
// FILE` reads it (RunCdr on the input as the file). Properties:
// kpi_support.h.
#include <cstddef>
#include <cstdint>

#include "fuzz/kpi_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = cx::fuzz::WriteTemp(data, size, "Master.csv");
  cx::fuzz::CheckRun(cx::kpi::RunCdr(path, cx::fuzz::KpiOptions()));
  return 0;
}
