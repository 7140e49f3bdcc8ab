// Asterisk's CDR CSV as cdr_csv writes it (Asterisk documentation, "CDR
// Storage Backends", cdr_csv): every field quoted, in the order
//   accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
//   lastdata, start, answer, end, duration, billsec, disposition, amaflags
// and, optionally, uniqueid and userfield. Times are local wall-clock times
// of the PBX (cdr_csv's default; usegmtime=yes is read as UTC with --tz UTC).
//
// One CDR is one call; it carries no queue events, so: queue = dst, agent =
// dstchannel without its "-sequence" suffix (SIP/1001-0000002a -> SIP/1001),
// customer = src, wait = answer - start, handle = billsec, abandoned = no
// answer time. Off the hot path: read with the RFC 4180 reader of core/csv.h.
#include <charconv>
#include <filesystem>
#include <fstream>

#include "core/csv.h"
#include "core/utf8.h"
#include "kpi/aggregator.h"
#include "kpi/sources.h"

namespace cx::kpi {
namespace {

enum CdrColumn {
  kSrc = 1,
  kDst = 2,
  kDstChannel = 6,
  kStart = 9,
  kAnswer = 10,
  kEnd = 11,
  kBillsec = 13,
  kDisposition = 14,
  kMinColumns = 16
};

std::string_view AgentOf(std::string_view dstchannel) {
  const size_t dash = dstchannel.rfind('-');
  const size_t slash = dstchannel.find('/');
  if (dash != std::string_view::npos && slash != std::string_view::npos && dash > slash) {
    return dstchannel.substr(0, dash);
  }
  return dstchannel;
}

// A call's start, answer and end in UTC seconds; each may be absent.
struct CdrTimes {
  int64_t times[3] = {0, 0, 0};
  bool present[3] = {false, false, false};
};

// Reads the start, answer and end fields; times without an offset are local
// to the PBX's time zone.
Result<CdrTimes> ReadTimes(const std::vector<std::string>& fields, ZoneClock& clock,
                           const std::string& time_zone) {
  CdrTimes read;
  int64_t* times = read.times;
  bool* present = read.present;
  const int columns[3] = {kStart, kAnswer, kEnd};
  for (int index = 0; index < 3; ++index) {
    bool has_offset = false;
    int64_t seconds = 0;
    const TimeParse parsed = ParseTimestamp(fields[columns[index]], seconds, has_offset);
    if (parsed == TimeParse::kMalformed) {
      return InvalidInput("field " + std::to_string(columns[index] + 1) +
                          ": expected YYYY-MM-DD HH:MM:SS, found '" + fields[columns[index]] + "'");
    }
    if (parsed == TimeParse::kEmpty) continue;
    present[index] = true;
    if (has_offset) {
      times[index] = seconds;
    } else if (clock.LocalToUtc(seconds, times[index]) == ZoneClock::LocalResult::kNonexistent) {
      return InvalidInput("'" + fields[columns[index]] + "' does not exist in time zone " +
                          time_zone + " (the clocks skip it)");
    }
  }
  return read;
}

// The call one CDR record describes, or why the record is not one (the
// message only: the caller knows the line).
Result<Interaction> InteractionOf(const std::vector<std::string>& fields, ZoneClock& clock,
                                  const std::string& time_zone) {
  if (fields.size() < kMinColumns || fields.size() > 18) {
    return InvalidInput("expected 16 to 18 cdr_csv fields, found " + std::to_string(fields.size()) +
                        (fields.size() < kMinColumns ? " (truncated line?)" : ""));
  }
  auto read = ReadTimes(fields, clock, time_zone);
  if (!read) return read.error();
  const int64_t* times = read->times;
  const bool* present = read->present;
  if (!present[0] || !present[2]) {
    return InvalidInput("no start or no end time (a call without an end)");
  }
  int64_t billsec = 0;
  const std::string& billsec_text = fields[kBillsec];
  const auto [end, error] =
      std::from_chars(billsec_text.data(), billsec_text.data() + billsec_text.size(), billsec);
  if (error != std::errc() || end != billsec_text.data() + billsec_text.size() || billsec < 0) {
    return InvalidInput("billsec: expected whole seconds, found '" + billsec_text + "'");
  }
  const bool answered = present[1] && fields[kDisposition] == "ANSWERED";
  if (times[2] < times[0] || (answered && (times[1] < times[0] || times[2] < times[1]))) {
    return InvalidInput("times out of order: expected start <= answer <= end");
  }
  Interaction contact;
  contact.queue = fields[kDst];
  contact.agent = answered ? AgentOf(fields[kDstChannel]) : std::string_view();
  contact.channel = "voice";
  contact.customer_id = fields[kSrc];
  contact.offered = times[0];
  if (answered) {
    contact.outcome = Outcome::kAnswered;
    contact.wait_s = times[1] - times[0];
    contact.handle_s = billsec;
  } else {
    contact.outcome = Outcome::kAbandoned;
    contact.wait_s = times[2] - times[0];
  }
  return contact;
}

}  // namespace

Result<RunResult> RunCdr(const std::string& path, const Options& options) {
  if (auto checked = CheckReports(options); !checked) return checked.error();
  const date::time_zone* zone = ZoneClock::Locate(options.time_zone);
  if (zone == nullptr) return InvalidInput("unknown time zone '" + options.time_zone + "'");
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot open the file", path);
  std::error_code size_error;
  const auto size = static_cast<int64_t>(std::filesystem::file_size(path, size_error));
  RunResult result;
  Aggregator aggregator(options, zone);
  std::vector<std::string> fields;
  int line = 0;
  while (true) {
    const int start_line = line + 1;
    auto more = ReadCsvRecord(in, fields, line);
    if (!more) {
      // Another encoding is the whole file's fault, not a line's: refused.
      if (IsInvalidUtf8(more.error())) {
        return InvalidInput(more.error().message, path + ":" + more.error().where);
      }
      result.diagnostics.Bad(start_line, more.error().message);
      break;  // an unterminated quote runs to the end of the file
    }
    if (!*more) break;
    if (options.on_progress && line % 20000 == 0 && !size_error)
      options.on_progress(static_cast<int64_t>(in.tellg()), size);
    if (fields.size() == 1 && fields[0].empty()) continue;
    auto contact = InteractionOf(fields, aggregator.clock(), options.time_zone);
    if (!contact) {
      // A bad line is noted; --strict stops at the first.
      result.diagnostics.Bad(start_line, contact.error().message);
      if (options.strict) break;
      continue;
    }
    aggregator.Add(*contact);
    ++result.contacts;
  }
  result.lines = line;
  in.clear();
  in.seekg(0, std::ios::end);
  result.bytes = static_cast<int64_t>(in.tellg());
  if (options.on_progress) options.on_progress(result.bytes, result.bytes);
  SetReports(aggregator.Finish(), result);
  return result;
}

}  // namespace cx::kpi
