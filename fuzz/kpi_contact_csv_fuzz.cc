// A contact CSV with the default mapping, as `cxbench kpi --format csv FILE`
// reads it (RunContactCsv on the input as the file). Properties:
// kpi_support.h, and the run is the same whether one thread reads the file
// whole or two threads read it in chunks of a few bytes (docs/kpi.md,
// "Speed": chunks are merged in file order): every seam is a place a line
// or a quoted field can be cut.
#include <cstddef>
#include <cstdint>

#include "fuzz/kpi_support.h"

namespace {

bool SameRows(const std::vector<cx::kpi::Row>& a, const std::vector<cx::kpi::Row>& b) {
  if (a.size() != b.size()) return false;
  for (size_t index = 0; index < a.size(); ++index) {
    const cx::kpi::Row& x = a[index];
    const cx::kpi::Row& y = b[index];
    if (x.queue != y.queue || x.agent != y.agent || x.channel != y.channel ||
        x.interval_start != y.interval_start || x.offered != y.offered ||
        x.answered != y.answered || x.abandoned != y.abandoned ||
        x.short_abandoned != y.short_abandoned || x.exited != y.exited ||
        x.wait_answered_s != y.wait_answered_s || x.handle_s != y.handle_s ||
        x.transferred != y.transferred || x.fcr_contacts != y.fcr_contacts ||
        x.fcr_resolved != y.fcr_resolved) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = cx::fuzz::WriteTemp(data, size, "contacts.csv");
  cx::kpi::Options whole = cx::fuzz::KpiOptions();
  const auto one = cx::kpi::RunContactCsv(path, cx::kpi::Mapping{}, whole, 1);
  cx::fuzz::CheckRun(one);
  cx::kpi::Options chunked = whole;
  chunked.chunk_bytes = 16;
  const auto two = cx::kpi::RunContactCsv(path, cx::kpi::Mapping{}, chunked, 2);
  cx::fuzz::CheckRun(two);
  if (one.ok() != two.ok()) cx::fuzz::Fail("one thread and two threads disagree on the file");
  if (!one) return 0;
  if (one->contacts != two->contacts || one->lines != two->lines ||
      one->diagnostics.bad_lines != two->diagnostics.bad_lines ||
      one->diagnostics.warnings != two->diagnostics.warnings || !SameRows(one->rows, two->rows) ||
      one->more_rows.size() != two->more_rows.size() ||
      !SameRows(one->more_rows[0], two->more_rows[0])) {
    cx::fuzz::Fail("chunked reading changes the result");
  }
  return 0;
}
