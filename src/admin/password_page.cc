// /admin/passwords: staff set the shared delegate or staff password. The
// password is typed twice, stored only as its Argon2id hash, never echoed
// into a form and never written to a log or the audit log.
#include "admin/settings_common.h"
#include "admin/settings_pages.h"
#include "auth/password.h"
#include "site/site.h"
#include "store/audit.h"
#include "store/settings_store.h"
#include "util/translate.h"

namespace confsched {

namespace {

struct PasswordsState {
  std::string notice;
  std::optional<Role> refused_role;  // whose form shows `message`
  std::string message;
};

Response render_passwords(Site& site, const Request& request, int status,
                          const PasswordsState& state) {
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, tr("Passwords"), "admin_passwords.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    if (!state.notice.empty()) d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", state.notice);
    if (state.refused_role) {
      const char* section = *state.refused_role == Role::kStaff ? "STAFF_ERROR" : "DELEGATE_ERROR";
      d.AddSectionDictionary(section)->SetValue("MESSAGE", state.message);
    }
  });
}

Response change_posted(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  std::optional<Role> role = parse_role(form.get("role").value_or(""));
  if (!role) return site.error_page(400);
  // Only these two locals ever hold the password; neither reaches a log,
  // the audit row or the page (memory keeps only an HMAC of it).
  std::string_view password = form.get("password").value_or("");
  std::string_view again = form.get("password_again").value_or("");
  if (std::string problem = password_problem(password, again); !problem.empty()) {
    PasswordsState state;
    state.refused_role = role;
    state.message = fill_text(tr("Not changed: {problem}"), {{"problem", problem}});
    return render_passwords(site, request, 422, state);
  }
  const std::string hash = hash_password(password);
  uint64_t epoch =
      site.staff().change_role_password(*role, hash, audit_context(request, *params.staff));
  // A cookie of the new epoch is never refused meanwhile: a worker that
  // meets one asks the database at once (Site::epoch_is_current).
  wait_until_workers_notice(site);
  // This worker knows both the hash and the password: every worker of this
  // server then lets the first login with it in for one HMAC, with no
  // Argon2id slot, which a flood of wrong passwords may be holding. After
  // the wait, so that a login with the old password on a worker that had
  // not yet seen the change cannot overwrite it.
  site.verifier().remember(*role, hash, password);
  Response r = redirect_303("/admin/passwords?changed=" + std::string(role_name(*role)));
  // Changing the staff password voids every staff cookie, the one that
  // made this request included. The person who changed it knows the new
  // password, so they get a cookie under the new epoch instead of being
  // sent to the login page; every other staff session ends. (A person
  // with a login of their own keeps theirs: it has no part in the shared
  // one.)
  if (*role == Role::kStaff && params.staff->person == 0)
    r.add_header("Set-Cookie", site.session_set_cookie(request, Role::kStaff, epoch));
  return r;
}

std::string notice_for(const Request& request) {
  auto changed = request.query.get("changed").value_or("");
  if (changed == "delegate")
    return tr(
        "The delegate password was changed. Every delegate must log in again with the new "
        "password.");
  if (changed == "staff")
    return tr(
        "The staff password was changed. Every other staff session has ended; you stay "
        "logged in.");
  return "";
}

}  // namespace

Response admin_passwords(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return change_posted(site, request, params);
  PasswordsState state;
  state.notice = notice_for(request);
  return render_passwords(site, request, 200, state);
}

}  // namespace confsched
