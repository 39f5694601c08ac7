#include "admin/history_store.h"

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
  return sql + " FROM audit_log WHERE entity = 'session' AND entity_id = ?";
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
  return e;
}

std::optional<AuditEntry> load_entry(Database& db, int64_t session_id, int64_t audit_id) {
  auto rows = db.query(history_select() + " AND id = ?", {session_id, audit_id});
  if (rows.empty()) return std::nullopt;
  return to_entry(rows[0]);
}

DbValue audit_value(const SessionDraft& d, std::string_view key) {
  if (key == "title") return d.title;
  if (key == "abstract") return d.abstract;
  if (key == "starts_at") return d.starts_at();
  if (key == "ends_at") return d.ends_at();
  if (key == "room_id") return *parse_id(d.room_id);
  if (key == "track_id") {
    auto track = parse_id(d.track_id);
    return track ? DbValue{*track} : DbValue{nullptr};
  }
  if (key == "kind") return d.kind;
  return d.status;
}

// JSON_OBJECT('title', ?, ...) over the audit fields; JSON_OBJECT does the
// quoting, so no value is ever spliced into JSON text by hand.
std::string json_of_session() {
  std::string pairs;
  for (const AuditField& f : kSessionAuditFields)
    pairs += (pairs.empty() ? "'" : ", '") + std::string(f.key) + "', ?";
  return "JSON_OBJECT(" + pairs + ")";
}

void write_restore_audit(Database& db, int64_t id, const SessionDraft& before,
                         const SessionDraft& after, const AuditContext& who) {
  std::vector<DbValue> params = {id, who.staff_name, who.client_addr};
  for (const SessionDraft* side : {&before, &after})
    for (const AuditField& f : kSessionAuditFields) params.push_back(audit_value(*side, f.key));
  db.execute(
      "INSERT INTO audit_log (entity, entity_id, action, staff_name, client_addr, before_values,"
      " after_values) VALUES ('session', ?, 'restore', ?, ?, " +
          json_of_session() + ", " + json_of_session() + ")",
      params);
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

void write_session(Database& db, int64_t id, const SessionDraft& d) {
  db.execute(
      "UPDATE sessions SET title = ?, abstract = ?, starts_at = ?, ends_at = ?, room_id = ?,"
      " track_id = ?, kind = ?, status = ?, revision = revision + 1 WHERE id = ?",
      {d.title, d.abstract, d.starts_at(), d.ends_at(), audit_value(d, "room_id"),
       audit_value(d, "track_id"), d.kind, d.status, id});
}

}  // namespace

std::vector<AuditEntry> load_session_history(Database& db, int64_t session_id) {
  std::vector<AuditEntry> entries;
  for (const DbRow& r : db.query(history_select() + " ORDER BY id DESC", {session_id}))
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
                ? "This entry records no values after its change (it deleted the session)."
                : "This entry records no values before its change (it created the session)."};
  RestoreDraft restored = draft_from_audit(*values);
  if (!restored.draft) return {RestoreOutcome::kRefused, revision, restored.problem};

  const SessionDraft& draft = *restored.draft;
  lock_references(db, draft);
  FieldErrors errors = validate_draft(draft, load_session_choices(db));
  if (!errors.empty()) return {RestoreOutcome::kRefused, revision, restore_problem(errors)};
  std::optional<StoredSession> current = load_stored_session(db, session_id);
  write_session(db, session_id, draft);
  write_restore_audit(db, session_id, current->values, draft, who);
  tx.commit();
  return {RestoreOutcome::kRestored, revision + 1, ""};
}

}  // namespace confsched
