// The staff_members table (sql/007_staff_members.sql): the only code that
// writes it. Every write is one transaction that also moves
// staff_roster.version (what workers poll to reload the roster) and writes
// an audit row naming the person (never a password or hash).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/staff_member.h"
#include "store/database.h"
#include "store/session_store.h"

namespace confsched {

// Everyone, by name.
std::vector<StaffMember> load_staff_roster(Database& db);
// The person whose login key is staff_login_key(name), if any.
std::optional<StaffMember> find_staff_member(Database& db, const std::string& name);

enum class PeopleOutcome {
  kDone,
  kNameTaken,  // another person's name has the same login key
  kNotFound,   // no such person (removed meanwhile)
  kLastAdmin,  // the change would leave people but no admin among them
};

struct PeopleResult {
  PeopleOutcome outcome = PeopleOutcome::kDone;
  int64_t id = 0;      // of the person added or changed
  uint64_t epoch = 0;  // their epoch after the change
};

// Whether a change may leave people without an admin: the web page keeps
// one (else nobody could manage people there); the CLI, run by whoever
// holds the server's config, may do anything.
enum class AdminGuard { kKeepOne, kNone };

PeopleResult add_staff_member(Database& db, const std::string& name, StaffRole role,
                              const std::string& password_hash, const AuditContext& who);
PeopleResult remove_staff_member(Database& db, int64_t id, AdminGuard guard,
                                 const AuditContext& who);
// A new password and a new epoch: that person's cookies die, nobody else's.
PeopleResult set_staff_password(Database& db, int64_t id, const std::string& password_hash,
                                const AuditContext& who);
PeopleResult set_staff_role(Database& db, int64_t id, StaffRole role, AdminGuard guard,
                            const AuditContext& who);

}  // namespace confsched
