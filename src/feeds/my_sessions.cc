#include "feeds/my_sessions.h"

#include <algorithm>

namespace confsched {

namespace {

// A decimal number as the pages write ids: no sign, no leading zero, at
// most max_digits digits. Returns -1 for anything else.
int64_t plain_decimal(std::string_view text, size_t max_digits) {
  if (text.empty() || text.size() > max_digits || (text.size() > 1 && text[0] == '0')) return -1;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

MySessionsQuery parse_my_sessions_query(std::string_view ids, std::string_view alarm) {
  MySessionsQuery q;
  for (size_t start = 0; !ids.empty() && start <= ids.size();) {
    size_t comma = ids.find(',', start);
    std::string_view item =
        ids.substr(start, comma == std::string_view::npos ? ids.size() - start : comma - start);
    int64_t id = plain_decimal(item, 12);
    if (id <= 0) {
      q.problem =
          "The list of sessions in this link is damaged: take a new link from the feeds page.";
      return q;
    }
    if (q.ids.size() == kMaxMySessions) {
      q.problem = "This link names more than " + std::to_string(kMaxMySessions) +
                  " sessions; star fewer and take a new link from the feeds page.";
      return q;
    }
    q.ids.push_back(id);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::sort(q.ids.begin(), q.ids.end());
  q.ids.erase(std::unique(q.ids.begin(), q.ids.end()), q.ids.end());
  if (!alarm.empty()) {
    int64_t minutes = alarm == "0" ? 0 : plain_decimal(alarm, 4);
    if (minutes < 0 || minutes > kMaxAlarmMinutes) {
      q.problem = "The reminder must be a number of minutes from 0 to " +
                  std::to_string(kMaxAlarmMinutes) + ".";
      return q;
    }
    q.alarm_minutes = static_cast<int>(minutes);
  }
  return q;
}

}  // namespace confsched
