// The staff forms for the event, rooms, tracks, speakers and passwords:
// values kept as typed, their validation, and the version hash that stands
// in for a revision column in optimistic locking. Pure.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "http/form.h"
#include "http/form_keys.h"
#include "http/request.h"
#include "model/limits.h"
#include "model/programme.h"
#include "model/session_form.h"
#include "util/translate.h"

namespace confsched {

struct EventDraft {
  std::string name, tagline, venue;
  std::string starts_on, ends_on;  // YYYY-MM-DD
  std::string intro;               // paragraphs separated by blank lines
  // "HH:MM", 00:00 to 12:00: when one conference day hands over to the
  // next (model/conference_day.h); blank in the form means 00:00.
  std::string day_change = "00:00";
};

// A room or a track: both are a unique name plus one detail, the room's
// position in the schedule (an integer) or the track's colour (#rrggbb).
// A room has its details besides (a track's stay empty).
struct ItemDraft {
  std::string name, detail;
  RoomDetails room = {};
};

// The room details as one table: the form's field names, which are also
// the columns (sql/006_room_details.sql) and the audit log's keys, each
// with its limit, its name in messages and whether it is a link. Readers
// of the form, the validation and the store all go through it, so a field
// cannot be read in one place and forgotten in another.
struct RoomDetailField {
  std::string_view name;  // "map_url"
  std::string RoomDetails::*member;
  ColumnLimit limit;
  std::string_view noun;   // "map link"
  std::string_view label;  // "The map link": "The map link is ..."
  bool is_link;            // an http(s) URL (util/web_url.h), else one line of text
};
inline constexpr RoomDetailField kRoomDetailFields[] = {
    {"description", &RoomDetails::description, kRoomDescription, tr_mark("description"),
     tr_mark("The description"), false},
    {"floor", &RoomDetails::floor, kRoomFloor, tr_mark("floor"), tr_mark("The floor"), false},
    {"map_url", &RoomDetails::map_url, kRoomMapUrl, tr_mark("map link"), tr_mark("The map link"),
     true},
    {"stream_url", &RoomDetails::stream_url, kRoomStreamUrl, tr_mark("stream link"),
     tr_mark("The stream link"), true},
};

struct SpeakerDraft {
  std::string name, affiliation, bio;
};

// The event's introduction and a speaker's biography: held below what
// their TEXT columns take, since only these forms write them and each form
// must fit a request body of kMaxBodyBytes (http/request.h) as a browser
// sends it. The one-line fields have their columns' limits
// (model/limits.h).
inline constexpr ColumnLimit kEventIntroForm = stricter(kEventIntro, 20000);
inline constexpr ColumnLimit kSpeakerBioForm = stricter(kSpeakerBio, 20000);
inline constexpr int64_t kMaxPosition = 1000000;
inline constexpr size_t kMinPasswordChars = 8;
inline constexpr size_t kMaxPasswordBytes = 1024;

// Reading the forms; absent fields are empty, one-line fields are trimmed,
// long texts are kept exactly as typed.
EventDraft event_draft_from_form(const FormFields& form);
// with_room_details: read the room's details too (/admin/rooms).
ItemDraft item_draft_from_form(const FormFields& form, std::string_view detail_field,
                               bool with_room_details);
SpeakerDraft speaker_draft_from_form(const FormFields& form);

// Each is empty when the draft can be saved; keys are the form's field
// names ("name", "starts_on", "position", "colour", ...).
FieldErrors validate_event(const EventDraft& draft);
// detail: position; and the room's details, each optional: text within
// its column on one line, links absolute http(s) URLs without a user name
// or password (util/web_url.h) within theirs.
FieldErrors validate_room(const ItemDraft& draft);
FieldErrors validate_track(const ItemDraft& draft);  // detail: colour
FieldErrors validate_speaker(const SpeakerDraft& draft);

// "2027-06-15": a real calendar day in the years a DATE column holds.
bool is_iso_date(std::string_view text);
// "#1a2B3c": '#' and six hex digits.
bool is_hex_colour(std::string_view text);
// A decimal integer (optional leading '-') within ±kMaxPosition.
std::optional<int64_t> parse_position(std::string_view text);
// Why a new password (typed twice) cannot be used, or "" when it can. The
// message never repeats the password.
std::string password_problem(std::string_view password, std::string_view again);

// A digest of the values as a form showed them: a save goes through only
// while the stored values still have this digest, which is how a form
// notices that someone else saved in between without a revision column.
// Unambiguous: each value is length-prefixed, so ("ab", "c") and ("a",
// "bc") differ.
std::string values_hash(std::initializer_list<std::string_view> values);
std::string event_version(const EventDraft& values);
std::string item_version(const ItemDraft& values);
std::string speaker_version(const SpeakerDraft& values);

// The fields of the settings forms (templates/admin_event.tpl,
// admin_items.tpl, admin_speaker*.tpl, admin_passwords.tpl), as dispatch
// checks them (http/form_keys.h). version is the tag of the values the
// form showed (store/settings_store.h); a form that adds has none.
inline constexpr FormKey kEventFormKeys[] = {
    {.name = "name"},       {.name = "tagline"},
    {.name = "venue"},      {.name = "starts_on"},
    {.name = "ends_on"},    {.name = "intro"},
    {.name = "day_change"}, {.name = "version", .valid = is_version_tag},
};
inline constexpr std::string_view kItemFormActions[] = {"add", "save", "delete"};
inline constexpr FormKey kRoomFormKeys[] = {
    {.name = "id", .valid = is_optional_number},
    {.name = "name"},
    {.name = "position"},
    {.name = "description"},
    {.name = "floor"},
    {.name = "map_url"},
    {.name = "stream_url"},
    {.name = "version", .valid = is_version_tag},
    {.name = "action", .choices = kItemFormActions},
};
inline constexpr FormKey kTrackFormKeys[] = {
    {.name = "id", .valid = is_optional_number},
    {.name = "name"},
    {.name = "colour"},
    {.name = "version", .valid = is_version_tag},
    {.name = "action", .choices = kItemFormActions},
};
inline constexpr FormKey kSpeakerFormKeys[] = {
    {.name = "name"},
    {.name = "affiliation"},
    {.name = "bio"},
    {.name = "version", .valid = is_version_tag},
};
// The largest room form a browser can send (max_urlencoded_bytes) fits the
// body limit, so a form within every limit is never refused as too large
// before its fields could be judged. 400: the field names, '=' and '&',
// the id, position, version, action and CSRF token, with room to spare.
inline constexpr size_t kRoomFormMaxBytes =
    max_urlencoded_bytes(kRoomName, FormControl::kOneLine) +
    max_urlencoded_bytes(kRoomDescription, FormControl::kOneLine) +
    max_urlencoded_bytes(kRoomFloor, FormControl::kOneLine) +
    max_urlencoded_bytes(kRoomMapUrl, FormControl::kOneLine) +
    max_urlencoded_bytes(kRoomStreamUrl, FormControl::kOneLine) + 400;
static_assert(kRoomFormMaxBytes <= kMaxBodyBytes);

inline constexpr std::string_view kPasswordRoles[] = {"delegate", "staff"};
inline constexpr FormKey kPasswordFormKeys[] = {
    {.name = "role", .choices = kPasswordRoles},
    {.name = "password"},
    {.name = "password_again"},
};

}  // namespace confsched
