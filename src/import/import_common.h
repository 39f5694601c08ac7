// Helpers shared by the schedule readers (frab XML, schedule JSON, CSV):
// column limits, the date and time formats the formats use, and a builder
// that collects rooms, tracks and speakers by name into an
// ImportedProgramme. Pure and thread-compatible (a builder per parse).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/imported_programme.h"
#include "model/limits.h"
#include "model/text.h"
#include "util/text_rules.h"
#include "util/time_text.h"

namespace confsched::import_detail {

using std::chrono::local_days;
using std::chrono::local_seconds;

// Column sizes are model/limits.h's: the staff forms check the same ones,
// so whatever is imported can be saved again by staff.

// A non-negative decimal number, nothing else.
std::optional<int> digits(std::string_view s);
// "YYYY-MM-DD", a real calendar date (util/time_text.h's parse_civil), as
// a chrono day for the importers' arithmetic.
std::optional<local_days> parse_date(std::string_view s);
// "YYYY-MM-DDTHH:MM[:SS]" plus nothing, a fraction, "Z" or an offset; the
// wall clock before the offset.
std::optional<local_seconds> parse_local_datetime(std::string_view s);
// "H:MM", "HH:MM" or "HH:MM:SS", more than zero.
std::optional<std::chrono::seconds> parse_duration(std::string_view s);
std::string format_date(local_days day);
std::string format_datetime(local_seconds t);  // "YYYY-MM-DD HH:MM:SS"
std::string_view palette_colour(size_t i);
// A value for an error message: at most 60 bytes, quoted, valid UTF-8.
std::string excerpt(std::string_view s);

// A day as the file lists it: its date and the wall-clock time it ends
// (frab XML's <day date end>, schedule JSON's "date" and "day_end").
struct SourceDay {
  local_days date;
  local_seconds end;
};

// The day change (model/conference_day.h) the file's days imply: where a
// day ends after midnight, the latest such end's time of day (CCC's
// "2014-12-28T04:00" for 2014-12-27: 04:00), at most
// kMaxDayChangeMinutes; 0 when every day ends by midnight. A frab day's
// end is where its night programme stops and the next day takes over, so
// a talk at 00:15 stays on the day the file lists it under.
int day_change_of_days(const std::vector<SourceDay>& days);

// frab's free-text session <type> ("lecture", "workshop", "podium", ...),
// which schedule JSON carries too and CSV takes besides our own names, as
// one of sessions.kind's values; "talk" for anything unrecognised.
std::string frab_kind(std::string_view type);

// Whether a name could be an IANA time zone ("Europe/Berlin", "UTC"):
// syntax only, since the readers read no files.
bool plausible_time_zone(std::string_view name);

// Thrown inside a reader only; each parse_* turns it into its result.
struct ImportRefusal {
  std::string message;
};

// Throws ImportRefusal{"<where>: <message>"}.
[[noreturn]] void refuse_at(const std::string& where, const std::string& message);

// A one-line text as the readers store it: white space runs made one space
// (one_line), then refused when it holds what one-line text may not
// (util/text_rules.h: controls, bidirectional controls, U+2028/U+2029) or
// is longer than its column holds (model/limits.h), in the words the
// staff form uses. May be empty.
std::string one_line_text(const std::string& where, std::string_view what, std::string_view raw,
                          const ColumnLimit& limit);

// The same, and required.
std::string checked_text(const std::string& where, std::string_view what, std::string_view raw,
                         const ColumnLimit& limit);

// Refuses an abstract the staff form would refuse (session_abstract_problem
// in model/session_form.h: its length, what multi-line text may not hold).
void check_abstract(const std::string& where, std::string_view what, std::string_view text);

// A link of a session from its address and text, or nullopt when the
// address is not an http(s) link (util/web_url.h): the readers drop those,
// since links are extras and a schedule should not fail over one. Refuses
// an address with a user name or password (never dropped silently: the
// file leaks a secret, and whoever exports it should hear so) and a text
// that is not one-line text within materials.label; an address longer
// than materials.url holds is dropped like any other that is not a link,
// since the form would refuse it. An empty
// text becomes "Link".
std::optional<Material> material_link(const std::string& where, std::string_view url,
                                      std::string_view text);

// The event's slug at its source, kept for the exports (sql/012): the
// trimmed text when it is a slug as the schedule JSON schema has them
// (^[a-z0-9_-]+[a-z0-9]$) within sessions.external_slug, else "" (dropped,
// never refused: the exports then make their own).
std::string source_slug(std::string_view raw);

// The event's page at its source, kept for the exports: the trimmed
// address when it is an http(s) link (util/web_url.h) within
// sessions.external_url, else "" (dropped, as material_link drops such
// links). An address with a user name or password is refused, as
// material_link refuses it.
std::string source_url(const std::string& where, std::string_view raw);

// Collects a programme from records naming their room, track and speakers.
// Every method refuses (throws ImportRefusal, prefixed with `where`) what
// the database could not hold, with imported_programme.h's limits.
class ProgrammeBuilder {
 public:
  explicit ProgrammeBuilder(std::string default_zone) : default_zone_(std::move(default_zone)) {}

  void set_event(const std::string& where, std::string_view name, std::string_view venue,
                 std::string_view zone, std::optional<local_days> first,
                 std::optional<local_days> last);
  // Index of the room so named, added on first use.
  size_t room(const std::string& where, std::string_view name);
  // Index of the track so named (nullopt for an empty name); `colour` is
  // used when it is "#rrggbb" and the track is new.
  std::optional<size_t> track(const std::string& where, std::string_view name,
                              std::string_view colour = "");
  // Index of the speaker with that id (or, id 0, that name); nullopt for
  // an empty name.
  std::optional<size_t> speaker(const std::string& where, int64_t id, std::string_view name);
  // Sets starts_at/ends_at from start and duration and appends.
  void add_session(const std::string& where, ImportedSession s, local_seconds start,
                   std::chrono::seconds duration);
  void set_days(size_t days) { p_.days = days; }
  // A day the file lists, for the event's day change (finish).
  void add_source_day(SourceDay day) { source_days_.push_back(day); }
  size_t sessions() const { return p_.sessions.size(); }
  // Dates widened to cover every session; days counted when not set.
  ImportedProgramme finish(const std::string& where);

 private:
  std::string default_zone_;
  ImportedProgramme p_;
  std::map<std::string, size_t> room_index_, track_index_, person_index_;
  std::set<std::string> guids_;
  std::optional<local_days> first_day_, last_day_, earliest_, latest_;
  std::vector<SourceDay> source_days_;
};

// "line 3": where a message about a file points, in the process's
// language.
std::string line_at(int64_t line);

}  // namespace confsched::import_detail
