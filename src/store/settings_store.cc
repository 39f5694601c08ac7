// SQL for the event, room, track, speaker and password pages: optimistic
// locking by version hash under SELECT ... FOR UPDATE, UNIQUE-key clashes
// reported as such, and an audit row in the same transaction as each write.
#include "store/settings_store.h"

#include <mysqld_error.h>

#include <stdexcept>

#include "model/conference_day.h"
#include "store/announcement_store.h"
#include "store/credentials.h"

namespace confsched {

namespace {

// The keys are constants of this file; the values always travel as
// statement parameters.
using AuditValues = AuditFields;

std::string json_object_sql(const std::optional<AuditValues>& values) {
  if (!values) return "NULL";
  std::string sql = "JSON_OBJECT(";
  for (const auto& [key, value] : *values) {
    for (char c : key)
      if (!((c >= 'a' && c <= 'z') || c == '_')) throw std::logic_error("odd audit key");
    if (sql.back() != '(') sql += ", ";
    sql += "'" + std::string(key) + "', ?";
  }
  return sql + ")";
}

// Runs a write; a UNIQUE-key clash (the name is taken) becomes kDuplicate.
// The Transaction inside `write` has rolled back by the time we catch.
template <typename Values, typename Fn>
WriteResult<Values> unless_duplicate(Fn&& write) {
  try {
    return write();
  } catch (const DbError& e) {
    if (e.error_code != ER_DUP_ENTRY) throw;
    return WriteResult<Values>{WriteOutcome::kDuplicate, std::nullopt, 0, 0};
  }
}

// ------------------------------------------------------------------ event

constexpr const char* kEventSelect =
    "SELECT name, tagline, venue, starts_on, ends_on, intro, day_change FROM event WHERE id = 1";

EventDraft to_event(const DbRow& r) {
  return EventDraft{cell_text(r[0]),
                    cell_text(r[1]),
                    cell_text(r[2]),
                    cell_text(r[3]),
                    cell_text(r[4]),
                    cell_text(r[5]),
                    format_day_change(static_cast<int>(cell_int(r[6])))};
}

AuditValues event_audit(const EventDraft& d) {
  return {{"name", d.name},
          {"tagline", d.tagline},
          {"venue", d.venue},
          {"starts_on", d.starts_on},
          {"ends_on", d.ends_on},
          {"intro", d.intro},
          {"day_change", d.day_change}};
}

// ------------------------------------------------------------ rooms, tracks

// The columns after the name, each as ", <column><suffix>": the detail,
// then a room's details. With suffix " = ?": an UPDATE's assignments.
std::string item_columns(const ItemTable& t, std::string_view suffix = "") {
  std::string columns = ", " + std::string(t.detail_column) + std::string(suffix);
  if (t.room_details)
    for (const RoomDetailField& f : kRoomDetailFields)
      columns += ", " + std::string(f.name) + std::string(suffix);
  return columns;
}

std::string item_select(const ItemTable& t) {
  return "SELECT name" + item_columns(t) + " FROM " + std::string(t.table) +
         " WHERE id = ? FOR UPDATE";
}

DbValue detail_value(const ItemTable& t, const ItemDraft& d) {
  if (t.detail_is_number) return *parse_position(d.detail);
  return d.detail;
}

// The values of item_columns(t), in its order.
std::vector<DbValue> item_values(const ItemTable& t, const ItemDraft& d) {
  std::vector<DbValue> values = {detail_value(t, d)};
  if (t.room_details)
    for (const RoomDetailField& f : kRoomDetailFields) values.emplace_back(d.room.*f.member);
  return values;
}

AuditValues item_audit(const ItemTable& t, const ItemDraft& d) {
  AuditValues audit = {{"name", d.name}, {t.detail_column, detail_value(t, d)}};
  if (t.room_details)
    for (const RoomDetailField& f : kRoomDetailFields) audit.emplace_back(f.name, d.room.*f.member);
  return audit;
}

// A row of "SELECT ..., name<item_columns(t)>" from column `first` on.
ItemDraft to_item_draft(const ItemTable& t, const DbRow& r, size_t first) {
  ItemDraft d{cell_text(r[first]), cell_text(r[first + 1])};
  if (t.room_details) {
    size_t i = first + 2;
    for (const RoomDetailField& f : kRoomDetailFields) d.room.*f.member = cell_text(r[i++]);
  }
  return d;
}

int64_t sessions_using(Database& db, const ItemTable& t, int64_t id) {
  auto rows = db.query(
      "SELECT COUNT(*) FROM sessions WHERE " + std::string(t.session_column) + " = ?", {id});
  return cell_int(rows[0][0]);
}

// The row locked for this transaction, or nothing when it is gone.
std::optional<ItemDraft> lock_item(Database& db, const ItemTable& t, int64_t id) {
  auto rows = db.query(item_select(t), {id});
  if (rows.empty()) return std::nullopt;
  return to_item_draft(t, rows[0], 0);
}

// ----------------------------------------------------------------- speakers

AuditValues speaker_audit(const SpeakerDraft& d) {
  return {{"name", d.name}, {"affiliation", d.affiliation}, {"bio", d.bio}};
}

constexpr const char* kSpeakerSelect = "SELECT name, affiliation, bio FROM speakers WHERE id = ?";

SpeakerDraft to_speaker_draft(const DbRow& r) {
  return SpeakerDraft{cell_text(r[0]), cell_text(r[1]), cell_text(r[2])};
}

}  // namespace

void write_audit(Database& db, std::string_view entity, int64_t id, std::string_view action,
                 const AuditContext& who, const std::optional<AuditValues>& before,
                 const std::optional<AuditValues>& after) {
  std::vector<DbValue> params = {std::string(entity), id, std::string(action), who.staff_name,
                                 who.client_addr};
  for (const auto* values : {&before, &after})
    if (*values)
      for (const auto& entry : **values) params.push_back(entry.second);
  db.execute(
      "INSERT INTO audit_log (entity, entity_id, action, staff_name, client_addr,"
      " before_values, after_values) VALUES (?, ?, ?, ?, ?, " +
          json_object_sql(before) + ", " + json_object_sql(after) + ")",
      params);
}

std::optional<EventDraft> load_event_draft(Database& db) {
  auto rows = db.query(kEventSelect);
  if (rows.empty()) return std::nullopt;
  return to_event(rows[0]);
}

WriteResult<EventDraft> save_event(Database& db, const EventDraft& draft,
                                   const std::string& expected_version, const AuditContext& who) {
  Transaction tx(db);
  auto rows = db.query(std::string(kEventSelect) + " FOR UPDATE");
  if (rows.empty()) return {WriteOutcome::kGone, std::nullopt, 0, 0};
  EventDraft current = to_event(rows[0]);
  if (event_version(current) != expected_version) return {WriteOutcome::kConflict, current, 0, 0};
  // Sessions outside the event's days would vanish from the session form's
  // choices (and from what delegates expect): move them first.
  // A session's day is its conference day (model/conference_day.h): the
  // small hours after the last date close that date.
  const int64_t day_change = parse_day_change(draft.day_change).value_or(0);
  auto outside = db.query(
      "SELECT COUNT(*) FROM sessions WHERE DATE(starts_at - INTERVAL ? MINUTE) < ?"
      " OR DATE(starts_at - INTERVAL ? MINUTE) > ?",
      {day_change, draft.starts_on, day_change, draft.ends_on});
  if (int64_t n = cell_int(outside[0][0]); n > 0) return {WriteOutcome::kOutsideDates, {}, n, 0};
  db.execute(
      "UPDATE event SET name = ?, tagline = ?, venue = ?, starts_on = ?, ends_on = ?, intro = ?,"
      " day_change = ? WHERE id = 1",
      {draft.name, draft.tagline, draft.venue, draft.starts_on, draft.ends_on, draft.intro,
       day_change});
  write_audit(db, "event", 1, "update", who, event_audit(current), event_audit(draft));
  tx.commit();
  return {};
}

std::vector<StoredItem> load_items(Database& db, const ItemTable& t) {
  std::string column(t.session_column);
  auto rows = db.query("SELECT (SELECT COUNT(*) FROM sessions s WHERE s." + column +
                       " = t.id), t.id, name" + item_columns(t) + " FROM " + std::string(t.table) +
                       " t ORDER BY " + std::string(t.order_by));
  std::vector<StoredItem> items;
  for (const DbRow& r : rows)
    items.push_back(StoredItem{cell_int(r[1]), to_item_draft(t, r, 2), cell_int(r[0])});
  return items;
}

WriteResult<ItemDraft> add_item(Database& db, const ItemTable& t, const ItemDraft& draft,
                                const AuditContext& who) {
  return unless_duplicate<ItemDraft>([&]() -> WriteResult<ItemDraft> {
    Transaction tx(db);
    std::vector<DbValue> values = item_values(t, draft);
    std::string marks;
    for (size_t i = 0; i < values.size(); ++i) marks += ", ?";
    values.insert(values.begin(), draft.name);
    db.execute("INSERT INTO " + std::string(t.table) + " (name" + item_columns(t) + ") VALUES (?" +
                   marks + ")",
               values);
    auto id = static_cast<int64_t>(db.last_insert_id());
    write_audit(db, t.entity, id, "create", who, std::nullopt, item_audit(t, draft));
    tx.commit();
    return {WriteOutcome::kSaved, std::nullopt, 0, id};
  });
}

WriteResult<ItemDraft> update_item(Database& db, const ItemTable& t, int64_t id,
                                   const ItemDraft& draft, const std::string& expected_version,
                                   const AuditContext& who) {
  return unless_duplicate<ItemDraft>([&]() -> WriteResult<ItemDraft> {
    Transaction tx(db);
    auto current = lock_item(db, t, id);
    if (!current) return {WriteOutcome::kGone, std::nullopt, 0, 0};
    if (item_version(*current) != expected_version) return {WriteOutcome::kConflict, current, 0, 0};
    std::vector<DbValue> values = item_values(t, draft);
    values.insert(values.begin(), draft.name);
    values.emplace_back(id);
    db.execute("UPDATE " + std::string(t.table) + " SET name = ?" + item_columns(t, " = ?") +
                   " WHERE id = ?",
               values);
    write_audit(db, t.entity, id, "update", who, item_audit(t, *current), item_audit(t, draft));
    tx.commit();
    return {};
  });
}

WriteResult<ItemDraft> delete_item(Database& db, const ItemTable& t, int64_t id,
                                   const std::string& expected_version, const AuditContext& who) {
  Transaction tx(db);
  // The row lock also holds off a session being moved into this room or
  // track until we are done (the foreign key check needs a lock on it).
  auto current = lock_item(db, t, id);
  if (!current) return {WriteOutcome::kGone, std::nullopt, 0, 0};
  if (item_version(*current) != expected_version) return {WriteOutcome::kConflict, current, 0, 0};
  if (int64_t n = sessions_using(db, t, id); n > 0) return {WriteOutcome::kInUse, current, n, 0};
  // A room's announcement that shows or will would otherwise lose its
  // room and show everywhere (sql/008).
  if (t.table == kRoomTable.table)
    if (int64_t n = announcements_not_over(db, id); n > 0)
      return {WriteOutcome::kInUse, current, 0, 0, n};
  db.execute("DELETE FROM " + std::string(t.table) + " WHERE id = ?", {id});
  write_audit(db, t.entity, id, "delete", who, item_audit(t, *current), std::nullopt);
  tx.commit();
  return {};
}

std::vector<StoredSpeaker> load_speakers(Database& db) {
  auto rows = db.query(
      "SELECT p.id, p.name, p.affiliation,"
      " (SELECT COUNT(*) FROM session_speakers ss WHERE ss.speaker_id = p.id)"
      " FROM speakers p ORDER BY p.name, p.id");
  std::vector<StoredSpeaker> speakers;
  for (const DbRow& r : rows)
    speakers.push_back(StoredSpeaker{
        cell_int(r[0]), SpeakerDraft{cell_text(r[1]), cell_text(r[2]), ""}, cell_int(r[3])});
  return speakers;
}

std::optional<SpeakerDraft> load_speaker(Database& db, int64_t id) {
  auto rows = db.query(kSpeakerSelect, {id});
  if (rows.empty()) return std::nullopt;
  return to_speaker_draft(rows[0]);
}

std::vector<std::pair<int64_t, std::string>> load_speaker_sessions(Database& db, int64_t id) {
  auto rows = db.query(
      "SELECT s.id, s.title FROM sessions s JOIN session_speakers ss ON ss.session_id = s.id"
      " WHERE ss.speaker_id = ? ORDER BY s.starts_at, s.id",
      {id});
  std::vector<std::pair<int64_t, std::string>> sessions;
  for (const DbRow& r : rows) sessions.emplace_back(cell_int(r[0]), cell_text(r[1]));
  return sessions;
}

WriteResult<SpeakerDraft> add_speaker(Database& db, const SpeakerDraft& draft,
                                      const AuditContext& who) {
  Transaction tx(db);
  db.execute("INSERT INTO speakers (name, affiliation, bio) VALUES (?, ?, ?)",
             {draft.name, draft.affiliation, draft.bio});
  auto id = static_cast<int64_t>(db.last_insert_id());
  write_audit(db, "speaker", id, "create", who, std::nullopt, speaker_audit(draft));
  tx.commit();
  return {WriteOutcome::kSaved, std::nullopt, 0, id};
}

WriteResult<SpeakerDraft> save_speaker(Database& db, int64_t id, const SpeakerDraft& draft,
                                       const std::string& expected_version,
                                       const AuditContext& who) {
  Transaction tx(db);
  auto rows = db.query(std::string(kSpeakerSelect) + " FOR UPDATE", {id});
  if (rows.empty()) return {WriteOutcome::kGone, std::nullopt, 0, 0};
  SpeakerDraft current = to_speaker_draft(rows[0]);
  if (speaker_version(current) != expected_version) return {WriteOutcome::kConflict, current, 0, 0};
  db.execute("UPDATE speakers SET name = ?, affiliation = ?, bio = ? WHERE id = ?",
             {draft.name, draft.affiliation, draft.bio, id});
  write_audit(db, "speaker", id, "update", who, speaker_audit(current), speaker_audit(draft));
  tx.commit();
  return {};
}

uint64_t change_role_password(Database& db, Role role, const std::string& password_hash,
                              const AuditContext& who) {
  Transaction tx(db);
  auto before = load_credential(db, role);
  uint64_t epoch = store_password_hash_in_transaction(db, role, password_hash);
  const std::string name(role_name(role));
  std::optional<AuditValues> was;
  if (before) was = AuditValues{{"role", name}, {"epoch", static_cast<int64_t>(before->epoch)}};
  // entity_id is numeric: 1 for the delegate credential, 2 for staff. No
  // password or hash goes into the audit row.
  write_audit(db, "credential", role == Role::kStaff ? 2 : 1, before ? "update" : "create", who,
              was, AuditValues{{"role", name}, {"epoch", static_cast<int64_t>(epoch)}});
  tx.commit();
  return epoch;
}

}  // namespace confsched
