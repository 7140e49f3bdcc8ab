// The contact CSV: the hot path of `cxbench kpi` (bench/kpi.sh).
//
// Why not core/csv.h (or another general CSV reader) here: measured on the
// 10-million-contact bench file (1.25 GB, release build, 2026-11-24), only
// reading every record with cx::ReadCsvRecord into std::string fields took
// 6.8 s of CPU, against 3.5 s for this whole parse without FCR (splitting,
// three timestamps, sums) - the splitter below reads fields in place from
// the mapped file and allocates nothing per line. Fields are RFC 4180
// (quotes, doubled quotes, line breaks inside quotes). A record is read on
// as long as its quotes are odd in number, so a quote inside an unquoted
// field (5"), which RFC 4180 does not allow, makes the record run on.
#include <emmintrin.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <barrier>
#include <charconv>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "core/utf8.h"
#include "kpi/buckets.h"
#include "kpi/chunked_file.h"
#include "kpi/fcr_owner.h"
#include "kpi/sources.h"

namespace cx::kpi {
namespace {

constexpr int kMaxColumns = 256;
// A record whose quotes are still open after this many bytes is a quote
// that does not close (docs/kpi.md), so a stray quote costs one line, not
// the rest of the file.
constexpr std::ptrdiff_t kMaxRecordBytes = 1 << 20;

enum Column {
  kContactId,
  kChannel,
  kQueue,
  kCustomerId,
  kCaseId,
  kOffered,
  kAnswered,
  kEnded,
  kHold,
  kWrap,
  kAgent,
  kOutcome,
  kColumnCount
};

// Splits one line (without its '\n') into `fields`; returns the number of
// fields, or -1 for a quote that does not close. Doubled quotes inside a
// quoted field are undoubled into `scratch` (one string per column).
int SplitLine(std::string_view line, char delimiter,
              std::array<std::string_view, kMaxColumns>& fields,
              std::array<std::string, kMaxColumns>& scratch) {
  int count = 0;
  size_t pos = 0;
  const size_t size = line.size();
  while (true) {
    if (count == kMaxColumns) return count + 1;
    if (pos < size && line[pos] == '"') {
      size_t cursor = pos + 1;
      bool doubled = false;
      while (true) {
        const size_t quote = line.find('"', cursor);
        if (quote == std::string_view::npos) return -1;
        if (quote + 1 < size && line[quote + 1] == '"') {
          doubled = true;
          cursor = quote + 2;
          continue;
        }
        cursor = quote;
        break;
      }
      std::string_view inner = line.substr(pos + 1, cursor - pos - 1);
      if (doubled) {
        std::string& text = scratch[count];
        text.clear();
        for (size_t index = 0; index < inner.size(); ++index) {
          text.push_back(inner[index]);
          if (inner[index] == '"') ++index;
        }
        inner = text;
      }
      fields[count++] = inner;
      pos = cursor + 1;
      if (pos >= size) return count;
      if (line[pos] != delimiter) return -1;
      ++pos;
      continue;
    }
    const void* found = std::memchr(line.data() + pos, delimiter, size - pos);
    if (found == nullptr) {
      fields[count++] = line.substr(pos);
      return count;
    }
    const size_t next = static_cast<size_t>(static_cast<const char*>(found) - line.data());
    fields[count++] = line.substr(pos, next - pos);
    pos = next + 1;
  }
}

// SplitLine for the common line without quotes, 16 bytes at a time (SSE2,
// part of every x86-64); -2 when the line holds a quote (use SplitLine).
// Measured: memchr per field took 10 % of a run on fields of 2 to 25 bytes.
int SplitPlainLine(std::string_view line, char delimiter,
                   std::array<std::string_view, kMaxColumns>& fields) {
  const char* data = line.data();
  const size_t size = line.size();
  int count = 0;
  size_t field_start = 0;
  auto cut = [&](size_t at) {
    if (count == kMaxColumns) return false;
    fields[count++] = std::string_view(data + field_start, at - field_start);
    field_start = at + 1;
    return true;
  };
  size_t pos = 0;
#if defined(__SSE2__)
  const __m128i delimiters = _mm_set1_epi8(delimiter);
  const __m128i quotes = _mm_set1_epi8('"');
  for (; pos + 16 <= size; pos += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(block, quotes)) != 0) return -2;
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, delimiters)));
    while (mask != 0) {
      if (!cut(pos + static_cast<size_t>(__builtin_ctz(mask)))) return kMaxColumns + 1;
      mask &= mask - 1;
    }
  }
#endif
  for (; pos < size; ++pos) {
    if (data[pos] == '"') return -2;
    if (data[pos] == delimiter && !cut(pos)) return kMaxColumns + 1;
  }
  if (!cut(size)) return kMaxColumns + 1;
  return count;
}

// A non-negative whole number of seconds; empty is 0.
bool ParseSeconds(std::string_view text, int64_t& value) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (text.empty()) {
    value = 0;
    return true;
  }
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value >= 0;
}

// One chunk of the file, parsed by one thread in one round.
struct Chunk {
  std::string_view text;
  Buckets* buckets = nullptr;
  std::vector<FcrBatch> batches;  // one per FCR owner
  Diagnostics diagnostics;
  int64_t lines = 0;  // physical lines read (up to `rest`)
  int64_t contacts = 0;
  int64_t quotes = 0;                        // '"' characters in text
  size_t bad_utf8 = std::string_view::npos;  // offset of the first invalid byte
  bool at_file_end = false;                  // text ends where the file does
  int64_t bytes_read = 0;                    // of the file, by phase 1 (progress)
  size_t rest = std::string_view::npos;      // a record that runs past text starts here
};

// The number of '"' in `text`: memchr leaves a file without quotes at the
// speed of a scan.
int64_t CountQuotes(std::string_view text) {
  int64_t count = 0;
  const char* cursor = text.data();
  const char* end = cursor + text.size();
  while (cursor < end) {
    const void* found = std::memchr(cursor, '"', static_cast<size_t>(end - cursor));
    if (found == nullptr) break;
    ++count;
    cursor = static_cast<const char*>(found) + 1;
  }
  return count;
}

// True iff `text` holds an odd number of '"'.
bool OddQuotes(std::string_view text) { return (CountQuotes(text) & 1) != 0; }

class CsvParser {
 public:
  CsvParser(const Mapping& mapping, const Options& options, std::array<int, kColumnCount> columns,
            int column_count, std::atomic<bool>& stop)
      : mapping_(mapping),
        options_(options),
        columns_(columns),
        column_count_(column_count),
        stop_(stop) {}

  // Parses the records of part.text, which starts at a record's start. A
  // record whose quotes are still open at the end of the text is an error at
  // the file's end, else left for the caller at part.rest.
  void Parse(Chunk& part) {
    const char* begin = part.text.data();
    const char* cursor = begin;
    const char* end = cursor + part.text.size();
    int64_t line_number = 0;
    while (cursor < end) {
      const char* line_end = LineEnd(cursor, end);
      std::string_view line(cursor, static_cast<size_t>(line_end - cursor));
      const char* record_start = cursor;
      const int64_t record_line = ++line_number;
      int count = SplitPlainLine(StripCr(line), mapping_.delimiter, fields_);
      if (count == -2 && OddQuotes(line)) {
        // A quoted line break: the record runs on to a line end outside quotes.
        const char* first_line_end = line_end;
        bool odd = true;
        while (odd && line_end + 1 < end && line_end - record_start <= kMaxRecordBytes) {
          const char* next_end = LineEnd(line_end + 1, end);
          odd ^= OddQuotes(
              std::string_view(line_end + 1, static_cast<size_t>(next_end - line_end - 1)));
          line_end = next_end;
          ++line_number;
        }
        const bool too_long = line_end - record_start > kMaxRecordBytes;
        if (odd && !part.at_file_end && !too_long) {
          part.rest = static_cast<size_t>(record_start - begin);
          part.lines = record_line - 1;
          return;
        }
        if (odd) {
          // Open to the end of the file or past any real record: a quote
          // that does not close, on this line only; reading goes on after it.
          part.diagnostics.Bad(record_line, "a quoted field does not close (truncated line?)");
          cursor = first_line_end + 1;
          line_number = record_line;
          if (options_.strict) {
            stop_ = true;
            break;
          }
          continue;
        }
        line = std::string_view(cursor, static_cast<size_t>(line_end - cursor));
      }
      cursor = line_end + 1;
      line = StripCr(line);
      if (line.empty()) continue;
      if (count == -2) count = SplitLine(line, mapping_.delimiter, fields_, scratch_);
      // A last line cut off mid-way fails ParseLine (too few fields, or a
      // cut time) and is reported like any malformed line.
      if (!ParseLine(count, record_line, part) && options_.strict) {
        stop_ = true;
        break;
      }
    }
    part.lines = line_number;
  }

 private:
  static const char* LineEnd(const char* from, const char* end) {
    const void* found = std::memchr(from, '\n', static_cast<size_t>(end - from));
    return found != nullptr ? static_cast<const char*>(found) : end;
  }
  static std::string_view StripCr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }

  std::string_view Field(int column) const {
    const int index = columns_[column];
    return index < 0 ? std::string_view() : fields_[index];
  }

  bool Time(int column, int64_t line_number, Chunk& part, int64_t& utc, bool& present) {
    int64_t seconds = 0;
    bool has_offset = false;
    const std::string_view text = Field(column);
    switch (ParseTimestamp(text, seconds, has_offset, &date_cache_)) {
      case TimeParse::kEmpty:
        present = false;
        return true;
      case TimeParse::kMalformed:
        part.diagnostics.Bad(line_number, "column " + std::to_string(columns_[column] + 1) +
                                              ": expected a time such as 2026-03-29T08:00:00+02:00"
                                              ", found '" +
                                              std::string(text) + "'");
        return false;
      case TimeParse::kOk:
        break;
    }
    present = true;
    if (has_offset) {
      utc = seconds;
      return true;
    }
    if (part.buckets->clock().LocalToUtc(seconds, utc) == ZoneClock::LocalResult::kNonexistent) {
      part.diagnostics.Bad(line_number, "'" + std::string(text) + "' does not exist in time zone " +
                                            options_.time_zone + " (the clocks skip it)");
      return false;
    }
    return true;
  }

  // `count` is what SplitPlainLine or SplitLine gave for the record, whose
  // fields are in fields_.
  bool ParseLine(int count, int64_t line_number, Chunk& part) {
    if (count < 0) {
      part.diagnostics.Bad(line_number, "a quoted field does not close (truncated line?)");
      return false;
    }
    if (count != column_count_) {
      part.diagnostics.Bad(line_number, "expected " + std::to_string(column_count_) +
                                            " fields, found " + std::to_string(count) +
                                            (count < column_count_ ? " (truncated line?)" : ""));
      return false;
    }
    int64_t offered = 0, answered = 0, ended = 0;
    bool has_offered = false, has_answered = false, has_ended = false;
    if (!Time(kOffered, line_number, part, offered, has_offered) ||
        !Time(kAnswered, line_number, part, answered, has_answered) ||
        !Time(kEnded, line_number, part, ended, has_ended)) {
      return false;
    }
    if (!has_offered) {
      part.diagnostics.Bad(line_number, "no offered time");
      return false;
    }
    if (offered < 0 || offered > kMaxTime) {
      part.diagnostics.Bad(line_number, "offered time before 1970 or after 2106");
      return false;
    }
    if (!has_ended) {
      part.diagnostics.Bad(line_number, "no end time (a contact without an end)");
      return false;
    }
    int64_t hold = 0, wrap = 0;
    if (!ParseSeconds(Field(kHold), hold) || !ParseSeconds(Field(kWrap), wrap)) {
      part.diagnostics.Bad(line_number, "hold and wrap-up must be whole seconds, 0 or more");
      return false;
    }
    Interaction contact;
    contact.offered = offered;
    if (has_answered) {
      if (answered < offered || ended < answered) {
        part.diagnostics.Bad(line_number,
                             "times out of order: expected offered <= answered <= ended");
        return false;
      }
      if (hold > ended - answered) {
        part.diagnostics.Bad(line_number, "hold is longer than the answered call");
        return false;
      }
      contact.outcome = Outcome::kAnswered;
      contact.wait_s = answered - offered;
      // The connected time (answered to ended) holds talk and hold.
      contact.handle_s = ended - answered + wrap;
      const std::string_view outcome = Field(kOutcome);
      for (const std::string& transfer : mapping_.transfer_outcomes) {
        if (outcome == transfer) contact.transferred = true;
      }
    } else {
      if (ended < offered) {
        part.diagnostics.Bad(line_number, "times out of order: ended before offered");
        return false;
      }
      contact.outcome = Outcome::kAbandoned;
      contact.wait_s = ended - offered;
    }
    contact.queue = Field(kQueue);
    contact.agent = Field(kAgent);
    contact.channel = Field(kChannel);
    contact.case_id = Field(kCaseId);
    contact.customer_id = Field(kCustomerId);
    part.buckets->Add(contact, part.batches.data(), static_cast<int>(part.batches.size()));
    ++part.contacts;
    return true;
  }

  const Mapping& mapping_;
  const Options& options_;
  std::array<int, kColumnCount> columns_;
  int column_count_;
  std::atomic<bool>& stop_;
  std::array<std::string_view, kMaxColumns> fields_;
  std::array<std::string, kMaxColumns> scratch_;
  DateCache date_cache_;
};

// The error for the first invalid UTF-8 byte of a round's chunks, which
// follow `lines_before` lines of the file and then `pending`.
Error Utf8ErrorOf(const std::vector<Chunk>& slots, const std::string& path, int64_t lines_before,
                  const std::string& pending) {
  int64_t line = lines_before + 1 + std::count(pending.begin(), pending.end(), '\n');
  for (const Chunk& chunk : slots) {
    if (chunk.bad_utf8 == std::string_view::npos) {
      line += std::count(chunk.text.begin(), chunk.text.end(), '\n');
      continue;
    }
    return CheckUtf8(chunk.text, path, line).error();
  }
  return Internal("no invalid UTF-8 found", path);
}

// Where each field of the mapping is in the file: its column, or -1.
struct HeaderColumns {
  std::array<int, kColumnCount> columns;
  int column_count = 0;
};

// Reads the header line and finds the mapped columns; the required ones and
// those grouped by must be there.
Result<HeaderColumns> MapHeader(std::string_view header, const Mapping& mapping,
                                const Options& options, const std::string& path) {
  if (header.empty()) return InvalidInput("the file is empty: expected a header line", path + ":1");
  HeaderColumns found;
  std::array<std::string_view, kMaxColumns> header_fields;
  std::array<std::string, kMaxColumns> scratch;
  const int column_count = SplitLine(header, mapping.delimiter, header_fields, scratch);
  if (column_count < 0 || column_count > kMaxColumns) {
    return InvalidInput("cannot read the header line", path + ":1");
  }
  found.column_count = column_count;
  std::array<int, kColumnCount>& columns = found.columns;
  const std::string* wanted[kColumnCount] = {
      &mapping.contact_id, &mapping.channel, &mapping.queue,    &mapping.customer_id,
      &mapping.case_id,    &mapping.offered, &mapping.answered, &mapping.ended,
      &mapping.hold_s,     &mapping.wrap_s,  &mapping.agent,    &mapping.outcome};
  for (int column = 0; column < kColumnCount; ++column) {
    columns[column] = -1;
    if (wanted[column]->empty()) continue;
    for (int index = 0; index < column_count; ++index) {
      if (header_fields[index] == *wanted[column]) columns[column] = index;
    }
  }
  for (int required : {kOffered, kEnded}) {
    if (columns[required] < 0) {
      return InvalidInput("no column '" + *wanted[required] + "' in the header", path + ":1");
    }
  }
  if (options.by_queue && columns[kQueue] < 0) {
    return InvalidInput("grouped by queue, but there is no column '" + mapping.queue + "'",
                        path + ":1");
  }
  if (options.by_agent && columns[kAgent] < 0) {
    return InvalidInput("grouped by agent, but there is no column '" + mapping.agent + "'",
                        path + ":1");
  }
  if (options.by_channel && columns[kChannel] < 0) {
    return InvalidInput("grouped by channel, but there is no column '" + mapping.channel + "'",
                        path + ":1");
  }
  return found;
}

// The rounds over the file, shared by the worker threads. Each round, thread
// t parses chunk round * workers + t into its own Buckets and sorts the FCR
// updates by owner; then, after a barrier, thread t applies owner t's
// updates of the round's chunks in file order.
//
// Chunks end at line ends, which may lie inside a quoted field. The quotes
// before a chunk, counted chunk by chunk, say whether it does: a round
// whose chunks all start and end outside quotes (every round of a file
// without quoted line breaks) is parsed in parallel; any other round by
// worker 0 alone, its chunks joined after the record left open by the
// round before (`pending`), which keeps file order for FCR and lines.
struct CsvRun {
  CsvRun(const ChunkedFile& chunked, const std::string& file_path, const Mapping& file_mapping,
         const Options& run_options, const date::time_zone* zone, const HeaderColumns& columns,
         int worker_count, RunResult& run_result)
      : file(chunked),
        path(file_path),
        mapping(file_mapping),
        options(run_options),
        header(columns),
        chunk_count(chunked.chunks()),
        workers(worker_count),
        rounds((chunk_count + static_cast<size_t>(worker_count) - 1) / worker_count),
        result(run_result),
        slots(static_cast<size_t>(worker_count)),
        sync(worker_count),
        read_errors(static_cast<size_t>(worker_count),
                    Result<std::string_view>(std::string_view())) {
    const int reports = static_cast<int>(ReportsOf(options).size());
    for (int worker = 0; worker < workers; ++worker) {
      buckets.push_back(std::make_unique<Buckets>(options, zone, worker, workers));
      owners.push_back(std::make_unique<FcrOwner>(reports, options.fcr_days * 86400));
      slots[worker].buckets = buckets.back().get();
      slots[worker].batches.resize(static_cast<size_t>(workers));
    }
  }

  const ChunkedFile& file;
  const std::string& path;
  const Mapping& mapping;
  const Options& options;
  const HeaderColumns& header;
  const size_t chunk_count;
  const int workers;
  const size_t rounds;
  RunResult& result;  // written by worker 0 in phase 3
  std::vector<std::unique_ptr<Buckets>> buckets;
  std::vector<std::unique_ptr<FcrOwner>> owners;
  std::vector<Chunk> slots;
  std::atomic<bool> stop{false};
  int64_t line_offset = 1;  // the header
  std::barrier<> sync;
  std::vector<Result<std::string_view>> read_errors;
  bool odd_before_round = false;  // quotes before the round: written by worker 0 in phase 3
  std::string pending;            // the same
  std::string joined;             // worker 0's
  int64_t bytes_done = 0;         // worker 0's: the chunks read so far (progress)
  Status utf8_error = Ok();       // the same
};

// Phase 1: read the chunk, count its quotes, check its UTF-8.
void ReadChunk(CsvRun& run, int worker, size_t round, std::string& buffer) {
  Chunk& mine = run.slots[worker];
  mine.text = {};
  mine.lines = mine.contacts = mine.quotes = mine.bytes_read = 0;
  mine.bad_utf8 = mine.rest = std::string_view::npos;
  mine.diagnostics = Diagnostics();
  for (FcrBatch& batch : mine.batches) batch.clear();
  const size_t index = round * run.workers + static_cast<size_t>(worker);
  mine.at_file_end = index + 1 == run.chunk_count;
  if (index < run.chunk_count && !run.stop) {
    auto text = run.file.Read(index, buffer);
    if (text) {
      mine.text = *text;
      mine.bytes_read = static_cast<int64_t>(text->size());
      mine.quotes = CountQuotes(mine.text);
      mine.bad_utf8 = FindInvalidUtf8(mine.text);
    } else {
      run.read_errors[worker] = std::move(text);
      run.stop = true;
    }
  }
}

// Phase 2: parse (every worker decides alike from what phase 1 left).
void ParseRound(CsvRun& run, int worker, size_t round, CsvParser& parser) {
  Chunk& mine = run.slots[worker];
  bool odd = run.odd_before_round, serial = !run.pending.empty(), bad_utf8 = false;
  for (const Chunk& chunk : run.slots) {
    serial = serial || odd;
    odd ^= (chunk.quotes & 1) != 0;
    serial = serial || odd;
    bad_utf8 = bad_utf8 || chunk.bad_utf8 != std::string_view::npos;
  }
  if (bad_utf8) {
    if (worker == 0)
      run.utf8_error = Utf8ErrorOf(run.slots, run.path, run.line_offset, run.pending);
    run.stop = true;
  } else if (!serial && !mine.text.empty() && !run.stop) {
    parser.Parse(mine);
  } else if (serial && worker == 0 && !run.stop) {
    run.joined = run.pending;
    for (const Chunk& chunk : run.slots) run.joined.append(chunk.text);
    mine.at_file_end = round + 1 == run.rounds;
    mine.text = run.joined;
    parser.Parse(mine);
  }
}

// Phase 3: FCR updates in file order; worker 0 keeps the tally.
void ApplyRound(CsvRun& run, int worker) {
  for (const Chunk& chunk : run.slots) run.owners[worker]->Apply(chunk.batches[worker]);
  if (worker != 0) return;
  for (const Chunk& chunk : run.slots) run.bytes_done += chunk.bytes_read;
  if (run.options.on_progress) run.options.on_progress(run.bytes_done, run.file.size());
  for (const Chunk& chunk : run.slots) {
    run.result.diagnostics.Append(chunk.diagnostics, run.line_offset);
    run.line_offset += chunk.lines;
    run.result.contacts += chunk.contacts;
    run.odd_before_round ^= (chunk.quotes & 1) != 0;
  }
  const Chunk& mine = run.slots[worker];
  run.pending = mine.rest == std::string_view::npos ? std::string()
                                                    : std::string(mine.text.substr(mine.rest));
}

void RunWorker(CsvRun& run, int worker) {
  CsvParser parser(run.mapping, run.options, run.header.columns, run.header.column_count, run.stop);
  std::string buffer;
  for (size_t round = 0; round < run.rounds; ++round) {
    ReadChunk(run, worker, round, buffer);
    run.sync.arrive_and_wait();
    ParseRound(run, worker, round, parser);
    run.sync.arrive_and_wait();
    ApplyRound(run, worker);
    const bool last = run.stop;
    run.sync.arrive_and_wait();
    if (last) break;
  }
  run.owners[worker]->Finish();
}

// Warns of the contacts FCR took out of order or left out.
void WarnFcr(const CsvRun& run, Diagnostics& diagnostics) {
  int64_t out_of_order = 0, out_of_range = 0;
  for (const auto& owner : run.owners) out_of_order += owner->out_of_order();
  for (const auto& parser : run.buckets) out_of_range += parser->fcr_out_of_range();
  if (out_of_order > 0) {
    diagnostics.Warn(0, std::to_string(out_of_order) +
                            " contacts came before an earlier-read contact of the same "
                            "case or customer; FCR took them in the order read");
  }
  if (out_of_range > 0) {
    diagnostics.Warn(0, std::to_string(out_of_range) +
                            " contacts offered before 1970 or after 2106: left out of FCR");
  }
}

}  // namespace

Result<Mapping> LoadMapping(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot read the mapping file", path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  // yaml-cpp passes invalid UTF-8 through into the names: refused here.
  if (auto utf8 = CheckUtf8(text, path); !utf8) return utf8.error();
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    return InvalidInput(error.msg, path + ":" + std::to_string(error.mark.line + 1) + ":" +
                                       std::to_string(error.mark.column + 1));
  }
  Mapping mapping;
  if (!root.IsMap()) return InvalidInput("expected a map with 'columns'", path);
  try {
    const YAML::Node columns = root["columns"];
    if (columns && !columns.IsMap()) return InvalidInput("'columns' must be a map", path);
    const std::pair<const char*, std::string*> names[] = {
        {"contact_id", &mapping.contact_id}, {"channel", &mapping.channel},
        {"queue", &mapping.queue},           {"customer_id", &mapping.customer_id},
        {"case_id", &mapping.case_id},       {"offered", &mapping.offered},
        {"answered", &mapping.answered},     {"ended", &mapping.ended},
        {"hold_s", &mapping.hold_s},         {"wrap_s", &mapping.wrap_s},
        {"agent", &mapping.agent},           {"outcome", &mapping.outcome}};
    if (columns) {
      for (const auto& entry : columns) {
        const std::string key = entry.first.as<std::string>();
        bool known = false;
        for (const auto& [name, target] : names) {
          if (key == name) {
            *target = entry.second.IsNull() ? "" : entry.second.as<std::string>();
            known = true;
          }
        }
        if (!known) {
          return InvalidInput("unknown field '" + key + "' in columns", path);
        }
      }
    }
    if (root["delimiter"]) {
      const std::string delimiter = root["delimiter"].as<std::string>();
      if (delimiter.size() != 1 || delimiter == "\"" || delimiter == "\n") {
        return InvalidInput("'delimiter' must be one character", path);
      }
      mapping.delimiter = delimiter[0];
    }
    if (root["time_zone"]) mapping.time_zone = root["time_zone"].as<std::string>();
    if (root["transfer_outcomes"]) {
      mapping.transfer_outcomes = root["transfer_outcomes"].as<std::vector<std::string>>();
    }
  } catch (const YAML::Exception& error) {
    return InvalidInput(error.msg, path + ":" + std::to_string(error.mark.line + 1));
  }
  if (mapping.offered.empty()) return InvalidInput("columns.offered is required", path);
  if (mapping.ended.empty()) return InvalidInput("columns.ended is required", path);
  return mapping;
}

Result<RunResult> RunContactCsv(const std::string& path, const Mapping& mapping,
                                const Options& options, int threads) {
  if (auto checked = CheckReports(options); !checked) return checked.error();
  const date::time_zone* zone = ZoneClock::Locate(options.time_zone);
  if (zone == nullptr) return InvalidInput("unknown time zone '" + options.time_zone + "'");
  // The threads take the file in rounds of one chunk each (docs/kpi.md,
  // "Speed"); a chunk's FCR updates wait for its round's FCR step, so memory
  // holds a round of updates, not the file's.
  auto file = ChunkedFile::Open(path, std::max<size_t>(1, options.chunk_bytes));
  if (!file) return file.error();
  RunResult result;
  result.bytes = file->size();
  // The header names the columns.
  const auto header = MapHeader(file->header(), mapping, options, path);
  if (!header) return header.error();

  CsvRun run(*file, path, mapping, options, zone, *header, std::max(1, threads), result);
  std::vector<std::thread> helpers;
  for (int worker = 1; worker < run.workers; ++worker) {
    helpers.emplace_back(RunWorker, std::ref(run), worker);
  }
  RunWorker(run, 0);
  for (std::thread& thread : helpers) thread.join();
  if (options.on_progress) options.on_progress(result.bytes, result.bytes);
  result.lines = run.line_offset;
  for (const auto& read : run.read_errors) {
    if (!read) return read.error();
  }
  if (!run.utf8_error) return run.utf8_error.error();

  WarnFcr(run, result.diagnostics);
  std::vector<const Buckets*> parsers;
  for (const auto& parser : run.buckets) parsers.push_back(parser.get());
  std::vector<const FcrOwner*> finished;
  for (const auto& owner : run.owners) finished.push_back(owner.get());
  SetReports(CollectRows(options, zone, parsers, finished), result);
  return result;
}

}  // namespace cx::kpi
