#include "import/schedule_json.h"

#include <string>

#include "import/import_format.h"
#include "test_support.h"

using namespace confsched;

namespace {

// One day, one room, the given events (JSON objects, comma-separated).
std::string schedule(const std::string& events, const std::string& conference_extra = "") {
  return R"({"schedule": {"version": "1", "conference": {"acronym": "tc", "title": "Test Conf",
  "start": "2026-06-12", "end": "2026-06-12", "time_zone_name": "Europe/Berlin",)" +
         conference_extra + R"(
  "rooms": [{"name": "Saal 1"}, {"name": "Saal 2"}],
  "tracks": [{"name": "Security", "color": "#112233"}],
  "days": [{"index": 1, "date": "2026-06-12", "rooms": {"Saal 1": [)" +
         events + "]}}]}}}\n";
}

std::string event(const std::string& id, const std::string& date, const std::string& extra = "") {
  return R"({"id": )" + id + R"(, "guid": "g-)" + id + R"(", "date": ")" + date +
         R"(", "start": "x", "duration": "00:45", "room": "Saal 1", "title": "Talk )" + id +
         R"(", "type": "Workshop", "track": "Security")" + extra + "}";
}

ScheduleParseResult parse(const std::string& json) {
  return parse_schedule_json(json, ScheduleParseOptions{"UTC"});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_json)

BOOST_AUTO_TEST_CASE(reads_sessions_rooms_tracks_and_persons) {
  ScheduleParseResult r = parse(schedule(
      event("7", "2026-06-12T09:30:00+02:00",
            R"(, "abstract": "A", "description": "D", "persons": [{"id": 3, "public_name": "Ada"},
            {"id": 4, "name": "Bob"}, {"id": 3, "public_name": "Ada"}, {"name": ""}],
            "links": [{"url": "https://x.example/", "title": "Slides"}, {"url": "javascript:1"}])") +
      "," + event("8", "2026-06-13T01:00:00+02:00")));
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const ImportedProgramme& p = *r.programme;
  BOOST_TEST(p.event.name == "Test Conf");
  BOOST_TEST(p.event.time_zone == "Europe/Berlin");
  BOOST_TEST(p.event.starts_on == "2026-06-12");
  BOOST_TEST(p.event.ends_on == "2026-06-13");  // widened to the night session
  BOOST_TEST(p.rooms.size() == 2u);
  BOOST_TEST(p.days == 1u);
  BOOST_TEST_REQUIRE(p.sessions.size() == 2u);
  const ImportedSession& s = p.sessions[0];
  BOOST_TEST(s.frab_id == 7);
  BOOST_TEST(s.guid == "g-7");
  BOOST_TEST(s.title == "Talk 7");
  BOOST_TEST(s.starts_at == "2026-06-12 09:30:00");  // the wall clock before the offset
  BOOST_TEST(s.ends_at == "2026-06-12 10:15:00");
  BOOST_TEST(s.kind == "workshop");
  BOOST_TEST(s.abstract == "A\n\nD");
  BOOST_TEST(p.tracks.at(*s.track).colour == "#112233");
  BOOST_TEST_REQUIRE(s.speakers.size() == 2u);  // the repeat and the nameless left out
  BOOST_TEST(p.speakers[s.speakers[0]].name == "Ada");
  BOOST_TEST(p.speakers[s.speakers[1]].frab_id == 4);
  BOOST_TEST_REQUIRE(s.materials.size() == 1u);
  BOOST_TEST(s.materials[0].label == "Slides");
  BOOST_TEST(p.sessions[1].starts_at == "2026-06-13 01:00:00");
}

// The source's slug and page URL are kept for the exports (sql/012), as
// the frab XML reader keeps them; unusable ones are dropped.
BOOST_AUTO_TEST_CASE(slugs_and_urls_are_kept_when_usable) {
  ScheduleParseResult r = parse(schedule(
      event("1", "2026-06-12T09:30:00+02:00",
            R"(, "slug": "democon-1-talk", "url": "http://localhost/democon/talk/G9JGWY/")") +
      "," +
      event("2", "2026-06-12T10:30:00+02:00",
            R"(, "slug": "Bad Slug!", "url": "ftp://x.example/")") +
      "," + event("3", "2026-06-12T11:30:00+02:00", R"(, "slug": null, "url": 5)")));
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const auto& s = r.programme->sessions;
  BOOST_TEST(s[0].slug == "democon-1-talk");
  BOOST_TEST(s[0].url == "http://localhost/democon/talk/G9JGWY/");
  BOOST_TEST(s[1].slug == "");
  BOOST_TEST(s[1].url == "");
  BOOST_TEST(s[2].slug == "");
  BOOST_TEST(s[2].url == "");
  ScheduleParseResult leak = parse(
      schedule(event("1", "2026-06-12T09:30:00+02:00", R"(, "url": "https://a:b@x.example/t/1")")));
  BOOST_TEST(!leak.ok());
  BOOST_TEST(leak.error.find("user name or password") != std::string::npos, leak.error);
}

BOOST_AUTO_TEST_CASE(malformed_json_names_the_line) {
  ScheduleParseResult r = parse("{\n\"schedule\": {\n\"x\": tru }}");
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.error.rfind("line 3: ", 0) == 0, r.error);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_deep_nesting_are_refused) {
  BOOST_TEST(!parse(schedule(event("1", "2026-06-12T09:30:00", R"(, "abstract": "\xff")"))).ok());
  std::string deep(100000, '[');
  ScheduleParseResult r = parse(deep);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.error.find("nested deeper") != std::string::npos, r.error);
}

// Found by the fuzzer: nlohmann/json throws out_of_range, not parse_error,
// for a number beyond a double, and it escaped the parser.
BOOST_AUTO_TEST_CASE(number_overflow_is_an_error_not_an_exception) {
  ScheduleParseResult r = parse("44.420000000E020000000");
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.error.find("number overflow") != std::string::npos, r.error);
}

BOOST_AUTO_TEST_CASE(bad_events_name_day_room_and_event) {
  ScheduleParseResult r = parse(schedule(event("9", "2026-06-12 nine")));
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error.find("day 1, room \"Saal 1\", event 9") == 0, r.error);
  BOOST_TEST(r.error.find("not an ISO date-time") != std::string::npos, r.error);

  r = parse(schedule(event("9", "2026-06-12T09:00:00", R"(, "room": "Saal 2")")));
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.error.find("but sits in room") != std::string::npos, r.error);

  r = parse(schedule(event("9", "2026-06-12T09:00:00") + "," + event("9", "2026-06-12T10:00:00")));
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.error.find("appears twice") != std::string::npos, r.error);

  r = parse(schedule(
      event("9", "2026-06-12T09:00:00", R"(, "title": ")" + std::string(301, 'x') + "\"")));
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.error.find("longer than 300") != std::string::npos, r.error);

  BOOST_TEST(!parse(schedule("")).ok());  // no sessions
  BOOST_TEST(!parse("[]").ok());
  BOOST_TEST(!parse(R"({"schedule": {"conference": {"title": "x", "days": 3}}})").ok());
}

BOOST_AUTO_TEST_CASE(bidi_controls_and_separators_are_refused_naming_the_place) {
  auto error = [](const std::string& json) {
    ScheduleParseResult r = parse(json);
    BOOST_TEST(!r.ok());
    return r.error;
  };
  const std::string at = "day 1, room \"Saal 1\", event 9";
  std::string e =
      error(schedule(event("9", "2026-06-12T09:00:00", R"(, "title": "Talk \u202e9")")));
  BOOST_TEST(e == at + ": the title contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text "
                       "display in a misleading order");
  e = error(schedule(event("9", "2026-06-12T09:00:00",
                           R"(, "persons": [{"id": 1, "public_name": "Ada\u2066"}])")));
  BOOST_TEST(e.rfind(at + " (\"Talk 9\"): a speaker name contains U+2066", 0) == 0u, e);
  e = error(schedule(event("9", "2026-06-12T09:00:00", R"(, "track": "Sec\u2028urity")")));
  BOOST_TEST(e.rfind(at + " (\"Talk 9\"): the track name contains a line break", 0) == 0u, e);
  e = error(schedule(event("9", "2026-06-12T09:00:00",
                           R"(, "links": [{"url": "https://x.example/", "title": "S\u202d"}])")));
  BOOST_TEST(e.rfind(at + " (\"Talk 9\"): a link text contains U+202D", 0) == 0u, e);
  e = error(schedule(event("9", "2026-06-12T09:00:00", R"(, "abstract": "ok\n\n\u2067no")")));
  BOOST_TEST(e.rfind(at + " (\"Talk 9\"): the abstract contains U+2067", 0) == 0u, e);
  e = error(schedule(event("9", "2026-06-12T09:00:00"), R"("venue": "V\u0085",)"));
  BOOST_TEST(e == "conference: the venue contains a line break (U+0085 NEXT LINE) but must be one "
                  "line",
             e);
  // A JSON escape is no way around it, nor is a room's name as a key.
  std::string json = schedule(event("9", "2026-06-12T09:00:00"));
  json.replace(json.find("\"rooms\": {\"Saal 1\""), 18, "\"rooms\": {\"Saal\\u202e 1\"");
  e = error(json);
  BOOST_TEST(e.find("room name contains U+202E") != std::string::npos, e);
  // The message quotes the name with the character spelled out, not in it.
  BOOST_TEST(e.rfind("day 1, room \"Saal<U+202E> 1\": ", 0) == 0u, e);
  BOOST_TEST(e.find("\u202E") == std::string::npos, e);
  // Separators are line breaks in an abstract; marks are fine.
  ScheduleParseResult ok = parse(schedule(
      event("9", "2026-06-12T09:00:00", R"(, "abstract": "a\u2028b", "title": "\u05e9\u200f 9")")));
  BOOST_TEST_REQUIRE(ok.ok(), ok.error);
}

BOOST_AUTO_TEST_CASE(links_with_a_user_name_or_password_are_refused) {
  ScheduleParseResult r =
      parse(schedule(event("9", "2026-06-12T09:00:00",
                           R"(, "links": [{"url": "https://x.example/@me", "title": "Fine"},
                     {"url": "https://bob:hunter2@x.example/", "title": "Slides"}])")));
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error ==
             "day 1, room \"Saal 1\", event 9 (\"Talk 9\"): links must not carry a user name or "
             "password");
  BOOST_TEST(r.error.find("hunter2") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(zone_from_the_options_when_the_file_has_none) {
  std::string json = schedule(event("1", "2026-06-12T09:30:00"));
  size_t at = json.find("\"time_zone_name\": \"Europe/Berlin\",");
  json.erase(at, std::string("\"time_zone_name\": \"Europe/Berlin\",").size());
  ScheduleParseResult r = parse(json);
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_TEST(r.programme->event.time_zone == "UTC");
  BOOST_TEST(!parse_schedule_json(json, ScheduleParseOptions{}).ok());
}

BOOST_AUTO_TEST_CASE(format_is_told_from_the_content) {
  BOOST_TEST(
      (detect_import_format("\xEF\xBB\xBF  <?xml version='1.0'?>") == ImportFormat::kFrabXml));
  BOOST_TEST((detect_import_format("\n{\"schedule\": {}}") == ImportFormat::kScheduleJson));
  BOOST_TEST((detect_import_format("guid,title\n") == ImportFormat::kCsv));
  BOOST_TEST((format_from_name("schedule-json") == ImportFormat::kScheduleJson));
  BOOST_TEST(!format_from_name("xlsx"));
}

// A day's "day_end" the next morning is where the day changes; the
// schema's other fields are as schedule() writes them.
BOOST_AUTO_TEST_CASE(day_end_gives_the_day_change) {
  std::string json = schedule(event("1", "2026-06-12T10:00:00+02:00"));
  const std::string plain = R"("date": "2026-06-12", "rooms")";
  BOOST_TEST_REQUIRE(json.find(plain) != std::string::npos);
  auto with_end = [&](const std::string& end) {
    std::string j = json;
    j.replace(j.find(plain), plain.size(),
              R"("date": "2026-06-12", "day_start": "2026-06-12T09:00:00+02:00", "day_end": ")" +
                  end + R"(", "rooms")");
    return parse(j);
  };
  ScheduleParseResult r = with_end("2026-06-13T05:30:00+02:00");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_TEST(r.programme->event.day_change.value_or(-1) == 330);
  r = with_end("2026-06-12T22:00:00+02:00");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_TEST(r.programme->event.day_change.value_or(-1) == 0);
  r = with_end("late");
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.error.find("day_end") != std::string::npos, r.error);
  // Without day_end the file says nothing about it.
  r = parse(json);
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_TEST(!r.programme->event.day_change.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
