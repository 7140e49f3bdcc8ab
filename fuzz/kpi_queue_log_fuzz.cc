// Asterisk's queue_log as `cxbench kpi --format queue_log FILE` reads it
// (RunQueueLog on the input as the file). Properties: kpi_support.h
// (no crash, leak or timeout; names UTF-8; counts that add up).
#include <cstddef>
#include <cstdint>

#include "fuzz/kpi_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = cx::fuzz::WriteTemp(data, size, "queue_log");
  cx::fuzz::CheckRun(cx::kpi::RunQueueLog(path, cx::fuzz::KpiOptions()));
  return 0;
}
