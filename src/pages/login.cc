// /login and /logout.

#include <algorithm>

#include "auth/crypto.h"
#include "auth/device_token.h"
#include "auth/login_budget.h"
#include "http/cookie.h"
#include "http/local_path.h"
#include "pages/pages.h"
#include "site/site.h"
#include "store/errors.h"
#include "util/log.h"
#include "util/translate.h"

namespace confsched {

namespace {

constexpr std::string_view kDefaultTarget = "/schedule";
constexpr std::string_view kFailureMessage =
    tr_mark("That user name and password do not match. Please check both and try again.");

constexpr std::string_view kBusyMessage =
    tr_mark("The site is busy checking other logins. Please try again in a moment.");

struct LoginFormState {
  std::string next;
  std::string username;
  std::string error;  // empty: no message
};

Response render_login(Site& site, int status, const LoginFormState& state) {
  std::string body = site.templates().render(
      site.frame(tr("Log in"), false), "login.tpl", [&](ctemplate::TemplateDictionary& d) {
        if (!state.error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", state.error);
        auto* form = d.AddIncludeDictionary("LOGIN_FORM");
        form->SetFilename("login_form.tpl");
        form->SetValue("NEXT", state.next);
        form->SetValue("USERNAME", state.username);
      });
  return html_response(status, std::move(body), cache_control::kNoStore);
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

// Whose password a login checks: a shared login's, or a staff member's
// (person not 0).
struct Account {
  Role role = Role::kDelegate;
  int64_t person = 0;
  std::string password_hash;
  uint64_t epoch = 0;
};

struct CheckedLogin {
  LoginCheck result = LoginCheck::kWrong;
  std::optional<Account> account;
};

// What the throttle makes of one login attempt (README "Brute force").
struct Attempt {
  // The role the user name names; delegate for an unknown name (see
  // auth/login_budget.h).
  Role role = Role::kDelegate;
  std::optional<DeviceClaims> device;  // a valid device cookie
  LoginBudget budget;                  // whose failures it spends
  // A valid staff session: staff may log in again (as staff or delegate)
  // whatever the throttle says, and their attempts count against nobody.
  bool exempt = false;
  // May use the Argon2id slot kept beyond [login] argon2_slots.
  bool trusted() const { return exempt || budget.trusted; }
};

bool has_staff_session(Site& site, const Request& request) {
  try {
    return site.signed_in_role(request) == Role::kStaff;
  } catch (const DbUnavailable&) {
    return false;  // no role epochs known yet: the attempt is throttled as any
  }
}

// The role whose budget an attempt spends: a staff member's name spends the
// staff one (from the roster held: no database before the throttle).
Role budget_role(Site& site, std::string_view username) {
  if (auto role = role_for_user(site.config(), username)) return *role;
  try {
    if (site.staff_member_named(username, false)) return Role::kStaff;
  } catch (const DbUnavailable&) {
    // No roster known yet: counted as an unknown name.
  }
  return Role::kDelegate;
}

Attempt classify(Site& site, const Request& request, std::string_view username) {
  Attempt a;
  a.role = budget_role(site, username);
  a.device = site.device_claims(request);
  a.budget = login_budget(a.role, a.device ? &*a.device : nullptr, request.remote_addr);
  a.exempt = has_staff_session(site, request);
  return a;
}

// The account a user name names, read afresh (a password changed a moment
// ago counts): the delegate login, a staff member, or the shared staff
// login while nobody has a login of their own (README "Staff logins").
std::optional<Account> account_for(Site& site, std::string_view username) {
  std::optional<Role> role = role_for_user(site.config(), username);
  if (role != Role::kDelegate) {
    // Names that are a shared login's cannot be given to a person
    // (admin/people_pages.cc), so this finds none for them.
    if (auto person = site.staff_member_named(username, true))
      return Account{Role::kStaff, person->id, person->password_hash, person->epoch};
    if (role == Role::kStaff && !site.staff_roster().empty()) return std::nullopt;
  }
  if (!role) return std::nullopt;
  std::optional<RoleCredential> credential = site.credential(*role);
  if (!credential) return std::nullopt;  // no password set yet
  return Account{*role, 0, credential->password_hash, credential->epoch};
}

// Checks the password. Every failure costs one full Argon2id verification,
// whether the user name, the password or both were wrong; a password any
// worker verified before costs one HMAC. A full verification runs only with
// a slot of the shared Argon2id cap (kBusy when none is free), so a flood of
// wrong passwords from many addresses can neither take every worker nor more
// than (slots + 1) x 19 MiB of memory. Trusted attempts may take one slot
// beyond argon2_slots, which untrusted ones never can: a flood from
// untrusted addresses cannot keep a known browser's login (the first after
// a restart needs a full check) from being checked.
CheckedLogin check_login(Site& site, const Attempt& attempt, std::string_view username,
                         std::string_view password) {
  // Held in memory too: a login still works while the database is away.
  std::optional<Account> account = account_for(site, username);
  // What an unknown name is checked against, at the same cost as a known
  // one; nobody can log in before the delegate password is set.
  std::optional<RoleCredential> decoy;
  if (!account) {
    decoy = site.credential(Role::kDelegate);
    if (!decoy) return {};
  }
  const std::string& hash = account ? account->password_hash : decoy->password_hash;
  if (account && site.verifier().remembers(account->role, hash, password))
    return {LoginCheck::kRight, std::move(account)};
  // 0 only outside `serve` (the master resolves it): one process, one slot.
  // No waiting for a slot: a worker parked here could serve nobody, and a
  // flood from many addresses would park them all. The correct password
  // needs a slot only once per server run (VerifiedMemory); a login that
  // meets a busy moment is asked to try again.
  size_t slots = std::max(1u, site.config().argon2_slots) + (attempt.trusted() ? 1 : 0);
  Argon2Ticket ticket = site.login_guard().try_argon2(slots);
  if (!ticket) return {LoginCheck::kBusy, std::nullopt};
  if (!account) {
    verify_password_slow(hash, password);
    return {};
  }
  if (!site.verifier().verify(account->role, hash, password)) return {};
  return {LoginCheck::kRight, std::move(account)};
}

// 429 before any password is looked at. A throttled budget is refused
// even when it now sends the right password: if a right password got in
// while wrong ones got 429, the answer would tell a guesser which guess was
// right and the throttle would only slow the search down to one request.
Response throttled(Site& site, const ThrottleDecision& decision) {
  Response r = site.error_page(429);
  r.set_header("Retry-After", std::to_string(std::max<uint32_t>(decision.retry_after_s, 1)));
  return r;
}

// Who a log line names: the address, and for a trusted attempt the start
// of the device id (enough to tell devices apart; the id alone opens
// nothing, the MAC is what a cookie needs).
std::string who(const Request& request, const Attempt& attempt) {
  std::string address = request.remote_addr.substr(0, 64);
  if (!attempt.budget.trusted) return address;
  return "device " + attempt.budget.id.substr(0, 8) + " at " + address;
}

// Counts a failed or busy attempt against its budget. Successes never
// count and never reset the count: a delegate who knows the delegate
// password could otherwise interleave good logins to guess the staff one
// freely. A busy answer counts because it is the cheapest answer to
// provoke: a flood from many addresses that keeps every slot busy must
// still get each of its addresses blocked.
void count_failure(Site& site, const Request& request, const Attempt& attempt) {
  if (attempt.exempt) return;
  const ThrottlePolicy& policy = site.config().login_throttle;
  auto recorded = site.login_guard().record_failure(attempt.budget, policy);
  if (!recorded.outcome.became_blocked) return;
  std::string role(role_name(attempt.role));
  std::string blocked = "refused for " + std::to_string(recorded.outcome.block_s) + " s (block " +
                        std::to_string(recorded.outcome.state.strikes) + ")";
  if (recorded.overflow)
    log_warning("login throttled: the table bucket of " + who(request, attempt) + " (" + role +
                ") is full of blocked entries, and its shared counter had " +
                std::to_string(policy.max_failures) + " failed or busy logins; every " +
                (attempt.budget.trusted ? "device" : "address") +
                " without a slot of its own in that bucket is " + blocked);
  else
    log_warning("login throttled: " + who(request, attempt) + " (" + role + ") had " +
                std::to_string(policy.max_failures) + " failed or busy logins within " +
                std::to_string(policy.window_s) + " s; " + blocked);
}

// The device cookie after a successful attempt: the browser's id when it
// sent a valid one (so its failure counts stay its own), else a new one,
// with the attempt's role added, for another year.
std::string device_set_cookie(Site& site, const Request& request, const Attempt& attempt) {
  DeviceClaims claims = attempt.device.value_or(DeviceClaims{new_device_id()});
  claims.add(attempt.role);
  claims.expires_at = site.now() + kDeviceCookieSeconds;
  return set_cookie_value(device_cookie_name(request), sign_device_token(claims, site.secret()),
                          kDeviceCookieSeconds, request.https);
}

// form: read and checked by dispatch (kLoginFormKeys), after it refused a
// cross-site post (the row's same_site).
Response login_post(Site& site, const Request& request, const FormFields* form) {
  LoginFormState state;
  state.next = local_path_or(form->get("next").value_or(""), kDefaultTarget);
  state.username = std::string(form->get("username").value_or(""));
  std::string_view password = form->get("password").value_or("");

  const Attempt attempt = classify(site, request, state.username);
  if (!attempt.exempt) {
    ThrottleDecision decision =
        site.login_guard().check(attempt.budget, site.config().login_throttle);
    if (!decision.allowed) return throttled(site, decision);
  }

  CheckedLogin checked = check_login(site, attempt, state.username, password);
  if (checked.result == LoginCheck::kBusy) {
    count_failure(site, request, attempt);
    state.error = tr(kBusyMessage);
    Response r = render_login(site, 503, state);
    r.set_header("Retry-After", "1");
    return r;
  }
  if (checked.result == LoginCheck::kWrong) {
    count_failure(site, request, attempt);
    state.error = tr(kFailureMessage);
    return render_login(site, 401, state);
  }
  // Right: the user name named this account.
  const Account& account = *checked.account;
  Response r = redirect_303(state.next);
  r.add_header("Set-Cookie",
               site.session_set_cookie(request, account.role, account.epoch, account.person));
  r.add_header("Set-Cookie", device_set_cookie(site, request, attempt));
  return r;
}

Response render_logout(Site& site) {
  std::string body = site.templates().render(site.frame(tr("Log out"), false), "logout.tpl",
                                             [](ctemplate::TemplateDictionary&) {});
  return html_response(200, std::move(body), cache_control::kNoStore);
}

}  // namespace

Response login_page(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return login_post(site, request, params.form);
  LoginFormState state;
  state.next = local_path_or(request.query.get("next").value_or(""), kDefaultTarget);
  return render_login(site, 200, state);
}

// Only a POST logs out; a GET shows the button that sends one. A GET must
// change nothing: an abstract's Markdown may embed /logout as an image,
// and everyone who opened that session would be logged out (and, through
// the service worker, lose their offline copies). The post carries no CSRF
// token (the button sits in every page's frame, cached pages included), so
// a cross-site one is refused by its Origin instead (the row's same_site,
// applied by dispatch). The device cookie
// stays: it opens nothing, and it is what lets this browser log in again
// while its address is throttled.
Response logout(Site& site, const Request& request, const RouteParams&) {
  if (request.method != "POST") return render_logout(site);
  Response r = redirect_303("/");
  r.add_header("Set-Cookie", set_cookie_value(session_cookie_name(request), "", 0, request.https));
  return r;
}

}  // namespace confsched
