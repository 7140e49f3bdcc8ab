#include "kpi/aggregator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace cx::kpi {
namespace {

double Ratio(int64_t numerator, int64_t denominator) {
  return denominator > 0 ? static_cast<double>(numerator) / static_cast<double>(denominator)
                         : std::numeric_limits<double>::quiet_NaN();
}

void AddSums(Row& into, const Row& from) {
  into.offered += from.offered;
  into.answered += from.answered;
  into.abandoned += from.abandoned;
  into.short_abandoned += from.short_abandoned;
  into.exited += from.exited;
  into.answered_within += from.answered_within;
  into.abandoned_within += from.abandoned_within;
  into.abandoned_after += from.abandoned_after;
  into.wait_answered_s += from.wait_answered_s;
  into.handle_s += from.handle_s;
  into.longest_wait_s = std::max(into.longest_wait_s, from.longest_wait_s);
  into.transferred += from.transferred;
  into.fcr_contacts += from.fcr_contacts;
  into.fcr_resolved += from.fcr_resolved;
}

}  // namespace

void Diagnostics::Bad(int64_t line, std::string_view why) {
  ++bad_lines;
  if (messages.size() < kMaxMessages) messages.push_back({line, true, std::string(why)});
}

void Diagnostics::Warn(int64_t line, std::string_view why) {
  ++warnings;
  if (messages.size() < kMaxMessages) messages.push_back({line, false, std::string(why)});
}

void Diagnostics::Append(const Diagnostics& later, int64_t line_offset) {
  bad_lines += later.bad_lines;
  warnings += later.warnings;
  for (const Message& message : later.messages) {
    if (messages.size() >= kMaxMessages) break;
    messages.push_back(
        {message.line == 0 ? 0 : message.line + line_offset, message.bad, message.why});
  }
}

const char* SlVariantName(SlVariant variant) {
  switch (variant) {
    case SlVariant::kShortExcluded:
      return "short-excluded";
    case SlVariant::kWithinY:
      return "within-y";
    case SlVariant::kAnsweredOnly:
      return "answered-only";
    case SlVariant::kAllAbandoned:
      return "all-abandoned";
    case SlVariant::kAbandonedAfterY:
      return "abandoned-after-y";
    case SlVariant::kShortAbandonsMet:
      return "short-abandons-met";
  }
  return "";
}

bool ParseSlVariant(std::string_view text, SlVariant& variant) {
  for (int index = 0; index < kSlVariantCount; ++index) {
    const auto candidate = static_cast<SlVariant>(index);
    if (text == SlVariantName(candidate)) {
      variant = candidate;
      return true;
    }
  }
  return false;
}

bool ParseInterval(std::string_view text, IntervalKind& kind) {
  if (text == "15m")
    kind = IntervalKind::k15m;
  else if (text == "30m")
    kind = IntervalKind::k30m;
  else if (text == "1h" || text == "60m")
    kind = IntervalKind::k1h;
  else if (text == "day")
    kind = IntervalKind::kDay;
  else if (text == "week")
    kind = IntervalKind::kWeek;
  else if (text == "month")
    kind = IntervalKind::kMonth;
  else
    return false;
  return true;
}

Aggregator::Aggregator(const Options& options, const date::time_zone* zone)
    : options_(options), clock_(zone), fcr_window_s_(options.fcr_days * 86400) {
  Intern("");  // id 0: not grouped by this dimension, or no name
}

uint32_t Aggregator::Intern(std::string_view name) {
  auto found = ids_.find(name);
  if (found != ids_.end()) return found->second;
  const auto id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(name);
  ids_.emplace(std::string(name), id);
  return id;
}

uint32_t Aggregator::InternCached(std::string_view name, std::string_view& last_name,
                                  uint32_t& last_id) {
  if (name.empty()) return 0;
  if (name == last_name) return last_id;
  last_id = Intern(name);
  // The map's key outlives the caller's buffer: remember that one.
  last_name = ids_.find(name)->first;
  return last_id;
}

Aggregator::Bucket& Aggregator::FindBucket(const BucketKey& key) {
  if (last_bucket_ != nullptr && key == last_key_) return *last_bucket_;
  auto [found, inserted] = buckets_.try_emplace(key);
  Bucket& bucket = found->second;
  if (inserted) {
    bucket.index = static_cast<uint32_t>(bucket_refs_.size());
    bucket_refs_.push_back(&bucket);
  }
  last_key_ = key;
  last_bucket_ = &bucket;
  return bucket;
}

Aggregator::Bucket* Aggregator::Live(Bucket* bucket) {
  while (bucket != nullptr && bucket->merged_into != nullptr) bucket = bucket->merged_into;
  return bucket;
}

void Aggregator::Add(const Contact& contact) {
  BucketKey key;
  key.start = clock_.IntervalStart(static_cast<int>(options_.interval), contact.offered);
  if (options_.by_queue) key.queue = InternCached(contact.queue, last_queue_, last_queue_id_);
  if (options_.by_agent) key.agent = InternCached(contact.agent, last_agent_, last_agent_id_);
  if (options_.by_channel) {
    key.channel = InternCached(contact.channel, last_channel_, last_channel_id_);
  }
  Bucket& bucket = FindBucket(key);
  Row& sums = bucket.sums;
  ++sums.offered;
  const int64_t wait = contact.wait_s;
  switch (contact.outcome) {
    case Outcome::kAnswered:
      ++sums.answered;
      sums.wait_answered_s += wait;
      sums.answered_within += wait <= options_.sl_seconds;
      sums.handle_s += contact.handle_s;
      sums.transferred += contact.transferred;
      break;
    case Outcome::kAbandoned:
      if (wait < options_.short_abandon_s) {
        ++sums.short_abandoned;
      } else {
        ++sums.abandoned;
      }
      if (wait <= options_.sl_seconds) {
        ++sums.abandoned_within;
      } else {
        ++sums.abandoned_after;
      }
      break;
    case Outcome::kExited:
      ++sums.exited;
      break;
  }
  sums.longest_wait_s = std::max(sums.longest_wait_s, wait);

  const std::string_view id = !contact.case_id.empty() ? contact.case_id : contact.customer_id;
  if (id.empty()) return;
  if (contact.offered < 0 || contact.offered > kMaxTime) {
    ++fcr_out_of_range_;  // cannot be placed in time: left out of FCR, reported
    return;
  }
  fcr_key_.assign(!contact.case_id.empty() ? "c:" : "u:");
  fcr_key_.append(id);
  if (options_.fcr_per_channel) {
    fcr_key_.push_back('\x1f');
    fcr_key_.append(contact.channel);
  }
  FcrUpdate update{0, 0, static_cast<uint32_t>(contact.offered), bucket.index,
                   contact.outcome == Outcome::kAnswered};
  HashKey(fcr_key_, update.hash_a, update.hash_b);
  fcr_.Prefetch(update.hash_a, update.hash_b);
  if (fcr_queue_size_ == kFcrQueue) {
    ApplyFcr(fcr_queue_[fcr_queue_begin_]);
    fcr_queue_begin_ = (fcr_queue_begin_ + 1) % kFcrQueue;
    --fcr_queue_size_;
  }
  fcr_queue_[(fcr_queue_begin_ + fcr_queue_size_) % kFcrQueue] = update;
  ++fcr_queue_size_;
}

void Aggregator::FlushFcr() {
  while (fcr_queue_size_ > 0) {
    ApplyFcr(fcr_queue_[fcr_queue_begin_]);
    fcr_queue_begin_ = (fcr_queue_begin_ + 1) % kFcrQueue;
    --fcr_queue_size_;
  }
}

// An answered contact that opened an episode is resolved when the next
// contact of its key comes more than the window after it, else not.
void Aggregator::SettlePending(FcrEntry& entry, uint32_t next_time) {
  if (entry.pending_bucket == FcrEntry::kNoBucket) return;
  const int64_t gap = static_cast<int64_t>(next_time) - entry.last_time;  // the pending one's
  const FcrEntry::Verdict verdict =
      gap <= fcr_window_s_ ? FcrEntry::kUnresolved : FcrEntry::kResolved;
  if (entry.pending_is_first()) {
    entry.SetFirstVerdict(verdict);  // counted once we know it opened an episode
  } else if (verdict == FcrEntry::kResolved) {
    ++BucketAt(entry.pending_bucket).sums.fcr_resolved;
  }
  entry.pending_bucket = FcrEntry::kNoBucket;
  entry.SetPendingIsFirst(false);
}

void Aggregator::ApplyFcr(const FcrUpdate& update) {
  const uint32_t time = update.time;
  const uint32_t bucket = update.bucket;
  const bool answered = update.answered;
  bool inserted = false;
  FcrEntry& entry = fcr_.FindOrInsert(update.hash_a, update.hash_b, inserted);
  if (inserted) {
    entry.first_time = entry.last_time = time;
    entry.SetFirst(bucket, answered);
    entry.pending_bucket = FcrEntry::kNoBucket;
    if (answered) {
      entry.pending_bucket = bucket;
      entry.SetPendingIsFirst(true);
    }
    return;
  }
  if (time < entry.last_time) ++fcr_out_of_order_;
  SettlePending(entry, time);
  // A contact opens an episode when the key had no contact in the window before.
  if (static_cast<int64_t>(time) - entry.last_time > fcr_window_s_ && answered) {
    ++BucketAt(bucket).sums.fcr_contacts;
    entry.pending_bucket = bucket;
    entry.SetPendingIsFirst(false);
  }
  entry.last_time = time;  // gaps are to the contact read before (docs/kpi.md)
}

void Aggregator::Append(Aggregator& later) {
  FlushFcr();
  later.FlushFcr();
  // 1. Buckets: later's ids are its own; re-key them by name. Later's
  // buckets stay alive (retired_), forwarding to ours.
  auto moved = std::make_unique<BucketMap>(std::move(later.buckets_));
  for (auto& [key, bucket] : *moved) {
    BucketKey ours{Intern(later.names_[key.queue]), Intern(later.names_[key.agent]),
                   Intern(later.names_[key.channel]), key.start};
    auto [found, inserted] = buckets_.try_emplace(ours);
    Bucket& into = found->second;
    if (inserted) {
      into.index = static_cast<uint32_t>(bucket_refs_.size());
      bucket_refs_.push_back(&into);
    }
    AddSums(into.sums, bucket.sums);
    bucket.merged_into = &into;
  }
  retired_.push_back(std::move(moved));
  for (auto& retired : later.retired_) retired_.push_back(std::move(retired));
  last_bucket_ = nullptr;
  later.last_bucket_ = nullptr;
  // Later's bucket indexes, shifted past ours.
  const auto shift = static_cast<uint32_t>(bucket_refs_.size());
  for (Bucket* bucket : later.bucket_refs_) bucket_refs_.push_back(bucket);
  auto shifted = [shift](uint32_t index) {
    return index == FcrEntry::kNoBucket ? index : index + shift;
  };

  // 2. FCR across the seam: later's first contact of each key opens an
  // episode only if our last contact of that key is more than the window
  // before it. One partition at a time, freeing later's as we go.
  for (int partition = 0; partition < FcrTable::kPartitions; ++partition) {
    for (const FcrEntry& theirs : later.fcr_.Slots(partition)) {
      if (theirs.empty()) continue;
      bool inserted = false;
      FcrEntry& ours = fcr_.FindOrInsert(theirs.hash_a(), theirs.hash_b, inserted);
      if (inserted) {
        ours = theirs;
        ours.SetFirst(shifted(theirs.first_bucket()), theirs.first_answered());
        ours.SetPendingIsFirst(theirs.pending_is_first());
        ours.SetFirstVerdict(theirs.first_verdict());
        ours.pending_bucket = shifted(theirs.pending_bucket);
        continue;
      }
      if (theirs.first_time < ours.last_time) ++fcr_out_of_order_;
      SettlePending(ours, theirs.first_time);
      const bool opens = static_cast<int64_t>(theirs.first_time) - ours.last_time > fcr_window_s_;
      if (opens && theirs.first_answered()) {
        Bucket& bucket = BucketAt(shifted(theirs.first_bucket()));
        ++bucket.sums.fcr_contacts;
        if (theirs.first_verdict() == FcrEntry::kResolved) ++bucket.sums.fcr_resolved;
      }
      if (theirs.pending_bucket != FcrEntry::kNoBucket && !(theirs.pending_is_first() && !opens)) {
        ours.pending_bucket = shifted(theirs.pending_bucket);
        ours.SetPendingIsFirst(false);  // its opening is settled now
      }
      ours.last_time = theirs.last_time;
    }
    later.fcr_.Release(partition);
  }
  fcr_out_of_order_ += later.fcr_out_of_order_;
  fcr_out_of_range_ += later.fcr_out_of_range_;
}

std::vector<Row> Aggregator::Finish() {
  FlushFcr();
  // FCR: every key's first contact opens an episode; pending ones had no
  // further contact, so they are resolved.
  for (int partition = 0; partition < FcrTable::kPartitions; ++partition) {
    for (const FcrEntry& entry : fcr_.Slots(partition)) {
      if (entry.empty()) continue;
      if (entry.first_answered()) {
        Bucket& bucket = BucketAt(entry.first_bucket());
        ++bucket.sums.fcr_contacts;
        if (entry.first_verdict() == FcrEntry::kResolved ||
            (entry.pending_is_first() && entry.pending_bucket != FcrEntry::kNoBucket)) {
          ++bucket.sums.fcr_resolved;
        }
      }
      if (entry.pending_bucket != FcrEntry::kNoBucket && !entry.pending_is_first()) {
        ++BucketAt(entry.pending_bucket).sums.fcr_resolved;
      }
    }
    fcr_.Release(partition);
  }

  std::vector<Row> rows;
  rows.reserve(buckets_.size());
  for (auto& [key, bucket] : buckets_) {
    Row row = bucket.sums;
    row.queue = names_[key.queue];
    row.agent = names_[key.agent];
    row.channel = names_[key.channel];
    row.interval_start = key.start;
    row.interval_label = clock_.Label(key.start);
    const int64_t all_abandoned = row.abandoned + row.short_abandoned;
    // abandon rate = abandoned (not short) / (offered - short abandons)
    row.abandon_rate = Ratio(row.abandoned, row.offered - row.short_abandoned);
    // ASA = sum of waits of answered contacts / answered
    row.asa_s = Ratio(row.wait_answered_s, row.answered);
    // AHT = sum of (talk + hold + wrap-up) / answered
    row.aht_s = Ratio(row.handle_s, row.answered);
    row.transfer_rate = Ratio(row.transferred, row.answered);
    row.fcr = Ratio(row.fcr_resolved, row.fcr_contacts);
    double* variants = row.service_level_variants;
    variants[static_cast<int>(SlVariant::kShortExcluded)] =
        Ratio(row.answered_within, row.answered + row.abandoned);
    variants[static_cast<int>(SlVariant::kWithinY)] =
        Ratio(row.answered_within + row.abandoned_within, row.answered + all_abandoned);
    variants[static_cast<int>(SlVariant::kAnsweredOnly)] = Ratio(row.answered_within, row.answered);
    variants[static_cast<int>(SlVariant::kAllAbandoned)] =
        Ratio(row.answered_within, row.answered + all_abandoned);
    variants[static_cast<int>(SlVariant::kAbandonedAfterY)] =
        Ratio(row.answered_within, row.answered + row.abandoned_after);
    variants[static_cast<int>(SlVariant::kShortAbandonsMet)] =
        Ratio(row.answered_within + row.short_abandoned, row.answered + all_abandoned);
    row.service_level = variants[static_cast<int>(options_.sl_variant)];
    row.sl_met = std::isnan(row.service_level)
                     ? -1
                     : (row.service_level >= options_.sl_target - 1e-12 ? 1 : 0);
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& left, const Row& right) {
    return std::tie(left.queue, left.agent, left.channel, left.interval_start) <
           std::tie(right.queue, right.agent, right.channel, right.interval_start);
  });
  return rows;
}

}  // namespace cx::kpi
