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
// name kept once. Sets error (and returns what it could) naming the first
// line whose name is too long or holds what one-line text may not
// (util/text_rules.h), or when there are too many.
std::vector<std::string> parse_speaker_lines(std::string_view text, std::string& error);

// The links of the materials field, "Label | URL" per line: URLs as
// util/web_url.h allows (http and https, no user name or password), labels
// one-line text (util/text_rules.h). Sets error naming the first bad line.
std::vector<MaterialLink> parse_material_lines(std::string_view text, std::string& error);

// Reads the draft's fields; absent fields are empty.
SessionDraft draft_from_form(const FormFields& form);

// Empty when the draft can be saved.
FieldErrors validate_draft(const SessionDraft& draft, const SessionChoices& choices);

// The id in a decimal field, when it is one.
std::optional<int64_t> parse_id(const std::string& text);

}  // namespace confsched
