// Writes the data of bench/kpi.sh: N contacts (default 10 million) as a
// contact CSV, and the same contacts as an Asterisk queue_log. Reproducible
// (fixed seed). Usage: gen_kpi_data CONTACTS OUT.csv OUT.queue_log
//
// 60 days from Monday 2026-02-16 (the spring DST change, 2026-03-29, is
// inside), contacts offered 07:00-21:00 Oslo time, in order of offering;
// 20 queues of 100 agents each, 2 million customers, 40 % of contacts with a
// case id; 85 % answered.
#include <date/tz.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

struct Event {
  int64_t time;
  int64_t order;  // ties: the order of writing
  std::string text;
};

void Iso(char* out, size_t size, int64_t utc, const date::time_zone* zone) {
  const date::sys_seconds instant{std::chrono::seconds{utc}};
  const auto info = zone->get_info(instant);
  const int64_t offset = info.offset.count();
  const auto local = date::local_seconds{std::chrono::seconds{utc + offset}};
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> time{local - day};
  std::snprintf(
      out, size, "%04d-%02u-%02uT%02lld:%02lld:%02lld+%02lld:00", static_cast<int>(ymd.year()),
      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
      static_cast<long long>(time.hours().count()), static_cast<long long>(time.minutes().count()),
      static_cast<long long>(time.seconds().count()), static_cast<long long>(offset / 3600));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: gen_kpi_data CONTACTS OUT.csv OUT.queue_log\n");
    return 2;
  }
  const int64_t contacts = std::atoll(argv[1]);
  std::FILE* csv = std::fopen(argv[2], "wb");
  std::FILE* log = std::fopen(argv[3], "wb");
  if (csv == nullptr || log == nullptr) {
    std::perror("gen_kpi_data");
    return 1;
  }
  const date::time_zone* zone = date::locate_zone("Europe/Oslo");
  std::mt19937_64 random(20261124);
  auto uniform = [&](int64_t low, int64_t high) {  // [low, high]
    return std::uniform_int_distribution<int64_t>(low, high)(random);
  };
  std::exponential_distribution<double> wait_of(1.0 / 25.0);
  const int days = 60;
  const int64_t per_day = (contacts + days - 1) / days;
  const char* channels[] = {"voice", "voice", "voice", "voice", "voice",
                            "voice", "voice", "chat",  "chat",  "email"};
  std::fputs(
      "contact_id,channel,queue,customer_id,case_id,offered,answered,ended,hold_s,wrap_s,agent,"
      "outcome\n",
      csv);
  int64_t contact_id = 0;
  char offered_text[64], answered_text[64], ended_text[64];
  std::vector<Event> events;
  for (int day = 0; day < days && contact_id < contacts; ++day) {
    const auto local_day = date::local_days{date::year{2026} / 2 / 16} + date::days{day};
    const int64_t open =
        std::chrono::floor<std::chrono::seconds>(zone->to_sys(local_day + std::chrono::hours{7}))
            .time_since_epoch()
            .count();
    const int64_t today = std::min(per_day, contacts - contact_id);
    const int64_t span = 14 * 3600;
    std::vector<int64_t> offsets(static_cast<size_t>(today));
    for (auto& offset : offsets) offset = uniform(0, span - 1);
    std::sort(offsets.begin(), offsets.end());
    events.clear();
    for (int64_t offset : offsets) {
      ++contact_id;
      const int64_t offered = open + offset;
      const int queue = static_cast<int>(uniform(1, 20));
      const int64_t customer = uniform(1, 2000000);
      const bool has_case = uniform(0, 9) < 4;
      const char* channel = channels[uniform(0, 9)];
      const bool answered = uniform(0, 99) < 85;
      char case_id[32] = "";
      if (has_case) {
        std::snprintf(case_id, sizeof case_id, "k%lld-%d", static_cast<long long>(customer),
                      day / 14);
      }
      Iso(offered_text, sizeof offered_text, offered, zone);
      const std::string callid = std::to_string(offered) + "." + std::to_string(contact_id);
      char customer_text[16];
      std::snprintf(customer_text, sizeof customer_text, "c%07lld",
                    static_cast<long long>(customer));
      events.push_back({offered, contact_id * 4,
                        std::to_string(offered) + "|" + callid + "|q" + std::to_string(queue) +
                            "|NONE|ENTERQUEUE||" + customer_text + "\n"});
      if (answered) {
        const auto wait = static_cast<int64_t>(wait_of(random));
        const int64_t talk = uniform(30, 900);
        const int64_t hold = uniform(0, 9) < 7 ? 0 : uniform(1, std::min<int64_t>(talk, 120));
        const int64_t wrap = uniform(0, 120);
        const bool transferred = uniform(0, 99) < 8;
        const int agent = queue * 100 + static_cast<int>(uniform(0, 99));
        Iso(answered_text, sizeof answered_text, offered + wait, zone);
        Iso(ended_text, sizeof ended_text, offered + wait + talk, zone);
        std::fprintf(csv, "%lld,%s,q%d,%s,%s,%s,%s,%s,%lld,%lld,a%04d,%s\n",
                     static_cast<long long>(contact_id), channel, queue, customer_text, case_id,
                     offered_text, answered_text, ended_text, static_cast<long long>(hold),
                     static_cast<long long>(wrap), agent, transferred ? "transferred" : "resolved");
        const std::string member = "PJSIP/a" + std::to_string(agent);
        events.push_back({offered + wait, contact_id * 4 + 1,
                          std::to_string(offered + wait) + "|" + callid + "|q" +
                              std::to_string(queue) + "|" + member + "|CONNECT|" +
                              std::to_string(wait) + "|" + callid + "1|3\n"});
        events.push_back({offered + wait + talk, contact_id * 4 + 2,
                          std::to_string(offered + wait + talk) + "|" + callid + "|q" +
                              std::to_string(queue) + "|" + member +
                              (transferred ? "|BLINDTRANSFER|2000|default|" : "|COMPLETECALLER|") +
                              std::to_string(wait) + "|" + std::to_string(talk) + "|1\n"});
      } else {
        const int64_t wait = uniform(0, 180);
        Iso(ended_text, sizeof ended_text, offered + wait, zone);
        std::fprintf(csv, "%lld,%s,q%d,%s,%s,%s,,%s,0,0,,abandoned\n",
                     static_cast<long long>(contact_id), channel, queue, customer_text, case_id,
                     offered_text, ended_text);
        events.push_back({offered + wait, contact_id * 4 + 2,
                          std::to_string(offered + wait) + "|" + callid + "|q" +
                              std::to_string(queue) + "|NONE|ABANDON|1|1|" + std::to_string(wait) +
                              "\n"});
      }
    }
    // The queue_log is written in time order; calls that end after midnight
    // are none (the last call is offered before 21:00 and lasts < 20 min).
    std::sort(events.begin(), events.end(), [](const Event& left, const Event& right) {
      return left.time != right.time ? left.time < right.time : left.order < right.order;
    });
    for (const Event& event : events) std::fputs(event.text.c_str(), log);
  }
  std::fclose(csv);
  std::fclose(log);
  return 0;
}
