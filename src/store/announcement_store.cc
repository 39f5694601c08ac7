// Reading and writing announcements; see announcement_store.h.
#include "store/announcement_store.h"

#include "util/time_zone.h"

namespace confsched {

namespace {

// What "showing now" means. The staff list's state (kColumns) follows the
// same rule, and the workers' cache check counts the moments at which it
// changes with time alone: published_at and expires_at passing
// UTC_TIMESTAMP() (src/store/credentials.cc).
constexpr const char* kShowing =
    "withdrawn_at IS NULL AND published_at <= UTC_TIMESTAMP()"
    " AND (expires_at IS NULL OR expires_at > UTC_TIMESTAMP())";

// Every announcement with the name of its room, if it has one. Column
// names that both tables have are qualified; the rest are announcements'.
constexpr const char* kColumns =
    "SELECT a.id, body, level, published_at, expires_at, withdrawn_at, revision,"
    " CASE WHEN withdrawn_at IS NOT NULL THEN 'withdrawn'"
    " WHEN published_at > UTC_TIMESTAMP() THEN 'scheduled'"
    " WHEN expires_at <= UTC_TIMESTAMP() THEN 'expired' ELSE 'active' END,"
    " TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), expires_at), a.room_id, r.name, room_status"
    " FROM announcements a LEFT JOIN rooms r ON r.id = a.room_id";

StoredAnnouncement to_stored(const DbRow& r) {
  StoredAnnouncement a;
  a.id = cell_int(r[0]);
  a.body = cell_text(r[1]);
  a.level = cell_text(r[2]);
  a.published_at = cell_text(r[3]);
  a.expires_at = cell_text(r[4]);
  a.withdrawn_at = cell_text(r[5]);
  a.revision = cell_int(r[6]);
  a.state = cell_text(r[7]);
  if (r[8]) a.seconds_left = cell_int(r[8]);
  if (r[9]) a.room_id = cell_int(r[9]);
  a.room_name = cell_text(r[10]);
  a.room_status = cell_text(r[11]);
  return a;
}

DbValue text_or_null(const std::string& text) {
  return text.empty() ? DbValue{nullptr} : DbValue{text};
}

DbValue id_or_null(const std::optional<int64_t>& id) {
  return id ? DbValue{*id} : DbValue{nullptr};
}

// The SQL for one of the times a write sets (column: the one it goes
// into). Only these fixed fragments are ever put into the statement;
// minutes and instants go in as parameters. "Now" is the database's
// clock, the one the announcement clock counts by (store/credentials.cc).
std::string time_sql(const AnnouncementTime& t, const char* column, std::vector<DbValue>& params) {
  switch (t.kind) {
    case AnnouncementTime::Kind::kKeep:
      return column;
    case AnnouncementTime::Kind::kNow:
      if (t.minutes == 0) return "UTC_TIMESTAMP()";
      params.emplace_back(t.minutes);
      return "UTC_TIMESTAMP() + INTERVAL ? MINUTE";
    case AnnouncementTime::Kind::kAt:
      params.emplace_back(format_civil(civil_from_seconds(t.at)));
      return "?";
    case AnnouncementTime::Kind::kNone:
      break;
  }
  return "NULL";
}

// The audit row. The after values come from the row itself (the database
// computed the times); JSON_OBJECT does all the quoting. The room is
// recorded by id and by name, so the row still says which room it was
// after the room is renamed or deleted.
void write_audit(Database& db, int64_t id, const char* action,
                 const std::optional<StoredAnnouncement>& before, const AuditContext& who) {
  std::vector<DbValue> params = {std::string(action), who.staff_name, who.client_addr};
  std::string before_sql = "NULL";
  if (before) {
    before_sql =
        "JSON_OBJECT('body', ?, 'level', ?, 'room_id', ?, 'room', ?, 'room_status', ?,"
        " 'published_at', ?, 'expires_at', ?, 'withdrawn_at', ?, 'revision', ?)";
    for (DbValue v : {DbValue{before->body}, DbValue{before->level}, id_or_null(before->room_id),
                      text_or_null(before->room_name), text_or_null(before->room_status),
                      text_or_null(before->published_at), text_or_null(before->expires_at),
                      text_or_null(before->withdrawn_at), DbValue{before->revision}})
      params.push_back(std::move(v));
  }
  params.emplace_back(id);
  db.execute(
      "INSERT INTO audit_log (entity, entity_id, action, staff_name, client_addr, before_values,"
      " after_values) SELECT 'announcement', a.id, ?, ?, ?, " +
          before_sql +
          ", JSON_OBJECT('body', body, 'level', level, 'room_id', a.room_id, 'room', r.name,"
          " 'room_status', room_status, 'published_at', published_at, 'expires_at', expires_at, "
          "'withdrawn_at', withdrawn_at,"
          " 'revision', revision)"
          " FROM announcements a LEFT JOIN rooms r ON r.id = a.room_id WHERE a.id = ?",
      params);
}

// Whether the write's room (if any) still exists, under a share lock held
// to the end of the transaction: a room another transaction deletes is then
// either gone already (kRoomGone) or cannot go until we commit, so the
// write never trips over the foreign key, and a room's deletion, which
// locks the room first, sees this announcement (store/settings_store.cc).
bool room_still_there(Database& db, const AnnouncementWrite& write) {
  return !write.room_id ||
         !db.query("SELECT id FROM rooms WHERE id = ? LOCK IN SHARE MODE", {*write.room_id})
              .empty();
}

// The row, locked for the rest of the transaction, and whether a write at
// expected_revision may go ahead. The room's row is read with it, and so
// locked too: it cannot be deleted under the write.
AnnouncementResult lock_for_write(Database& db, int64_t id, int64_t expected_revision) {
  auto rows = db.query(std::string(kColumns) + " WHERE a.id = ? FOR UPDATE", {id});
  if (rows.empty()) return {AnnouncementOutcome::kGone, std::nullopt};
  StoredAnnouncement current = to_stored(rows[0]);
  if (current.revision != expected_revision) return {AnnouncementOutcome::kConflict, current};
  if (!current.withdrawn_at.empty()) return {AnnouncementOutcome::kWithdrawn, current};
  return {AnnouncementOutcome::kDone, current};
}

// Withdraws a row the caller locked. A withdrawal is a soft delete:
// audited as 'delete', the row kept.
void withdraw_row(Database& db, const StoredAnnouncement& before, const AuditContext& who) {
  db.execute(
      "UPDATE announcements SET withdrawn_at = UTC_TIMESTAMP(), revision = revision + 1"
      " WHERE id = ?",
      {before.id});
  write_audit(db, before.id, "delete", before, who);
}

}  // namespace

std::vector<StoredAnnouncement> list_announcements(Database& db) {
  std::vector<StoredAnnouncement> out;
  for (const DbRow& r : db.query(std::string(kColumns) + " ORDER BY published_at DESC, a.id DESC"))
    out.push_back(to_stored(r));
  return out;
}

std::optional<StoredAnnouncement> load_announcement(Database& db, int64_t id) {
  auto rows = db.query(std::string(kColumns) + " WHERE a.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return to_stored(rows[0]);
}

std::vector<ShownAnnouncement> load_shown_announcements(Database& db) {
  std::vector<ShownAnnouncement> out;
  for (const DbRow& r :
       db.query(std::string("SELECT body, level, a.room_id, r.name FROM announcements a"
                            " LEFT JOIN rooms r ON r.id = a.room_id WHERE ") +
                kShowing + " ORDER BY level = 'important' DESC, published_at DESC, a.id DESC")) {
    ShownAnnouncement a{cell_text(r[0]), cell_text(r[1]), std::nullopt, cell_text(r[3])};
    if (r[2]) a.room_id = cell_int(r[2]);
    out.push_back(std::move(a));
  }
  return out;
}

int64_t announcements_not_over(Database& db, int64_t room_id) {
  auto rows = db.query(
      "SELECT COUNT(*) FROM announcements WHERE room_id = ? AND withdrawn_at IS NULL"
      " AND (expires_at IS NULL OR expires_at > UTC_TIMESTAMP())",
      {room_id});
  return cell_int(rows[0][0]);
}

AnnouncementResult create_announcement(Database& db, const AnnouncementWrite& write,
                                       const AuditContext& who) {
  Transaction tx(db);
  if (!room_still_there(db, write)) return {AnnouncementOutcome::kRoomGone, std::nullopt};
  std::vector<DbValue> params = {write.body, write.level, id_or_null(write.room_id)};
  std::string published = time_sql(write.start, "UTC_TIMESTAMP()", params);
  std::string expires = time_sql(write.end, "NULL", params);
  db.execute(
      "INSERT INTO announcements (body, level, room_id, published_at, expires_at)"
      " VALUES (?, ?, ?, " +
          published + ", " + expires + ")",
      params);
  auto id = static_cast<int64_t>(db.last_insert_id());
  write_audit(db, id, "create", std::nullopt, who);
  tx.commit();
  return {AnnouncementOutcome::kDone, std::nullopt, id};
}

AnnouncementResult save_announcement(Database& db, int64_t id, const AnnouncementWrite& write,
                                     int64_t expected_revision, const AuditContext& who) {
  Transaction tx(db);
  AnnouncementResult check = lock_for_write(db, id, expected_revision);
  if (check.outcome != AnnouncementOutcome::kDone) return check;
  if (!room_still_there(db, write)) return {AnnouncementOutcome::kRoomGone, check.current};
  std::vector<DbValue> params = {write.body, write.level, id_or_null(write.room_id)};
  // Each time on its own: the end's fragment never reads the start's column,
  // so the order MariaDB assigns them in does not matter.
  std::string published = time_sql(write.start, "published_at", params);
  std::string expires = time_sql(write.end, "expires_at", params);
  params.emplace_back(id);
  db.execute("UPDATE announcements SET body = ?, level = ?, room_id = ?, published_at = " +
                 published + ", expires_at = " + expires + ", revision = revision + 1 WHERE id = ?",
             params);
  write_audit(db, id, "update", check.current, who);
  tx.commit();
  return {AnnouncementOutcome::kDone, std::nullopt, id};
}

AnnouncementResult withdraw_announcement(Database& db, int64_t id, int64_t expected_revision,
                                         const AuditContext& who) {
  Transaction tx(db);
  AnnouncementResult check = lock_for_write(db, id, expected_revision);
  if (check.outcome != AnnouncementOutcome::kDone) return check;
  withdraw_row(db, *check.current, who);
  tx.commit();
  return {AnnouncementOutcome::kDone, std::nullopt, id};
}

std::vector<StoredAnnouncement> showing_room_statuses(Database& db) {
  std::vector<StoredAnnouncement> out;
  for (const DbRow& r : db.query(std::string(kColumns) + " WHERE room_status IS NOT NULL AND " +
                                 kShowing + " ORDER BY a.room_id, a.id DESC")) {
    StoredAnnouncement a = to_stored(r);
    // set_room_status keeps one per room; should two ever show (a status
    // posted on another server in the same instant), the newest counts.
    if (!out.empty() && out.back().room_id == a.room_id) continue;
    out.push_back(std::move(a));
  }
  return out;
}

AnnouncementResult set_room_status(Database& db, const RoomStatusWrite& write,
                                   const AuditContext& who) {
  Transaction tx(db);
  // The room's row, share-locked to the commit, as for any room-bound write.
  if (db.query("SELECT id FROM rooms WHERE id = ? LOCK IN SHARE MODE", {write.room_id}).empty())
    return {AnnouncementOutcome::kRoomGone, std::nullopt};
  // Not only the one showing: one still to start cannot exist (a status
  // starts when it is set), and the ones that ended stay as they are.
  for (const DbRow& r :
       db.query(std::string(kColumns) + " WHERE a.room_id = ? AND room_status IS NOT NULL AND " +
                    kShowing + " FOR UPDATE",
                {write.room_id})) {
    withdraw_row(db, to_stored(r), who);
  }
  int64_t id = 0;
  if (!write.status.empty()) {
    db.execute(
        "INSERT INTO announcements (body, level, room_id, room_status, published_at, expires_at)"
        " VALUES (?, 'important', ?, ?, UTC_TIMESTAMP(), ?)",
        {write.body, write.room_id, write.status, format_civil(civil_from_seconds(write.ends_at))});
    id = static_cast<int64_t>(db.last_insert_id());
    write_audit(db, id, "create", std::nullopt, who);
  }
  tx.commit();
  return {AnnouncementOutcome::kDone, std::nullopt, id};
}

}  // namespace confsched
