#include "admin/session_store.h"

namespace confsched {

namespace {

constexpr const char* kSelect =
    "SELECT id, title, abstract, DATE_FORMAT(starts_at, '%Y-%m-%d'),"
    " DATE_FORMAT(starts_at, '%H:%i'), DATE_FORMAT(ends_at, '%H:%i'), room_id,"
    " track_id, kind, status, revision, updated_at FROM sessions WHERE id = ?";

StoredSession to_stored(const DbRow& r) {
  StoredSession s;
  s.id = cell_int(r[0]);
  s.values.title = cell_text(r[1]);
  s.values.abstract = cell_text(r[2]);
  s.values.day = cell_text(r[3]);
  s.values.start = cell_text(r[4]);
  s.values.end = cell_text(r[5]);
  s.values.room_id = cell_text(r[6]);
  s.values.track_id = cell_text(r[7]);
  s.values.kind = cell_text(r[8]);
  s.values.status = cell_text(r[9]);
  s.revision = cell_int(r[10]);
  s.updated_at = cell_text(r[11]);
  return s;
}

DbValue track_value(const SessionDraft& d) {
  auto id = parse_id(d.track_id);
  return id ? DbValue{*id} : DbValue{nullptr};
}

// JSON_OBJECT does the quoting, so no value of ours is ever spliced into
// JSON text by hand.
constexpr const char* kJsonOfSession =
    "JSON_OBJECT('title', ?, 'abstract', ?, 'starts_at', ?, 'ends_at', ?, 'room_id', ?,"
    " 'track_id', ?, 'kind', ?, 'status', ?)";

std::vector<DbValue> json_params(const SessionDraft& d) {
  return {d.title,        d.abstract, d.starts_at(), d.ends_at(), *parse_id(d.room_id),
          track_value(d), d.kind,     d.status};
}

void write_audit(Database& db, int64_t id, const SessionDraft& before, const SessionDraft& after,
                 const AuditContext& who) {
  std::vector<DbValue> params = {id, who.staff_name, who.client_addr};
  for (auto& v : json_params(before)) params.push_back(std::move(v));
  for (auto& v : json_params(after)) params.push_back(std::move(v));
  db.execute(std::string("INSERT INTO audit_log (entity, entity_id, action, staff_name,"
                         " client_addr, before_values, after_values)"
                         " VALUES ('session', ?, 'update', ?, ?, ") +
                 kJsonOfSession + ", " + kJsonOfSession + ")",
             params);
}

}  // namespace

std::optional<StoredSession> load_stored_session(Database& db, int64_t id) {
  auto rows = db.query(kSelect, {id});
  if (rows.empty()) return std::nullopt;
  return to_stored(rows[0]);
}

SessionChoices load_session_choices(Database& db) {
  SessionChoices c;
  auto event = db.query("SELECT starts_on, ends_on FROM event WHERE id = 1");
  if (!event.empty()) {
    c.first_day = cell_text(event[0][0]);
    c.last_day = cell_text(event[0][1]);
  }
  for (const DbRow& r : db.query("SELECT id FROM rooms")) c.room_ids.insert(cell_int(r[0]));
  for (const DbRow& r : db.query("SELECT id FROM tracks")) c.track_ids.insert(cell_int(r[0]));
  return c;
}

SaveResult save_session(Database& db, int64_t id, const SessionDraft& draft,
                        int64_t expected_revision, const AuditContext& who) {
  Transaction tx(db);
  auto rows = db.query(std::string(kSelect) + " FOR UPDATE", {id});
  if (rows.empty()) return {SaveOutcome::kGone, std::nullopt};
  StoredSession current = to_stored(rows[0]);
  if (current.revision != expected_revision) return {SaveOutcome::kConflict, current};

  db.execute(
      "UPDATE sessions SET title = ?, abstract = ?, starts_at = ?, ends_at = ?, room_id = ?,"
      " track_id = ?, kind = ?, status = ?, revision = revision + 1 WHERE id = ?",
      {draft.title, draft.abstract, draft.starts_at(), draft.ends_at(), *parse_id(draft.room_id),
       track_value(draft), draft.kind, draft.status, id});
  write_audit(db, id, current.values, draft, who);
  tx.commit();
  return {SaveOutcome::kSaved, std::nullopt};
}

}  // namespace confsched
