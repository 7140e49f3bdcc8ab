#include "kpi/fcr_owner.h"

namespace cx::kpi {

FcrOwner::FcrOwner(int reports, int64_t window_s)
    : reports_(reports),
      window_s_(window_s),
      table_(reports),
      opened_(static_cast<size_t>(reports)),
      resolved_(static_cast<size_t>(reports)) {}

// The rules of docs/kpi.md, "FCR": an answered contact opens an episode when
// its key had no contact in the window before it (gaps are to the contact
// read before); an opener is resolved when the key's next contact comes more
// than the window after it, or never.
void FcrOwner::Apply(const FcrBatch& batch) {
  const size_t stride = 5 + static_cast<size_t>(reports_);
  const uint32_t* words = batch.words.data();
  const size_t count = batch.words.size() / stride;
  // Entries are random accesses into a table larger than the caches: start
  // loading the one kAhead updates on while this one is applied.
  constexpr size_t kAhead = 16;
  for (size_t index = 0; index < count && index < kAhead; ++index) {
    const uint32_t* ahead = words + index * stride;
    table_.Prefetch(HashAOf(ahead), ahead[2]);
  }
  for (size_t index = 0; index < count; ++index) {
    if (index + kAhead < count) {
      const uint32_t* ahead = words + (index + kAhead) * stride;
      table_.Prefetch(HashAOf(ahead), ahead[2]);
    }
    const uint32_t* update = words + index * stride;
    const uint32_t time = update[3];
    const bool answered = update[4] != 0;
    const uint32_t* refs = update + 5;
    bool inserted = false;
    uint32_t* entry = table_.FindOrInsert(HashAOf(update), update[2], inserted);
    uint32_t* pending = entry + 4;
    if (inserted) {
      entry[3] = time;
      if (answered) {
        for (int report = 0; report < reports_; ++report) {
          Credit(opened_[report], refs[report]);
          pending[report] = refs[report];
        }
      } else {
        for (int report = 0; report < reports_; ++report) pending[report] = kNoBucket;
      }
      continue;
    }
    const int64_t gap = static_cast<int64_t>(time) - entry[3];
    if (gap < 0) ++out_of_order_;
    if (pending[0] != kNoBucket) {
      if (gap > window_s_) {
        for (int report = 0; report < reports_; ++report)
          Credit(resolved_[report], pending[report]);
      }
      for (int report = 0; report < reports_; ++report) pending[report] = kNoBucket;
    }
    if (gap > window_s_ && answered) {
      for (int report = 0; report < reports_; ++report) {
        Credit(opened_[report], refs[report]);
        pending[report] = refs[report];
      }
    }
    entry[3] = time;
  }
}

void FcrOwner::Finish() {
  table_.Drain([this](const uint32_t* entry) {
    const uint32_t* pending = entry + 4;
    if (pending[0] == kNoBucket) return;
    for (int report = 0; report < reports_; ++report) Credit(resolved_[report], pending[report]);
  });
}

}  // namespace cx::kpi
