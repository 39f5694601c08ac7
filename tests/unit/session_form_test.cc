// The staff session form: values kept as typed, and every validation rule.
#include "model/session_form.h"

#include "test_support.h"

using namespace confsched;

namespace {

SessionChoices choices() {
  SessionChoices c;
  c.first_day = "2027-06-15";
  c.last_day = "2027-06-17";
  c.room_ids = {1, 2};
  c.track_ids = {7};
  return c;
}

SessionDraft valid() {
  SessionDraft d;
  d.title = "A talk";
  d.abstract = "Line one.\n\nLine two.";
  d.day = "2027-06-16";
  d.start = "09:30";
  d.end = "10:15";
  d.room_id = "2";
  d.track_id = "7";
  d.kind = "talk";
  d.status = "scheduled";
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session_form)

BOOST_AUTO_TEST_CASE(a_valid_draft_has_no_errors) {
  BOOST_TEST(validate_draft(valid(), choices()).empty());
  SessionDraft no_track = valid();
  no_track.track_id = "";
  BOOST_TEST(validate_draft(no_track, choices()).empty());
  BOOST_TEST(valid().starts_at() == "2027-06-16 09:30:00");
  BOOST_TEST(valid().ends_at() == "2027-06-16 10:15:00");
}

BOOST_AUTO_TEST_CASE(form_values_are_read_and_trimmed_where_it_helps) {
  auto form = parse_urlencoded("title=+Hi+%3Cb%3E+&abstract=+keep+&day=2027-06-16&start=09:30");
  BOOST_REQUIRE(form.has_value());
  SessionDraft d = draft_from_form(*form);
  BOOST_TEST(d.title == "Hi <b>");
  BOOST_TEST(d.abstract == " keep ");  // the abstract is kept as typed
  BOOST_TEST(d.end == "");
  // but for its line breaks, which a browser sends as CRLF: stored as LF,
  // so saving an unchanged form stores the abstract as it was.
  form = parse_urlencoded("abstract=One.%0D%0A%0D%0ATwo.%0DThree.%0A");
  BOOST_REQUIRE(form.has_value());
  BOOST_TEST(draft_from_form(*form).abstract == "One.\n\nTwo.\nThree.\n");
}

// Issue 15: the title was limited to 300 bytes, not the 300 characters
// sessions.title holds and the importer takes, and the abstract to 20,000
// bytes instead of TEXT's 65,535: an imported session could not be saved.
BOOST_AUTO_TEST_CASE(title_and_abstract_take_what_their_columns_hold) {
  auto errors_for = [](const std::string& title, const std::string& abstract) {
    SessionDraft d = valid();
    d.title = title;
    d.abstract = abstract;
    return validate_draft(d, choices());
  };
  std::string cyrillic_300;
  for (int i = 0; i < 300; ++i) cyrillic_300 += "\xD0\xB6";  // U+0436, two bytes
  std::string cyrillic_abstract;
  for (int i = 0; i < 32767; ++i) cyrillic_abstract += "\xD0\xB6";
  cyrillic_abstract += ".";  // 65,535 bytes
  BOOST_TEST(errors_for(cyrillic_300, cyrillic_abstract).empty());
  FieldErrors e = errors_for(cyrillic_300 + "\xD0\xB6", cyrillic_abstract + ".");
  BOOST_TEST(e["title"] == "The title is longer than 300 characters.");
  BOOST_TEST(e["abstract"] == "The abstract is longer than 65,535 bytes.");
  // The words are the importer's (tests/unit/limits_test.cc compares them).
  BOOST_TEST(session_title_problem(cyrillic_300 + "x") == "is longer than 300 characters");
  BOOST_TEST(session_title_problem(cyrillic_300) == std::nullopt);
}

BOOST_AUTO_TEST_CASE(each_rule_names_its_field) {
  auto error_for = [](auto mutate) {
    SessionDraft d = valid();
    mutate(d);
    FieldErrors e = validate_draft(d, choices());
    BOOST_REQUIRE_EQUAL(e.size(), 1u);
    return e.begin()->first;
  };
  BOOST_TEST(error_for([](SessionDraft& d) { d.title = ""; }) == "title");
  BOOST_TEST(error_for([](SessionDraft& d) { d.title = std::string(301, 'x'); }) == "title");
  BOOST_TEST(error_for([](SessionDraft& d) { d.title = "two\nlines"; }) == "title");
  BOOST_TEST(error_for([](SessionDraft& d) { d.abstract = "bell\a"; }) == "abstract");
  BOOST_TEST(error_for([](SessionDraft& d) { d.day = "2027-06-18"; }) == "day");
  BOOST_TEST(error_for([](SessionDraft& d) { d.day = "2027-06-14"; }) == "day");
  BOOST_TEST(error_for([](SessionDraft& d) { d.day = "16/06/2027"; }) == "day");
  BOOST_TEST(error_for([](SessionDraft& d) { d.start = "9:30"; }) == "start");
  BOOST_TEST(error_for([](SessionDraft& d) { d.start = "24:00"; }) == "start");
  BOOST_TEST(error_for([](SessionDraft& d) { d.end = "09:30"; }) == "end");
  BOOST_TEST(error_for([](SessionDraft& d) { d.end = "09:00"; }) == "end");
  BOOST_TEST(error_for([](SessionDraft& d) { d.room_id = "3"; }) == "room_id");
  BOOST_TEST(error_for([](SessionDraft& d) { d.room_id = "1 OR 1=1"; }) == "room_id");
  BOOST_TEST(error_for([](SessionDraft& d) { d.track_id = "8"; }) == "track_id");
  BOOST_TEST(error_for([](SessionDraft& d) { d.kind = "lecture"; }) == "kind");
  BOOST_TEST(error_for([](SessionDraft& d) { d.status = "postponed"; }) == "status");
}

// A session may cross midnight (a late show): an end before the start is
// the next day's, up to kMaxOvernightMinutes, so 14:00-13:00 is refused.
BOOST_AUTO_TEST_CASE(a_session_may_run_past_midnight_within_bounds) {
  SessionDraft d = valid();
  d.start = "23:30";
  d.end = "00:30";
  BOOST_TEST(validate_draft(d, choices()).empty());
  BOOST_TEST(d.starts_at() == "2027-06-16 23:30:00");
  BOOST_TEST(d.ends_at() == "2027-06-17 00:30:00");
  d.end = "11:30";  // twelve hours
  BOOST_TEST(validate_draft(d, choices()).empty());
  d.end = "11:31";
  BOOST_TEST(validate_draft(d, choices()).count("end") == 1u);
  d.start = "14:00";
  d.end = "13:00";
  BOOST_TEST(validate_draft(d, choices()).count("end") == 1u);
  d.end = "14:00";
  BOOST_TEST(validate_draft(d, choices()).count("end") == 1u);
  d.start = "09:30";
  d.end = "10:15";
  BOOST_TEST(d.ends_at() == "2027-06-16 10:15:00");
}

// The small hours after the last date close that date when the day
// changes later than them, and only then.
BOOST_AUTO_TEST_CASE(the_morning_after_the_last_day_counts_before_the_day_change) {
  SessionChoices c = choices();
  c.day_change = 4 * 60;
  SessionDraft d = valid();
  d.day = "2027-06-18";
  d.start = "00:15";
  d.end = "01:00";
  BOOST_TEST(validate_draft(d, c).empty());
  d.start = "04:00";
  d.end = "05:00";
  BOOST_TEST(validate_draft(d, c).count("day") == 1u);
  c.day_change = 0;
  d.start = "00:15";
  d.end = "01:00";
  BOOST_TEST(validate_draft(d, c).count("day") == 1u);
}

BOOST_AUTO_TEST_CASE(speaker_lines) {
  std::string error;
  auto names = parse_speaker_lines("  Ada Lovelace \r\n\nGrace Hopper\nAda Lovelace\n", error);
  BOOST_TEST(error.empty());
  BOOST_REQUIRE_EQUAL(names.size(), 2u);
  BOOST_TEST(names[0] == "Ada Lovelace");
  BOOST_TEST(names[1] == "Grace Hopper");

  parse_speaker_lines(std::string(201, 'x'), error);
  BOOST_TEST(!error.empty());
  error.clear();
  std::string many;
  for (int i = 0; i < 21; ++i) many += "Speaker " + std::to_string(i) + "\n";
  parse_speaker_lines(many, error);
  BOOST_TEST(!error.empty());
}

BOOST_AUTO_TEST_CASE(material_lines) {
  std::string error;
  auto links =
      parse_material_lines("Slides | https://example.org/a\n\nVideo|http://x.org/v?a=1&b=2", error);
  BOOST_TEST(error.empty());
  BOOST_REQUIRE_EQUAL(links.size(), 2u);
  BOOST_TEST(links[0].label == "Slides");
  BOOST_TEST(links[0].url == "https://example.org/a");
  BOOST_TEST(links[1].label == "Video");
  BOOST_TEST(links[1].url == "http://x.org/v?a=1&b=2");
  // The last '|' splits, so a label may hold one.
  links = parse_material_lines("A | B | https://example.org/", error);
  BOOST_TEST(links.at(0).label == "A | B");

  for (const char* bad :
       {"Evil | javascript:alert(1)", "No label https://example.org/", "| https://example.org/",
        "Data | data:text/html,x", "Space | https://example.org/a b",
        "Quote | https://example.org/\"x", "Short | http://a"}) {
    error.clear();
    BOOST_TEST(parse_material_lines(bad, error).empty(), bad);
    BOOST_TEST(error.rfind("Line 1", 0) == 0u, bad);
  }
  error.clear();
  parse_material_lines("Ok | https://example.org/\nBad | ftp://example.org/", error);
  BOOST_TEST(error.rfind("Line 2", 0) == 0u);
}

// Trojan Source: bidirectional overrides and isolates reorder what a
// reader sees; line and paragraph separators break a one-line title.
BOOST_AUTO_TEST_CASE(titles_and_abstracts_refuse_bidi_controls_naming_them) {
  auto errors_for = [](auto mutate) {
    SessionDraft d = valid();
    mutate(d);
    return validate_draft(d, choices());
  };
  FieldErrors e = errors_for([](SessionDraft& d) { d.title = "Admin\u202E txt.exe"; });
  BOOST_TEST(e["title"] ==
             "The title contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display in a "
             "misleading order.");
  for (const char* bad : {"a\u202Ab", "a\u202Db", "a\u2066b\u2069", "a\u2068b", "one\u2028two",
                          "one\u2029two", "esc\x1B[2J", "csi\xC2\x9B"}) {
    FieldErrors title = errors_for([&](SessionDraft& d) { d.title = bad; });
    BOOST_TEST((title.size() == 1u && title.count("title")), bad);
  }
  e = errors_for([](SessionDraft& d) { d.abstract = "Para one.\n\nPara \u2067two\u2069."; });
  BOOST_TEST(e["abstract"] ==
             "The abstract contains U+2067 RIGHT-TO-LEFT ISOLATE, which can make text display in a "
             "misleading order.");
  // A multi-line abstract may hold the line and paragraph separators, and
  // both may hold the marks that right-to-left text uses.
  BOOST_TEST(errors_for([](SessionDraft& d) { d.abstract = "one\u2028two\u2029three"; }).empty());
  BOOST_TEST(errors_for([](SessionDraft& d) {
               d.title = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \u200F(2027)\u200E";
               d.abstract = d.title;
             }).empty());
}

BOOST_AUTO_TEST_CASE(speaker_names_and_link_labels_refuse_bidi_controls_by_line) {
  std::string error;
  parse_speaker_lines("Ada Lovelace\n\nGrace \u202EHopper\n", error);
  BOOST_TEST(error ==
             "Line 3: the name contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text "
             "display in a misleading order.");
  error.clear();
  parse_speaker_lines("Ada\u2028Lovelace", error);
  BOOST_TEST(error ==
             "Line 1: the name contains a line break (U+2028 LINE SEPARATOR) but must be "
             "one line.");
  error.clear();
  parse_material_lines("Slides | https://example.org/s\nVi\u2066deo | https://example.org/v",
                       error);
  BOOST_TEST(error ==
             "Line 2: the label contains U+2066 LEFT-TO-RIGHT ISOLATE, which can make text "
             "display in a misleading order.");
}

BOOST_AUTO_TEST_CASE(links_with_a_user_name_or_password_are_refused) {
  for (const char* bad :
       {"Slides | https://alice:secret@example.org/slides", "S | https://a@b", "S | https://a:b@c/",
        "S | https://user@:443", "S | http://example.org@evil.example/", "S | https://a%40b@c/"}) {
    std::string error;
    BOOST_TEST(parse_material_lines(bad, error).empty(), bad);
    BOOST_TEST(error == "Line 1: links must not carry a user name or password.", bad);
  }
  for (const char* fine : {"S | https://example.org/@foo", "S | https://example.org?x=@"}) {
    std::string error;
    BOOST_TEST(parse_material_lines(fine, error).size() == 1u, fine);
    BOOST_TEST(error.empty(), fine);
  }
  for (const char* other : {"S | https://example.org\\@evil.example/", "S | https://a%40b/"}) {
    std::string error;
    BOOST_TEST(parse_material_lines(other, error).empty(), other);
    BOOST_TEST(error.rfind("Line 1: write", 0) == 0u, other << ": " << error);
  }
  // The form as a whole: the error sits next to the materials field.
  SessionDraft d = valid();
  d.materials = "Ok | https://example.org/\nSlides | https://bob:hunter2@example.org/s";
  FieldErrors e = validate_draft(d, choices());
  BOOST_TEST(e["materials"] == "Line 2: links must not carry a user name or password.");
  BOOST_TEST(e["materials"].find("hunter2") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(ids) {
  BOOST_TEST(parse_id("42").value_or(0) == 42);
  for (const char* bad : {"", "0", "-1", "4x", " 4", "99999999999999999999"})
    BOOST_TEST(!parse_id(bad).has_value(), "accepted \"" << bad << "\"");
}

BOOST_AUTO_TEST_CASE(a_later_clock_stays_within_the_day) {
  BOOST_TEST(clock_after("09:00", kNewSessionMinutes) == "09:45");
  BOOST_TEST(clock_after("10:30", 90) == "12:00");
  BOOST_TEST(clock_after("23:30", 45) == "23:59");
  for (const char* bad : {"", "9:00", "24:00", "09:00:00", "ab:cd"})
    BOOST_TEST(clock_after(bad, 45).empty(), "took \"" << bad << "\"");
}

// /admin/day's "add a session here" links: what is valid is taken, the
// rest left as the defaults were.
BOOST_AUTO_TEST_CASE(a_prefilled_new_form_takes_only_valid_values) {
  SessionDraft defaults = valid();
  auto prefilled = [&](std::vector<std::pair<std::string, std::string>> query) {
    return prefilled_draft(defaults, FormFields(std::move(query)), choices());
  };
  SessionDraft d =
      prefilled({{"day", "2027-06-17"}, {"start", "14:00"}, {"end", "14:20"}, {"room_id", "1"}});
  BOOST_TEST(d.day == "2027-06-17");
  BOOST_TEST(d.start == "14:00");
  BOOST_TEST(d.end == "14:20");
  BOOST_TEST(d.room_id == "1");
  BOOST_TEST(d.title == defaults.title);
  // A start alone, or with an end not after it: the default length.
  BOOST_TEST(prefilled({{"start", "14:00"}}).end == "14:45");
  BOOST_TEST(prefilled({{"start", "14:00"}, {"end", "13:00"}}).end == "14:45");
  // An end alone means nothing.
  BOOST_TEST(prefilled({{"end", "11:00"}}).end == defaults.end);
  // Outside the event, not a room of it, not a time: ignored.
  SessionDraft bad = prefilled({{"day", "2027-06-18"},
                                {"start", "25:00"},
                                {"end", "\"><script>"},
                                {"room_id", "3"},
                                {"title", "not from a link"}});
  BOOST_TEST(bad.day == defaults.day);
  BOOST_TEST(bad.start == defaults.start);
  BOOST_TEST(bad.end == defaults.end);
  BOOST_TEST(bad.room_id == defaults.room_id);
  BOOST_TEST(bad.title == defaults.title);
  for (const char* day : {"2027-06-14", "2027-6-16", "2027-06-16 09:00", "yesterday"})
    BOOST_TEST(prefilled({{"day", day}}).day == defaults.day, "took " << day);
  for (const char* room : {"0", "-1", "1x", "", "3"})
    BOOST_TEST(prefilled({{"room_id", room}}).room_id == defaults.room_id, "took " << room);
}

BOOST_AUTO_TEST_SUITE_END()
