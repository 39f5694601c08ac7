// /login, /logout and the auth check nginx asks before serving a cached
// delegate page.
#include <strings.h>

#include "auth/crypto.h"
#include "auth/origin.h"
#include "http/local_path.h"
#include "pages/pages.h"
#include "pages/site.h"
#include "util/log.h"

namespace confsched {

namespace {

constexpr std::string_view kDefaultTarget = "/schedule";
constexpr std::string_view kFailureMessage =
    "That user name and password do not match. Please check both and try again.";

struct LoginFormState {
  std::string next;
  std::string username;
  std::string error;  // empty: no message
};

Response render_login(Site& site, int status, const LoginFormState& state) {
  // The site name in the frame comes from the event; a login page must still
  // show when it cannot be had, so ignore failures to get it here.
  try {
    site.event();
  } catch (const std::exception&) {
  }
  std::string body = site.templates().render(
      site.frame("Log in", false), "login.tpl", [&](ctemplate::TemplateDictionary& d) {
        if (!state.error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", state.error);
        auto* form = d.AddIncludeDictionary("LOGIN_FORM");
        form->SetFilename("login_form.tpl");
        form->SetValue("NEXT", state.next);
        form->SetValue("USERNAME", state.username);
      });
  return html_response(status, std::move(body), cache_control::kNoStore);
}

std::string session_cookie(const Request& request, const std::string& value, int64_t max_age) {
  std::string cookie = session_cookie_name(request) + "=" + value +
                       "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Lax";
  if (request.https) cookie += "; Secure";
  return cookie;
}

bool is_form_post(const Request& request) {
  constexpr std::string_view kForm = "application/x-www-form-urlencoded";
  const std::string& type = request.content_type;
  if (type.size() < kForm.size() || strncasecmp(type.data(), kForm.data(), kForm.size()) != 0)
    return false;
  // "application/x-www-form-urlencoded; charset=UTF-8" is fine too.
  return type.size() == kForm.size() || type[kForm.size()] == ';' || type[kForm.size()] == ' ';
}

// Which role the user name names, compared in constant time so response
// timing does not tell which names exist.
std::optional<Role> role_for_user(const Config& config, std::string_view username) {
  bool delegate = constant_time_equal(username, config.delegate_user);
  bool staff = constant_time_equal(username, config.staff_user);
  if (delegate) return Role::kDelegate;
  if (staff) return Role::kStaff;
  return std::nullopt;
}

// Checks the password. Every failure costs one full Argon2id verification,
// whether the user name, the password or both were wrong.
std::optional<RoleCredential> check_login(Site& site, std::string_view username,
                                          std::string_view password) {
  std::optional<Role> role = role_for_user(site.config(), username);
  // Held in memory too: a login still works while the database is away.
  std::optional<RoleCredential> credential = site.credential(role.value_or(Role::kDelegate));
  if (!credential) return std::nullopt;  // no password set yet: nobody can log in
  if (!role) {
    verify_password_slow(credential->password_hash, password);
    return std::nullopt;
  }
  if (!site.verifier().verify(credential->password_hash, password)) return std::nullopt;
  return credential;
}

Response login_post(Site& site, const Request& request) {
  if (is_cross_site_request(request.origin, request.sec_fetch_site, request.own_origin())) {
    log_warning("403 cross-site login post refused, Origin: " + request.origin.substr(0, 100));
    return site.error_page(403);
  }
  if (!is_form_post(request)) return site.error_page(415);
  auto form = parse_urlencoded(request.body);
  if (!form) return site.error_page(400);

  LoginFormState state;
  state.next = local_path_or(form->get("next").value_or(""), kDefaultTarget);
  state.username = std::string(form->get("username").value_or(""));
  std::string_view password = form->get("password").value_or("");

  std::optional<RoleCredential> credential = check_login(site, state.username, password);
  if (!credential) {
    state.error = std::string(kFailureMessage);
    return render_login(site, 401, state);
  }
  Role role = *role_for_user(site.config(), state.username);
  const int64_t lifetime = int64_t{site.config().session_hours} * 3600;
  SessionClaims claims{role, site.now() + lifetime, credential->epoch};
  Response r = redirect_303(state.next);
  r.add_header("Set-Cookie",
               session_cookie(request, sign_session(claims, site.secret()), lifetime));
  return r;
}

}  // namespace

Response login_page(Site& site, const Request& request, const RouteParams&) {
  if (request.method == "POST") return login_post(site, request);
  LoginFormState state;
  state.next = local_path_or(request.query.get("next").value_or(""), kDefaultTarget);
  return render_login(site, 200, state);
}

// GET works too, so a plain link can log out; clearing one's own cookie
// changes nothing on the server, which is why it need not be a POST.
Response logout(Site&, const Request& request, const RouteParams&) {
  Response r = redirect_303("/");
  r.add_header("Set-Cookie", session_cookie(request, "", 0));
  return r;
}

Response auth_check(Site& site, const Request& request, const RouteParams&) {
  Response r;
  r.status = site.signed_in_role(request) ? 204 : 401;
  r.set_header("Cache-Control", cache_control::kNoStore);
  return r;
}

}  // namespace confsched
