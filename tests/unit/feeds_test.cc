#include <string>

#include "feeds/exchange_feed.h"
#include "feeds/feed_text.h"
#include "feeds/ical_feed.h"
#include "feeds/my_sessions.h"
#include "import/frab_xml.h"
#include "import/schedule_json.h"
#include "test_support.h"

using namespace confsched;

namespace {

// A two-session programme: one in summer time, one cancelled, with text
// that needs escaping in every format.
struct Fixture {
  Programme p;
  FeedOptions options{"https://conf.example.org", "conf.example.org", "7"};
  Fixture() {
    p.event =
        EventInfo{"Test Conf 2026", "", "Venue", "Europe/London", "2026-06-12", "2026-06-13", ""};
    p.rooms = {Room{1, "Hall <A>", 1, std::nullopt}, Room{2, "Room B", 2, std::nullopt}};
    p.tracks = {Track{1, "Security & Privacy", "#112233"}};
    p.speakers = {Speaker{4, "Ada, \"the\" Speaker", "", ""}};
    Session a;
    a.id = 10;
    a.title = "Commas, semi;colons \\ and\nnewlines";
    a.abstract = "Text & <b>markup</b>";
    a.starts_at = "2026-06-12 09:30:00";
    a.ends_at = "2026-06-12 10:15:00";
    a.kind = "talk";
    a.status = "scheduled";
    a.room = &p.rooms[0];
    a.track = &p.tracks[0];
    a.speakers = {&p.speakers[0]};
    a.revision = 3;
    a.updated_at = 1'780'000'000;
    Session b = a;
    b.id = 11;
    b.title = "Gone";
    b.status = "cancelled";
    b.room = &p.rooms[1];
    b.track = nullptr;
    b.speakers.clear();
    p.sessions = {a, b};
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(feeds)

BOOST_AUTO_TEST_CASE(guid_is_stable_and_uuid_shaped) {
  std::string g = session_guid("conf.example.org", 10);
  BOOST_TEST(g == session_guid("conf.example.org", 10));
  BOOST_TEST(g != session_guid("conf.example.org", 11));
  BOOST_TEST(g != session_guid("other.example.org", 10));
  BOOST_TEST(g.size() == 36u);
  BOOST_TEST(g[14] == '8');
  BOOST_TEST(std::string("89ab").find(g[19]) != std::string::npos);
}

// An imported session goes out with its source's guid (a UUID, written in
// lower case); any other external id, or none, gets ours.
BOOST_AUTO_TEST_CASE(exported_guid_keeps_the_source_uuid) {
  const std::string uuid = "8079583e-8321-506c-95af-fd2903a5f075";
  BOOST_TEST(is_uuid(uuid));
  BOOST_TEST(is_uuid("8079583E-8321-506C-95AF-FD2903A5F075"));
  BOOST_TEST(!is_uuid("8079583e8321506c95affd2903a5f075"));
  BOOST_TEST(!is_uuid("8079583e-8321-506c-95af-fd2903a5f07g"));
  BOOST_TEST(!is_uuid("8079583e-8321-506c-95af-fd2903a5f0755"));
  BOOST_TEST(!is_uuid("8079583e-8321-506c-95af_fd2903a5f075"));
  BOOST_TEST(exported_guid(uuid, "conf.example.org", 10) == uuid);
  BOOST_TEST(exported_guid("8079583E-8321-506C-95AF-FD2903A5F075", "conf.example.org", 10) == uuid);
  BOOST_TEST(exported_guid("", "conf.example.org", 10) == session_guid("conf.example.org", 10));
  BOOST_TEST(exported_guid("csv-row-7", "conf.example.org", 10) ==
             session_guid("conf.example.org", 10));
}

// Both exchange formats give back the source's guid, slug and URL; a
// session made here gets our guid, generated slug and /session link.
BOOST_AUTO_TEST_CASE(exchange_formats_keep_the_source_identity) {
  Fixture f;
  f.p.sessions[1].status = "scheduled";
  Session& imported = f.p.sessions[0];
  imported.external_id = "2D64F8E2-26EE-529F-B5AB-3B3F326E31B9";
  imported.external_slug = "democon-26-quality-website";
  imported.external_url = "http://localhost/democon/talk/3NEFSQ/";
  const std::string ours = session_guid("conf.example.org", 11);
  std::string json = render_schedule_json(f.p, f.options);
  BOOST_TEST(json.find("\"guid\":\"2d64f8e2-26ee-529f-b5ab-3b3f326e31b9\",\"id\":10,") !=
             std::string::npos);
  BOOST_TEST(json.find("\"slug\":\"democon-26-quality-website\"") != std::string::npos);
  BOOST_TEST(json.find("\"url\":\"http://localhost/democon/talk/3NEFSQ/\"") != std::string::npos);
  BOOST_TEST(json.find("\"guid\":\"" + ours + "\",\"id\":11,") != std::string::npos);
  BOOST_TEST(json.find("\"slug\":\"test_conf_2026-11-gone\"") != std::string::npos);
  BOOST_TEST(json.find("\"url\":\"https://conf.example.org/session/11\"") != std::string::npos);

  std::string xml = render_schedule_xml(f.p, f.options);
  BOOST_TEST(xml.find("id=\"10\" guid=\"2d64f8e2-26ee-529f-b5ab-3b3f326e31b9\"") !=
             std::string::npos);
  BOOST_TEST(xml.find("<slug>democon-26-quality-website</slug>") != std::string::npos);
  BOOST_TEST(xml.find("<url>http://localhost/democon/talk/3NEFSQ/</url>") != std::string::npos);
  BOOST_TEST(xml.find("id=\"11\" guid=\"" + ours + "\"") != std::string::npos);
  BOOST_TEST(xml.find("<url>https://conf.example.org/session/11</url>") != std::string::npos);
  // Only the source's slug goes into the XML (its XSD asks for no slug
  // made from the title), and only one that fits the XSD's pattern.
  BOOST_TEST(xml.find("<slug>test_conf") == std::string::npos);
  imported.external_slug = "ab-1-too_short_a_prefix";
  BOOST_TEST(render_schedule_xml(f.p, f.options).find("<slug>") == std::string::npos);

  // Read back, the identity survives: the round trip an app's feed makes.
  ScheduleParseResult back = parse_schedule_json(json, ScheduleParseOptions{});
  BOOST_TEST_REQUIRE(back.ok(), back.error);
  BOOST_TEST(back.programme->sessions[0].guid == "2d64f8e2-26ee-529f-b5ab-3b3f326e31b9");
  BOOST_TEST(back.programme->sessions[0].slug == "democon-26-quality-website");
  BOOST_TEST(back.programme->sessions[0].url == "http://localhost/democon/talk/3NEFSQ/");
}

BOOST_AUTO_TEST_CASE(uid_domain_from_the_public_url_else_the_secret) {
  BOOST_TEST(feed_uid_domain("https://conf.example.org", "s") == "conf.example.org");
  BOOST_TEST(feed_uid_domain("http://conf.example.org:8080/x", "s") == "conf.example.org:8080");
  std::string hidden = feed_uid_domain("", "secret-one");
  BOOST_TEST(hidden != feed_uid_domain("", "secret-two"));
  BOOST_TEST(hidden.find("secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(offsets_follow_the_zone) {
  BOOST_TEST(iso_local_with_offset("Europe/London", {2026, 6, 12, 9, 30, 0}) ==
             "2026-06-12T09:30:00+01:00");
  BOOST_TEST(iso_local_with_offset("Europe/London", {2026, 1, 12, 9, 30, 0}) ==
             "2026-01-12T09:30:00+00:00");
  BOOST_TEST(iso_local_with_offset("America/New_York", {2026, 1, 12, 9, 30, 0}) ==
             "2026-01-12T09:30:00-05:00");
  BOOST_TEST(!utc_offset("No/Such_Zone", {2026, 1, 12, 9, 30, 0}));
}

BOOST_AUTO_TEST_CASE(durations_and_slugs) {
  BOOST_TEST(hours_minutes(minutes_between({2026, 6, 12, 23, 30, 0}, {2026, 6, 13, 1, 0, 0})) ==
             "01:30");
  BOOST_TEST(slug_of("Hello, World! 2026", 64) == "hello_world_2026");
  BOOST_TEST(slug_of("ab cd", 3) == "ab");  // never ends on '_'
}

BOOST_AUTO_TEST_CASE(ical_escapes_folds_and_uses_utc) {
  Fixture f;
  std::string ics = render_ical(f.p, f.options);
  BOOST_TEST(ics.find("UID:session-10@conf.example.org\r\n") != std::string::npos);
  // 09:30 in London in June is 08:30 UTC.
  BOOST_TEST(ics.find("DTSTART:20260612T083000Z\r\n") != std::string::npos);
  BOOST_TEST(ics.find("SEQUENCE:2\r\n") != std::string::npos);
  BOOST_TEST(ics.find("SUMMARY:Commas\\, semi\\;colons \\\\ and\\nnewlines") != std::string::npos);
  BOOST_TEST(ics.find("STATUS:CANCELLED\r\n") != std::string::npos);
  size_t start = 0;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    BOOST_TEST_REQUIRE(end != std::string::npos);
    BOOST_TEST(end - start <= 75u);
    start = end + 2;
  }
  BOOST_TEST(render_session_ical(f.p, f.options, 10).has_value());
  BOOST_TEST(!render_session_ical(f.p, f.options, 99).has_value());
}

BOOST_AUTO_TEST_CASE(json_strings_are_escaped) {
  BOOST_TEST(json_string("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
  Fixture f;
  std::string json = render_schedule_json(f.p, f.options);
  BOOST_TEST(json.find("\"title\":\"Commas, semi;colons \\\\ and\\nnewlines\"") !=
             std::string::npos);
  BOOST_TEST(json.find("Gone") == std::string::npos);  // cancelled: left out
  BOOST_TEST(json.find("\"date\":\"2026-06-12T09:30:00+01:00\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(xml_round_trips_through_the_importer) {
  Fixture f;
  f.p.sessions[0].title = "Commas, semi;colons & <angles>";
  std::string xml = render_schedule_xml(f.p, f.options);
  ScheduleParseResult back = parse_frab_xml(xml, ScheduleParseOptions{});
  BOOST_TEST_REQUIRE(back.ok(), back.error);
  const ImportedProgramme& p = *back.programme;
  BOOST_TEST(p.event.name == "Test Conf 2026");
  BOOST_TEST(p.event.time_zone == "Europe/London");
  BOOST_TEST_REQUIRE(p.sessions.size() == 1u);
  BOOST_TEST(p.sessions[0].title == "Commas, semi;colons & <angles>");
  BOOST_TEST(p.sessions[0].starts_at == "2026-06-12 09:30:00");
  BOOST_TEST(p.sessions[0].ends_at == "2026-06-12 10:15:00");
  BOOST_TEST(p.rooms[p.sessions[0].room] == "Hall <A>");
  BOOST_TEST(p.speakers.at(p.sessions[0].speakers.at(0)).name == "Ada, \"the\" Speaker");
  BOOST_TEST(p.tracks.at(*p.sessions[0].track).name == "Security & Privacy");
}

// A talk at 00:15 stays on the day before when the day changes at 04:00,
// as CCC's frab files list it, and each day ends at the next day change;
// the importer reads the same days back.
BOOST_AUTO_TEST_CASE(days_past_midnight_keep_the_source_days) {
  Fixture f;
  f.p.event.day_change = 240;
  Session late = f.p.sessions[0];
  late.id = 12;
  late.starts_at = "2026-06-13 00:15:00";
  late.ends_at = "2026-06-13 01:00:00";
  Session next = f.p.sessions[0];
  next.id = 13;
  next.starts_at = "2026-06-13 10:00:00";
  next.ends_at = "2026-06-13 11:00:00";
  f.p.sessions = {f.p.sessions[0], late, next};
  std::string xml = render_schedule_xml(f.p, f.options);
  BOOST_TEST(xml.find("<day index=\"1\" date=\"2026-06-12\" start=\"2026-06-12T09:30:00+01:00\" "
                      "end=\"2026-06-13T04:00:00+01:00\">") != std::string::npos,
             xml);
  BOOST_TEST(xml.find("<day index=\"2\" date=\"2026-06-13\"") != std::string::npos);
  BOOST_TEST(xml.find("<day index=\"3\"") == std::string::npos);
  std::string json = render_schedule_json(f.p, f.options);
  BOOST_TEST(
      json.find(
          R"("date":"2026-06-12","day_start":"2026-06-12T09:30:00+01:00","day_end":"2026-06-13T04:00:00+01:00")") !=
          std::string::npos,
      json);
  for (const std::string& text : {xml, json}) {
    ScheduleParseResult back = text == xml ? parse_frab_xml(text, ScheduleParseOptions{})
                                           : parse_schedule_json(text, ScheduleParseOptions{});
    BOOST_TEST_REQUIRE(back.ok(), back.error);
    BOOST_TEST(back.programme->event.day_change.value_or(-1) == 240);
    BOOST_TEST(back.programme->days == 2u);
    BOOST_TEST_REQUIRE(back.programme->sessions.size() == 3u);
    BOOST_TEST(back.programme->sessions[1].starts_at == "2026-06-13 00:15:00");
  }
}

BOOST_AUTO_TEST_CASE(json_round_trips_through_the_importer) {
  Fixture f;
  std::string json = render_schedule_json(f.p, f.options);
  ScheduleParseResult back = parse_schedule_json(json, ScheduleParseOptions{});
  BOOST_TEST_REQUIRE(back.ok(), back.error);
  const ImportedProgramme& p = *back.programme;
  BOOST_TEST(p.event.name == "Test Conf 2026");
  BOOST_TEST(p.event.time_zone == "Europe/London");
  BOOST_TEST(p.event.starts_on == "2026-06-12");
  BOOST_TEST(p.event.ends_on == "2026-06-13");
  BOOST_TEST(p.rooms.size() == 2u);  // the conference's rooms, the empty one included
  BOOST_TEST_REQUIRE(p.sessions.size() == 1u);
  const ImportedSession& s = p.sessions[0];
  BOOST_TEST(s.frab_id == 10);
  BOOST_TEST(s.guid == session_guid("conf.example.org", 10));
  BOOST_TEST(s.title == "Commas, semi;colons \\ and newlines");
  // The feed writes the abstract's text (its Markdown's raw HTML dropped),
  // so the round trip brings back text.
  BOOST_TEST(s.abstract == "Text & markup");
  BOOST_TEST(s.starts_at == "2026-06-12 09:30:00");
  BOOST_TEST(s.ends_at == "2026-06-12 10:15:00");
  BOOST_TEST(p.rooms[s.room] == "Hall <A>");
  BOOST_TEST(p.speakers.at(s.speakers.at(0)).name == "Ada, \"the\" Speaker");
  BOOST_TEST(p.tracks.at(*s.track).name == "Security & Privacy");
  BOOST_TEST(p.tracks.at(*s.track).colour == "#112233");
}

// The abstract is Markdown; the three formats' fields are plain text, so
// its markers and raw HTML must not reach them (a calendar that renders
// DESCRIPTION as HTML would run it).
BOOST_AUTO_TEST_CASE(abstracts_are_written_as_plain_text_in_every_format) {
  Fixture f;
  f.p.sessions[0].abstract =
      "Some **bold** <script>alert(1)</script> and [slides](https://example.org/s).\n\n"
      "<img src=x onerror=alert(2)>\n\n- one\n- two &amp; more\n\n"
      "[x](javascript:alert(3))";
  const std::string plain =
      "Some bold alert(1) and slides (https://example.org/s).\n\n- one\n- two & more\n\nx";

  std::string ics = render_ical(f.p, f.options);
  // Unfolded (RFC 5545 §3.1) and unescaped (§3.3.11) by hand.
  std::string unfolded;
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  size_t at = unfolded.find("DESCRIPTION:");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  std::string raw = unfolded.substr(at + 12, unfolded.find("\r\n", at) - at - 12);
  std::string description;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      ++i;
      description += raw[i] == 'n' || raw[i] == 'N' ? '\n' : raw[i];
    } else {
      description += raw[i];
    }
  }
  BOOST_TEST(description == "Speakers: Ada, \"the\" Speaker\n\n" + plain);

  std::string json = render_schedule_json(f.p, f.options);
  ScheduleParseResult from_json = parse_schedule_json(json, ScheduleParseOptions{});
  BOOST_TEST_REQUIRE(from_json.ok(), from_json.error);
  BOOST_TEST(from_json.programme->sessions.at(0).abstract == plain);

  std::string xml = render_schedule_xml(f.p, f.options);
  ScheduleParseResult from_xml = parse_frab_xml(xml, ScheduleParseOptions{});
  BOOST_TEST_REQUIRE(from_xml.ok(), from_xml.error);
  BOOST_TEST(from_xml.programme->sessions.at(0).abstract == plain);

  for (const std::string* feed : {&ics, &json, &xml}) {
    for (const char* gone : {"<script", "&lt;script", "onerror", "alert(2)", "javascript",
                             "alert(3)", "**", "<img", "&lt;img"})
      BOOST_TEST(feed->find(gone) == std::string::npos, gone << " in " << *feed);
  }
}

BOOST_AUTO_TEST_SUITE_END()

// The query of /my-sessions.ics (feeds/my_sessions.h).
BOOST_AUTO_TEST_SUITE(my_sessions)

BOOST_AUTO_TEST_CASE(ids_in_any_order_become_a_sorted_set) {
  MySessionsQuery q = parse_my_sessions_query("12,4,12,7", "15");
  BOOST_TEST(q.problem.empty());
  BOOST_TEST((q.ids == std::vector<int64_t>{4, 7, 12}));
  BOOST_TEST(q.alarm_minutes == 15);
  BOOST_TEST(parse_my_sessions_query("", "").ids.empty());
  BOOST_TEST(parse_my_sessions_query("", "").problem.empty());
  BOOST_TEST(parse_my_sessions_query("1", "0").alarm_minutes == 0);
  BOOST_TEST(parse_my_sessions_query("999999999999", "1440").problem.empty());
}

BOOST_AUTO_TEST_CASE(anything_else_is_refused_with_a_sentence) {
  for (const char* ids : {"1,,2", "01", "0", "abc", "1,", ",1", "-3", "+3", "1 2", "1000000000000"})
    BOOST_TEST(!parse_my_sessions_query(ids, "").problem.empty(), ids);
  for (const char* alarm : {"-5", "1441", "ten", "05", " 5", "99999"})
    BOOST_TEST(!parse_my_sessions_query("1", alarm).problem.empty(), alarm);
  std::string many;
  for (size_t i = 1; i <= kMaxMySessions; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
  BOOST_TEST(parse_my_sessions_query(many, "").problem.empty());
  BOOST_TEST(!parse_my_sessions_query(many + ",999", "").problem.empty());
}

BOOST_AUTO_TEST_SUITE_END()
