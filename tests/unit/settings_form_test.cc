// The event, room, track, speaker and password forms: every validation rule
// and the version hash used for optimistic locking.
#include "model/settings_form.h"

#include "test_support.h"
#include "util/utf8.h"

using namespace confsched;

namespace {

EventDraft valid_event() {
  EventDraft d;
  d.name = "RustConf <Europe>";
  d.tagline = "Three days of talks";
  d.venue = "Kings Place, London";
  d.starts_on = "2027-06-15";
  d.ends_on = "2027-06-17";
  d.intro = "First paragraph.\r\n\r\nSecond paragraph.";
  return d;
}

// The single error of an otherwise valid event after mutate, as key: message.
template <typename Mutate>
std::pair<std::string, std::string> event_error(Mutate mutate) {
  EventDraft d = valid_event();
  mutate(d);
  FieldErrors e = validate_event(d);
  BOOST_REQUIRE_EQUAL(e.size(), 1u);
  return *e.begin();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(settings_form)

BOOST_AUTO_TEST_CASE(colours_are_hash_and_six_hex_digits) {
  BOOST_TEST(is_hex_colour("#1f6feb"));
  BOOST_TEST(is_hex_colour("#ABCDEF"));
  BOOST_TEST(is_hex_colour("#000000"));
  for (const char* bad : {"", "#", "1f6feb", "#1f6fe", "#1f6feb0", "#1g6feb", "#1f6fe ", " #1f6feb",
                          "red", "#fff", "##1f6fe", "#1f6f\xc3\xa9"})
    BOOST_TEST(!is_hex_colour(bad), bad);
  BOOST_TEST(validate_track(ItemDraft{"Systems", "#1f6feb"}).empty());
  FieldErrors e = validate_track(ItemDraft{"Systems", "blue"});
  BOOST_TEST(e.size() == 1u);
  BOOST_TEST(e.count("colour") == 1u);
}

BOOST_AUTO_TEST_CASE(dates_are_real_iso_calendar_days) {
  BOOST_TEST(is_iso_date("2027-06-15"));
  BOOST_TEST(is_iso_date("2028-02-29"));
  for (const char* bad : {"", "2027-6-15", "2027-06-15 ", "2027-02-29", "2027-13-01", "2027-00-10",
                          "15/06/2027", "0999-01-01", "2027-06-15 10:00", "２０２７-06-15"})
    BOOST_TEST(!is_iso_date(bad), bad);
}

BOOST_AUTO_TEST_CASE(a_valid_event_has_no_errors_and_may_last_one_day) {
  BOOST_TEST(validate_event(valid_event()).empty());
  EventDraft one_day = valid_event();
  one_day.ends_on = one_day.starts_on;
  one_day.tagline = one_day.venue = one_day.intro = "";
  BOOST_TEST(validate_event(one_day).empty());
}

BOOST_AUTO_TEST_CASE(each_event_rule_names_its_field) {
  BOOST_TEST(event_error([](EventDraft& d) { d.name = ""; }).first == "name");
  BOOST_TEST(event_error([](EventDraft& d) { d.name = std::string(201, 'n'); }).first == "name");
  BOOST_TEST(event_error([](EventDraft& d) { d.tagline = "two\nlines"; }).first == "tagline");
  BOOST_TEST(event_error([](EventDraft& d) { d.venue = std::string(301, 'v'); }).first == "venue");
  BOOST_TEST(event_error([](EventDraft& d) { d.intro = "bell\a"; }).first == "intro");
  BOOST_TEST(event_error([](EventDraft& d) { d.intro = std::string(20001, 'i'); }).first ==
             "intro");
  BOOST_TEST(event_error([](EventDraft& d) { d.starts_on = "soon"; }).first == "starts_on");
  BOOST_TEST(event_error([](EventDraft& d) { d.ends_on = "2027-06-31"; }).first == "ends_on");
  auto order = event_error([](EventDraft& d) { d.ends_on = "2027-06-14"; });
  BOOST_TEST(order.first == "ends_on");
  BOOST_TEST(order.second == "The last day cannot be before the first day.");
}

BOOST_AUTO_TEST_CASE(name_limits_count_characters_not_bytes) {
  // 200 two-byte characters fit a VARCHAR(200); 201 do not.
  std::string e_acute = "\xc3\xa9";
  std::string name;
  for (int i = 0; i < 200; ++i) name += e_acute;
  BOOST_TEST(code_point_count(name) == 200u);
  BOOST_TEST(validate_speaker(SpeakerDraft{name, "", ""}).empty());
  BOOST_TEST(validate_speaker(SpeakerDraft{name + e_acute, "", ""}).count("name") == 1u);
  BOOST_TEST(code_point_count("a\xf0\x9f\x8e\xa4z") == 3u);
}

BOOST_AUTO_TEST_CASE(names_are_required_and_one_line) {
  BOOST_TEST(validate_room(ItemDraft{"", "1"}).count("name") == 1u);
  BOOST_TEST(validate_room(ItemDraft{"Hall\r\nB", "1"}).count("name") == 1u);
  BOOST_TEST(validate_room(ItemDraft{"Hall\tB", "1"}).empty());  // a tab is harmless
  BOOST_TEST(validate_speaker(SpeakerDraft{"", "", ""}).count("name") == 1u);
  BOOST_TEST(validate_speaker(SpeakerDraft{"Ada", "Uni\x01", ""}).count("affiliation") == 1u);
  BOOST_TEST(validate_speaker(SpeakerDraft{"Ada", "", "Line one.\n\nLine two."}).empty());
  // Markup and SQL metacharacters are ordinary text: the templates escape
  // them and statements carry them as parameters.
  BOOST_TEST(validate_speaker(SpeakerDraft{"<script>x</script>' OR 1=1; --", "\"&", ""}).empty());
}

// Every one-line field of these forms refuses the bidirectional controls
// and the line and paragraph separators; the long texts refuse the first.
BOOST_AUTO_TEST_CASE(one_line_fields_refuse_bidi_controls_and_separators) {
  const std::string rlo = "\u202E", isolate = "\u2066", line_separator = "\u2028";
  for (const std::string& c : {rlo, isolate, line_separator}) {
    BOOST_TEST(event_error([&](EventDraft& d) { d.name = "Conf" + c; }).first == "name");
    BOOST_TEST(event_error([&](EventDraft& d) { d.tagline = "Tag" + c; }).first == "tagline");
    BOOST_TEST(event_error([&](EventDraft& d) { d.venue = "Hall" + c; }).first == "venue");
    BOOST_TEST(validate_room(ItemDraft{"Room" + c, "1"}).count("name") == 1u);
    BOOST_TEST(validate_track(ItemDraft{"Track" + c, "#112233"}).count("name") == 1u);
    BOOST_TEST(validate_speaker(SpeakerDraft{"Ada" + c, "", ""}).count("name") == 1u);
    BOOST_TEST(validate_speaker(SpeakerDraft{"Ada", "Uni" + c, ""}).count("affiliation") == 1u);
  }
  BOOST_TEST(event_error([&](EventDraft& d) { d.venue = "Kings " + rlo + "Place"; }).second ==
             "The venue contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display in a "
             "misleading order.");
  BOOST_TEST(validate_room(ItemDraft{"Hall" + line_separator + "B", "1"}).at("name") ==
             "The name contains a line break (U+2028 LINE SEPARATOR) but must be one line.");
  // The long texts: bidi controls refused, separators allowed.
  BOOST_TEST(event_error([&](EventDraft& d) { d.intro = "Intro " + isolate; }).first == "intro");
  BOOST_TEST(validate_speaker(SpeakerDraft{"Ada", "", "Bio" + rlo}).at("bio") ==
             "The biography contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display "
             "in a misleading order.");
  BOOST_TEST(validate_speaker(SpeakerDraft{"Ada", "", "One" + line_separator + "two"}).empty());
  // The marks right-to-left text needs are fine everywhere.
  std::string hebrew = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \u200F(IL)\u200E";
  BOOST_TEST(validate_speaker(SpeakerDraft{hebrew, hebrew, hebrew}).empty());
}

BOOST_AUTO_TEST_CASE(positions_are_bounded_whole_numbers) {
  BOOST_TEST(parse_position("0") == std::optional<int64_t>(0));
  BOOST_TEST(parse_position("-3") == std::optional<int64_t>(-3));
  BOOST_TEST(parse_position("1000000") == std::optional<int64_t>(1000000));
  for (const char* bad :
       {"", "+1", "1.5", "1e3", "1000001", "-1000001", "12 ", "x", "99999999999999"})
    BOOST_TEST(!parse_position(bad).has_value(), bad);
  BOOST_TEST(validate_room(ItemDraft{"Hall A", "2"}).empty());
  BOOST_TEST(validate_room(ItemDraft{"Hall A", "second"}).count("position") == 1u);
}

ItemDraft room_with(RoomDetails details) { return ItemDraft{"Hall A", "2", std::move(details)}; }

// The single error of a room with these details as "key: message", or ""
// when it has none.
std::string room_error(RoomDetails details) {
  FieldErrors e = validate_room(room_with(std::move(details)));
  BOOST_REQUIRE_LE(e.size(), 1u);
  return e.empty() ? "" : e.begin()->first + ": " + e.begin()->second;
}

BOOST_AUTO_TEST_CASE(room_details_are_optional_and_checked_each_in_its_field) {
  BOOST_TEST(room_error({}) == "");
  BOOST_TEST(room_error({.description = "2nd floor, left of the main stairs",
                         .floor = "Level 2",
                         .map_url = "https://example.org/venue-map#hall-a",
                         .stream_url = "http://stream.example.org/hall-a?q=1&x=2"}) == "");
  // Text: one line within its column, counted in characters.
  BOOST_TEST(room_error({.description = std::string(300, 'x')}) == "");
  BOOST_TEST(room_error({.description = std::string(301, 'x')}) ==
             "description: The description is longer than 300 characters.");
  std::string cyrillic;
  for (int i = 0; i < 100; ++i) cyrillic += "\xD0\x90";  // 100 characters, 200 bytes
  BOOST_TEST(room_error({.floor = cyrillic}) == "");
  BOOST_TEST(room_error({.floor = cyrillic + "x"}) ==
             "floor: The floor is longer than 100 characters.");
  BOOST_TEST(room_error({.description = "two\nlines"}).rfind("description: ", 0) == 0);
  BOOST_TEST(room_error({.floor = "\xE2\x80\xAE"
                                  "2 level"})
                 .rfind("floor: ", 0) == 0);  // U+202E
}

BOOST_AUTO_TEST_CASE(room_links_are_http_or_https_only) {
  const std::string not_web = "must be a whole web address starting with https:// (or http://).";
  for (const char* bad :
       {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>", "ftp://example.org/map",
        "//example.org/map", "example.org/map", "https://", "https://exa mple.org/",
        "https://example.org/\"x\"", "https://a%40b.example/"}) {
    BOOST_TEST_CONTEXT(bad) {
      BOOST_TEST(room_error({.map_url = bad}) == "map_url: The map link " + not_web);
      BOOST_TEST(room_error({.stream_url = bad}) == "stream_url: The stream link " + not_web);
    }
  }
  // A password in a published link leaks it; the message does not repeat it.
  std::string error = room_error({.stream_url = "https://user:hunter22@stream.example.org/"});
  BOOST_TEST(error.rfind("stream_url: ", 0) == 0);
  BOOST_TEST(error.find("hunter22") == std::string::npos);
  BOOST_TEST(error.find("user name or password") != std::string::npos);
  // Within the column's 2,000 characters.
  const std::string base = "https://example.org/";
  BOOST_TEST(room_error({.map_url = base + std::string(2000 - base.size(), 'a')}) == "");
  BOOST_TEST(room_error({.map_url = base + std::string(2001 - base.size(), 'a')}) ==
             "map_url: The map link is longer than 2,000 characters.");
}

BOOST_AUTO_TEST_CASE(a_room_without_details_keeps_its_version_tag) {
  // The tag of a room without details is the one from before rooms had
  // details (a form open across the upgrade still saves) ...
  BOOST_TEST(item_version(room_with({})) == values_hash({"item", "Hall A", "2"}));
  // ... and every detail moves it.
  const std::string bare = item_version(room_with({}));
  RoomDetails all{.description = "d", .floor = "f", .map_url = "m", .stream_url = "s"};
  const std::string full = item_version(room_with(all));
  BOOST_TEST(full != bare);
  for (const RoomDetailField& f : kRoomDetailFields) {
    BOOST_TEST_CONTEXT(f.name) {
      RoomDetails one;
      one.*f.member = "x";
      BOOST_TEST(item_version(room_with(one)) != bare);
      RoomDetails changed = all;
      changed.*f.member += "x";
      BOOST_TEST(item_version(room_with(changed)) != full);
    }
  }
  // The same text in another field is another version.
  BOOST_TEST(item_version(room_with({.floor = "x"})) !=
             item_version(room_with({.description = "x"})));
}

BOOST_AUTO_TEST_CASE(forms_are_read_trimmed_except_long_texts) {
  auto form = parse_urlencoded(
      "name=+Conf+&tagline=%09t+&starts_on=+2027-06-15&intro=+kept+as+typed+&position=+4+");
  BOOST_REQUIRE(form.has_value());
  EventDraft e = event_draft_from_form(*form);
  BOOST_TEST(e.name == "Conf");
  BOOST_TEST(e.tagline == "t");
  BOOST_TEST(e.starts_on == "2027-06-15");
  BOOST_TEST(e.intro == " kept as typed ");
  BOOST_TEST(e.venue == "");
  ItemDraft room = item_draft_from_form(*form, "position", true);
  BOOST_TEST(room.name == "Conf");
  BOOST_TEST(room.detail == "4");
  BOOST_TEST((room.room == RoomDetails{}));
  // A room's details are trimmed one-line fields; a track has none, even
  // when the form carried them.
  auto details = parse_urlencoded(
      "name=Hall&position=1&description=+Up+the+stairs%09&floor=%0ALevel+2+"
      "&map_url=+https%3A%2F%2Fexample.org%2Fmap+&stream_url=%09https%3A%2F%2Fs.example.org%2F1");
  BOOST_REQUIRE(details.has_value());
  room = item_draft_from_form(*details, "position", true);
  BOOST_TEST(room.room.description == "Up the stairs");
  BOOST_TEST(room.room.floor == "Level 2");
  BOOST_TEST(room.room.map_url == "https://example.org/map");
  BOOST_TEST(room.room.stream_url == "https://s.example.org/1");
  BOOST_TEST((item_draft_from_form(*details, "colour", false).room == RoomDetails{}));
  SpeakerDraft s = speaker_draft_from_form(*parse_urlencoded("name=Ada&bio=%0Aline%0A"));
  BOOST_TEST(s.bio == "\nline\n");
}

BOOST_AUTO_TEST_CASE(password_rules) {
  BOOST_TEST(password_problem("correct horse", "correct horse") == "");
  BOOST_TEST(password_problem("12345678", "12345678") == "");
  BOOST_TEST(!password_problem("", "").empty());
  BOOST_TEST(!password_problem("1234567", "1234567").empty());
  BOOST_TEST(!password_problem("correct horse", "correct horsf").empty());
  // Eight characters, even when they take more bytes than that.
  std::string eight = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
  BOOST_TEST(password_problem(eight, eight) == "");
  std::string seven = eight.substr(2);
  BOOST_TEST(!password_problem(seven, seven).empty());
  std::string longest(1024, 'p'), too_long(1025, 'p');
  BOOST_TEST(password_problem(longest, longest) == "");
  BOOST_TEST(!password_problem(too_long, too_long).empty());
  std::string invalid = "abcdefgh\xff";
  BOOST_TEST(!password_problem(invalid, invalid).empty());
}

BOOST_AUTO_TEST_CASE(password_messages_never_repeat_the_password) {
  for (const char* pw : {"short", "zz\xff\xfezzzzzzzzz"}) {
    BOOST_TEST(password_problem(pw, pw).find(pw) == std::string::npos);
    BOOST_TEST(password_problem(pw, "other").find(pw) == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(values_hash_is_stable_and_unambiguous) {
  BOOST_TEST(values_hash({"a", "b"}) == values_hash({"a", "b"}));
  BOOST_TEST(values_hash({"a", "b"}).size() == 64u);
  BOOST_TEST(values_hash({"ab", "c"}) != values_hash({"a", "bc"}));
  BOOST_TEST(values_hash({"a|1:b"}) != values_hash({"a", "b"}));
  BOOST_TEST(values_hash({""}) != values_hash({}));
  BOOST_TEST(values_hash({"", ""}) != values_hash({""}));
}

BOOST_AUTO_TEST_CASE(a_version_changes_with_every_field) {
  EventDraft e = valid_event();
  const std::string before = event_version(e);
  BOOST_TEST(event_version(valid_event()) == before);
  for (std::string EventDraft::*field :
       {&EventDraft::name, &EventDraft::tagline, &EventDraft::venue, &EventDraft::starts_on,
        &EventDraft::ends_on, &EventDraft::intro}) {
    EventDraft changed = e;
    changed.*field += "x";
    BOOST_TEST(event_version(changed) != before);
  }
  BOOST_TEST(item_version(ItemDraft{"Hall", "1"}) != item_version(ItemDraft{"Hall", "2"}));
  BOOST_TEST(item_version(ItemDraft{"Hall", "1"}) != item_version(ItemDraft{"Hall1", ""}));
  BOOST_TEST(speaker_version(SpeakerDraft{"Ada", "", "b"}) !=
             speaker_version(SpeakerDraft{"Ada", "b", ""}));
}

BOOST_AUTO_TEST_SUITE_END()
