#include "store/staff_members.h"

#include <mysqld_error.h>

#include "store/errors.h"
#include "store/settings_store.h"

namespace confsched {

namespace {

constexpr const char* kMemberSelect =
    "SELECT id, name, role, password_hash, epoch FROM staff_members";

StaffMember to_member(const DbRow& r) {
  StaffMember m;
  m.id = cell_int(r[0]);
  m.name = cell_text(r[1]);
  m.role = parse_staff_role(cell_text(r[2])).value_or(StaffRole::kEditor);
  m.password_hash = cell_text(r[3]);
  m.epoch = static_cast<uint64_t>(cell_int(r[4]));
  return m;
}

// Moves the roster version on and returns it: the epoch of a person given a
// password in this transaction (sql/007 says why it is unique).
uint64_t bump_roster(Database& db) {
  db.execute("UPDATE staff_roster SET version = version + 1 WHERE id = 1");
  auto rows = db.query("SELECT version FROM staff_roster WHERE id = 1");
  if (rows.empty()) throw DbError("staff_roster has no row: run confsched migrate");
  return static_cast<uint64_t>(cell_int(rows[0][0]));
}

std::optional<StaffMember> member_for_update(Database& db, int64_t id) {
  auto rows = db.query(std::string(kMemberSelect) + " WHERE id = ? FOR UPDATE", {id});
  if (rows.empty()) return std::nullopt;
  return to_member(rows[0]);
}

// How many admins other than id there are (locking them, so that two
// staff demoting each other at once cannot both succeed).
int64_t other_admins(Database& db, int64_t id) {
  auto rows =
      db.query("SELECT id FROM staff_members WHERE role = 'admin' AND id <> ? FOR UPDATE", {id});
  return static_cast<int64_t>(rows.size());
}

AuditFields member_audit(const StaffMember& m) {
  return {{"name", m.name}, {"role", std::string(staff_role_name(m.role))}};
}

}  // namespace

std::vector<StaffMember> load_staff_roster(Database& db) {
  std::vector<StaffMember> roster;
  for (const DbRow& r : db.query(std::string(kMemberSelect) + " ORDER BY name, id"))
    roster.push_back(to_member(r));
  return roster;
}

std::optional<StaffMember> find_staff_member(Database& db, const std::string& name) {
  auto rows =
      db.query(std::string(kMemberSelect) + " WHERE login_key = ?", {staff_login_key(name)});
  if (rows.empty()) return std::nullopt;
  return to_member(rows[0]);
}

PeopleResult add_staff_member(Database& db, const std::string& name, StaffRole role,
                              const std::string& password_hash, const AuditContext& who) {
  try {
    Transaction tx(db);
    StaffMember m{.name = name, .role = role, .password_hash = password_hash};
    m.epoch = bump_roster(db);
    db.execute(
        "INSERT INTO staff_members (name, login_key, role, password_hash, epoch)"
        " VALUES (?, ?, ?, ?, ?)",
        {name, staff_login_key(name), std::string(staff_role_name(role)), password_hash,
         static_cast<int64_t>(m.epoch)});
    m.id = static_cast<int64_t>(db.last_insert_id());
    write_audit(db, "staff_member", m.id, "create", who, std::nullopt, member_audit(m));
    tx.commit();
    return {PeopleOutcome::kDone, m.id, m.epoch};
  } catch (const DbError& e) {
    if (e.error_code != ER_DUP_ENTRY) throw;
    return {PeopleOutcome::kNameTaken};
  }
}

PeopleResult remove_staff_member(Database& db, int64_t id, AdminGuard guard,
                                 const AuditContext& who) {
  Transaction tx(db);
  auto m = member_for_update(db, id);
  if (!m) return {PeopleOutcome::kNotFound};
  // Removing the last admin is fine when nobody else is left: the shared
  // staff login then works again.
  auto others = db.query("SELECT COUNT(*) FROM staff_members WHERE id <> ?", {id});
  bool anyone_left = !others.empty() && cell_int(others[0][0]) > 0;
  if (guard == AdminGuard::kKeepOne && m->role == StaffRole::kAdmin && anyone_left &&
      other_admins(db, id) == 0)
    return {PeopleOutcome::kLastAdmin, id};
  bump_roster(db);
  db.execute("DELETE FROM staff_members WHERE id = ?", {id});
  write_audit(db, "staff_member", id, "delete", who, member_audit(*m), std::nullopt);
  tx.commit();
  return {PeopleOutcome::kDone, id};
}

PeopleResult set_staff_password(Database& db, int64_t id, const std::string& password_hash,
                                const AuditContext& who) {
  Transaction tx(db);
  auto m = member_for_update(db, id);
  if (!m) return {PeopleOutcome::kNotFound};
  uint64_t epoch = bump_roster(db);
  db.execute("UPDATE staff_members SET password_hash = ?, epoch = ? WHERE id = ?",
             {password_hash, static_cast<int64_t>(epoch), id});
  // The epoch says that the password changed; the hash stays out.
  AuditFields before = member_audit(*m), after = member_audit(*m);
  before.emplace_back("epoch", static_cast<int64_t>(m->epoch));
  after.emplace_back("epoch", static_cast<int64_t>(epoch));
  write_audit(db, "staff_member", id, "update", who, before, after);
  tx.commit();
  return {PeopleOutcome::kDone, id, epoch};
}

PeopleResult set_staff_role(Database& db, int64_t id, StaffRole role, AdminGuard guard,
                            const AuditContext& who) {
  Transaction tx(db);
  auto m = member_for_update(db, id);
  if (!m) return {PeopleOutcome::kNotFound};
  if (m->role == role) return {PeopleOutcome::kDone, id, m->epoch};
  if (guard == AdminGuard::kKeepOne && m->role == StaffRole::kAdmin && other_admins(db, id) == 0)
    return {PeopleOutcome::kLastAdmin, id};
  // The cookie stays valid: the role is looked up with the roster on each
  // request, so the new one counts from the workers' next roster load.
  bump_roster(db);
  db.execute("UPDATE staff_members SET role = ? WHERE id = ?",
             {std::string(staff_role_name(role)), id});
  StaffMember changed = *m;
  changed.role = role;
  write_audit(db, "staff_member", id, "update", who, member_audit(*m), member_audit(changed));
  tx.commit();
  return {PeopleOutcome::kDone, id, m->epoch};
}

}  // namespace confsched
