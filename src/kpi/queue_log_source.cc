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

  void Line(std::string_view line, int64_t number) {
    std::string_view fields[kMaxFields];
    int count = 0;
    size_t pos = 0;
    while (count < kMaxFields) {
      const size_t bar = line.find('|', pos);
      fields[count++] = line.substr(pos, bar == std::string_view::npos ? bar : bar - pos);
      if (bar == std::string_view::npos) break;
      pos = bar + 1;
    }
    if (count < 5) {
      Bad(number, "expected epoch|callid|queue|agent|event[|data...], found " +
                      std::to_string(count) + " fields (truncated line?)");
      return;
    }
    int64_t time = 0;
    if (!ParseInt(fields[0], time) || time < 0 || time > kMaxTime) {
      Bad(number, "expected a UNIX time from 1970 to 2106, found '" + std::string(fields[0]) + "'");
      return;
    }
    // One line with a wrong clock (a time in 2533) would stretch a logged-in
    // agent's staffed time, interval by interval, to that date: gigabytes.
    if (first_time_ < 0) first_time_ = time;
    if (time - first_time_ > kMaxSpanSeconds || first_time_ - time > kMaxSpanSeconds) {
      Bad(number, "the time " + std::string(fields[0]) + " is more than " +
                      std::to_string(kMaxSpanSeconds / 86400) +
                      " days from the log's first line (" + std::to_string(first_time_) +
                      "): a wrong clock?");
      return;
    }
    last_time_ = std::max(last_time_, time);
    const std::string_view callid = fields[1];
    const std::string_view queue = fields[2];
    const std::string_view agent = fields[3];
    const std::string_view event = fields[4];
    const std::string_view* data = fields + 5;
    int data_count = count - 5;
    const bool trailing_bar = !line.empty() && line.back() == '|';

    auto expect = [&](int wanted) {
      if (trailing_bar && data_count == wanted + 1) {
        result_.diagnostics.Warn(
            number, "trailing '|' after the last field of " + std::string(event) + ": ignored");
        data_count = wanted;
      }
      if (data_count < wanted) {
        Bad(number, std::string(event) + ": expected " + std::to_string(wanted) +
                        " data fields, found " + std::to_string(data_count));
        return false;
      }
      return true;
    };
    auto number_at = [&](int index, int64_t& value) {
      if (!ParseInt(data[index], value) || value < 0) {
        Bad(number, std::string(event) + ": data field " + std::to_string(index + 1) +
                        " must be a whole number of seconds, found '" + std::string(data[index]) +
                        "'");
        return false;
      }
      return true;
    };

    if (event == "ENTERQUEUE") {
      if (!expect(2)) return;
      auto [found, inserted] = calls_.try_emplace(CallKey{callid, queue});
      if (!inserted) {
        Warn(number, "call " + std::string(callid) + " entered queue " + std::string(queue) +
                         " again before it left (line " + std::to_string(found->second.line) +
                         "): the first stay is left out");
        found->second = Call{};
      }
      Call& call = found->second;
      call.callerid = data[1];
      call.entered = call.last_event = time;
      call.line = number;
      return;
    }
    if (event == "CONNECT") {
      int64_t hold = 0;
      if (!expect(3) || !number_at(0, hold)) return;
      Call* call = Find(callid, queue, time, number, event);
      if (call == nullptr) {
        call = &calls_[CallKey{callid, queue}];
        call->entered = time - hold;
        call->line = number;
      }
      call->connected = true;
      call->connected_at = time;
      call->hold_s = hold;
      call->agent = agent;
      return;
    }
    const bool complete = event == "COMPLETECALLER" || event == "COMPLETEAGENT";
    const bool transfer = event == "TRANSFER" || event == "BLINDTRANSFER";
    const bool attended = event == "ATTENDEDTRANSFER";
    if (complete || transfer || attended) {
      // holdtime|calltime|origposition are the last three data fields.
      const int wanted = complete ? 3 : 5;
      if (!expect(wanted)) return;
      int64_t hold = 0, talk = 0;
      if (!number_at(data_count - 3, hold) || !number_at(data_count - 2, talk)) return;
      Call* call = Find(callid, queue, time, number, event);
      Call orphan;
      if (call == nullptr) {
        orphan.entered = time - talk - hold;
        orphan.agent = agent;
        call = &orphan;
      } else if (!call->connected) {
        Warn(number, std::string(event) + " of call " + std::string(callid) +
                         " with no CONNECT before it: answered after " + std::to_string(hold) +
                         " s, as its data says");
      }
      Interaction contact;
      contact.queue = queue;
      contact.agent = call->agent.empty() ? agent : call->agent;
      contact.channel = "voice";
      contact.customer_id = call->callerid;
      contact.offered = call->entered;
      contact.outcome = Outcome::kAnswered;
      contact.wait_s = hold;
      contact.handle_s = talk;  // queue_log has no hold or wrap-up of its own
      contact.transferred = !complete;
      if (talk > 0) {
        aggregator_.AddAgentTime(queue, contact.agent, contact.channel, time - talk, time, true);
      }
      Emit(contact);
      calls_.erase(CallKey{callid, queue});
      return;
    }
    const bool abandon = event == "ABANDON";
    const bool exit_key = event == "EXITWITHKEY";
    if (abandon || exit_key || event == "EXITWITHTIMEOUT" || event == "EXITEMPTY") {
      const int wanted = exit_key ? 4 : 3;
      int64_t wait = 0;
      if (!expect(wanted) || !number_at(wanted - 1, wait)) return;
      Call* call = Find(callid, queue, time, number, event);
      Interaction contact;
      contact.queue = queue;
      contact.channel = "voice";
      contact.offered = call != nullptr ? call->entered : time - wait;
      contact.customer_id = call != nullptr ? call->callerid : std::string_view();
      contact.outcome = abandon ? Outcome::kAbandoned : Outcome::kExited;
      contact.wait_s = wait;
      Emit(contact);
      calls_.erase(CallKey{callid, queue});
      return;
    }
    if (event == "RINGNOANSWER" || event == "RINGCANCELED") {
      int64_t ring_ms = 0;
      if (!expect(1) || !number_at(0, ring_ms)) return;
      return;  // ring attempts of agents: no KPI of a call
    }
    if (event == "ADDMEMBER" || event == "AGENTLOGIN" || event == "AGENTCALLBACKLOGIN") {
      Membership* member = FindMember(queue, agent);
      if (member != nullptr) {
        Warn(number, std::string(event) + " of " + std::string(agent) + " in " + QueueName(queue) +
                         ", already logged in since line " + std::to_string(member->line) +
                         ": ignored");
        return;
      }
      members_.push_back(Membership{NormalQueue(queue), std::string(agent), time, number, false});
      return;
    }
    if (event == "REMOVEMEMBER" || event == "AGENTLOGOFF" || event == "AGENTCALLBACKLOGOFF") {
      Membership* member = FindMember(queue, agent);
      if (member == nullptr) {
        Warn(number, std::string(event) + " of " + std::string(agent) + " in " + QueueName(queue) +
                         " without a login before it: no staffed time counted");
        return;
      }
      CloseStaffed(*member, time);
      *member = std::move(members_.back());
      members_.pop_back();
      return;
    }
    const bool pause_all = event == "PAUSEALL" || event == "UNPAUSEALL";
    if (event == "PAUSE" || event == "UNPAUSE" || pause_all) {
      // PAUSE in queue NONE or ALL (or PAUSEALL) pauses every queue of the agent.
      const bool pause = event == "PAUSE" || event == "PAUSEALL";
      const bool every_queue = pause_all || queue == "NONE" || queue == "ALL" || queue.empty();
      bool any = false;
      for (Membership& member : members_) {
        if (member.agent != agent || (!every_queue && member.queue != queue)) continue;
        any = true;
        if (pause && !member.paused) {
          CloseStaffed(member, time);
          member.paused = true;
        } else if (!pause && member.paused) {
          member.paused = false;
          member.since = time;
        }
      }
      if (!any) {
        Warn(number, std::string(event) + " of " + std::string(agent) +
                         ", who is not logged in to " + QueueName(queue) + ": ignored");
      }
      return;
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
    Bad(number, "unknown event '" + std::string(event) + "' (truncated line?)");
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
  while (pos < text.size()) {
    if (pos - dropped > (32u << 20)) {  // keep resident memory flat (see DropPages)
      DropPages(text.data() + dropped, text.data() + pos);
      dropped = pos;
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
