#include "admin/session_form.h"

#include <charconv>

#include "http/utf8.h"
#include "util/time_text.h"

namespace confsched {

namespace {

bool is_clock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return false;
  auto t = parse_civil("2000-01-01 " + text);
  return t.has_value();
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

void check_title(const SessionDraft& d, FieldErrors& errors) {
  if (d.title.empty())
    errors["title"] = "A title is required.";
  else if (d.title.size() > kMaxTitleBytes)
    errors["title"] = "The title is longer than 300 bytes.";
  else if (has_control_characters(d.title, false))
    errors["title"] = "The title holds control characters or line breaks.";
  if (d.abstract.size() > kMaxAbstractBytes)
    errors["abstract"] = "The abstract is longer than 20,000 bytes.";
  else if (has_control_characters(d.abstract, true))
    errors["abstract"] = "The abstract holds control characters.";
}

void check_times(const SessionDraft& d, const SessionChoices& c, FieldErrors& errors) {
  if (!parse_civil(d.day) || d.day.size() != 10)
    errors["day"] = "Give the day as YYYY-MM-DD.";
  else if (d.day < c.first_day || d.day > c.last_day)
    errors["day"] = "The day must be within the event (" + c.first_day + " to " + c.last_day + ").";
  if (!is_clock(d.start)) errors["start"] = "Give the start as HH:MM.";
  if (!is_clock(d.end))
    errors["end"] = "Give the end as HH:MM.";
  else if (is_clock(d.start) && d.end <= d.start)
    errors["end"] = "The end must be after the start.";
}

void check_choices(const SessionDraft& d, const SessionChoices& c, FieldErrors& errors) {
  auto room = parse_id(d.room_id);
  if (!room || !c.room_ids.count(*room)) errors["room_id"] = "Choose a room from the list.";
  if (!d.track_id.empty()) {
    auto track = parse_id(d.track_id);
    if (!track || !c.track_ids.count(*track)) errors["track_id"] = "Choose a track from the list.";
  }
  static const std::set<std::string> kKinds = {"talk",  "keynote", "workshop",
                                               "panel", "break",   "social"};
  static const std::set<std::string> kStatuses = {"scheduled", "moved", "cancelled"};
  if (!kKinds.count(d.kind)) errors["kind"] = "Choose a kind from the list.";
  if (!kStatuses.count(d.status)) errors["status"] = "Choose a status from the list.";
}

}  // namespace

std::optional<int64_t> parse_id(const std::string& text) {
  int64_t id = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || id <= 0)
    return std::nullopt;
  return id;
}

SessionDraft draft_from_form(const FormFields& form) {
  auto field = [&](const char* name) { return std::string(form.get(name).value_or("")); };
  SessionDraft d;
  d.title = trimmed(field("title"));
  d.abstract = field("abstract");
  d.day = trimmed(field("day"));
  d.start = trimmed(field("start"));
  d.end = trimmed(field("end"));
  d.room_id = field("room_id");
  d.track_id = field("track_id");
  d.kind = field("kind");
  d.status = field("status");
  return d;
}

FieldErrors validate_draft(const SessionDraft& draft, const SessionChoices& choices) {
  FieldErrors errors;
  check_title(draft, errors);
  check_times(draft, choices, errors);
  check_choices(draft, choices, errors);
  return errors;
}

}  // namespace confsched
