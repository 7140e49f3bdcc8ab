#pragma once
// The KPI sums of a source read in one thread (queue_log, CDR): one bucket
// per group and interval in every report of the run, and FCR per case (or
// customer). Memory grows with groups and customers, never with the number
// of contacts. The contact CSV, read by several threads, drives Buckets and
// FcrOwner itself (csv_source.cc).
//
// Thread-safety: none.

#include <cstdint>
#include <string_view>
#include <vector>

#include "kpi/buckets.h"
#include "kpi/fcr_owner.h"
#include "kpi/kpi.h"
#include "kpi/local_time.h"

namespace cx::kpi {

class Aggregator {
 public:
  Aggregator(const Options& options, const date::time_zone* zone);

  void Add(const Interaction& contact);
  // See Buckets::AddAgentTime.
  void AddAgentTime(std::string_view queue, std::string_view agent, std::string_view channel,
                    int64_t begin, int64_t end, bool busy) {
    buckets_.AddAgentTime(queue, agent, channel, begin, end, busy);
  }
  // The rows of every report (the first, then Options::more_reports).
  std::vector<std::vector<Row>> Finish();

  // After Finish(): contacts of a case or customer read after a later
  // contact of the same key (FCR takes them in the order read, docs/kpi.md).
  int64_t fcr_out_of_order() const { return owner_.out_of_order(); }
  // Contacts offered before 1970 or after 2106: left out of FCR.
  int64_t fcr_out_of_range() const { return buckets_.fcr_out_of_range(); }
  ZoneClock& clock() { return buckets_.clock(); }

 private:
  Options options_;
  const date::time_zone* zone_;
  Buckets buckets_;
  FcrOwner owner_;
  FcrBatch batch_;  // applied in batches, so the owner can prefetch ahead
};

}  // namespace cx::kpi
