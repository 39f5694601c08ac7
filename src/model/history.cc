#include "model/history.h"

#include <algorithm>

#include "model/conference_day.h"
#include "util/translate.h"

namespace confsched {

namespace {

std::optional<std::string> value_of(const std::optional<AuditValues>& side, std::string_view key) {
  if (!side) return std::nullopt;
  auto it = side->find(key);
  return it == side->end() ? std::nullopt : it->second;
}

// "2027-06-16 09:30:00" -> day "2027-06-16", clock "09:30". The form has
// no seconds, so a value with seconds other than :00 is not one it wrote.
bool split_datetime(const std::string& text, std::string& day, std::string& clock) {
  if (text.size() != 19 || text[10] != ' ' || text.substr(16) != ":00") return false;
  day = text.substr(0, 10);
  clock = text.substr(11, 5);
  return true;
}

std::string field_problem(const std::string& field, const std::string& message) {
  if (field == "room_id") return tr("its room no longer exists");
  if (field == "track_id") return tr("its track no longer exists");
  if (field == "day") return tr("its day is no longer within the event's dates");
  std::string why = message;
  if (!why.empty() && why.back() == '.') why.pop_back();
  return fill_text(tr("its {field} is not valid any more ({why})"),
                   {{"field", field}, {"why", why}});
}

}  // namespace

std::vector<std::string_view> change_kinds(const std::optional<AuditValues>& before,
                                           const std::optional<AuditValues>& after) {
  if (!before && after) return {"new"};
  if (before && !after) return {"deleted"};
  std::vector<std::string_view> kinds;
  bool other = false;
  for (const FieldChange& c : changed_fields(before, after)) {
    if (c.key == "status" && c.after == "cancelled") {
      kinds.push_back("cancelled");
    } else if (c.key == "room_id") {
      kinds.push_back("moved");
    } else if (c.key == "starts_at" || c.key == "ends_at") {
      if (std::find(kinds.begin(), kinds.end(), "retimed") == kinds.end())
        kinds.push_back("retimed");
    } else {
      other = true;
    }
  }
  // changed_fields lists fields in a fixed order, but the page promises
  // this one whatever the field order.
  auto rank = [](std::string_view k) { return k == "cancelled" ? 0 : k == "moved" ? 1 : 2; };
  std::stable_sort(kinds.begin(), kinds.end(),
                   [&](std::string_view a, std::string_view b) { return rank(a) < rank(b); });
  if (other) kinds.push_back("edited");
  return kinds;
}

std::vector<FieldChange> changed_fields(const std::optional<AuditValues>& before,
                                        const std::optional<AuditValues>& after) {
  std::vector<FieldChange> changes;
  for (const AuditField& f : kSessionAuditFields) {
    auto b = value_of(before, f.key);
    auto a = value_of(after, f.key);
    if (b != a) changes.push_back({f.key, f.label, std::move(b), std::move(a)});
  }
  return changes;
}

RestoreDraft draft_from_audit(const AuditValues& after) {
  auto get = [&](std::string_view key) { return value_of(after, key); };
  for (std::string_view key :
       {"title", "abstract", "starts_at", "ends_at", "room_id", "kind", "status"})
    if (!get(key))
      return {std::nullopt,
              fill_text(tr("This entry does not record the session's {field}, so it cannot be "
                           "restored."),
                        {{"field", key}})};
  SessionDraft d;
  std::string end_day;
  if (!split_datetime(*get("starts_at"), d.day, d.start) ||
      !split_datetime(*get("ends_at"), end_day, d.end) ||
      end_day != (d.end < d.start ? next_calendar_day(d.day) : d.day))
    return {std::nullopt,
            tr("This entry's times cannot be shown in the edit form (they do not start and end on "
               "one day at whole minutes), so it cannot be restored here.")};
  d.title = *get("title");
  d.abstract = *get("abstract");
  d.room_id = *get("room_id");
  d.track_id = get("track_id").value_or("");  // no track
  d.kind = *get("kind");
  d.status = *get("status");
  // Entries written before speakers and links were audited lack them; the
  // restore then keeps the session's current ones (see restore_session).
  d.speakers = get("speakers").value_or("");
  d.materials = get("materials").value_or("");
  return {d, ""};
}

std::string restore_problem(const FieldErrors& errors) {
  std::string problems;
  for (const auto& [field, message] : errors) {
    if (!problems.empty()) problems += "; ";
    problems += field_problem(field, message);
  }
  return fill_text(tr("This version cannot be restored: {problems}."), {{"problems", problems}});
}

}  // namespace confsched
