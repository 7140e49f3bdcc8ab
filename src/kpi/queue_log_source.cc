// Asterisk's queue_log: one line per event, pipe-separated:
//   epoch|callid|queue|agent|event|data1|data2|...
// Field meanings from the Asterisk documentation, "Queue Logs"
// (https://docs.asterisk.org/Operation/Logging/Queue-Logs/):
//   ENTERQUEUE(url|callerid)
//   CONNECT(holdtime|bridgedchanneluniqueid|ringtime)
//   COMPLETECALLER / COMPLETEAGENT(holdtime|calltime|origposition)
//   TRANSFER / BLINDTRANSFER(extension|context|holdtime|calltime|origposition)
//   ATTENDEDTRANSFER(method|method-data...|holdtime|calltime|origposition)
//   ABANDON / EXITWITHTIMEOUT / EXITEMPTY(position|origposition|waittime)
//   EXITWITHKEY(key|position|origposition|waittime)
//   RINGNOANSWER(ringtime in ms), RINGCANCELED(ringtime in ms)
// Agent events (ADDMEMBER, REMOVEMEMBER, PAUSE, UNPAUSE, PAUSEALL,
// UNPAUSEALL, AGENTLOGIN, AGENTLOGOFF) carry callid NONE; they describe
// agents, not calls, and give occupancy its staffed time (docs/kpi.md).
//
// One thread: a call's events span the file, so a split would have to carry
// calls in progress across the seam (left for later; see docs/kpi.md).
#include <algorithm>
#include <charconv>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/utf8.h"
#include "kpi/aggregator.h"
#include "kpi/mapped_file.h"
#include "kpi/sources.h"

namespace cx::kpi {
namespace {

constexpr int kMaxFields = 16;
// The most a log may span from its first line: ten years (docs/kpi.md).
constexpr int64_t kMaxSpanSeconds = 3660LL * 86400;

struct CallKey {
  std::string_view callid;
  std::string_view queue;
  bool operator==(const CallKey&) const = default;
};
struct CallKeyHash {
  size_t operator()(const CallKey& key) const {
    return std::hash<std::string_view>{}(key.callid) * 31 ^
           std::hash<std::string_view>{}(key.queue);
  }
};

// A call waiting in or connected from one queue. Views point into the file.
struct Call {
  std::string_view callerid;
  std::string_view agent;
  int64_t entered = 0;
  int64_t connected_at = 0;
  int64_t hold_s = 0;  // CONNECT's holdtime
  int64_t last_event = 0;
  int64_t line = 0;
  bool connected = false;
};

// An agent's membership of a queue (ADDMEMBER or AGENTLOGIN until
// REMOVEMEMBER or AGENTLOGOFF). `since` is when the current state began.
struct Membership {
  std::string queue;
  std::string agent;
  int64_t since = 0;
  int64_t line = 0;
  bool paused = false;
};

bool ParseInt(std::string_view text, int64_t& value) {
  const size_t dot = text.find('.');  // epoch with a fraction: whole seconds
  if (dot != std::string_view::npos) text = text.substr(0, dot);
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

class QueueLogParser {
 public:
  QueueLogParser(Aggregator& aggregator, RunResult& result)
      : aggregator_(aggregator), result_(result) {}

  // One line: split into fields, time checked, then handed to the handler
  // of its event.
  void Line(std::string_view line, int64_t number) {
    Event e;
    e.number = number;
    const int count = SplitFields(line, e.fields);
    if (count < 5) {
      Bad(number, "expected epoch|callid|queue|agent|event[|data...], found " +
                      std::to_string(count) + " fields (truncated line?)");
      return;
    }
    if (!CheckTime(e.fields[0], number, e.time)) return;
    e.callid = e.fields[1];
    e.queue = e.fields[2];
    e.agent = e.fields[3];
    e.event = e.fields[4];
    e.data = e.fields + 5;
    e.data_count = count - 5;
    e.trailing_bar = !line.empty() && line.back() == '|';
    Dispatch(e);
  }

  void Finish() {
    // Agents still logged in when the log ends: staffed until its last event.
    if (!members_.empty()) {
      for (Membership& member : members_) CloseStaffed(member, last_time_);
      result_.diagnostics.Warn(0, std::to_string(members_.size()) +
                                      " agent memberships were still logged in at the end of the "
                                      "log: staffed time counted until its last event");
      members_.clear();
    }
    int64_t open = 0;
    for (const auto& [key, call] : calls_) {
      ++open;
      if (open <= 20) {
        result_.diagnostics.Warn(
            call.line, "call " + std::string(key.callid) + " in queue " + std::string(key.queue) +
                           (call.connected ? " was connected but" : "") + " never ended: left out");
      }
    }
    if (open > 20) {
      result_.diagnostics.Warn(0, std::to_string(open) + " calls in all never ended: left out");
    }
  }

 private:
  // One line's fields; `data` points into `fields` past the event name.
  struct Event {
    std::string_view fields[kMaxFields];
    int64_t number = 0;
    int64_t time = 0;
    std::string_view callid, queue, agent, event;
    const std::string_view* data = nullptr;
    int data_count = 0;
    bool trailing_bar = false;
  };

  // Splits at '|' into at most kMaxFields fields; returns how many.
  static int SplitFields(std::string_view line, std::string_view* fields) {
    int count = 0;
    size_t pos = 0;
    while (count < kMaxFields) {
      const size_t bar = line.find('|', pos);
      fields[count++] = line.substr(pos, bar == std::string_view::npos ? bar : bar - pos);
      if (bar == std::string_view::npos) break;
      pos = bar + 1;
    }
    return count;
  }

  // The line's UNIX time, within kMaxSpanSeconds of the log's first line.
  bool CheckTime(std::string_view text, int64_t number, int64_t& time) {
    if (!ParseInt(text, time) || time < 0 || time > kMaxTime) {
      Bad(number, "expected a UNIX time from 1970 to 2106, found '" + std::string(text) + "'");
      return false;
    }
    // One line with a wrong clock (a time in 2533) would stretch a logged-in
    // agent's staffed time, interval by interval, to that date: gigabytes.
    if (first_time_ < 0) first_time_ = time;
    if (time - first_time_ > kMaxSpanSeconds || first_time_ - time > kMaxSpanSeconds) {
      Bad(number, "the time " + std::string(text) + " is more than " +
                      std::to_string(kMaxSpanSeconds / 86400) +
                      " days from the log's first line (" + std::to_string(first_time_) +
                      "): a wrong clock?");
      return false;
    }
    last_time_ = std::max(last_time_, time);
    return true;
  }

  // At least `wanted` data fields (a trailing '|' one too many is a warning).
  bool Expect(Event& e, int wanted) {
    if (e.trailing_bar && e.data_count == wanted + 1) {
      result_.diagnostics.Warn(
          e.number, "trailing '|' after the last field of " + std::string(e.event) + ": ignored");
      e.data_count = wanted;
    }
    if (e.data_count < wanted) {
      Bad(e.number, std::string(e.event) + ": expected " + std::to_string(wanted) +
                        " data fields, found " + std::to_string(e.data_count));
      return false;
    }
    return true;
  }

  // Data field `index` as whole seconds (0 or more).
  bool NumberAt(const Event& e, int index, int64_t& value) {
    if (!ParseInt(e.data[index], value) || value < 0) {
      Bad(e.number, std::string(e.event) + ": data field " + std::to_string(index + 1) +
                        " must be a whole number of seconds, found '" + std::string(e.data[index]) +
                        "'");
      return false;
    }
    return true;
  }

  void Dispatch(Event& e) {
    const std::string_view event = e.event;
    if (event == "ENTERQUEUE") return OnEnterQueue(e);
    if (event == "CONNECT") return OnConnect(e);
    const bool complete = event == "COMPLETECALLER" || event == "COMPLETEAGENT";
    if (complete || event == "TRANSFER" || event == "BLINDTRANSFER" ||
        event == "ATTENDEDTRANSFER") {
      return OnAnswered(e, complete);
    }
    if (event == "ABANDON" || event == "EXITWITHKEY" || event == "EXITWITHTIMEOUT" ||
        event == "EXITEMPTY") {
      return OnLeftQueue(e);
    }
    if (event == "RINGNOANSWER" || event == "RINGCANCELED") {
      int64_t ring_ms = 0;
      if (!Expect(e, 1) || !NumberAt(e, 0, ring_ms)) return;
      return;  // ring attempts of agents: no KPI of a call
    }
    if (event == "ADDMEMBER" || event == "AGENTLOGIN" || event == "AGENTCALLBACKLOGIN") {
      return OnLogin(e);
    }
    if (event == "REMOVEMEMBER" || event == "AGENTLOGOFF" || event == "AGENTCALLBACKLOGOFF") {
      return OnLogoff(e);
    }
    if (event == "PAUSE" || event == "UNPAUSE" || event == "PAUSEALL" || event == "UNPAUSEALL") {
      return OnPause(e);
    }
    // Other agent and system events carry no call outcome. Any other event is
    // reported: a cut-off event name is how a truncated last line looks.
    static constexpr std::string_view kOther[] = {
        "ADDMEMBER",          "REMOVEMEMBER",        "PAUSE",      "UNPAUSE",
        "PAUSEALL",           "UNPAUSEALL",          "AGENTLOGIN", "AGENTLOGOFF",
        "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF", "QUEUESTART", "CONFIGRELOAD",
        "AGENTDUMP",          "SYSCOMPAT",           "DID",        "INFO",
        "JOINEMPTY",          "RINGCANCELED"};
    for (std::string_view known : kOther) {
      if (event == known) return;
    }
    Bad(e.number, "unknown event '" + std::string(event) + "' (truncated line?)");
  }

  void OnEnterQueue(Event& e) {
    if (!Expect(e, 2)) return;
    auto [found, inserted] = calls_.try_emplace(CallKey{e.callid, e.queue});
    if (!inserted) {
      Warn(e.number, "call " + std::string(e.callid) + " entered queue " + std::string(e.queue) +
                         " again before it left (line " + std::to_string(found->second.line) +
                         "): the first stay is left out");
      found->second = Call{};
    }
    Call& call = found->second;
    call.callerid = e.data[1];
    call.entered = call.last_event = e.time;
    call.line = e.number;
  }

  void OnConnect(Event& e) {
    int64_t hold = 0;
    if (!Expect(e, 3) || !NumberAt(e, 0, hold)) return;
    Call* call = Find(e.callid, e.queue, e.time, e.number, e.event);
    if (call == nullptr) {
      call = &calls_[CallKey{e.callid, e.queue}];
      call->entered = e.time - hold;
      call->line = e.number;
    }
    call->connected = true;
    call->connected_at = e.time;
    call->hold_s = hold;
    call->agent = e.agent;
  }

  // COMPLETECALLER, COMPLETEAGENT, or a transfer: an answered call ends.
  void OnAnswered(Event& e, bool complete) {
    // holdtime|calltime|origposition are the last three data fields.
    if (!Expect(e, complete ? 3 : 5)) return;
    int64_t hold = 0, talk = 0;
    if (!NumberAt(e, e.data_count - 3, hold) || !NumberAt(e, e.data_count - 2, talk)) return;
    Call* call = Find(e.callid, e.queue, e.time, e.number, e.event);
    Call orphan;
    if (call == nullptr) {
      orphan.entered = e.time - talk - hold;
      orphan.agent = e.agent;
      call = &orphan;
    } else if (!call->connected) {
      Warn(e.number, std::string(e.event) + " of call " + std::string(e.callid) +
                         " with no CONNECT before it: answered after " + std::to_string(hold) +
                         " s, as its data says");
    }
    Interaction contact;
    contact.queue = e.queue;
    contact.agent = call->agent.empty() ? e.agent : call->agent;
    contact.channel = "voice";
    contact.customer_id = call->callerid;
    contact.offered = call->entered;
    contact.outcome = Outcome::kAnswered;
    contact.wait_s = hold;
    contact.handle_s = talk;  // queue_log has no hold or wrap-up of its own
    contact.transferred = !complete;
    if (talk > 0) {
      aggregator_.AddAgentTime(e.queue, contact.agent, contact.channel, e.time - talk, e.time,
                               true);
    }
    Emit(contact);
    calls_.erase(CallKey{e.callid, e.queue});
  }

  // ABANDON or an exit (key, timeout, empty queue): a call leaves unanswered.
  void OnLeftQueue(Event& e) {
    const bool abandon = e.event == "ABANDON";
    const int wanted = e.event == "EXITWITHKEY" ? 4 : 3;
    int64_t wait = 0;
    if (!Expect(e, wanted) || !NumberAt(e, wanted - 1, wait)) return;
    Call* call = Find(e.callid, e.queue, e.time, e.number, e.event);
    Interaction contact;
    contact.queue = e.queue;
    contact.channel = "voice";
    contact.offered = call != nullptr ? call->entered : e.time - wait;
    contact.customer_id = call != nullptr ? call->callerid : std::string_view();
    contact.outcome = abandon ? Outcome::kAbandoned : Outcome::kExited;
    contact.wait_s = wait;
    Emit(contact);
    calls_.erase(CallKey{e.callid, e.queue});
  }

  void OnLogin(const Event& e) {
    Membership* member = FindMember(e.queue, e.agent);
    if (member != nullptr) {
      Warn(e.number, std::string(e.event) + " of " + std::string(e.agent) + " in " +
                         QueueName(e.queue) + ", already logged in since line " +
                         std::to_string(member->line) + ": ignored");
      return;
    }
    members_.push_back(
        Membership{NormalQueue(e.queue), std::string(e.agent), e.time, e.number, false});
  }

  void OnLogoff(const Event& e) {
    Membership* member = FindMember(e.queue, e.agent);
    if (member == nullptr) {
      Warn(e.number, std::string(e.event) + " of " + std::string(e.agent) + " in " +
                         QueueName(e.queue) +
                         " without a login before it: no staffed time counted");
      return;
    }
    CloseStaffed(*member, e.time);
    *member = std::move(members_.back());
    members_.pop_back();
  }

  void OnPause(const Event& e) {
    // PAUSE in queue NONE or ALL (or PAUSEALL) pauses every queue of the agent.
    const bool pause_all = e.event == "PAUSEALL" || e.event == "UNPAUSEALL";
    const bool pause = e.event == "PAUSE" || e.event == "PAUSEALL";
    const bool every_queue = pause_all || e.queue == "NONE" || e.queue == "ALL" || e.queue.empty();
    bool any = false;
    for (Membership& member : members_) {
      if (member.agent != e.agent || (!every_queue && member.queue != e.queue)) continue;
      any = true;
      if (pause && !member.paused) {
        CloseStaffed(member, e.time);
        member.paused = true;
      } else if (!pause && member.paused) {
        member.paused = false;
        member.since = e.time;
      }
    }
    if (!any) {
      Warn(e.number, std::string(e.event) + " of " + std::string(e.agent) +
                         ", who is not logged in to " + QueueName(e.queue) + ": ignored");
    }
  }

  // AGENTLOGIN and PAUSE often name no queue ("NONE"): the agent's own time.
  static std::string NormalQueue(std::string_view queue) {
    return queue == "NONE" ? std::string() : std::string(queue);
  }
  static std::string QueueName(std::string_view queue) {
    return queue == "NONE" || queue.empty() ? "no queue" : "queue " + std::string(queue);
  }
  Membership* FindMember(std::string_view queue, std::string_view agent) {
    const std::string normal = NormalQueue(queue);
    for (Membership& member : members_) {
      if (member.agent == agent && member.queue == normal) return &member;
    }
    return nullptr;
  }
  // Ends the staffed stretch of a member that is not paused at `time`.
  void CloseStaffed(Membership& member, int64_t time) {
    if (!member.paused && time > member.since) {
      aggregator_.AddAgentTime(member.queue, member.agent, "voice", member.since, time, false);
    }
    member.since = time;
  }

  void Bad(int64_t number, const std::string& why) { result_.diagnostics.Bad(number, why); }
  void Warn(int64_t number, const std::string& why) { result_.diagnostics.Warn(number, why); }

  Call* Find(std::string_view callid, std::string_view queue, int64_t time, int64_t number,
             std::string_view event) {
    auto found = calls_.find(CallKey{callid, queue});
    if (found == calls_.end()) {
      Warn(number, std::string(event) + " of call " + std::string(callid) + " in queue " +
                       std::string(queue) +
                       " with no ENTERQUEUE before it: times taken from its data");
      return nullptr;
    }
    Call& call = found->second;
    if (time < call.last_event) {
      Warn(number, std::string(event) + " of call " + std::string(callid) +
                       " is dated before the call's previous event (out of order)");
    }
    call.last_event = std::max(call.last_event, time);
    return &call;
  }

  void Emit(const Interaction& contact) {
    aggregator_.Add(contact);
    ++result_.contacts;
  }

  Aggregator& aggregator_;
  RunResult& result_;
  std::unordered_map<CallKey, Call, CallKeyHash> calls_;
  // Logged-in members: a handful per agent, so a linear search is enough.
  std::vector<Membership> members_;
  int64_t last_time_ = 0;
  int64_t first_time_ = -1;  // of the first line with a time
};

}  // namespace

Result<RunResult> RunQueueLog(const std::string& path, const Options& options) {
  if (auto checked = CheckReports(options); !checked) return checked.error();
  const date::time_zone* zone = ZoneClock::Locate(options.time_zone);
  if (zone == nullptr) return InvalidInput("unknown time zone '" + options.time_zone + "'");
  auto file = MappedFile::Open(path);
  if (!file) return file.error();
  const std::string_view text = file->text();
  RunResult result;
  result.bytes = static_cast<int64_t>(text.size());
  Aggregator aggregator(options, zone);
  QueueLogParser parser(aggregator, result);
  int64_t number = 0;
  size_t pos = 0;
  size_t dropped = 0;
  size_t reported = 0;
  while (pos < text.size()) {
    if (pos - dropped > (32u << 20)) {  // keep resident memory flat (see DropPages)
      DropPages(text.data() + dropped, text.data() + pos);
      dropped = pos;
    }
    if (options.on_progress && pos - reported > (4u << 20)) {
      options.on_progress(static_cast<int64_t>(pos), result.bytes);
      reported = pos;
    }
    const size_t newline = text.find('\n', pos);
    const size_t end = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    // Names (queue, agent) go to the reports as they are: another encoding
    // is refused before a line is read (one pass over a line in cache).
    if (auto utf8 = CheckUtf8(line, path, number); !utf8) return utf8.error();
    const int64_t bad_before = result.diagnostics.bad_lines;
    parser.Line(line, number);
    if (options.strict && result.diagnostics.bad_lines > bad_before) break;
  }
  result.lines = number;
  if (options.on_progress) options.on_progress(result.bytes, result.bytes);
  parser.Finish();
  SetReports(aggregator.Finish(), result);
  if (aggregator.fcr_out_of_order() > 0) {
    result.diagnostics.Warn(0, std::to_string(aggregator.fcr_out_of_order()) +
                                   " calls ended before an earlier-read call of the same caller "
                                   "began; FCR took them in the order read");
  }
  if (aggregator.fcr_out_of_range() > 0) {
    result.diagnostics.Warn(0, std::to_string(aggregator.fcr_out_of_range()) +
                                   " contacts offered before 1970 or after 2106: left out of FCR");
  }
  return result;
}

}  // namespace cx::kpi
