#include "store/session_store.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/session_terms.h"

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

// The speakers and links fields as the form shows them.
void load_people_and_links(Database& db, StoredSession& s) {
  for (const DbRow& r : db.query("SELECT sp.name FROM session_speakers ss"
                                 " JOIN speakers sp ON sp.id = ss.speaker_id"
                                 " WHERE ss.session_id = ? ORDER BY ss.position, sp.id",
                                 {s.id}))
    s.values.speakers += cell_text(r[0]) + "\n";
  for (const DbRow& r : db.query("SELECT label, url FROM materials WHERE session_id = ?"
                                 " ORDER BY position, id",
                                 {s.id}))
    s.values.materials += cell_text(r[0]) + " | " + cell_text(r[1]) + "\n";
}

DbValue track_value(const SessionDraft& d) {
  auto id = parse_id(d.track_id);
  return id ? DbValue{*id} : DbValue{nullptr};
}

// JSON_OBJECT does the quoting, so no value of ours is ever spliced into
// JSON text by hand.
constexpr const char* kJsonOfSession =
    "JSON_OBJECT('title', ?, 'abstract', ?, 'starts_at', ?, 'ends_at', ?, 'room_id', ?,"
    " 'track_id', ?, 'kind', ?, 'status', ?, 'speakers', ?, 'materials', ?)";

void append_json_params(std::vector<DbValue>& params, const std::optional<SessionAuditValues>& v) {
  if (!v) return;
  params.emplace_back(v->title);
  params.emplace_back(v->abstract);
  params.emplace_back(v->starts_at);
  params.emplace_back(v->ends_at);
  for (const std::optional<int64_t>& id : {v->room_id, v->track_id}) {
    if (id)
      params.emplace_back(*id);
    else
      params.emplace_back(nullptr);
  }
  params.emplace_back(v->kind);
  params.emplace_back(v->status);
  params.emplace_back(v->speakers);
  params.emplace_back(v->materials);
}

std::optional<SessionAuditValues> audit_values(const std::optional<SessionDraft>& d) {
  if (!d) return std::nullopt;
  return SessionAuditValues{d->title,
                            d->abstract,
                            d->starts_at(),
                            d->ends_at(),
                            parse_id(d->room_id),
                            parse_id(d->track_id),
                            d->kind,
                            d->status,
                            d->speakers,
                            d->materials};
}

void write_audit(Database& db, int64_t id, const char* action,
                 const std::optional<SessionDraft>& before,
                 const std::optional<SessionDraft>& after, const AuditContext& who) {
  write_session_audit(db, id, action, audit_values(before), audit_values(after), who);
}

int64_t speaker_id_for(Database& db, const std::string& name) {
  auto rows = db.query("SELECT id FROM speakers WHERE name = ? ORDER BY id LIMIT 1", {name});
  if (!rows.empty()) return cell_int(rows[0][0]);
  db.execute("INSERT INTO speakers (name, affiliation, bio) VALUES (?, '', '')", {name});
  return static_cast<int64_t>(db.last_insert_id());
}

// Replaces the session's speakers and links with the draft's.
void write_people_and_links(Database& db, int64_t id, const SessionDraft& d) {
  std::string ignored;
  db.execute("DELETE FROM session_speakers WHERE session_id = ?", {id});
  int64_t position = 1;
  for (const std::string& name : parse_speaker_lines(d.speakers, ignored))
    db.execute("INSERT INTO session_speakers (session_id, speaker_id, position) VALUES (?, ?, ?)",
               {id, speaker_id_for(db, name), position++});
  db.execute("DELETE FROM materials WHERE session_id = ?", {id});
  position = 1;
  for (const Material& link : parse_material_lines(d.materials, ignored))
    db.execute("INSERT INTO materials (session_id, label, url, position) VALUES (?, ?, ?, ?)",
               {id, link.label, link.url, position++});
}

// The draft with its lists as they will be stored (normalised), for the
// audit row's "after".
SessionDraft normalised(SessionDraft d) {
  std::string ignored;
  std::string speakers, materials;
  for (const std::string& name : parse_speaker_lines(d.speakers, ignored)) speakers += name + "\n";
  for (const Material& link : parse_material_lines(d.materials, ignored))
    materials += link.label + " | " + link.url + "\n";
  d.speakers = speakers;
  d.materials = materials;
  return d;
}

}  // namespace

void write_session_audit(Database& db, int64_t id, const char* action,
                         const std::optional<SessionAuditValues>& before,
                         const std::optional<SessionAuditValues>& after, const AuditContext& who) {
  std::vector<DbValue> params = {id, std::string(action), who.staff_name, who.client_addr};
  append_json_params(params, before);
  append_json_params(params, after);
  db.execute(std::string("INSERT INTO audit_log (entity, entity_id, action, staff_name,"
                         " client_addr, before_values, after_values)"
                         " VALUES ('session', ?, ?, ?, ?, ") +
                 (before ? kJsonOfSession : "NULL") + ", " + (after ? kJsonOfSession : "NULL") +
                 ")",
             params);
}

std::optional<StoredSession> load_stored_session(Database& db, int64_t id) {
  auto rows = db.query(kSelect, {id});
  if (rows.empty()) return std::nullopt;
  StoredSession s = to_stored(rows[0]);
  load_people_and_links(db, s);
  return s;
}

std::vector<SessionListing> load_session_listing(Database& db) {
  std::vector<SessionListing> listing;
  for (const DbRow& r :
       db.query("SELECT s.id, s.title, s.starts_at, s.ends_at, r.name, s.status, s.updated_at"
                " FROM sessions s JOIN rooms r ON r.id = s.room_id"
                " ORDER BY s.starts_at, r.position, s.id"))
    listing.push_back({.id = cell_int(r[0]),
                       .title = cell_text(r[1]),
                       .starts_at = cell_text(r[2]),
                       .ends_at = cell_text(r[3]),
                       .room = cell_text(r[4]),
                       .status = cell_text(r[5]),
                       .updated_at = cell_text(r[6])});
  return listing;
}

SessionChoices load_session_choices(Database& db) {
  SessionChoices c;
  auto event = db.query("SELECT starts_on, ends_on, day_change FROM event WHERE id = 1");
  if (!event.empty()) {
    c.first_day = cell_text(event[0][0]);
    c.last_day = cell_text(event[0][1]);
    c.day_change = static_cast<int>(cell_int(event[0][2]));
  }
  for (const DbRow& r : db.query("SELECT id FROM rooms")) c.room_ids.insert(cell_int(r[0]));
  for (const DbRow& r : db.query("SELECT id FROM tracks")) c.track_ids.insert(cell_int(r[0]));
  return c;
}

std::vector<BookedSession> load_bookings(Database& db, const std::string& from,
                                         const std::string& to) {
  std::vector<BookedSession> booked;
  std::map<int64_t, size_t> by_id;
  for (const DbRow& r :
       db.query("SELECT s.id, s.title, r.name, DATE_FORMAT(s.starts_at, '%Y-%m-%d %H:%i:%s'),"
                " DATE_FORMAT(s.ends_at, '%Y-%m-%d %H:%i:%s') FROM sessions s"
                " JOIN rooms r ON r.id = s.room_id"
                " WHERE s.status <> 'cancelled' AND s.starts_at < ? AND s.ends_at > ?"
                " ORDER BY s.starts_at, s.id",
                {to, from})) {
    by_id[cell_int(r[0])] = booked.size();
    booked.push_back({cell_int(r[0]), Booking{.title = cell_text(r[1]),
                                              .room = cell_text(r[2]),
                                              .starts_at = cell_text(r[3]),
                                              .ends_at = cell_text(r[4])}});
  }
  if (booked.empty()) return booked;
  // The same window again, joined to the speakers, in billing order.
  for (const DbRow& r :
       db.query("SELECT ss.session_id, sp.name FROM sessions s"
                " JOIN session_speakers ss ON ss.session_id = s.id"
                " JOIN speakers sp ON sp.id = ss.speaker_id"
                " WHERE s.status <> 'cancelled' AND s.starts_at < ? AND s.ends_at > ?"
                " ORDER BY ss.session_id, ss.position",
                {to, from})) {
    auto it = by_id.find(cell_int(r[0]));
    if (it != by_id.end()) booked[it->second].booking.speakers.push_back(cell_text(r[1]));
  }
  return booked;
}

Booking draft_booking(Database& db, const SessionDraft& d) {
  Booking b{.title = d.title,
            .starts_at = d.starts_at(),
            .ends_at = d.ends_at(),
            .cancelled = is_cancelled(d.status)};
  if (auto room = parse_id(d.room_id)) {
    auto rows = db.query("SELECT name FROM rooms WHERE id = ?", {*room});
    if (!rows.empty()) b.room = cell_text(rows[0][0]);
  }
  std::string ignored;
  for (const std::string& name : parse_speaker_lines(d.speakers, ignored)) {
    auto rows = db.query("SELECT name FROM speakers WHERE name = ? ORDER BY id LIMIT 1", {name});
    b.speakers.push_back(rows.empty() ? name : cell_text(rows[0][0]));
  }
  return b;
}

std::vector<std::string> session_clashes(Database& db,
                                         const std::vector<ProposedSession>& proposed) {
  if (proposed.empty()) return {};
  std::vector<Booking> bookings;
  std::set<int64_t> moved;
  std::string from = proposed[0].draft.starts_at(), to = proposed[0].draft.ends_at();
  for (const ProposedSession& p : proposed) {
    bookings.push_back(draft_booking(db, p.draft));
    moved.insert(p.id);
    from = std::min(from, p.draft.starts_at());
    to = std::max(to, p.draft.ends_at());
  }
  std::vector<Booking> was;
  for (const ProposedSession& p : proposed)
    if (p.was) {
      was.push_back(draft_booking(db, *p.was));
      from = std::min(from, p.was->starts_at());
      to = std::max(to, p.was->ends_at());
    }
  const size_t changed = bookings.size();
  for (BookedSession& s : load_bookings(db, from, to))
    if (!moved.count(s.id)) bookings.push_back(std::move(s.booking));
  return clashes_of_changed(bookings, changed, was.size() == changed ? &was : nullptr);
}

std::optional<StoredSession> load_locked_session(Database& db, int64_t id) {
  auto rows = db.query(std::string(kSelect) + " FOR UPDATE", {id});
  if (rows.empty()) return std::nullopt;
  StoredSession s = to_stored(rows[0]);
  load_people_and_links(db, s);
  return s;
}

SaveResult save_session(Database& db, int64_t id, const SessionDraft& draft,
                        int64_t expected_revision, const AuditContext& who) {
  Transaction tx(db);
  std::optional<StoredSession> current = load_locked_session(db, id);
  if (!current) return {SaveOutcome::kGone, std::nullopt};
  if (current->revision != expected_revision) return {SaveOutcome::kConflict, current};

  write_session_change(db, id, current->values, draft, "update", who);
  tx.commit();
  return {SaveOutcome::kSaved, std::nullopt};
}

void write_session_change(Database& db, int64_t id, const SessionDraft& before,
                          const SessionDraft& after, const char* action, const AuditContext& who) {
  db.execute(
      "UPDATE sessions SET title = ?, abstract = ?, starts_at = ?, ends_at = ?, room_id = ?,"
      " track_id = ?, kind = ?, status = ?, revision = revision + 1 WHERE id = ?",
      {after.title, after.abstract, after.starts_at(), after.ends_at(), *parse_id(after.room_id),
       track_value(after), after.kind, after.status, id});
  write_people_and_links(db, id, after);
  write_audit(db, id, action, before, normalised(after), who);
}

int64_t create_session(Database& db, const SessionDraft& draft, const AuditContext& who) {
  Transaction tx(db);
  db.execute(
      "INSERT INTO sessions (title, abstract, starts_at, ends_at, room_id, track_id, kind, status)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {draft.title, draft.abstract, draft.starts_at(), draft.ends_at(), *parse_id(draft.room_id),
       track_value(draft), draft.kind, draft.status});
  auto id = static_cast<int64_t>(db.last_insert_id());
  write_people_and_links(db, id, draft);
  write_audit(db, id, "create", std::nullopt, normalised(draft), who);
  tx.commit();
  return id;
}

SaveResult delete_session(Database& db, int64_t id, int64_t expected_revision,
                          const AuditContext& who) {
  Transaction tx(db);
  std::optional<StoredSession> current = load_locked_session(db, id);
  if (!current) return {SaveOutcome::kGone, std::nullopt};
  if (current->revision != expected_revision) return {SaveOutcome::kConflict, current};
  // Speaker links and materials go by ON DELETE CASCADE.
  db.execute("DELETE FROM sessions WHERE id = ?", {id});
  write_audit(db, id, "delete", current->values, std::nullopt, who);
  tx.commit();
  return {SaveOutcome::kSaved, std::nullopt};
}

}  // namespace confsched
