// The shared credentials: one Argon2id hash and one epoch per role.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/session_token.h"
#include "store/database.h"

namespace confsched {

struct RoleCredential {
  std::string password_hash;
  uint64_t epoch = 0;
};

std::optional<RoleCredential> load_credential(Database& db, Role role);

// Stores a new hash and moves the role's epoch on, which ends every session
// issued under the old one. Returns the new epoch.
uint64_t store_password_hash(Database& db, Role role, const std::string& password_hash);
// The same inside a transaction the caller holds (so that other writes,
// such as an audit row, commit or roll back with it).
uint64_t store_password_hash_in_transaction(Database& db, Role role,
                                            const std::string& password_hash);

// What a worker polls to know whether its pages and sessions are current:
// one round trip for the data version, the announcement clock, both
// epochs and the staff roster's version.
struct DataState {
  uint64_t data_version = 0;
  // How many announcement start and end times (published_at, expires_at)
  // have passed by the database's UTC clock. An announcement that ends
  // changes no row, so the data version stays; this count grows instead.
  // For one data version it only ever grows as time passes, so the pair
  // (data_version, announcement_clock) names the set of announcements
  // showing exactly, which is what cached pages are keyed on.
  uint64_t announcement_clock = 0;
  uint64_t delegate_epoch = 0;  // 0: no password set for the role
  uint64_t staff_epoch = 0;
  // Moves with every change to the staff members (sql/007): the roster a
  // worker holds is current while this is.
  uint64_t staff_roster_version = 0;

  uint64_t epoch_for(Role role) const {
    return role == Role::kStaff ? staff_epoch : delegate_epoch;
  }
};

DataState load_data_state(Database& db);

}  // namespace confsched
