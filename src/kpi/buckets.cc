#include "kpi/buckets.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace cx::kpi {

Counts& Counts::operator+=(const Counts& other) {
  offered += other.offered;
  answered += other.answered;
  abandoned += other.abandoned;
  short_abandoned += other.short_abandoned;
  exited += other.exited;
  answered_within += other.answered_within;
  abandoned_within += other.abandoned_within;
  abandoned_after += other.abandoned_after;
  wait_answered_s += other.wait_answered_s;
  handle_s += other.handle_s;
  longest_wait_s = std::max(longest_wait_s, other.longest_wait_s);
  transferred += other.transferred;
  staffed_s += other.staffed_s;
  busy_s += other.busy_s;
  return *this;
}

namespace {

double Ratio(int64_t numerator, int64_t denominator) {
  return denominator > 0 ? static_cast<double>(numerator) / static_cast<double>(denominator)
                         : std::numeric_limits<double>::quiet_NaN();
}

// The rates of docs/kpi.md from a row's counts.
void ComputeRates(const Options& options, Row& row) {
  const int64_t all_abandoned = row.abandoned + row.short_abandoned;
  // abandon rate = abandoned (not short) / (offered - short abandons)
  row.abandon_rate = Ratio(row.abandoned, row.offered - row.short_abandoned);
  // ASA = sum of waits of answered contacts / answered
  row.asa_s = Ratio(row.wait_answered_s, row.answered);
  // AHT = sum of (talk + hold + wrap-up) / answered
  row.aht_s = Ratio(row.handle_s, row.answered);
  row.transfer_rate = Ratio(row.transferred, row.answered);
  row.fcr = Ratio(row.fcr_resolved, row.fcr_contacts);
  // occupancy = time on calls / time logged in and not paused
  row.occupancy = Ratio(row.busy_s, row.staffed_s);
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
  row.service_level = variants[static_cast<int>(options.sl_variant)];
  row.sl_met =
      std::isnan(row.service_level) ? -1 : (row.service_level >= options.sl_target - 1e-12 ? 1 : 0);
}

}  // namespace

std::vector<Grouping> ReportsOf(const Options& options) {
  std::vector<Grouping> reports;
  reports.push_back({options.by_queue, options.by_agent, options.by_channel, options.interval});
  reports.insert(reports.end(), options.more_reports.begin(), options.more_reports.end());
  return reports;
}

Buckets::Buckets(const Options& options, const date::time_zone* zone, int parser, int parsers)
    : options_(options), parser_(parser), parsers_(parsers), parse_clock_(zone) {
  for (const Grouping& grouping : ReportsOf(options)) {
    Report report(grouping, zone);
    report.dimensions = grouping.by_queue + grouping.by_agent + grouping.by_channel;
    reports_.push_back(std::move(report));
    need_queue_ = need_queue_ || grouping.by_queue;
    need_agent_ = need_agent_ || grouping.by_agent;
    need_channel_ = need_channel_ || grouping.by_channel;
  }
  names_.emplace_back();  // id 0: not grouped by this dimension, or no name
  short_slots_.resize(64);
  long_slots_.assign(64, 0);
}

uint32_t Buckets::NewName(std::string_view name) {
  const auto id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(name);
  return id;
}

// The bytes of a name of 1 to 8 bytes as one word, without a call to
// memcpy: with its size it is the name (two overlapping loads cover it).
static uint64_t ShortWord(std::string_view name) {
  const char* data = name.data();
  const size_t size = name.size();
  if (size >= 4) {
    uint32_t low = 0, high = 0;
    std::memcpy(&low, data, 4);
    std::memcpy(&high, data + size - 4, 4);
    return low | (static_cast<uint64_t>(high) << 32);
  }
  return static_cast<uint64_t>(static_cast<unsigned char>(data[0])) |
         (static_cast<uint64_t>(static_cast<unsigned char>(data[size / 2])) << 8) |
         (static_cast<uint64_t>(static_cast<unsigned char>(data[size - 1])) << 16);
}

uint32_t Buckets::Intern(std::string_view name, NameCache& cache) {
  if (name.empty()) return 0;
  if (name.size() > 8) {
    // The previous row's name is a likely hit, and cheaper than hashing text.
    if (name == cache.last) return cache.last_id;
    const uint32_t id = InternLong(name);
    cache.last = names_[id];
    cache.last_id = id;
    return id;
  }
  const uint64_t word = ShortWord(name);
  const auto size = static_cast<uint32_t>(name.size());
  size_t mask = short_slots_.size() - 1;
  size_t slot = Fmix64(word ^ (static_cast<uint64_t>(size) << 59)) & mask;
  while (short_slots_[slot].id_plus_1 != 0) {
    if (short_slots_[slot].word == word && short_slots_[slot].size == size) {
      return short_slots_[slot].id_plus_1 - 1;
    }
    slot = (slot + 1) & mask;
  }
  const uint32_t id = NewName(name);
  short_slots_[slot] = ShortName{word, size, id + 1};
  if (names_.size() * 2 > short_slots_.size()) {
    std::vector<ShortName> larger(short_slots_.size() * 2);
    mask = larger.size() - 1;
    for (const ShortName& entry : short_slots_) {
      if (entry.id_plus_1 == 0) continue;
      size_t at = Fmix64(entry.word ^ (static_cast<uint64_t>(entry.size) << 59)) & mask;
      while (larger[at].id_plus_1 != 0) at = (at + 1) & mask;
      larger[at] = entry;
    }
    short_slots_.swap(larger);
  }
  return id;
}

uint32_t Buckets::InternLong(std::string_view name) {
  size_t mask = long_slots_.size() - 1;
  size_t slot = std::hash<std::string_view>{}(name)&mask;
  while (long_slots_[slot] != 0) {
    const uint32_t id = long_slots_[slot] - 1;
    if (names_[id] == name) return id;
    slot = (slot + 1) & mask;
  }
  const uint32_t id = NewName(name);
  long_slots_[slot] = id + 1;
  if (names_.size() * 2 > long_slots_.size()) {
    std::vector<uint32_t> larger(long_slots_.size() * 2, 0);
    mask = larger.size() - 1;
    for (const uint32_t entry : long_slots_) {
      if (entry == 0) continue;
      size_t at = std::hash<std::string_view>{}(names_[entry - 1]) & mask;
      while (larger[at] != 0) at = (at + 1) & mask;
      larger[at] = entry;
    }
    long_slots_.swap(larger);
  }
  return id;
}

size_t Buckets::HashOf(const Key& key) {
  uint64_t hash = static_cast<uint64_t>(key.start) * 0x9E3779B97F4A7C15ull;
  hash ^= (static_cast<uint64_t>(key.queue) << 42) ^ (static_cast<uint64_t>(key.agent) << 21) ^
          key.channel;
  return static_cast<size_t>(Fmix64(hash));
}

uint32_t Buckets::KeyTable::Find(const Key& key, bool& inserted) {
  size_t mask = slots.size() - 1;
  size_t slot = HashOf(key) & mask;
  while (slots[slot] != 0) {
    const uint32_t index = slots[slot] - 1;
    if (keys[index] == key) {
      inserted = false;
      return index;
    }
    slot = (slot + 1) & mask;
  }
  inserted = true;
  const auto index = static_cast<uint32_t>(keys.size());
  keys.push_back(key);
  slots[slot] = index + 1;
  if (keys.size() * 2 > slots.size()) {
    std::vector<uint32_t> larger(slots.size() * 2, 0);
    mask = larger.size() - 1;
    for (uint32_t at = 0; at < keys.size(); ++at) {
      size_t to = HashOf(keys[at]) & mask;
      while (larger[to] != 0) to = (to + 1) & mask;
      larger[to] = at + 1;
    }
    slots.swap(larger);
  }
  return index;
}

uint32_t Buckets::BucketOf(Report& report, uint32_t queue, uint32_t agent, uint32_t channel,
                           int64_t start) {
  // The group: a name id when grouped by one dimension, else an id of the tuple.
  uint32_t group = queue | agent | channel;  // at most one is non-zero when dimensions <= 1
  bool inserted = false;
  if (report.dimensions > 1) group = report.groups.Find(Key{queue, agent, channel, 0}, inserted);
  if (group < report.recent.size()) {
    const Recent& recent = report.recent[group];
    if (recent.start == start && recent.bucket != ~0u) return recent.bucket;
  } else {
    report.recent.resize(std::max<size_t>(group + 1, report.recent.size() * 2));
  }
  const uint32_t bucket = report.buckets.Find(Key{queue, agent, channel, start}, inserted);
  if (inserted) report.sums.emplace_back();
  report.recent[group] = Recent{start, bucket};
  return bucket;
}

void Buckets::Add(const Interaction& contact, FcrBatch* batches, int owners) {
  const uint32_t queue = need_queue_ ? Intern(contact.queue, queue_cache_) : 0;
  const uint32_t agent = need_agent_ ? Intern(contact.agent, agent_cache_) : 0;
  const uint32_t channel = need_channel_ ? Intern(contact.channel, channel_cache_) : 0;
  uint32_t refs[kMaxReports];
  const int64_t wait = contact.wait_s;
  for (size_t index = 0; index < reports_.size(); ++index) {
    Report& report = reports_[index];
    const Grouping& grouping = report.grouping;
    const uint32_t bucket =
        BucketOf(report, grouping.by_queue ? queue : 0, grouping.by_agent ? agent : 0,
                 grouping.by_channel ? channel : 0,
                 report.clock.IntervalStart(static_cast<int>(grouping.interval), contact.offered));
    refs[index] = bucket * static_cast<uint32_t>(parsers_) + static_cast<uint32_t>(parser_);
    Sums& sums = report.sums[bucket];
    ++sums.offered;
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
  }

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
  uint64_t hash_a = 0;
  uint32_t hash_b = 0;
  HashKey(fcr_key_, hash_a, hash_b);
  batches[OwnerOf(hash_b, owners)].Add(hash_a, hash_b, static_cast<uint32_t>(contact.offered),
                                       contact.outcome == Outcome::kAnswered, refs,
                                       static_cast<int>(reports_.size()));
}

void Buckets::AddAgentTime(std::string_view queue, std::string_view agent, std::string_view channel,
                           int64_t begin, int64_t end, bool busy) {
  if (end <= begin) return;
  const uint32_t queue_id = need_queue_ ? Intern(queue, queue_cache_) : 0;
  const uint32_t agent_id = need_agent_ ? Intern(agent, agent_cache_) : 0;
  const uint32_t channel_id = need_channel_ ? Intern(channel, channel_cache_) : 0;
  for (Report& report : reports_) {
    const Grouping& grouping = report.grouping;
    int64_t cursor = begin;
    while (cursor < end) {
      const int64_t start = report.clock.IntervalStart(static_cast<int>(grouping.interval), cursor);
      const int64_t piece_end = std::min(end, std::max(cursor + 1, report.clock.interval_end()));
      const uint32_t bucket =
          BucketOf(report, grouping.by_queue ? queue_id : 0, grouping.by_agent ? agent_id : 0,
                   grouping.by_channel ? channel_id : 0, start);
      (busy ? report.sums[bucket].busy_s : report.sums[bucket].staffed_s) += piece_end - cursor;
      cursor = piece_end;
    }
  }
}

namespace {

// Every name of every parser once, sorted, and each parser's local name ids
// as ranks in it: a name's rank orders rows as its text would.
struct NameRanks {
  std::vector<std::string_view> names;
  std::vector<std::vector<uint32_t>> rank_of;  // per parser, by local id
};

// One bucket of one parser, keyed by the ranks of its names.
struct Entry {
  uint32_t queue, agent, channel;  // ranks
  int64_t start;
  uint32_t parser;
  uint32_t index;
};

auto Tie(const Entry& entry) {
  return std::tie(entry.queue, entry.agent, entry.channel, entry.start);
}

// Every parser's buckets of `report`, sorted by (names, start): equal keys of
// different parsers become adjacent and are summed; the order is the rows'.
std::vector<Entry> SortedEntries(const std::vector<const Buckets*>& parsers, const NameRanks& ranks,
                                 int report) {
  std::vector<Entry> entries;
  for (size_t parser = 0; parser < parsers.size(); ++parser) {
    const std::vector<Buckets::Key>& keys = parsers[parser]->keys(report);
    const std::vector<uint32_t>& rank = ranks.rank_of[parser];
    for (size_t index = 0; index < keys.size(); ++index) {
      const Buckets::Key& key = keys[index];
      entries.push_back(Entry{rank[key.queue], rank[key.agent], rank[key.channel], key.start,
                              static_cast<uint32_t>(parser), static_cast<uint32_t>(index)});
    }
  }
  std::sort(entries.begin(), entries.end(),
            [&](const Entry& left, const Entry& right) { return Tie(left) < Tie(right); });
  return entries;
}

// Adds the FCR counts every owner holds for the parser's bucket.
void AddFcr(const Buckets& parser, uint32_t index, const std::vector<const FcrOwner*>& owners,
            int report, Row& row) {
  const size_t ref = static_cast<size_t>(index) * static_cast<size_t>(parser.parsers()) +
                     static_cast<size_t>(parser.parser());
  for (const FcrOwner* owner : owners) {
    const std::vector<int64_t>& opened = owner->opened(report);
    const std::vector<int64_t>& resolved = owner->resolved(report);
    if (ref < opened.size()) row.fcr_contacts += opened[ref];
    if (ref < resolved.size()) row.fcr_resolved += resolved[ref];
  }
}

// The rows of one report: one per group and interval, summed over the parsers.
std::vector<Row> CollectReport(const Options& options, const date::time_zone* zone,
                               const std::vector<const Buckets*>& parsers,
                               const std::vector<const FcrOwner*>& owners, const NameRanks& ranks,
                               int report) {
  const std::vector<Entry> entries = SortedEntries(parsers, ranks, report);
  const std::vector<std::string_view>& names = ranks.names;
  ZoneClock clock(zone);
  std::unordered_map<int64_t, std::string> labels;  // many rows share a start
  std::vector<Row> rows;
  for (size_t at = 0; at < entries.size(); ++at) {
    const Entry& entry = entries[at];
    if (rows.empty() || Tie(entries[at - 1]) != Tie(entry)) {
      Row row;
      row.queue = names[entry.queue];
      row.agent = names[entry.agent];
      row.channel = names[entry.channel];
      row.interval_start = entry.start;
      auto [label, fresh] = labels.try_emplace(entry.start);
      if (fresh) label->second = clock.Label(entry.start);
      row.interval_label = label->second;
      rows.push_back(std::move(row));
    }
    Row& row = rows.back();
    const Buckets& parser = *parsers[entry.parser];
    row += parser.sums(report)[entry.index];
    AddFcr(parser, entry.index, owners, report, row);
  }
  for (Row& row : rows) ComputeRates(options, row);
  return rows;
}

}  // namespace

std::vector<std::vector<Row>> CollectRows(const Options& options, const date::time_zone* zone,
                                          const std::vector<const Buckets*>& parsers,
                                          const std::vector<const FcrOwner*>& owners) {
  NameRanks ranks;
  std::vector<std::string_view>& names = ranks.names;
  for (const Buckets* parser : parsers) {
    for (const std::string& name : parser->names_) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  ranks.rank_of.resize(parsers.size());
  for (size_t parser = 0; parser < parsers.size(); ++parser) {
    for (const std::string& name : parsers[parser]->names_) {
      ranks.rank_of[parser].push_back(static_cast<uint32_t>(
          std::lower_bound(names.begin(), names.end(), std::string_view(name)) - names.begin()));
    }
  }

  const int report_count = static_cast<int>(ReportsOf(options).size());
  std::vector<std::vector<Row>> reports(static_cast<size_t>(report_count));
  auto collect = [&](int report) {
    reports[report] = CollectReport(options, zone, parsers, owners, ranks, report);
  };
  // One report per thread, as many threads as parsers ran.
  const int threads =
      std::max<int>(1, std::min<int>(report_count, static_cast<int>(parsers.size())));
  std::vector<std::thread> helpers;
  for (int thread = 1; thread < threads; ++thread) {
    helpers.emplace_back([&, thread] {
      for (int report = thread; report < report_count; report += threads) collect(report);
    });
  }
  for (int report = 0; report < report_count; report += threads) collect(report);
  for (std::thread& helper : helpers) helper.join();
  return reports;
}

}  // namespace cx::kpi
