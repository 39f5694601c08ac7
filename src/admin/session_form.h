// The staff form for one session: what was typed, kept as typed (so a
// refused save shows it again unchanged), and its validation. Pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "http/form.h"

namespace confsched {

struct SessionDraft {
  std::string title, abstract;
  std::string day;                // YYYY-MM-DD
  std::string start, end;         // HH:MM, on that day, in the event's time zone
  std::string room_id, track_id;  // decimal ids; track may be empty (none)
  std::string kind, status;
  std::string speakers;   // one name per line, in billing order
  std::string materials;  // one "Label | https://…" per line

  std::string starts_at() const { return day + " " + start + ":00"; }
  std::string ends_at() const { return day + " " + end + ":00"; }
};

// Field name -> message, shown next to the field.
using FieldErrors = std::map<std::string, std::string>;

// What a valid draft may refer to.
struct SessionChoices {
  std::string first_day, last_day;  // the event's dates, YYYY-MM-DD
  std::set<int64_t> room_ids, track_ids;
};

inline constexpr size_t kMaxTitleBytes = 300;
inline constexpr size_t kMaxAbstractBytes = 20000;

struct MaterialLink {
  std::string label, url;
};

inline constexpr size_t kMaxSpeakersPerSession = 20;
inline constexpr size_t kMaxMaterialsPerSession = 20;

// The names of the speakers field: trimmed, blank lines skipped, a repeated
// name kept once. Sets error (and returns what it could) when a name is too
// long or holds control characters, or there are too many.
std::vector<std::string> parse_speaker_lines(std::string_view text, std::string& error);

// An absolute http(s) URL of at most 2000 bytes (materials.url) with no
// spaces, control characters or characters that would need escaping in an
// href. Shared by the staff form and the schedule import.
bool is_web_url(std::string_view url);

// The links of the materials field, "Label | URL" per line. Only http and
// https URLs without spaces or control characters; sets error naming the
// first bad line.
std::vector<MaterialLink> parse_material_lines(std::string_view text, std::string& error);

// Reads the draft's fields; absent fields are empty.
SessionDraft draft_from_form(const FormFields& form);

// Empty when the draft can be saved.
FieldErrors validate_draft(const SessionDraft& draft, const SessionChoices& choices);

// The id in a decimal field, when it is one.
std::optional<int64_t> parse_id(const std::string& text);

}  // namespace confsched
