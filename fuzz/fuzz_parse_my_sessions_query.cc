// parse_my_sessions_query: never crashes; whatever it accepts is a sorted
// list of distinct positive ids within the cap and a reminder within its
// range, which written back as the link writes it parses to the same.
#include <string>

#include "feeds/my_sessions.h"
#include "fuzz_support.h"

using confsched::kMaxAlarmMinutes;
using confsched::kMaxMySessions;
using confsched::MySessionsQuery;
using confsched::parse_my_sessions_query;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  // ids, then the reminder after the first '&'.
  size_t amp = in.find('&');
  std::string_view ids = in.substr(0, amp);
  std::string_view alarm = amp == std::string_view::npos ? std::string_view() : in.substr(amp + 1);
  MySessionsQuery q = parse_my_sessions_query(ids, alarm);
  if (!q.problem.empty()) return 0;
  FUZZ_CHECK(q.ids.size() <= kMaxMySessions);
  FUZZ_CHECK(q.alarm_minutes >= 0 && q.alarm_minutes <= kMaxAlarmMinutes);
  std::string again;
  for (size_t i = 0; i < q.ids.size(); ++i) {
    FUZZ_CHECK(q.ids[i] > 0 && q.ids[i] < 1000000000000);
    FUZZ_CHECK(i == 0 || q.ids[i - 1] < q.ids[i]);
    again += (i ? "," : "") + std::to_string(q.ids[i]);
  }
  MySessionsQuery back = parse_my_sessions_query(again, std::to_string(q.alarm_minutes));
  FUZZ_CHECK(back.problem.empty() && back.ids == q.ids && back.alarm_minutes == q.alarm_minutes);
  return 0;
}
