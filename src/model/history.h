// A session's audit trail as values: which fields one audit row changed,
// and the edit-form draft that writes a row's after-values back (restore).
// Pure.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/session_form.h"
#include "util/translate.h"

namespace confsched {

// The keys of the JSON objects in audit_log.before_values / after_values
// for sessions, in the order the history shows them.
struct AuditField {
  std::string_view key;
  std::string_view label;
};
inline constexpr std::array<AuditField, 10> kSessionAuditFields = {{
    {"title", tr_mark("Title")},
    {"abstract", tr_mark("Abstract")},
    {"starts_at", tr_mark("Starts")},
    {"ends_at", tr_mark("Ends")},
    {"room_id", tr_mark("Room")},
    {"track_id", tr_mark("Track")},
    {"kind", tr_mark("Kind")},
    {"status", tr_mark("Status")},
    {"speakers", tr_mark("Speakers")},
    {"materials", tr_mark("Links")},
}};

// One side of an audit row: key -> value as text; nullopt for a JSON null
// or a key the row does not hold.
using AuditValues = std::map<std::string, std::optional<std::string>, std::less<>>;

struct FieldChange {
  std::string_view key, label;
  std::optional<std::string> before, after;
};

// The fields whose values differ between before and after, in the order of
// kSessionAuditFields. A missing side (a row that created or deleted the
// session) counts as all fields absent.
std::vector<FieldChange> changed_fields(const std::optional<AuditValues>& before,
                                        const std::optional<AuditValues>& after);

// What one audit row did to the programme, in the words of /changes, in
// this order: "new", "deleted", "cancelled", "moved" (room), "retimed"
// (start or end), "edited" (anything else). A row may be several (moved
// and retimed); a row that changed nothing yields none. Pure.
std::vector<std::string_view> change_kinds(const std::optional<AuditValues>& before,
                                           const std::optional<AuditValues>& after);

// The draft that puts these after-values back, or the reason there is none.
struct RestoreDraft {
  std::optional<SessionDraft> draft;
  std::string problem;  // set when draft is empty
};
RestoreDraft draft_from_audit(const AuditValues& after);

// A sentence saying why a draft from the log no longer validates ("its room
// no longer exists"), for the 409 page.
std::string restore_problem(const FieldErrors& errors);

}  // namespace confsched
