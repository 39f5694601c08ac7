// /login and /logout.
#include <strings.h>

#include <algorithm>

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

constexpr std::string_view kBusyMessage =
    "The site is busy checking other logins. Please try again in a moment.";

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

enum class LoginCheck { kRight, kWrong, kBusy };

struct CheckedLogin {
  LoginCheck result = LoginCheck::kWrong;
  std::optional<RoleCredential> credential;
};

// Checks the password. Every failure costs one full Argon2id verification,
// whether the user name, the password or both were wrong; a password this
// worker verified before costs one HMAC. A full verification runs only with
// a slot of the shared Argon2id cap (kBusy when none is free), so a flood of
// wrong passwords from many addresses can neither take every worker nor more
// than slots x 19 MiB of memory.
CheckedLogin check_login(Site& site, std::string_view username, std::string_view password) {
  std::optional<Role> role = role_for_user(site.config(), username);
  // Held in memory too: a login still works while the database is away.
  std::optional<RoleCredential> credential = site.credential(role.value_or(Role::kDelegate));
  if (!credential) return {};  // no password set yet: nobody can log in
  if (role && site.verifier().remembers(credential->password_hash, password))
    return {LoginCheck::kRight, std::move(credential)};
  // 0 only outside `serve` (the master resolves it): one process, one slot.
  // No waiting for a slot: a worker parked here could serve nobody, and a
  // flood from many addresses would park them all. The correct password
  // needs a slot only once per server run (VerifiedMemory); a login that
  // meets a busy moment is asked to try again.
  Argon2Ticket ticket = site.login_guard().try_argon2(std::max(1u, site.config().argon2_slots));
  if (!ticket) return {LoginCheck::kBusy, std::nullopt};
  if (!role) {
    verify_password_slow(credential->password_hash, password);
    return {};
  }
  if (!site.verifier().verify(credential->password_hash, password)) return {};
  return {LoginCheck::kRight, std::move(credential)};
}

// 429 before any password is looked at. A throttled address is refused
// even when it now sends the right password: if a right password got in
// while wrong ones got 429, the answer would tell a guesser which guess was
// right and the throttle would only slow the search down to one request.
Response throttled(Site& site, const ThrottleDecision& decision) {
  Response r = site.error_page(429);
  r.set_header("Retry-After", std::to_string(std::max<uint32_t>(decision.retry_after_s, 1)));
  return r;
}

// Counts a failure against the client's address. Successes never count
// and never reset the count: a delegate who knows the delegate password
// could otherwise interleave good logins to guess the staff one freely.
void count_failure(Site& site, const Request& request) {
  const ThrottlePolicy& policy = site.config().login_throttle;
  auto recorded = site.login_guard().record_failure(request.remote_addr, policy);
  if (recorded.outcome.became_blocked)
    log_warning("login throttled: " + request.remote_addr.substr(0, 64) + " had " +
                std::to_string(policy.max_failures) + " failed logins within " +
                std::to_string(policy.window_s) + " s; refused for " +
                std::to_string(recorded.outcome.block_s) + " s (block " +
                std::to_string(recorded.outcome.state.strikes) + ")");
  else if (!recorded.stored)
    log_warning("login throttle: no free slot for " + request.remote_addr.substr(0, 64) +
                " (its bucket holds only blocked addresses); failure not counted");
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

  ThrottleDecision decision =
      site.login_guard().check(request.remote_addr, site.config().login_throttle);
  if (!decision.allowed) return throttled(site, decision);

  CheckedLogin checked = check_login(site, state.username, password);
  if (checked.result == LoginCheck::kBusy) {
    state.error = std::string(kBusyMessage);
    Response r = render_login(site, 503, state);
    r.set_header("Retry-After", "1");
    return r;
  }
  if (checked.result == LoginCheck::kWrong) {
    count_failure(site, request);
    state.error = std::string(kFailureMessage);
    return render_login(site, 401, state);
  }
  const std::optional<RoleCredential>& credential = checked.credential;
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

}  // namespace confsched
