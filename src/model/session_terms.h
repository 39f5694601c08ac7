// The words a session's kind and status are stored as, with the label
// people read: the one list. sql/001_schema.sql declares the same words as
// the ENUMs of sessions.kind and sessions.status, and
// tests/unit/session_terms_test.cc holds the two together. The staff
// form's choices and its check, the CSV importer, the labels on delegate
// pages and the fuzz targets' invariants all read it from here; frab's
// and schedule JSON's own type names are mapped onto it by the importers
// (import/import_common.h).
#pragma once

#include <array>
#include <string_view>

#include "util/translate.h"

namespace confsched {

struct SessionTerm {
  std::string_view value;  // as stored
  std::string_view label;  // as shown
};

// In the order the staff form offers them; the first is the default.
inline constexpr std::array<SessionTerm, 6> kSessionKinds = {{{"talk", tr_mark("Talk")},
                                                              {"keynote", tr_mark("Keynote")},
                                                              {"workshop", tr_mark("Workshop")},
                                                              {"panel", tr_mark("Panel")},
                                                              {"break", tr_mark("Break")},
                                                              {"social", tr_mark("Social")}}};
inline constexpr std::array<SessionTerm, 3> kSessionStatuses = {
    {{"scheduled", tr_mark("Scheduled")},
     {"moved", tr_mark("Moved")},
     {"cancelled", tr_mark("Cancelled")}}};

// A cancelled session keeps its slot on the pages but holds no room and no
// speaker: it clashes with nothing.
inline constexpr std::string_view kCancelledStatus = "cancelled";
constexpr bool is_cancelled(std::string_view status) { return status == kCancelledStatus; }

bool is_session_kind(std::string_view value);
bool is_session_status(std::string_view value);

// The label of a stored kind or status; the value itself for a word the
// list lacks (the schema's ENUM lets none through).
std::string session_kind_label(std::string_view kind);
std::string session_status_label(std::string_view status);
// What a page notes beside a session: its status's label, nothing for a
// scheduled one.
std::string session_status_note(std::string_view status);

}  // namespace confsched
