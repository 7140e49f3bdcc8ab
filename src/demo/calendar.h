#pragma once
// Private to demo/: dates and times for planned contacts.

#include <chrono>
#include <string>

namespace cx::demo {

inline std::string FormatDate(std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

// "YYYY-MM-DDTHH:MM" of a local date and minute of the day.
inline std::string FormatLocal(std::chrono::sys_days day, int minute_of_day) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return FormatDate(day) + "T" + text;
}

// ISO weekday, 1 = Monday ... 7 = Sunday.
inline int IsoWeekday(std::chrono::sys_days day) {
  const unsigned c = std::chrono::weekday{day}.c_encoding();  // 0 = Sunday
  return c == 0 ? 7 : static_cast<int>(c);
}

}  // namespace cx::demo
