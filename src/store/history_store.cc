#include "store/history_store.h"

#include "util/translate.h"

namespace confsched {

namespace {

constexpr size_t kFirstValue = 7;  // the column of the first JSON value

// The row's columns, then each audit field's value before and after.
std::string history_select() {
  std::string sql =
      "SELECT id, DATE_FORMAT(changed_at, '%Y-%m-%d %H:%i:%s'), staff_name, client_addr, action,"
      " before_values IS NULL, after_values IS NULL";
  for (const char* side : {"before_values", "after_values"})
    for (const AuditField& f : kSessionAuditFields)
      sql += std::string(", JSON_VALUE(") + side + ", '$." + std::string(f.key) + "')";
  // After the values, so that kFirstValue stays where it is.
  return sql + ", entity_id, UNIX_TIMESTAMP(changed_at) FROM audit_log WHERE entity = 'session'";
}

AuditValues values_from(const DbRow& r, size_t first) {
  AuditValues values;
  for (size_t i = 0; i < kSessionAuditFields.size(); ++i)
    values.emplace(kSessionAuditFields[i].key, r[first + i]);
  return values;
}

AuditEntry to_entry(const DbRow& r) {
  AuditEntry e;
  e.id = cell_int(r[0]);
  e.changed_at = cell_text(r[1]);
  e.staff_name = cell_text(r[2]);
  e.client_addr = cell_text(r[3]);
  e.action = cell_text(r[4]);
  if (cell_int(r[5]) == 0) e.before = values_from(r, kFirstValue);
  if (cell_int(r[6]) == 0) e.after = values_from(r, kFirstValue + kSessionAuditFields.size());
  const size_t tail = kFirstValue + 2 * kSessionAuditFields.size();
  e.session_id = cell_int(r[tail]);
  // UNIX_TIMESTAMP of a TIMESTAMP(3) has a fraction: keep the seconds.
  const std::string unix_text = cell_text(r[tail + 1]);
  e.changed_unix = std::stoll(unix_text.empty() ? "0" : unix_text);
  return e;
}

std::optional<AuditEntry> load_entry(Database& db, int64_t session_id, int64_t audit_id) {
  auto rows = db.query(history_select() + " AND entity_id = ? AND id = ?", {session_id, audit_id});
  if (rows.empty()) return std::nullopt;
  return to_entry(rows[0]);
}

// Share locks on the room and track the draft names, taken before the
// choices are read: a room that another transaction deletes is then either
// already gone from what we read (refused) or cannot go until we commit, so
// the UPDATE never trips over the foreign key.
void lock_references(Database& db, const SessionDraft& d) {
  if (auto room = parse_id(d.room_id))
    db.query("SELECT id FROM rooms WHERE id = ? LOCK IN SHARE MODE", {*room});
  if (auto track = parse_id(d.track_id))
    db.query("SELECT id FROM tracks WHERE id = ? LOCK IN SHARE MODE", {*track});
}

}  // namespace

std::vector<AuditEntry> load_session_history(Database& db, int64_t session_id) {
  std::vector<AuditEntry> entries;
  for (const DbRow& r :
       db.query(history_select() + " AND entity_id = ? ORDER BY id DESC", {session_id}))
    entries.push_back(to_entry(r));
  return entries;
}

std::vector<AuditEntry> load_programme_changes(Database& db, int64_t limit) {
  std::vector<AuditEntry> entries;
  for (const DbRow& r : db.query(history_select() + " ORDER BY id DESC LIMIT ?", {limit}))
    entries.push_back(to_entry(r));
  return entries;
}

RestoreResult restore_session(Database& db, int64_t session_id, int64_t audit_id, AuditSide side,
                              int64_t expected_revision, const AuditContext& who) {
  // Audit rows never change, so the entry may be read before the locks.
  std::optional<AuditEntry> entry = load_entry(db, session_id, audit_id);
  Transaction tx(db);
  auto locked = db.query("SELECT revision FROM sessions WHERE id = ? FOR UPDATE", {session_id});
  if (locked.empty()) return {RestoreOutcome::kNoSession, 0, ""};
  if (!entry) return {RestoreOutcome::kNoEntry, 0, ""};
  const int64_t revision = cell_int(locked[0][0]);
  if (revision != expected_revision) return {RestoreOutcome::kStale, revision, ""};
  const std::optional<AuditValues>& values =
      side == AuditSide::kAfter ? entry->after : entry->before;
  if (!values)
    return {RestoreOutcome::kRefused, revision,
            side == AuditSide::kAfter
                ? tr("This entry records no values after its change (it deleted the session).")
                : tr("This entry records no values before its change (it created the session).")};
  RestoreDraft restored = draft_from_audit(*values);
  if (!restored.draft) return {RestoreOutcome::kRefused, revision, restored.problem};

  SessionDraft& draft = *restored.draft;
  lock_references(db, draft);
  FieldErrors errors = validate_draft(draft, load_session_choices(db));
  if (!errors.empty()) return {RestoreOutcome::kRefused, revision, restore_problem(errors)};
  std::optional<StoredSession> current = load_stored_session(db, session_id);
  auto recorded = [&](const char* key) {
    auto it = values->find(key);
    return it != values->end() && it->second.has_value();
  };
  if (!recorded("speakers")) draft.speakers = current->values.speakers;
  if (!recorded("materials")) draft.materials = current->values.materials;
  write_session_change(db, session_id, current->values, draft, "restore", who);
  tx.commit();
  return {RestoreOutcome::kRestored, revision + 1, ""};
}

}  // namespace confsched
