// A contact CSV's mapping file (YAML or JSON) as `cxbench kpi --format csv
// --mapping FILE` loads it (LoadMapping on the input as the file); a mapping
// that loads is then used on a small contact CSV, with its time zone as the
// command would take it. Properties: no crash; an error names the file; and
// kpi_support.h for the run.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/kpi_support.h"

namespace {

// A few contacts under the default column names and the names the seeds of
// fuzz/corpus/kpi_mapping_fuzz rename them to (Start, Answer, End, Skill,
// ACW), with ';' and ',' both in the lines.
constexpr char kContacts[] =
    "contact_id,channel,queue,customer_id,case_id,offered,answered,ended,hold_s,wrap_s,agent,"
    "outcome,Skill,Start,Answer,End,ACW\n"
    "1,voice,sales,u1,,2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,"
    "2026-02-02T08:05:10+01:00,20,30,ann,resolved,billing,2026-02-02 08:00:00,"
    "2026-02-02 08:00:10,2026-02-02 08:01:00,5\n"
    "2,chat,sales;north,u2,c2,2026-02-02T08:01:00+01:00,,2026-02-02T08:01:03+01:00,0,0,,,"
    "billing;x,2026-02-02 08:01:00,,2026-02-02 08:01:30,\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = cx::fuzz::WriteTemp(data, size, "mapping.yaml");
  auto mapping = cx::kpi::LoadMapping(path);
  if (!mapping) {
    if (mapping.error().ToString().find(path) == std::string::npos) {
      cx::fuzz::Fail("an error that does not name the file", mapping.error().ToString());
    }
    return 0;
  }
  const std::string csv = cx::fuzz::WriteTemp(reinterpret_cast<const uint8_t*>(kContacts),
                                              sizeof kContacts - 1, "mapped.csv");
  cx::kpi::Options options = cx::fuzz::KpiOptions();
  if (!mapping->time_zone.empty()) options.time_zone = mapping->time_zone;
  cx::fuzz::CheckRun(cx::kpi::RunContactCsv(csv, *mapping, options, 1));
  return 0;
}
