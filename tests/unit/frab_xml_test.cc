#include "import/frab_xml.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "import/import_common.h"
#include "test_support.h"

using confsched::parse_frab_xml;
using confsched::ScheduleParseOptions;
using confsched::ScheduleParseResult;
using confsched::import_detail::frab_kind;

namespace {

// A schedule with one day, two rooms and the given events (inside the
// first room unless they bring their own <room> wrapper via `rooms`).
std::string schedule(const std::string& rooms, const std::string& conference_extra = "",
                     const std::string& day_attrs =
                         "date='2026-06-12' start='2026-06-12T09:00:00+02:00' "
                         "end='2026-06-13T03:00:00+02:00' index='1'") {
  return "<?xml version='1.0' encoding='utf-8'?>\n"
         "<schedule>\n"
         "<version>1</version>\n"
         "<conference>\n"
         "<acronym>tc</acronym>\n"
         "<title>Test &amp; Conf</title>\n"
         "<start>2026-06-12</start>\n"
         "<end>2026-06-12</end>\n" +
         conference_extra +
         "</conference>\n"
         "<day " +
         day_attrs + ">\n" + rooms + "</day>\n</schedule>\n";
}

std::string event(const std::string& id, const std::string& start, const std::string& duration,
                  const std::string& room, const std::string& extra = "") {
  return "<event guid='g" + id + "' id='" + id + "'>\n<start>" + start + "</start>\n<duration>" +
         duration + "</duration>\n<room>" + room + "</room>\n<title>Talk " + id + "</title>\n" +
         extra + "</event>\n";
}

std::string room(const std::string& name, const std::string& events) {
  return "<room name='" + name + "'>\n" + events + "</room>\n";
}

ScheduleParseResult parse(const std::string& xml, const std::string& zone = "Europe/Berlin") {
  return parse_frab_xml(xml, ScheduleParseOptions{zone});
}

std::string error_of(const std::string& xml) {
  ScheduleParseResult r = parse(xml);
  BOOST_TEST(!r.ok(), "expected a refusal");
  return r.error;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(frab_xml)

BOOST_AUTO_TEST_CASE(good_file) {
  std::string xml = schedule(
      room("Hall A",
           event("10", "10:00", "00:45", "Hall A",
                 "<track>Security</track>\n"
                 "<abstract>Short.</abstract>\n<description>Longer &lt;b&gt;text</description>\n"
                 "<persons><person id='7'>Ada</person><person id='8'>Bob</person></persons>\n"
                 "<links><link href='https://example.org/slides'>Slides</link>"
                 "<link href='javascript:alert(1)'>Bad</link>"
                 "<link href='mailto:a@example.org'>Mail</link>"
                 "<link href='http://example.org/v'></link></links>\n") +
               event("11", "11:00", "1:30", "Hall A",
                     "<type>workshop</type><persons><person id='7'>Ada L.</person></persons>")) +
          room("Hall B", event("12", "10:00", "00:30", "Hall B", "<type>podium</type>")),
      "<time_zone_name>Europe/Vienna</time_zone_name>\n"
      "<track name='Security' color='#112233'/>\n");
  ScheduleParseResult r = parse(xml, "Europe/London");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const auto& p = *r.programme;
  BOOST_TEST(p.event.name == "Test & Conf");
  BOOST_TEST(p.event.time_zone == "Europe/Vienna");  // the file's zone wins over the default
  BOOST_TEST(p.event.starts_on == "2026-06-12");
  BOOST_TEST(p.event.ends_on == "2026-06-12");
  BOOST_TEST(p.days == 1u);
  BOOST_TEST_REQUIRE(p.rooms.size() == 2u);
  BOOST_TEST(p.rooms[0] == "Hall A");
  BOOST_TEST(p.rooms[1] == "Hall B");
  BOOST_TEST_REQUIRE(p.tracks.size() == 1u);
  BOOST_TEST(p.tracks[0].colour == "#112233");
  BOOST_TEST_REQUIRE(p.sessions.size() == 3u);
  const auto& s = p.sessions[0];
  BOOST_TEST(s.frab_id == 10);
  BOOST_TEST(s.title == "Talk 10");
  BOOST_TEST(s.starts_at == "2026-06-12 10:00:00");
  BOOST_TEST(s.ends_at == "2026-06-12 10:45:00");
  BOOST_TEST(s.abstract == "Short.\n\nLonger <b>text");  // text, escaped only when rendered
  BOOST_TEST(s.kind == "talk");
  BOOST_TEST(s.track == std::optional<size_t>(0));
  BOOST_TEST_REQUIRE(s.materials.size() == 2u);  // javascript: and mailto: dropped
  BOOST_TEST(s.materials[0].label == "Slides");
  BOOST_TEST(s.materials[1].label == "Link");
  BOOST_TEST(p.sessions[1].kind == "workshop");
  BOOST_TEST(p.sessions[1].ends_at == "2026-06-12 12:30:00");
  BOOST_TEST(p.sessions[2].kind == "panel");
  BOOST_TEST(!p.sessions[2].track.has_value());
  // Person 7 is one speaker, whatever the spelling in the second event.
  BOOST_TEST_REQUIRE(p.speakers.size() == 2u);
  BOOST_TEST(p.speakers[0].frab_id == 7);
  BOOST_TEST(p.speakers[0].name == "Ada");
  BOOST_TEST(p.sessions[1].speakers == std::vector<size_t>{0});
}

// Guids become sessions.external_id (UNIQUE): a repeat is refused here,
// with its line, rather than by the database halfway through an import.
BOOST_AUTO_TEST_CASE(guids_are_kept_and_must_be_unique) {
  ScheduleParseResult r =
      parse(schedule(room("Hall A", event("1", "10:00", "00:30", "Hall A")), ""));
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_TEST(r.programme->sessions[0].guid == "g1");
  std::string error = error_of(schedule(room(
      "Hall A", event("1", "10:00", "00:30", "Hall A") + event("1", "11:00", "00:30", "Hall A"))));
  BOOST_TEST(contains(error, "guid \"g1\" appears twice"), error);
}

// The source's slug and page URL are kept for the exports (sql/012); one
// the exports could not give back (not a schedule-JSON slug, not an
// http(s) link) is dropped, not refused; a URL with a password is refused.
BOOST_AUTO_TEST_CASE(slugs_and_urls_are_kept_when_usable) {
  ScheduleParseResult r = parse(schedule(room(
      "Hall A", event("1", "10:00", "00:30", "Hall A",
                      "<slug> tc-1-talk_one </slug>\n<url>https://frab.example/events/1</url>\n") +
                    event("2", "11:00", "00:30", "Hall A",
                          "<slug>Not A Slug</slug>\n<url>javascript:alert(1)</url>\n") +
                    event("3", "12:00", "00:30", "Hall A", "<slug>ends-with-dash-</slug>\n") +
                    event("4", "13:00", "00:30", "Hall A"))));
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const auto& s = r.programme->sessions;
  BOOST_TEST(s[0].slug == "tc-1-talk_one");
  BOOST_TEST(s[0].url == "https://frab.example/events/1");
  BOOST_TEST(s[1].slug == "");
  BOOST_TEST(s[1].url == "");
  BOOST_TEST(s[2].slug == "");
  BOOST_TEST(s[3].slug == "");
  BOOST_TEST(s[3].url == "");
  std::string error =
      error_of(schedule(room("Hall A", event("1", "10:00", "00:30", "Hall A",
                                             "<url>https://u:pw@frab.example/events/1</url>\n"))));
  BOOST_TEST(contains(error, "user name or password"), error);
  BOOST_TEST(contains(error, "line "), error);
}

BOOST_AUTO_TEST_CASE(default_time_zone_when_the_file_has_none) {
  std::string xml = schedule(room("A", event("1", "10:00", "00:30", "A")));
  ScheduleParseResult r = parse(xml, "Europe/Berlin");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_TEST(r.programme->event.time_zone == "Europe/Berlin");
  BOOST_TEST(contains(parse(xml, "").error, "time zone"));
  BOOST_TEST(contains(parse(xml, "../../etc/passwd").error, "time zone"));
}

BOOST_AUTO_TEST_CASE(midnight_crossing_from_day_and_start) {
  // No <date>: 01:30 lies before the day's 09:00 start, so it is the next
  // morning; 23:30 + 1:00 ends after midnight.
  std::string xml =
      schedule(room("A", event("1", "23:30", "01:00", "A") + event("2", "01:30", "00:45", "A")));
  ScheduleParseResult r = parse(xml);
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const auto& s = r.programme->sessions;
  BOOST_TEST(s[0].starts_at == "2026-06-12 23:30:00");
  BOOST_TEST(s[0].ends_at == "2026-06-13 00:30:00");
  BOOST_TEST(s[1].starts_at == "2026-06-13 01:30:00");
  BOOST_TEST(s[1].ends_at == "2026-06-13 02:15:00");
  // The event's last day covers the session that starts after midnight.
  BOOST_TEST(r.programme->event.ends_on == "2026-06-13");
  // The day ends at 03:00 the next morning: the day changes then, and
  // 01:30 stays on 12 June's programme (model/conference_day.h).
  BOOST_TEST(r.programme->event.day_change.value_or(-1) == 180);
}

BOOST_AUTO_TEST_CASE(the_days_ends_give_the_day_change) {
  const std::string events = room("A", event("1", "10:00", "01:00", "A"));
  auto day_change_of = [&](const std::string& day_attrs) {
    ScheduleParseResult r = parse(schedule(events, "", day_attrs));
    BOOST_TEST_REQUIRE(r.ok(), r.error);
    return r.programme->event.day_change;
  };
  BOOST_TEST(day_change_of("date='2026-06-12' start='2026-06-12T09:00:00+02:00' "
                           "end='2026-06-13T04:00:00+02:00'")
                 .value_or(-1) == 240);
  BOOST_TEST(day_change_of("date='2026-06-12' start='2026-06-12T09:00:00+02:00' "
                           "end='2026-06-12T20:00:00+02:00'")
                 .value_or(-1) == 0);
  // No end: the file says nothing, and the event keeps its own.
  BOOST_TEST(!day_change_of("date='2026-06-12' start='2026-06-12T09:00:00+02:00'").has_value());
  BOOST_TEST(error_of(schedule(events, "", "date='2026-06-12' end='tomorrow'")).find("day end") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(midnight_crossing_from_full_date) {
  // <date> wins over day + start, and its offset is not applied: it is the
  // zone's own offset at that wall-clock time.
  std::string xml = schedule(
      room("A", event("1", "00:15", "00:30", "A", "<date>2026-12-31T23:45:00+01:00</date>") +
                    event("2", "00:15", "00:30", "A", "<date>2027-01-01T00:15:00+01:00</date>")));
  ScheduleParseResult r = parse(xml);
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const auto& s = r.programme->sessions;
  BOOST_TEST(s[0].starts_at == "2026-12-31 23:45:00");
  BOOST_TEST(s[0].ends_at == "2027-01-01 00:15:00");  // across the year, too
  BOOST_TEST(s[1].starts_at == "2027-01-01 00:15:00");
  BOOST_TEST(r.programme->event.starts_on == "2026-06-12");
  BOOST_TEST(r.programme->event.ends_on == "2027-01-01");
}

BOOST_AUTO_TEST_CASE(missing_fields) {
  std::string no_title = schedule(room(
      "A", "<event id='5'><start>10:00</start><duration>00:30</duration><room>A</room></event>"));
  BOOST_TEST(contains(error_of(no_title), "event 5: no <title>"));
  std::string no_duration =
      schedule(room("A", "<event id='6'><title>T</title><start>10:00</start></event>"));
  BOOST_TEST(contains(error_of(no_duration), "duration"));
  std::string no_conference = "<schedule><day date='2026-06-12'/></schedule>";
  BOOST_TEST(contains(error_of(no_conference), "no <conference>"));
  std::string no_events = schedule(room("A", ""));
  BOOST_TEST(contains(error_of(no_events), "no events"));
  BOOST_TEST(contains(error_of("<other/>"), "not <schedule>"));
}

BOOST_AUTO_TEST_CASE(bad_times_are_refused_with_the_line) {
  for (const char* start : {"25:00", "10:60", "10", "ten", "10:00:99", ""}) {
    std::string e = error_of(schedule(room("A", event("1", start, "00:30", "A"))));
    BOOST_TEST(contains(e, "event 1"), e);
    BOOST_TEST(e.rfind("line ", 0) == 0u, e);
  }
  for (const char* duration : {"00:00", "0:75", "abc", "-1:00", "100:00"}) {
    std::string e = error_of(schedule(room("A", event("1", "10:00", duration, "A"))));
    BOOST_TEST(contains(e, "duration"), e);
  }
  std::string bad_date = error_of(schedule(
      room("A", event("1", "10:00", "00:30", "A", "<date>2026-02-30T10:00:00+01:00</date>"))));
  BOOST_TEST(contains(bad_date, "2026-02-30"), bad_date);
  // The line is where the event starts in the document.
  std::string xml =
      schedule(room("A", event("1", "10:00", "00:30", "A") + event("2", "99:00", "00:30", "A")));
  size_t line = 1;
  for (char c : xml.substr(0, xml.find("id='2'"))) line += c == '\n';
  std::string e = error_of(xml);
  BOOST_TEST(e.rfind("line " + std::to_string(line) + ":", 0) == 0u, e);
}

BOOST_AUTO_TEST_CASE(unknown_room_reference) {
  std::string e = error_of(schedule(room("A", event("1", "10:00", "00:30", "Nowhere"))));
  BOOST_TEST(contains(e, "Nowhere"), e);
  // An event outside any <room> must name a room the schedule declares.
  std::string loose = schedule(room("A", "") + event("2", "10:00", "00:30", "Elsewhere"));
  BOOST_TEST(contains(error_of(loose), "not one of the schedule's rooms"));
  std::string fine = schedule(room("A", "") + event("3", "10:00", "00:30", "A"));
  BOOST_TEST(parse(fine).ok(), parse(fine).error);
}

BOOST_AUTO_TEST_CASE(too_long_values_are_refused_not_truncated) {
  std::string title(301, 'x');
  std::string xml = schedule(room("A", event("1", "10:00", "00:30", "A")));
  std::string long_title = xml;
  long_title.replace(long_title.find("Talk 1"), 6, title);
  BOOST_TEST(contains(error_of(long_title), "longer than 300"));
  // 300 characters of two bytes each fit (the column counts characters).
  std::string wide_title = xml;
  std::string wide;
  for (int i = 0; i < 300; ++i) wide += "\xC3\xA9";
  wide_title.replace(wide_title.find("Talk 1"), 6, wide);
  BOOST_TEST(parse(wide_title).ok(), parse(wide_title).error);
  std::string long_room = schedule(room(std::string(201, 'r'), ""));
  BOOST_TEST(contains(error_of(long_room), "room name is longer than 200"));
  std::string long_abstract =
      schedule(room("A", event("1", "10:00", "00:30", "A",
                               "<abstract>" + std::string(70000, 'a') + "</abstract>")));
  BOOST_TEST(contains(error_of(long_abstract), "is longer than 65,535 bytes"));
}

// The line of the element at fault, counted in the document.
size_t line_of(const std::string& xml, const std::string& marker) {
  size_t line = 1;
  for (char c : xml.substr(0, xml.find(marker))) line += c == '\n';
  return line;
}

BOOST_AUTO_TEST_CASE(bidi_controls_and_separators_are_refused_with_the_line) {
  const std::string rlo = "&#x202E;";  // a character reference: no DTD needed
  struct Case {
    std::string xml, at, says;
  };
  std::vector<Case> cases = {
      {schedule(room("A", event("1", "10:00", "00:30", "A")), "<venue>V&#x2066;</venue>\n"),
       "<conference>", "the venue contains U+2066"},
      {schedule(room("A" + rlo, event("1", "10:00", "00:30", "A" + rlo))), "<room name='A&#x202E;'",
       "a room name contains U+202E"},
      {schedule(room("A", event("1", "10:00", "00:30", "A")), "<track name='T&#x2028;'/>\n"),
       "<track name=", "a track name contains a line break (U+2028 LINE SEPARATOR)"},
      {schedule(room("A", event("7", "10:00", "00:30", "A", "<track>T" + rlo + "</track>"))),
       "<event guid='g7'", "event 7 (\"Talk 7\"): the track name contains U+202E"},
      {schedule(room("A", event("7", "10:00", "00:30", "A",
                                "<persons>\n<person id='1'>Ada" + rlo + "</person></persons>"))),
       "<person id='1'>", "event 7 (\"Talk 7\"): a speaker name contains U+202E"},
      {schedule(room("A", event("7", "10:00", "00:30", "A",
                                "<links>\n<link href='https://example.org/'>S&#x2029;</link>"
                                "</links>"))),
       "<link href=", "event 7 (\"Talk 7\"): a link text contains a line break (U+2029"},
      {schedule(room("A", event("7", "10:00", "00:30", "A",
                                "<abstract>Fine.\n\nNot " + rlo + "fine.</abstract>"))),
       "<event guid='g7'", "event 7 (\"Talk 7\"): the abstract or description contains U+202E"},
  };
  std::string conference = schedule(room("A", event("1", "10:00", "00:30", "A")));
  conference.replace(conference.find("Test &amp; Conf"), 15, "Evil" + rlo);
  cases.push_back({conference, "<conference>", "the conference title contains U+202E"});
  std::string titled = schedule(room("A", event("7", "10:00", "00:30", "A")));
  titled.replace(titled.find("Talk 7"), 6, "Talk " + rlo + "7");
  cases.push_back({titled, "<event guid='g7'", "event 7: the title contains U+202E"});
  for (const Case& c : cases) {
    std::string e = error_of(c.xml);
    BOOST_TEST(e.rfind("line " + std::to_string(line_of(c.xml, c.at)) + ": ", 0) == 0u, e);
    BOOST_TEST(contains(e, c.says), e);
  }
  // The separators are line breaks in an abstract, which may hold them;
  // right-to-left marks are fine everywhere.
  ScheduleParseResult ok = parse(schedule(
      room("A", event("7", "10:00", "00:30", "A",
                      "<abstract>One&#x2028;two &#x200F;(RTL mark)</abstract>"
                      "<persons><person id='1'>\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D&#x200F;</person>"
                      "</persons>"))));
  BOOST_TEST_REQUIRE(ok.ok(), ok.error);
  BOOST_TEST(ok.programme->sessions[0].abstract == "One\u2028two \u200F(RTL mark)");
}

BOOST_AUTO_TEST_CASE(links_with_a_user_name_or_password_are_refused_with_the_line) {
  std::string xml = schedule(room(
      "A", event("7", "10:00", "00:30", "A",
                 "<links>\n<link href='https://example.org/ok'>Ok</link>\n"
                 "<link href='https://alice:s3cret@example.org/slides'>Slides</link></links>")));
  std::string e = error_of(xml);
  BOOST_TEST(e == "line " + std::to_string(line_of(xml, "https://alice")) +
                      ": event 7 (\"Talk 7\"): links must not carry a user name or password");
  BOOST_TEST(!contains(e, "s3cret"));
  // '@' in the path is not userinfo; other schemes are still dropped.
  ScheduleParseResult ok = parse(
      schedule(room("A", event("7", "10:00", "00:30", "A",
                               "<links><link href='https://example.org/@alice'>Profile</link>"
                               "<link href='ftp://bob:pw@example.org/'>Old</link></links>"))));
  BOOST_TEST_REQUIRE(ok.ok(), ok.error);
  BOOST_TEST(ok.programme->sessions[0].materials.size() == 1u);
}

BOOST_AUTO_TEST_CASE(oversize_input_is_refused_before_parsing) {
  std::string big(confsched::kMaxScheduleBytes + 1, ' ');
  ScheduleParseResult r = parse(big);
  BOOST_TEST(!r.ok());
  BOOST_TEST(contains(r.error, "20 MiB"), r.error);
}

BOOST_AUTO_TEST_CASE(entities_and_doctypes_are_refused) {
  // External entity (XXE): would read a local file if expanded.
  std::string xxe =
      "<?xml version='1.0'?>\n<!DOCTYPE schedule [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n" +
      schedule(room("A", event("1", "10:00", "00:30", "A", "<abstract>&x;</abstract>")))
          .substr(schedule("").find('\n') + 1);
  std::string e = error_of(xxe);
  BOOST_TEST(contains(e, "DOCTYPE"), e);
  BOOST_TEST(!contains(e, "root:"), e);
  // Billion laughs.
  std::string bomb =
      "<?xml version='1.0'?><!DOCTYPE s [<!ENTITY a 'aaaaaaaaaa'>"
      "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>"
      "<!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]><schedule>&d;</schedule>";
  BOOST_TEST(contains(error_of(bomb), "DOCTYPE"));
  // An external DTD alone is refused too (it would be fetched by a
  // validating parser).
  BOOST_TEST(contains(error_of("<!DOCTYPE schedule SYSTEM 'http://127.0.0.1:1/x.dtd'><schedule/>"),
                      "DOCTYPE"));
  // Without a DTD an entity is simply undeclared: not well-formed.
  std::string undeclared =
      schedule(room("A", event("1", "10:00", "00:30", "A", "<abstract>&x;</abstract>")));
  std::string u = error_of(undeclared);
  BOOST_TEST(contains(u, "line "), u);
}

BOOST_AUTO_TEST_CASE(not_xml_names_the_line) {
  std::string e = error_of("<schedule>\n<conference>\n<title>x</titel>\n</schedule>");
  BOOST_TEST(e.rfind("line 3:", 0) == 0u, e);
}

BOOST_AUTO_TEST_CASE(kinds) {
  BOOST_TEST(frab_kind("lecture") == "talk");
  BOOST_TEST(frab_kind("Workshop") == "workshop");
  BOOST_TEST(frab_kind("podium") == "panel");
  BOOST_TEST(frab_kind("other") == "talk");
  BOOST_TEST(frab_kind("") == "talk");
  BOOST_TEST(frab_kind("concert") == "social");
}

// The real 31C3 programme, when the shared test data is on this machine
// (CONFSCHED_FRAB_XML, or ../shared/data beside the source tree). The
// expected counts come from the file itself, read with regular
// expressions rather than libxml2, so the two methods check each other.
BOOST_AUTO_TEST_CASE(real_31c3_file) {
  std::string path = std::getenv("CONFSCHED_FRAB_XML")
                         ? std::getenv("CONFSCHED_FRAB_XML")
                         : std::string(CONFSCHED_SOURCE_DIR) + "/../shared/data/31c3-schedule.xml";
  if (!std::filesystem::exists(path)) {
    BOOST_TEST_MESSAGE("SKIPPED: " << path
                                   << " is absent (set CONFSCHED_FRAB_XML to a frab schedule.xml)");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string xml = buffer.str();

  auto count = [&](const std::string& pattern) {
    std::regex re(pattern);
    return static_cast<size_t>(
        std::distance(std::sregex_iterator(xml.begin(), xml.end(), re), std::sregex_iterator()));
  };
  std::set<std::string> person_ids, room_names;
  std::regex person("<person id=['\"](\\d+)['\"]"), room_re("<room name=['\"]([^'\"]+)['\"]");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), person); it != std::sregex_iterator();
       ++it)
    person_ids.insert((*it)[1]);
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), room_re);
       it != std::sregex_iterator(); ++it)
    room_names.insert((*it)[1]);

  ScheduleParseResult r = parse(xml, "Europe/Berlin");
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  const auto& p = *r.programme;
  BOOST_TEST(p.sessions.size() == count("<event "));
  BOOST_TEST(p.days == count("<day "));
  BOOST_TEST(p.rooms.size() == room_names.size());
  BOOST_TEST(p.speakers.size() == person_ids.size());
  BOOST_TEST(p.event.time_zone == "Europe/Berlin");
  // Every 31C3 event has a slug, kept for the exports.
  BOOST_TEST(count("<slug>") == p.sessions.size());
  for (const auto& s : p.sessions) BOOST_TEST(!s.slug.empty(), s.title);
  for (const auto& s : p.sessions) {
    BOOST_TEST(s.ends_at > s.starts_at, s.title);
    BOOST_TEST(s.starts_at.substr(0, 10) >= p.event.starts_on);
    BOOST_TEST(s.starts_at.substr(0, 10) <= p.event.ends_on);
  }
}

BOOST_AUTO_TEST_SUITE_END()
