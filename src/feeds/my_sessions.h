// "/my-sessions.ics?ids=12,34&alarm=10": a calendar of just the sessions a
// delegate starred. Stars live in the browser (agenda.js), so the URL
// itself is the state: the server stores nothing per delegate, and the
// feed token beside it opens it like any feed.
//
// The query is outside input: parse_my_sessions_query is a pure function
// with a fuzz target (fuzz/fuzz_parse_my_sessions_query.cc).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace confsched {

// More stars than anyone attends; it bounds the work of one request.
inline constexpr size_t kMaxMySessions = 300;
// A reminder more than a day ahead is no reminder.
inline constexpr int kMaxAlarmMinutes = 24 * 60;

// A list of session ids as the starred sessions' calendar and the stars'
// share link (/stars) carry it: decimal ids (1 to 12 digits, no leading
// zero) separated by commas, at most kMaxMySessions, any order, repeats
// ignored; empty means none. ids comes out ascending without repeats, or
// problem is set (a sentence for the 400 page).
struct SessionIdList {
  std::vector<int64_t> ids;
  std::string problem;
};
SessionIdList parse_session_id_list(std::string_view text);

struct MySessionsQuery {
  std::vector<int64_t> ids;  // ascending, no repeats
  int alarm_minutes = 0;     // 0: no reminder
  std::string problem;       // set: the query is refused (400), a sentence
};

// ids: as parse_session_id_list reads them. alarm: "" or decimal minutes
// 0..kMaxAlarmMinutes. Anything else sets problem.
MySessionsQuery parse_my_sessions_query(std::string_view ids, std::string_view alarm);

}  // namespace confsched
