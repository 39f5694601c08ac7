#include "store/credentials.h"

namespace confsched {

std::optional<RoleCredential> load_credential(Database& db, Role role) {
  auto rows = db.query("SELECT password_hash, epoch FROM credentials WHERE role = ?",
                       {std::string(role_name(role))});
  if (rows.empty()) return std::nullopt;
  return RoleCredential{cell_text(rows[0][0]), static_cast<uint64_t>(cell_int(rows[0][1]))};
}

uint64_t store_password_hash(Database& db, Role role, const std::string& password_hash) {
  Transaction tx(db);
  uint64_t epoch = store_password_hash_in_transaction(db, role, password_hash);
  tx.commit();
  return epoch;
}

uint64_t store_password_hash_in_transaction(Database& db, Role role,
                                            const std::string& password_hash) {
  db.execute(
      "INSERT INTO credentials (role, password_hash, epoch) VALUES (?, ?, 1) "
      "ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), epoch = epoch + 1",
      {std::string(role_name(role)), password_hash});
  auto credential = load_credential(db, role);
  return credential ? credential->epoch : 0;
}

DataState load_data_state(Database& db) {
  auto rows = db.query(
      "SELECT (SELECT version FROM data_version WHERE id = 1),"
      " (SELECT epoch FROM credentials WHERE role = 'delegate'),"
      " (SELECT epoch FROM credentials WHERE role = 'staff'),"
      " (SELECT version FROM staff_roster WHERE id = 1),"
      // Two index range counts (sql/003): cheap on a table of announcements.
      " (SELECT COUNT(*) FROM announcements WHERE published_at <= UTC_TIMESTAMP())"
      " + (SELECT COUNT(*) FROM announcements WHERE expires_at <= UTC_TIMESTAMP())");
  DataState state;
  if (rows.empty()) return state;
  auto as_u64 = [](const std::optional<std::string>& cell) {
    return cell ? static_cast<uint64_t>(cell_int(cell)) : uint64_t{0};
  };
  state.data_version = as_u64(rows[0][0]);
  state.delegate_epoch = as_u64(rows[0][1]);
  state.staff_epoch = as_u64(rows[0][2]);
  state.staff_roster_version = as_u64(rows[0][3]);
  state.announcement_clock = as_u64(rows[0][4]);
  return state;
}

}  // namespace confsched
