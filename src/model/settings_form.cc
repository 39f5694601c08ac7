// Validation and version hashes for the event, room, track, speaker and
// password forms.
#include "model/settings_form.h"

#include <charconv>

#include "auth/crypto.h"
#include "model/conference_day.h"
#include "util/text_rules.h"
#include "util/time_text.h"
#include "util/translate.h"
#include "util/utf8.h"
#include "util/web_url.h"

namespace confsched {

namespace {

constexpr std::string_view kTheName = tr_mark("The name");

std::string field(const FormFields& form, std::string_view name) {
  return std::string(form.get(name).value_or(""));
}

// A one-line text (util/text_rules.h) within its column (model/limits.h).
void check_line(FieldErrors& errors, const char* key, const std::string& text,
                std::string_view label, const ColumnLimit& limit, bool required) {
  if (text.empty()) {
    if (required) errors[key] = fill_text(tr("{field} is required."), {{"field", tr(label)}});
  } else if (auto problem = column_text_problem(limit, text, TextLines::kOne)) {
    errors[key] = field_message(label, *problem);
  }
}

// A long text (util/text_rules.h: line breaks allowed) within limit.
void check_long_text(FieldErrors& errors, const char* key, const std::string& text,
                     std::string_view label, const ColumnLimit& limit) {
  if (auto problem = column_text_problem(limit, text, TextLines::kMany))
    errors[key] = field_message(label, *problem);
}

// An optional link (empty: none) within its column. The address is not
// quoted back in the message: one with a password in it is a secret.
void check_link(FieldErrors& errors, const char* key, const std::string& url,
                std::string_view label, const ColumnLimit& limit) {
  if (url.empty()) return;
  std::string problem;
  switch (check_web_url(url)) {
    case WebUrlCheck::kNotAWebUrl:
      problem = tr("must be a whole web address starting with https:// (or http://)");
      break;
    case WebUrlCheck::kHasUserinfo:
      problem = fill_text(tr("is refused: {reason}"), {{"reason", tr(kUserinfoMessage)}});
      break;
    case WebUrlCheck::kOk:
      problem = length_problem(limit, url).value_or("");
      break;
  }
  if (!problem.empty()) errors[key] = field_message(label, problem);
}

}  // namespace

EventDraft event_draft_from_form(const FormFields& form) {
  EventDraft d;
  d.name = std::string(trim_blanks(field(form, "name")));
  d.tagline = std::string(trim_blanks(field(form, "tagline")));
  d.venue = std::string(trim_blanks(field(form, "venue")));
  d.starts_on = std::string(trim_blanks(field(form, "starts_on")));
  d.ends_on = std::string(trim_blanks(field(form, "ends_on")));
  d.intro = field(form, "intro");
  d.day_change = std::string(trim_blanks(field(form, "day_change")));
  if (d.day_change.empty()) d.day_change = "00:00";
  return d;
}

ItemDraft item_draft_from_form(const FormFields& form, std::string_view detail_field,
                               bool with_room_details) {
  ItemDraft d{std::string(trim_blanks(field(form, "name"))),
              std::string(trim_blanks(field(form, detail_field)))};
  if (with_room_details)
    for (const RoomDetailField& f : kRoomDetailFields)
      d.room.*f.member = std::string(trim_blanks(field(form, f.name)));
  return d;
}

SpeakerDraft speaker_draft_from_form(const FormFields& form) {
  return SpeakerDraft{std::string(trim_blanks(field(form, "name"))),
                      std::string(trim_blanks(field(form, "affiliation"))), field(form, "bio")};
}

FieldErrors validate_event(const EventDraft& d) {
  FieldErrors errors;
  check_line(errors, "name", d.name, kTheName, kEventName, true);
  check_line(errors, "tagline", d.tagline, tr_mark("The tagline"), kEventTagline, false);
  check_line(errors, "venue", d.venue, tr_mark("The venue"), kEventVenue, false);
  check_long_text(errors, "intro", d.intro, tr_mark("The introduction"), kEventIntroForm);
  bool first_ok = is_iso_date(d.starts_on), last_ok = is_iso_date(d.ends_on);
  if (!first_ok) errors["starts_on"] = tr("Give the first day as YYYY-MM-DD.");
  if (!last_ok)
    errors["ends_on"] = tr("Give the last day as YYYY-MM-DD.");
  else if (first_ok && d.ends_on < d.starts_on)  // ISO dates sort as text
    errors["ends_on"] = tr("The last day cannot be before the first day.");
  if (!parse_day_change(d.day_change))
    errors["day_change"] =
        fill_text(tr("Give the time the day changes as HH:MM, from 00:00 to {max}."),
                  {{"max", format_day_change(kMaxDayChangeMinutes)}});
  return errors;
}

FieldErrors validate_room(const ItemDraft& d) {
  FieldErrors errors;
  check_line(errors, "name", d.name, kTheName, kRoomName, true);
  if (!parse_position(d.detail))
    errors["position"] = tr("Give the position as a whole number (smaller numbers come first).");
  for (const RoomDetailField& f : kRoomDetailFields) {
    const std::string key(f.name), value = d.room.*f.member;
    if (f.is_link)
      check_link(errors, key.c_str(), value, f.label, f.limit);
    else
      check_line(errors, key.c_str(), value, f.label, f.limit, false);
  }
  return errors;
}

FieldErrors validate_track(const ItemDraft& d) {
  FieldErrors errors;
  check_line(errors, "name", d.name, kTheName, kTrackName, true);
  if (!is_hex_colour(d.detail))
    errors["colour"] = tr("Give the colour as # and six hex digits, such as #1f6feb.");
  return errors;
}

FieldErrors validate_speaker(const SpeakerDraft& d) {
  FieldErrors errors;
  check_line(errors, "name", d.name, kTheName, kSpeakerName, true);
  check_line(errors, "affiliation", d.affiliation, tr_mark("The affiliation"), kSpeakerAffiliation,
             false);
  check_long_text(errors, "bio", d.bio, tr_mark("The biography"), kSpeakerBioForm);
  return errors;
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10) return false;
  auto date = parse_civil(text);
  return date && date->year >= 1000;  // DATE holds years 1000 to 9999
}

bool is_hex_colour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (char c : text.substr(1)) {
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

std::optional<int64_t> parse_position(std::string_view text) {
  if (text.empty() || text.size() > 12 || text[0] == '+') return std::nullopt;
  int64_t value = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), value);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  if (value < -kMaxPosition || value > kMaxPosition) return std::nullopt;
  return value;
}

std::string password_problem(std::string_view password, std::string_view again) {
  if (password.empty()) return tr("Type the new password in both fields.");
  if (password != again) return tr("The two passwords differ. Type the same password twice.");
  if (!is_valid_utf8(password)) return tr("The password is not valid UTF-8.");
  if (password.size() > kMaxPasswordBytes) return tr("A password may have at most 1024 bytes.");
  if (code_point_count(password) < kMinPasswordChars)
    return fill_text(tr("A password needs at least {count} characters."),
                     {{"count", std::to_string(kMinPasswordChars)}});
  return "";
}

std::string values_hash(std::initializer_list<std::string_view> values) {
  std::string message = "confsched-values-v1";
  for (std::string_view v : values) {
    message += '|';
    message += std::to_string(v.size());
    message += ':';
    message += v;
  }
  return sha256_hex(message);
}

std::string event_version(const EventDraft& v) {
  return values_hash(
      {"event", v.name, v.tagline, v.venue, v.starts_on, v.ends_on, v.intro, v.day_change});
}

std::string item_version(const ItemDraft& v) {
  // A room's details join the tag only when it has some: a track's tag, and
  // that of a room without details, stay what they were before rooms had
  // details, so a form left open across the upgrade still saves. The two
  // shapes cannot collide: the longer one hashes four more
  // length-prefixed values.
  if (v.room == RoomDetails{}) return values_hash({"item", v.name, v.detail});
  return values_hash({"item", v.name, v.detail, v.room.description, v.room.floor, v.room.map_url,
                      v.room.stream_url});
}

std::string speaker_version(const SpeakerDraft& v) {
  return values_hash({"speaker", v.name, v.affiliation, v.bio});
}

}  // namespace confsched
