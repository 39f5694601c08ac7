#include "feeds/my_sessions.h"

#include <algorithm>

#include "util/translate.h"

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

SessionIdList parse_session_id_list(std::string_view text) {
  SessionIdList list;
  for (size_t start = 0; !text.empty();) {
    size_t comma = text.find(',', start);
    std::string_view item =
        text.substr(start, comma == std::string_view::npos ? text.size() - start : comma - start);
    int64_t id = plain_decimal(item, 12);
    if (id <= 0) {
      list.problem = tr("The list of sessions in this link is damaged: take a new link.");
      return list;
    }
    if (list.ids.size() == kMaxMySessions) {
      list.problem = fill_text(
          tr("This link names more than {count} sessions; star fewer and take a new link."),
          {{"count", std::to_string(kMaxMySessions)}});
      return list;
    }
    list.ids.push_back(id);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::sort(list.ids.begin(), list.ids.end());
  list.ids.erase(std::unique(list.ids.begin(), list.ids.end()), list.ids.end());
  return list;
}

MySessionsQuery parse_my_sessions_query(std::string_view ids, std::string_view alarm) {
  MySessionsQuery q;
  SessionIdList list = parse_session_id_list(ids);
  if (!list.problem.empty()) {
    q.problem = std::move(list.problem);
    return q;
  }
  q.ids = std::move(list.ids);
  if (!alarm.empty()) {
    int64_t minutes = alarm == "0" ? 0 : plain_decimal(alarm, 4);
    if (minutes < 0 || minutes > kMaxAlarmMinutes) {
      q.problem = fill_text(tr("The reminder must be a number of minutes from 0 to {max}."),
                            {{"max", std::to_string(kMaxAlarmMinutes)}});
      return q;
    }
    q.alarm_minutes = static_cast<int>(minutes);
  }
  return q;
}

}  // namespace confsched
