#include "kpi/aggregator.h"

#include "kpi/sources.h"

namespace cx::kpi {

namespace {
constexpr size_t kBatchWords = 1 << 16;
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

void SetReports(std::vector<std::vector<Row>> reports, RunResult& result) {
  result.rows = std::move(reports.front());
  result.more_rows.assign(std::make_move_iterator(reports.begin() + 1),
                          std::make_move_iterator(reports.end()));
}

Result<void> CheckReports(const Options& options) {
  if (ReportsOf(options).size() > static_cast<size_t>(kMaxReports)) {
    return InvalidInput("at most " + std::to_string(kMaxReports) + " reports in one run");
  }
  return {};
}

Aggregator::Aggregator(const Options& options, const date::time_zone* zone)
    : options_(options),
      zone_(zone),
      buckets_(options, zone, 0, 1),
      owner_(static_cast<int>(ReportsOf(options).size()), options.fcr_days * 86400) {}

void Aggregator::Add(const Interaction& contact) {
  buckets_.Add(contact, &batch_, 1);
  if (batch_.words.size() >= kBatchWords) {
    owner_.Apply(batch_);
    batch_.clear();
  }
}

std::vector<std::vector<Row>> Aggregator::Finish() {
  owner_.Apply(batch_);
  batch_.clear();
  owner_.Finish();
  return CollectRows(options_, zone_, {&buckets_}, {&owner_});
}

}  // namespace cx::kpi
