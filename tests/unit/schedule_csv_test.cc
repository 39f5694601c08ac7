#include "import/schedule_csv.h"

#include <string>

#include "test_support.h"

using namespace confsched;

namespace {

const std::string kHeader = "guid,title,day,start,end,room,track,kind,status,speakers,abstract\r\n";

ScheduleParseResult parse(const std::string& csv) {
  return parse_schedule_csv(csv, ScheduleParseOptions{"Europe/Berlin", "Test Conf"});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_csv)

BOOST_AUTO_TEST_CASE(splits_records_as_rfc_4180_says) {
  CsvParseResult r = parse_csv(
      "\xEF\xBB\xBF"
      "a,\"b,\"\"c\"\"\",\r\n\"multi\nline\",x,\n\nlast,,z");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_TEST_REQUIRE(r.records.size() == 3u);
  BOOST_TEST(r.records[0].cells == (std::vector<std::string>{"a", "b,\"c\"", ""}));
  BOOST_TEST(r.records[1].cells == (std::vector<std::string>{"multi\nline", "x", ""}));
  BOOST_TEST(r.records[1].line == 2u);
  BOOST_TEST(r.records[2].line == 5u);  // after the quoted line end and a blank line
  BOOST_TEST(r.records[2].cells == (std::vector<std::string>{"last", "", "z"}));
}

BOOST_AUTO_TEST_CASE(broken_quoting_and_encodings_name_the_line) {
  auto error = [](const std::string& text) { return parse_csv(text).error; };
  BOOST_TEST(error("a,b\nc,\"open\n\n").rfind("line 2: a quoted cell is never closed", 0) == 0);
  BOOST_TEST(error("a\nb\"c\n").rfind("line 2: a quote inside an unquoted cell", 0) == 0);
  BOOST_TEST(error("\"a\"b\n").rfind("line 1: text after a closing quote", 0) == 0);
  BOOST_TEST(error("ok\ncaf\xE9\n").rfind("line 2: not valid UTF-8", 0) == 0);  // Latin-1
  BOOST_TEST(error(std::string("t\0i\0t\0", 6)).find("NUL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reads_sessions) {
  ScheduleParseResult r =
      parse(kHeader +
            "g1,Opening,2026-06-12,09:00,09:30,Saal 1,Core,keynote,,Ada; Bob "
            ";,\"Hello, \"\"world\"\"\"\r\n"
            "g2,Party,2026-06-12,23:00,01:00,Saal 2,,social,cancelled,Ada,\r\n");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const ImportedProgramme& p = *r.programme;
  BOOST_TEST(p.event.name == "Test Conf");
  BOOST_TEST(p.event.time_zone == "Europe/Berlin");
  BOOST_TEST(p.event.starts_on == "2026-06-12");
  BOOST_TEST(p.rooms == (std::vector<std::string>{"Saal 1", "Saal 2"}));
  BOOST_TEST(p.speakers.size() == 2u);
  BOOST_TEST_REQUIRE(p.sessions.size() == 2u);
  BOOST_TEST(p.sessions[0].guid == "g1");
  BOOST_TEST(p.sessions[0].kind == "keynote");
  BOOST_TEST(p.sessions[0].status == "scheduled");
  BOOST_TEST(p.sessions[0].abstract == "Hello, \"world\"");
  BOOST_TEST(p.sessions[0].speakers.size() == 2u);
  BOOST_TEST(p.tracks.at(*p.sessions[0].track).name == "Core");
  BOOST_TEST(p.sessions[1].ends_at == "2026-06-13 01:00:00");  // past midnight
  BOOST_TEST(p.sessions[1].status == "cancelled");
  BOOST_TEST(!p.sessions[1].track);
}

BOOST_AUTO_TEST_CASE(columns_in_any_order_and_optional_ones_left_out) {
  ScheduleParseResult r = parse("Room,Title,Day,Start,End\nHall,Hi,2026-06-12,10:00,10:45\n");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_TEST(r.programme->sessions[0].kind == "talk");
  BOOST_TEST(r.programme->sessions[0].guid.empty());
}

BOOST_AUTO_TEST_CASE(formula_cells_stay_text) {
  ScheduleParseResult r =
      parse(kHeader +
            "=1+1,\"=HYPERLINK(\"\"http://evil\"\")\",2026-06-12,09:00,09:30,+room,"
            "-track,talk,,@sum,=cmd|' /C calc'!A0\n");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const ImportedProgramme& p = *r.programme;
  BOOST_TEST(p.sessions[0].guid == "=1+1");
  BOOST_TEST(p.sessions[0].title == "=HYPERLINK(\"http://evil\")");
  BOOST_TEST(p.rooms[0] == "+room");
  BOOST_TEST(p.tracks[0].name == "-track");
  BOOST_TEST(p.speakers[0].name == "@sum");
  BOOST_TEST(p.sessions[0].abstract == "=cmd|' /C calc'!A0");
}

BOOST_AUTO_TEST_CASE(bad_rows_name_their_line) {
  auto error = [](const std::string& rows) { return parse(kHeader + rows).error; };
  std::string ok = "g,T,2026-06-12,09:00,09:30,R,,,,,\n";
  BOOST_TEST(error(ok + "g2,T,2026-13-01,09:00,09:30,R,,,,,\n").rfind("line 3: day", 0) == 0);
  BOOST_TEST(error(ok + "g2,T,2026-06-12,9am,09:30,R,,,,,\n").rfind("line 3: start", 0) == 0);
  BOOST_TEST(error(ok + "g2,,2026-06-12,09:00,09:30,R,,,,,\n").rfind("line 3: the title", 0) == 0);
  BOOST_TEST(error(ok + "g2,T,2026-06-12,09:00,09:30,R,,lecturing,,,\n").rfind("line 3: kind", 0) ==
             0);
  BOOST_TEST(error(ok + "g2,T,2026-06-12,09:00,09:30,R,,,maybe,,\n").rfind("line 3: status", 0) ==
             0);
  BOOST_TEST(error(ok + "g2,T\n").rfind("line 3: 2 cells where the header has 11", 0) == 0);
  BOOST_TEST(error(ok + ok).find("appears twice") != std::string::npos);
  BOOST_TEST(parse("title,day,start,end,room,speaker\n").error.rfind("line 1: unknown column", 0) ==
             0);
  BOOST_TEST(parse("title,day,start,end\n").error.rfind("line 1: no column \"room\"", 0) == 0);
  BOOST_TEST(parse(kHeader).error.find("no sessions") != std::string::npos);
  BOOST_TEST(parse("").error == "line 1: the file is empty");
}

BOOST_AUTO_TEST_CASE(bidi_controls_and_separators_are_refused_with_the_line) {
  auto error = [](const std::string& rows) { return parse(kHeader + rows).error; };
  std::string ok = "g,T,2026-06-12,09:00,09:30,R,,,,,\n";
  std::string rlo = "\u202E";
  BOOST_TEST(error(ok + "g2,Evil" + rlo + ",2026-06-12,09:00,09:30,R,,,,,\n") ==
             "line 3: the title contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text "
             "display in a misleading order");
  BOOST_TEST(error(ok + "g2,T,2026-06-12,09:00,09:30,R" + rlo + ",,,,,\n")
                 .rfind("line 3: the room name contains U+202E", 0) == 0u);
  BOOST_TEST(error(ok + "g2,T,2026-06-12,09:00,09:30,R,Tr\u2066ack,,,,\n")
                 .rfind("line 3: the track name contains U+2066", 0) == 0u);
  BOOST_TEST(
      error(ok + "g2,T,2026-06-12,09:00,09:30,R,,,,Ada; Bob\u2028Smith,\n")
          .rfind("line 3: a speaker name contains a line break (U+2028 LINE SEPARATOR)", 0) == 0u);
  // A quoted abstract spans lines; the line is where its record starts.
  BOOST_TEST(error(ok + "g2,T,2026-06-12,09:00,09:30,R,,,,,\"one\ntwo \u2069\"\n")
                 .rfind("line 3: the abstract contains U+2069 POP DIRECTIONAL ISOLATE", 0) == 0u);
  BOOST_TEST(error(ok + "g2,T\x1B[2J,2026-06-12,09:00,09:30,R,,,,,\n") ==
             "line 3: the title contains the control character U+001B ESCAPE");
  // Right-to-left marks, and separators in the abstract, are fine.
  ScheduleParseResult fine =
      parse(kHeader + "g,\u05E9\u200F T,2026-06-12,09:00,09:30,R,,,,,\"a\u2028b\"\n");
  BOOST_TEST(fine.ok(), fine.error);
}

BOOST_AUTO_TEST_CASE(huge_files_are_refused_unread) {
  std::string huge(kMaxScheduleBytes + 1, 'a');
  BOOST_TEST(parse(huge).error.find("larger than 20 MiB") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
