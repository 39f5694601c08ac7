#include "admin/people_pages.h"

#include <map>

#include "admin/settings_common.h"
#include "auth/password.h"
#include "auth/session_token.h"
#include "http/form_keys.h"
#include "model/settings_form.h"
#include "model/staff_member.h"
#include "site/site.h"
#include "store/audit.h"
#include "util/translate.h"

namespace confsched {

namespace {

struct PeopleState {
  std::string notice;
  // The add form as typed (never the password), and its field errors.
  std::string name;
  std::string role = "editor";
  std::map<std::string, std::string> add_errors;
  // A message for one person's row (their id), or for the page.
  int64_t row = 0;
  std::string row_message;
};

// Translated as shown: built before the language is set.
SelectOptions role_options() {
  return {{"editor", tr("Editor: the programme")},
          {"admin", tr("Admin: also people, passwords, import, event")}};
}

Response render_people(Site& site, const Request& request, const RouteParams& params, int status,
                       const PeopleState& state) {
  const std::vector<StaffMember> people = site.staff().staff_members();
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, tr("People"), "admin_people.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    if (!state.notice.empty()) d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", state.notice);
    if (people.empty()) d.ShowSection("SHARED_ON");
    for (const StaffMember& m : people) {
      SettingsDict* row = d.AddSectionDictionary("PERSON");
      row->SetValue("ID", std::to_string(m.id));
      row->SetValue("NAME", m.name);
      row->SetValue("ROLE", std::string(staff_role_name(m.role)));
      if (m.id == params.staff->person) row->ShowSection("YOU");
      add_select_options(*row, "ROLE_OPTION", role_options(), std::string(staff_role_name(m.role)));
      if (state.row == m.id && !state.row_message.empty())
        row->AddSectionDictionary("ERROR")->SetValue("MESSAGE", state.row_message);
    }
    if (people.empty()) d.ShowSection("NOBODY");
    d.SetValue("NAME", state.name);
    add_select_options(d, "ADD_ROLE_OPTION", role_options(), state.role);
    if (!state.add_errors.empty())
      show_problem(d, tr("Nobody was added: please correct the fields marked below."));
    show_field_errors(d, state.add_errors);
  });
}

// After a change that voids someone's cookies: every worker refuses them
// before the page answers (as for the shared passwords).
Response done(Site& site, std::string_view what) {
  wait_until_workers_notice(site);
  return redirect_303("/admin/people?done=" + std::string(what));
}

Response add_posted(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  PeopleState state;
  state.name = trim_display_name(form_value(form, "name"));
  state.role = form_value(form, "role");
  std::optional<StaffRole> role = parse_staff_role(state.role);
  if (!role) return site.error_page(400);
  // Only these two locals hold the password (as on /admin/passwords).
  const std::string password = form_value(form, "password");
  const std::string again = form_value(form, "password_again");
  if (auto problem =
          staff_name_problem(state.name, site.config().delegate_user, site.config().staff_user))
    state.add_errors["name"] = *problem;
  if (std::string problem = password_problem(password, again); !problem.empty())
    state.add_errors["password"] = problem;
  if (!state.add_errors.empty()) return render_people(site, request, params, 422, state);
  const std::string hash = hash_password(password);
  PeopleResult added =
      site.staff().add_staff_member(state.name, *role, hash, audit_context(request, *params.staff));
  if (added.outcome == PeopleOutcome::kNameTaken) {
    state.add_errors["name"] = tr("Someone of that name has a login already.");
    return render_people(site, request, params, 422, state);
  }
  // Their first login then needs no Argon2id slot (as on /admin/passwords).
  site.verifier().remember(Role::kStaff, hash, password);
  return done(site, "added");
}

Response row_refused(Site& site, const Request& request, const RouteParams& params, int64_t id,
                     std::string message) {
  PeopleState state;
  state.row = id;
  state.row_message = std::move(message);
  return render_people(site, request, params, 422, state);
}

Response row_posted(Site& site, const Request& request, const RouteParams& params,
                    const std::string& action) {
  const FormFields& form = *params.form;
  std::optional<int64_t> parsed = parse_decimal<int64_t>(form_value(form, "id"));
  if (!parsed) return site.error_page(400);
  const int64_t id = *parsed;
  const AuditContext who = audit_context(request, *params.staff);
  PeopleResult result;
  std::string password;
  std::string hash;
  if (action == "remove") {
    result = site.staff().remove_staff_member(id, who);
  } else if (action == "role") {
    std::optional<StaffRole> role = parse_staff_role(form_value(form, "role"));
    if (!role) return site.error_page(400);
    result = site.staff().set_staff_role(id, *role, who);
  } else {
    password = form_value(form, "password");
    if (std::string problem = password_problem(password, form_value(form, "password_again"));
        !problem.empty())
      return row_refused(
          site, request, params, id,
          fill_text(tr("No new password was set: {problem}"), {{"problem", problem}}));
    hash = hash_password(password);
    result = site.staff().set_staff_password(id, hash, who);
  }
  if (result.outcome == PeopleOutcome::kNotFound) return site.error_page(404);
  if (result.outcome == PeopleOutcome::kLastAdmin)
    return row_refused(
        site, request, params, id,
        tr("Not changed: this is the last admin. Make someone else an admin first."));
  Response r = done(site, action);
  if (action == "password") {
    site.verifier().remember(Role::kStaff, hash, password);
    // An admin who set their own password stays logged in, as on
    // /admin/account.
    if (id == params.staff->person)
      r.add_header("Set-Cookie", site.session_set_cookie(request, Role::kStaff, result.epoch, id));
  }
  return r;
}

std::string people_notice(const Request& request) {
  std::string done(request.query.get("done").value_or(""));
  if (done == "added") return tr("Added. They can log in now with their name and that password.");
  if (done == "remove") return tr("Removed. Their sessions have ended.");
  if (done == "password") return tr("New password set. Their other sessions have ended.");
  if (done == "role") return tr("Role changed.");
  return "";
}

Response render_account(Site& site, const Request& request, const RouteParams& params, int status,
                        const std::string& message) {
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, tr("Your password"), "admin_account.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    d.SetValue("NAME", params.staff->name);
    d.ShowSection(params.staff->person == 0 ? "SHARED" : "PERSON");
    if (request.query.get("changed")) d.ShowSection("CHANGED");
    show_problem(d, message);
  });
}

}  // namespace

Response admin_people(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") {
    const std::string action = form_value(*params.form, "action");
    if (action == "add") return add_posted(site, request, params);
    return row_posted(site, request, params, action);
  }
  PeopleState state;
  state.notice = people_notice(request);
  return render_people(site, request, params, 200, state);
}

Response admin_account(Site& site, const Request& request, const RouteParams& params) {
  if (request.method != "POST") return render_account(site, request, params, 200, "");
  // The shared staff login's password is the admins' to change, on
  // /admin/passwords.
  if (params.staff->person == 0) return site.error_page(403);
  const std::string password = form_value(*params.form, "password");
  if (std::string problem = password_problem(password, form_value(*params.form, "password_again"));
      !problem.empty())
    return render_account(site, request, params, 422,
                          fill_text(tr("Not changed: {problem}"), {{"problem", problem}}));
  const std::string hash = hash_password(password);
  PeopleResult result = site.staff().set_staff_password(params.staff->person, hash,
                                                        audit_context(request, *params.staff));
  if (result.outcome != PeopleOutcome::kDone) return site.error_page(404);
  wait_until_workers_notice(site);
  site.verifier().remember(Role::kStaff, hash, password);
  // The old cookies die with the old epoch, this one included: the person
  // who changed it gets one of the new epoch and stays logged in.
  Response r = redirect_303("/admin/account?changed=1");
  r.add_header("Set-Cookie",
               site.session_set_cookie(request, Role::kStaff, result.epoch, params.staff->person));
  return r;
}

}  // namespace confsched
