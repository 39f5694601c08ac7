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
#include "http/form_keys.h"
#include "model/limits.h"
#include "model/programme.h"

namespace confsched {

struct SessionDraft {
  std::string title, abstract;
  std::string day;                // YYYY-MM-DD: the calendar date the session starts on
  std::string start, end;         // HH:MM, in the event's time zone; an end before
                                  // the start is on the next day (ends_at)
  std::string room_id, track_id;  // decimal ids; track may be empty (none)
  std::string kind, status;
  std::string speakers;   // one name per line, in billing order
  std::string materials;  // one "Label | https://…" per line

  std::string starts_at() const { return day + " " + start + ":00"; }
  // On the day, or on the next when the end is earlier than the start: a
  // 23:30–00:30 late show runs past midnight (validate_draft bounds it).
  std::string ends_at() const;
};

// The longest a session that runs past midnight may last: one whose end
// is earlier than its start ends the next day, so a slip of the fingers
// (14:00–13:00) would otherwise save as 23 hours. A night programme's
// session is far shorter.
inline constexpr int kMaxOvernightMinutes = 12 * 60;

// Field name -> message, shown next to the field.
using FieldErrors = std::map<std::string, std::string>;

// What a valid draft may refer to.
struct SessionChoices {
  std::string first_day, last_day;  // the event's dates, YYYY-MM-DD
  // The event's day change (model/conference_day.h): a session may start
  // on the morning after the last day before it, closing that day.
  int day_change = 0;
  std::set<int64_t> room_ids, track_ids;
};

inline constexpr size_t kMaxSpeakersPerSession = 20;
inline constexpr size_t kMaxMaterialsPerSession = 20;

// The largest body the session form (POST /admin/session/new and
// /admin/session/<id>) sends for the largest session the schema holds
// (model/limits.h), as a browser encodes it (max_urlencoded_bytes: three
// bytes a byte, six a line break of a textarea): the title, the abstract,
// kMaxSpeakersPerSession names and kMaxMaterialsPerSession "Label | URL"
// lines, each line ending in a line break, and an allowance for the rest
// (field names, '=' and '&', the CSRF token, revision, ids, day, times,
// kind, status, action: short ASCII). Whatever the importer stores must
// come back through the form (issue 15: a 28 KB Cyrillic abstract made
// the form's own body larger than the common 64 KiB limit, a 413).
inline constexpr size_t kSessionFormLineBreakBytes = 6;  // "%0D%0A"
inline constexpr size_t kSessionFormOtherFieldsBytes = 1024;
inline constexpr size_t kMaxSessionFormBodyBytes =
    max_urlencoded_bytes(kSessionTitle, FormControl::kOneLine) +
    max_urlencoded_bytes(kSessionAbstract, FormControl::kMultiLine) +
    kMaxSpeakersPerSession *
        (max_urlencoded_bytes(kSpeakerName, FormControl::kOneLine) + kSessionFormLineBreakBytes) +
    kMaxMaterialsPerSession *
        (max_urlencoded_bytes(kMaterialLabel, FormControl::kOneLine) +
         3 * std::string_view(" | ").size() +
         max_urlencoded_bytes(kMaterialUrl, FormControl::kOneLine) + kSessionFormLineBreakBytes) +
    kSessionFormOtherFieldsBytes;

// What is wrong with a session's title or abstract for its column
// (model/limits.h: length) and as text (util/text_rules.h), as the words
// that follow "the title" / "the abstract", or nullopt. The staff form and
// the schedule importers both ask these, so they refuse the same values in
// the same words.
std::optional<std::string> session_title_problem(std::string_view title);
std::optional<std::string> session_abstract_problem(std::string_view abstract);

// The names of the speakers field: trimmed, blank lines skipped, a repeated
// name kept once. Sets error (and returns what it could) naming the first
// line whose name is too long or holds what one-line text may not
// (util/text_rules.h), or when there are too many.
std::vector<std::string> parse_speaker_lines(std::string_view text, std::string& error);

// The links of the materials field, "Label | URL" per line: URLs as
// util/web_url.h allows (http and https, no user name or password), labels
// one-line text (util/text_rules.h). Sets error naming the first bad line.
std::vector<Material> parse_material_lines(std::string_view text, std::string& error);

// Reads the draft's fields; absent fields are empty. The title and times
// are trimmed; the abstract's line breaks become LF (a browser sends a
// textarea's as CRLF), so that a save of an unchanged form stores the
// abstract as it was, and its byte count is that of the stored text.
SessionDraft draft_from_form(const FormFields& form);

// Empty when the draft can be saved.
FieldErrors validate_draft(const SessionDraft& draft, const SessionChoices& choices);

// The id in a decimal field, when it is one.
std::optional<int64_t> parse_id(const std::string& text);

// When a new session starts and how long it lasts until staff say
// otherwise: the new-session form's defaults, and what /admin/day offers
// on an empty day (the start) and in each gap (the length).
inline constexpr std::string_view kNewSessionStart = "09:00";
inline constexpr int kNewSessionMinutes = 45;

// "HH:MM" minutes later, at most 23:59 (a session stays within its day);
// "" when hhmm is not a time of day.
std::string clock_after(std::string_view hhmm, int minutes);

// The new-session form opened from a link (/admin/session/new?day=…
// &start=…&end=…&room_id=…, as /admin/day's gaps offer it): each value
// that is valid replaces its default, and anything else is ignored, so a
// stale or edited link still opens the form. An end counts only with a
// start before it; a start without one gets the default length.
SessionDraft prefilled_draft(SessionDraft defaults, const FormFields& query,
                             const SessionChoices& choices);

// The fields of the session form (templates/admin_session.tpl), as
// dispatch checks them (http/form_keys.h). The typed ones are judged by
// validate_draft; a new session's form carries revision 0.
inline constexpr std::string_view kSessionFormActions[] = {"save", "delete"};
inline constexpr FormKey kSessionFormKeys[] = {
    {.name = "title"},
    {.name = "abstract"},
    {.name = "day"},
    {.name = "start"},
    {.name = "end"},
    {.name = "room_id"},
    {.name = "track_id"},
    {.name = "kind"},
    {.name = "status"},
    {.name = "speakers"},
    {.name = "materials"},
    {.name = "revision", .valid = is_decimal_number},
    {.name = "action", .choices = kSessionFormActions},
    {.name = "accept_clash", .valid = is_ticked},
};

}  // namespace confsched
