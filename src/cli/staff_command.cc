// `confsched staff add|remove|passwd|role|list`: the staff members' own
// logins from a shell (README "Staff logins"), beside /admin/people.
#include <iostream>

#include "auth/password.h"
#include "cli/cli.h"
#include "config/config.h"
#include "model/staff_member.h"
#include "store/database.h"
#include "store/staff_members.h"

namespace confsched {

namespace {

constexpr const char* kStaffHelp =
    "usage: confsched [--config FILE] staff add NAME [--role editor|admin]\n"
    "       confsched [--config FILE] staff remove NAME\n"
    "       confsched [--config FILE] staff passwd NAME\n"
    "       confsched [--config FILE] staff role NAME editor|admin\n"
    "       confsched [--config FILE] staff list\n"
    "\n"
    "Gives each staff member a login of their own: a name (which the history\n"
    "of every change shows) and an Argon2id password. Editors run the\n"
    "programme; admins also manage people, the shared passwords, imports, the\n"
    "event and the rooms' screens. add (an editor unless --role says admin)\n"
    "and passwd read the password from the terminal (twice, not echoed) or,\n"
    "when stdin is not a terminal, as the first line of stdin. remove and\n"
    "passwd end that person's sessions and nobody else's. Once anyone is\n"
    "listed, the shared staff login stops working; it works again when the\n"
    "last person is removed. list prints NAME<TAB>ROLE, one person a line.\n";

// The audit log's name for what a shell does.
const AuditContext kShell{"command line: staff", ""};

int fail(const std::string& message) {
  std::cerr << "confsched staff: " << message << "\n";
  return 1;
}

int add(Database& db, const Config& config, const std::string& name, StaffRole role) {
  if (auto problem = staff_name_problem(name, config.delegate_user, config.staff_user))
    return fail(*problem + " Nobody was added.");
  std::string password;
  if (!read_new_password("staff", password)) return 1;
  PeopleResult r = add_staff_member(db, name, role, hash_password(password), kShell);
  if (r.outcome == PeopleOutcome::kNameTaken)
    return fail("someone of that name has a login already; nobody was added");
  std::cout << "added " << name << " (" << staff_role_name(role) << ")\n";
  return 0;
}

int with_person(Database& db, const std::string& name, const std::vector<std::string>& args) {
  auto person = find_staff_member(db, name);
  if (!person) return fail("nobody is called \"" + name + "\"; nothing changed");
  const std::string& action = args[0];
  if (action == "remove") {
    remove_staff_member(db, person->id, AdminGuard::kNone, kShell);
    std::cout << "removed " << person->name << "; their sessions have ended\n";
    return 0;
  }
  if (action == "passwd") {
    std::string password;
    if (!read_new_password("staff", password)) return 1;
    set_staff_password(db, person->id, hash_password(password), kShell);
    std::cout << "password of " << person->name << " set; their sessions issued before are void\n";
    return 0;
  }
  auto role = args.size() == 3 ? parse_staff_role(args[2]) : std::nullopt;
  if (!role) {
    std::cerr << kStaffHelp;
    return 2;
  }
  set_staff_role(db, person->id, *role, AdminGuard::kNone, kShell);
  std::cout << person->name << " is now " << staff_role_name(*role) << "\n";
  return 0;
}

}  // namespace

int staff_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kStaffHelp)) return 0;
  const std::string action = args.empty() ? "" : args[0];
  std::optional<StaffRole> role = StaffRole::kEditor;
  bool usage_ok = false;
  if (action == "list") usage_ok = args.size() == 1;
  if (action == "remove" || action == "passwd") usage_ok = args.size() == 2;
  if (action == "role") usage_ok = args.size() == 3;
  if (action == "add") {
    usage_ok = args.size() == 2 || (args.size() == 4 && args[2] == "--role");
    if (args.size() == 4) role = parse_staff_role(args[3]);
  }
  if (!usage_ok || !role) {
    std::cerr << kStaffHelp;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  try {
    Database db(config.database);
    if (action == "list") {
      for (const StaffMember& m : load_staff_roster(db))
        std::cout << m.name << "\t" << staff_role_name(m.role) << "\n";
      return 0;
    }
    const std::string name = trim_display_name(args[1]);
    if (action == "add") return add(db, config, name, *role);
    return with_person(db, name, args);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace confsched
