// How long each text column of the schema (sql/*.sql) may be, in the
// schema's own units: the one place these numbers live. The staff forms,
// the schedule importers and restore from history all check text against
// them, and say so in the same words, so that whatever one of them accepts
// the others accept too (issue 15: an imported programme that the staff
// form could never save again). tests/unit/limits_test.cc reads sql/*.sql
// and fails when a number here and the schema disagree. Pure.
//
// Units, as MariaDB counts them for a utf8mb4 table:
// - VARCHAR(n) and CHAR(n) hold n characters (code points), whatever their
//   UTF-8 length: kCharacters.
// - TEXT holds 2^16 - 1 bytes of UTF-8 (a two-byte length prefix):
//   kBytes. A four-byte character costs four of them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "util/text_rules.h"

namespace confsched {

enum class LimitUnit { kCharacters, kBytes };

struct ColumnLimit {
  std::string_view table, column;  // where sql/*.sql declares it
  LimitUnit unit;
  size_t max;  // in unit
};

inline constexpr size_t kTextColumnBytes = 65535;  // TEXT: 2^16 - 1 bytes

inline constexpr ColumnLimit kEventName{"event", "name", LimitUnit::kCharacters, 200};
inline constexpr ColumnLimit kEventTagline{"event", "tagline", LimitUnit::kCharacters, 300};
inline constexpr ColumnLimit kEventVenue{"event", "venue", LimitUnit::kCharacters, 300};
inline constexpr ColumnLimit kEventTimeZone{"event", "time_zone", LimitUnit::kCharacters, 64};
inline constexpr ColumnLimit kEventIntro{"event", "intro", LimitUnit::kBytes, kTextColumnBytes};
inline constexpr ColumnLimit kRoomName{"rooms", "name", LimitUnit::kCharacters, 200};
inline constexpr ColumnLimit kRoomDescription{"rooms", "description", LimitUnit::kCharacters, 300};
inline constexpr ColumnLimit kRoomFloor{"rooms", "floor", LimitUnit::kCharacters, 100};
inline constexpr ColumnLimit kRoomMapUrl{"rooms", "map_url", LimitUnit::kCharacters, 2000};
inline constexpr ColumnLimit kRoomStreamUrl{"rooms", "stream_url", LimitUnit::kCharacters, 2000};
inline constexpr ColumnLimit kTrackName{"tracks", "name", LimitUnit::kCharacters, 200};
inline constexpr ColumnLimit kSessionTitle{"sessions", "title", LimitUnit::kCharacters, 300};
inline constexpr ColumnLimit kSessionAbstract{"sessions", "abstract", LimitUnit::kBytes,
                                              kTextColumnBytes};
inline constexpr ColumnLimit kSessionExternalId{"sessions", "external_id", LimitUnit::kCharacters,
                                                100};
inline constexpr ColumnLimit kSessionExternalSlug{"sessions", "external_slug",
                                                  LimitUnit::kCharacters, 200};
inline constexpr ColumnLimit kSessionExternalUrl{"sessions", "external_url", LimitUnit::kCharacters,
                                                 2000};
inline constexpr ColumnLimit kSpeakerName{"speakers", "name", LimitUnit::kCharacters, 200};
inline constexpr ColumnLimit kSpeakerAffiliation{"speakers", "affiliation", LimitUnit::kCharacters,
                                                 300};
inline constexpr ColumnLimit kSpeakerBio{"speakers", "bio", LimitUnit::kBytes, kTextColumnBytes};
inline constexpr ColumnLimit kMaterialLabel{"materials", "label", LimitUnit::kCharacters, 200};
inline constexpr ColumnLimit kMaterialUrl{"materials", "url", LimitUnit::kCharacters, 2000};
inline constexpr ColumnLimit kAnnouncementBody{"announcements", "body", LimitUnit::kBytes,
                                               kTextColumnBytes};
inline constexpr ColumnLimit kAuditStaffName{"audit_log", "staff_name", LimitUnit::kCharacters,
                                             100};
// Who marked a speaker arrived: the audit log's name, so as long.
inline constexpr ColumnLimit kCheckinStaffName{"speaker_checkins", "arrived_by",
                                               LimitUnit::kCharacters, kAuditStaffName.max};

// Every limit above, for the test that holds them against the schema.
inline constexpr std::array kColumnLimits = {
    kEventName,       kEventTagline,       kEventVenue,          kEventTimeZone,
    kEventIntro,      kRoomName,           kRoomDescription,     kRoomFloor,
    kRoomMapUrl,      kRoomStreamUrl,      kTrackName,           kSessionTitle,
    kSessionAbstract, kSessionExternalId,  kSessionExternalSlug, kSessionExternalUrl,
    kSpeakerName,     kSpeakerAffiliation, kSpeakerBio,          kMaterialLabel,
    kMaterialUrl,     kAnnouncementBody,   kAuditStaffName,      kCheckinStaffName};

// The same column held to less than the schema allows, where a form has a
// reason of its own (an announcement must fit a banner). Never more: the
// database would refuse the value or, outside strict mode, cut it.
constexpr ColumnLimit stricter(const ColumnLimit& limit, size_t max) {
  return max <= limit.max ? ColumnLimit{limit.table, limit.column, limit.unit, max}
                          : throw "a stricter limit must not exceed the column's";
}

// The text's length in the limit's unit: code points of UTF-8 text
// (util/utf8.h; an ill-formed byte counts as one), or bytes.
size_t length_in(LimitUnit unit, std::string_view text);

bool exceeds(const ColumnLimit& limit, std::string_view text);

// "is longer than 300 characters", "is longer than 65,535 bytes": the
// words that follow a field's name, like text_problem's
// (util/text_rules.h), so that the form ("The title is longer than 300
// characters.") and the importer ("event 7: the title is longer than 300
// characters") say the same thing.
std::string longer_than(const ColumnLimit& limit);

// A form's message about one field: "The title is longer than 300
// characters." from the field's label (marked with tr_mark) and one of the
// problems above, in the process's language.
std::string field_message(std::string_view label, std::string_view problem);

// longer_than(limit) when the text exceeds it, else nullopt.
std::optional<std::string> length_problem(const ColumnLimit& limit, std::string_view text);

// The length first, then what text of that shape may not hold
// (util/text_rules.h): the one check of a text value for its column.
std::optional<std::string> column_text_problem(const ColumnLimit& limit, std::string_view text,
                                               TextLines lines);

// The most bytes a value within limit can take as UTF-8: four per
// character (RFC 3629 §3), or the byte limit itself.
constexpr size_t max_utf8_bytes(const ColumnLimit& limit) {
  return limit.unit == LimitUnit::kBytes ? limit.max : 4 * limit.max;
}

// The most bytes a value within limit can take in a body a browser sends
// as application/x-www-form-urlencoded. The URL Standard's urlencoded
// serializer (§5.2) writes every byte of the UTF-8 but ASCII letters,
// digits and *-._ as "%XX", three bytes for one, and a space as '+'. A
// textarea's value is sent with every line break as CRLF (HTML, "converting
// line breaks" when the form's entry list is built), so one stored LF (or
// a lone CR) becomes "%0D%0A", six bytes for one: a multi-line value can
// take six times its stored length, a one-line value three times.
enum class FormControl { kOneLine, kMultiLine };
constexpr size_t max_urlencoded_bytes(const ColumnLimit& limit, FormControl control) {
  return max_utf8_bytes(limit) * (control == FormControl::kMultiLine ? 6 : 3);
}

}  // namespace confsched
