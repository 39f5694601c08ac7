// The people who run the event: a login each (README "Staff logins"), a
// name that the audit log records, and one of two roles. The rules here are
// the only ones: the CLI's `staff add`, /admin/people and the login form all
// ask them. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/form_keys.h"
#include "model/limits.h"

namespace confsched {

// What a staff member may do. Editors run the programme (sessions,
// announcements, rooms, tracks, speakers, their own password); admins also
// manage people, the shared passwords, imports, the event's settings and
// the rooms' screens.
enum class StaffRole { kEditor, kAdmin };

std::string_view staff_role_name(StaffRole role);
std::optional<StaffRole> parse_staff_role(std::string_view name);

// Short enough to sit in a history row; audit_log.staff_name holds more.
inline constexpr ColumnLimit kDisplayName = stricter(kAuditStaffName, 60);
inline constexpr size_t kMaxDisplayNameChars = kDisplayName.max;

// The typed name without leading and trailing spaces and tabs.
std::string trim_display_name(std::string_view typed);

// Why name (already trimmed) cannot be used, or nullopt when it can: it
// must be valid UTF-8 of 1 to 60 characters (code points), one-line text
// as util/text_rules.h says, and hold no tab (which shows as a space in
// the history, so two names would look the same there).
std::optional<std::string> display_name_error(std::string_view name);

// How the login form compares names: ASCII letters in lower case, the rest
// as typed. A phone's keyboard capitalises the first letter of a field, so
// "ana" must find "Ana"; letters beyond ASCII are left alone, since folding
// them depends on a language the site does not know. Two people whose
// names have the same key cannot both exist (the unique key of
// staff_members.login_key), and neither name may have the key of the
// shared delegate or staff user name.
std::string staff_login_key(std::string_view name);

// Why a new staff member cannot have name (already trimmed), or nullopt:
// display_name_error's rules, and not the login key of either shared
// login's user name (the login form would read it as that login).
std::optional<std::string> staff_name_problem(std::string_view name, std::string_view delegate_user,
                                              std::string_view staff_user);

// A staff member as the workers hold them to check cookies and logins.
struct StaffMember {
  int64_t id = 0;
  std::string name;
  StaffRole role = StaffRole::kEditor;
  std::string password_hash;
  uint64_t epoch = 0;  // sql/007_staff_members.sql says what it is
};

// Who a staff request comes from, as dispatch established it: a person,
// or the shared staff login (person 0) that small events use until the
// first person is added, which may do everything an admin may.
struct StaffIdentity {
  int64_t person = 0;
  std::string name;
  StaffRole role = StaffRole::kAdmin;

  bool is_admin() const { return role == StaffRole::kAdmin; }
};

// The name audit rows record for the shared staff login.
inline constexpr std::string_view kSharedStaffName = "staff (shared login)";

// The fields of /admin/people (templates/admin_people.tpl) and
// /admin/account (templates/admin_account.tpl), as dispatch checks them.
// The action is the button pressed; the role a select's value.
inline constexpr std::string_view kPeopleActions[] = {"add", "remove", "password", "role"};
inline constexpr std::string_view kStaffRoleNames[] = {"editor", "admin"};
inline constexpr FormKey kPeopleFormKeys[] = {{.name = "action", .choices = kPeopleActions},
                                              {.name = "id", .valid = is_decimal_number},
                                              {.name = "name"},
                                              {.name = "role", .choices = kStaffRoleNames},
                                              {.name = "password"},
                                              {.name = "password_again"}};
inline constexpr FormKey kAccountFormKeys[] = {{.name = "password"}, {.name = "password_again"}};

}  // namespace confsched
