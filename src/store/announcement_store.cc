// Reading and writing announcements; see announcement_store.h.
#include "store/announcement_store.h"

namespace confsched {

namespace {

// What "showing now" means. The staff list's state (kColumns) follows the
// same rule, and the workers' cache check counts the moments at which it
// changes with time alone: published_at and expires_at passing
// UTC_TIMESTAMP() (src/store/credentials.cc).
constexpr const char* kShowing =
    "withdrawn_at IS NULL AND published_at <= UTC_TIMESTAMP()"
    " AND (expires_at IS NULL OR expires_at > UTC_TIMESTAMP())";

constexpr const char* kColumns =
    "SELECT id, body, level, published_at, expires_at, withdrawn_at, revision,"
    " CASE WHEN withdrawn_at IS NOT NULL THEN 'withdrawn'"
    " WHEN published_at > UTC_TIMESTAMP() THEN 'scheduled'"
    " WHEN expires_at <= UTC_TIMESTAMP() THEN 'expired' ELSE 'active' END,"
    " TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), expires_at) FROM announcements";

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
  return a;
}

DbValue text_or_null(const std::string& text) {
  return text.empty() ? DbValue{nullptr} : DbValue{text};
}

// The SQL for the new expires_at. Only these fixed fragments are ever put
// into the statement; the duration goes in as a parameter.
std::string expires_sql(const AnnouncementDraft& d, std::vector<DbValue>& params) {
  if (auto minutes = announcement_minutes(d)) {
    params.emplace_back(*minutes);
    return "UTC_TIMESTAMP() + INTERVAL ? MINUTE";
  }
  return d.ends == kEndsKeep ? "expires_at" : "NULL";
}

// The audit row. The after values come from the row itself (the database
// computed expires_at); JSON_OBJECT does all the quoting.
void write_audit(Database& db, int64_t id, const char* action,
                 const std::optional<StoredAnnouncement>& before, const AuditContext& who) {
  std::vector<DbValue> params = {std::string(action), who.staff_name, who.client_addr};
  std::string before_sql = "NULL";
  if (before) {
    before_sql =
        "JSON_OBJECT('body', ?, 'level', ?, 'published_at', ?, 'expires_at', ?,"
        " 'withdrawn_at', ?, 'revision', ?)";
    for (DbValue v : {DbValue{before->body}, DbValue{before->level},
                      text_or_null(before->published_at), text_or_null(before->expires_at),
                      text_or_null(before->withdrawn_at), DbValue{before->revision}})
      params.push_back(std::move(v));
  }
  params.emplace_back(id);
  db.execute(
      "INSERT INTO audit_log (entity, entity_id, action, staff_name, client_addr, before_values,"
      " after_values) SELECT 'announcement', id, ?, ?, ?, " +
          before_sql +
          ", JSON_OBJECT('body', body, 'level', level, 'published_at', published_at,"
          " 'expires_at', expires_at, 'withdrawn_at', withdrawn_at, 'revision', revision)"
          " FROM announcements WHERE id = ?",
      params);
}

// The row, locked for the rest of the transaction, and whether a write at
// expected_revision may go ahead.
AnnouncementResult lock_for_write(Database& db, int64_t id, int64_t expected_revision) {
  auto rows = db.query(std::string(kColumns) + " WHERE id = ? FOR UPDATE", {id});
  if (rows.empty()) return {AnnouncementOutcome::kGone, std::nullopt};
  StoredAnnouncement current = to_stored(rows[0]);
  if (current.revision != expected_revision) return {AnnouncementOutcome::kConflict, current};
  if (!current.withdrawn_at.empty()) return {AnnouncementOutcome::kWithdrawn, current};
  return {AnnouncementOutcome::kDone, current};
}

}  // namespace

std::vector<StoredAnnouncement> list_announcements(Database& db) {
  std::vector<StoredAnnouncement> out;
  for (const DbRow& r : db.query(std::string(kColumns) + " ORDER BY published_at DESC, id DESC"))
    out.push_back(to_stored(r));
  return out;
}

std::optional<StoredAnnouncement> load_announcement(Database& db, int64_t id) {
  auto rows = db.query(std::string(kColumns) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return to_stored(rows[0]);
}

std::vector<ShownAnnouncement> load_shown_announcements(Database& db) {
  std::vector<ShownAnnouncement> out;
  for (const DbRow& r :
       db.query(std::string("SELECT body, level FROM announcements WHERE ") + kShowing +
                " ORDER BY level = 'important' DESC, published_at DESC, id DESC"))
    out.push_back({cell_text(r[0]), cell_text(r[1])});
  return out;
}

int64_t create_announcement(Database& db, const AnnouncementDraft& draft, const AuditContext& who) {
  Transaction tx(db);
  std::vector<DbValue> params = {draft.body, draft.level};
  std::string expires = expires_sql(draft, params);
  db.execute(
      "INSERT INTO announcements (body, level, published_at, expires_at)"
      " VALUES (?, ?, UTC_TIMESTAMP(), " +
          expires + ")",
      params);
  auto id = static_cast<int64_t>(db.last_insert_id());
  write_audit(db, id, "create", std::nullopt, who);
  tx.commit();
  return id;
}

AnnouncementResult save_announcement(Database& db, int64_t id, const AnnouncementDraft& draft,
                                     int64_t expected_revision, const AuditContext& who) {
  Transaction tx(db);
  AnnouncementResult check = lock_for_write(db, id, expected_revision);
  if (check.outcome != AnnouncementOutcome::kDone) return check;
  std::vector<DbValue> params = {draft.body, draft.level};
  std::string expires = expires_sql(draft, params);
  params.emplace_back(id);
  db.execute("UPDATE announcements SET body = ?, level = ?, expires_at = " + expires +
                 ", revision = revision + 1 WHERE id = ?",
             params);
  write_audit(db, id, "update", check.current, who);
  tx.commit();
  return {AnnouncementOutcome::kDone, std::nullopt};
}

AnnouncementResult withdraw_announcement(Database& db, int64_t id, int64_t expected_revision,
                                         const AuditContext& who) {
  Transaction tx(db);
  AnnouncementResult check = lock_for_write(db, id, expected_revision);
  if (check.outcome != AnnouncementOutcome::kDone) return check;
  db.execute(
      "UPDATE announcements SET withdrawn_at = UTC_TIMESTAMP(), revision = revision + 1"
      " WHERE id = ?",
      {id});
  // A withdrawal is a soft delete: audited as 'delete', the row kept.
  write_audit(db, id, "delete", check.current, who);
  tx.commit();
  return {AnnouncementOutcome::kDone, std::nullopt};
}

}  // namespace confsched
