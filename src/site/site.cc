#include "site/site.h"

#include <algorithm>
#include <ctime>
#include <set>

#include "auth/crypto.h"
#include "http/cookie.h"
#include "http/multipart.h"
#include "util/log.h"
#include "util/translate.h"

namespace confsched {

namespace {

struct ErrorText {
  std::string heading;
  std::string message;
};

ErrorText error_text(int status) {
  switch (status) {
    case 400:
      return {tr("Bad request"),
              tr("The request could not be understood: it held malformed or invalid characters.")};
    case 403:
      return {tr("Not allowed"), tr("This request was refused: staff pages need the staff login, "
                                    "and forms must be sent from "
                                    "this site's own pages.")};
    case 404:
      return {tr("Page not found"), tr("There is no page at this address.")};
    case 405:
      return {tr("Method not allowed"), tr("This page cannot be used that way.")};
    case 409:
      return {tr("Not saved"), tr("Someone else saved at the same moment, so this was not saved. "
                                  "Open the page again to see their change, then repeat yours.")};
    case 413:
      // The limits of web/router.cc's rows: kMaxBodyBytes,
      // kMaxSessionFormBodyBytes, kMaxUploadFileBytes.
      return {tr("Too large"),
              tr("The request was larger than this site accepts: 64 KiB for most forms, about "
                 "950 KiB for a session's form, and a schedule file of up to 4 MiB on the import "
                 "page.")};
    case 415:
      return {tr("Unsupported form"),
              tr("The form was sent in an encoding this site does not accept.")};
    case 429:
      return {tr("Too many failed logins"),
              tr("Too many logins with a wrong user name or password came from your network. "
                 "Please wait a few minutes before trying again.")};
    case 503:
      return {tr("Temporarily unavailable"), tr("The schedule database is unavailable at the "
                                                "moment. Please try again in a few seconds.")};
    default:
      return {
          tr("Something went wrong"),
          tr("The page could not be shown because of an error on our side. It has been logged.")};
  }
}

}  // namespace

std::string event_local_now(Site& site, const EventInfo& event) {
  return format_civil(site.event_zone(event.time_zone).local_time(site.now()));
}

int64_t system_wall_clock() { return static_cast<int64_t>(std::time(nullptr)); }

Site::Site(const Config& config, std::string secret, const Templates& templates, Database& db,
           WallClock clock)
    : config_(config),
      secret_(std::move(secret)),
      templates_(templates),
      db_(db),
      own_source_(std::make_unique<DatabaseSource>(db)),
      source_(own_source_.get()),
      own_staff_(std::make_unique<DatabaseStaffStore>(db)),
      staff_(own_staff_.get()),
      clock_(std::move(clock)) {}

Site::Site(const Config& config, std::string secret, const Templates& templates, Database& db,
           DataSource& source, StaffStore& staff, WallClock clock)
    : config_(config),
      secret_(std::move(secret)),
      templates_(templates),
      db_(db),
      source_(&source),
      staff_(&staff),
      clock_(std::move(clock)) {}

void Site::ask_data_version_within(std::chrono::milliseconds max_age) {
  // While the database is away, every caller would wait for it in turn:
  // the usual interval stands then.
  if (state_check_failed_) return;
  if (std::chrono::steady_clock::now() - state_checked_ > max_age) state_checked_ = {};
}

Response Site::error_page(int status, const std::string& message) {
  ErrorText text = error_text(status);
  if (!message.empty()) text.message = message;
  std::string body;
  try {
    body = templates_.render(held_frame(text.heading, false), "error.tpl",
                             [&](ctemplate::TemplateDictionary& d) {
                               d.SetValue("HEADING", text.heading);
                               d.SetValue("MESSAGE", text.message);
                             });
  } catch (const std::exception& e) {
    // The error page itself failed: plain text is still better than nothing.
    log_error(std::string("error page failed: ") + e.what());
    Response r;
    r.status = status;
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    r.set_header("Cache-Control", cache_control::kNoStore);
    r.body = std::string(text.heading) + "\n" + text.message + "\n";
    return r;
  }
  Response r = html_response(status, std::move(body), cache_control::kNoStore);
  if (status == 503) r.set_header("Retry-After", "5");
  return r;
}

// A staff form that could not be saved because the database was away comes
// back as a form holding every field as sent, ready to be sent again:
// nothing typed is lost, whichever admin page it was. (The session editor
// does better and shows its own form; see admin_pages.cc.) The CSRF token
// and the row's version travel along unchanged, so a resend is checked
// exactly like the first send.
Response Site::resend_page(const Request& request, ResendReason reason) {
  const bool conflict = reason == ResendReason::kConflict;
  const int status = conflict ? 409 : 503;
  // A file upload cannot be put back into a form: the page says nothing
  // was saved, and the file is chosen again. (Read as urlencoded, its
  // body would parse into nonsense fields.)
  if (is_multipart_form(request.content_type)) return error_page(status);
  auto form = parse_urlencoded(request.body);
  if (!form) return error_page(status);
  static const std::set<std::string> kHidden = {"csrf", "revision", "version", "action", "id"};
  std::string body = templates_.render(
      held_frame(tr("Nothing was saved"), true), "resend.tpl",
      [&](ctemplate::TemplateDictionary& d) {
        d.ShowSection(conflict ? "CONFLICT" : "UNAVAILABLE");
        d.SetValue("ACTION", request.path);
        for (const auto& [name, value] : form->all()) {
          // A password is never written back into a page.
          if (name.find("password") != std::string::npos) continue;
          bool hidden = kHidden.count(name) > 0;
          auto* field = d.AddSectionDictionary(hidden ? "HIDDEN" : "TYPED");
          field->SetValue("NAME", name);
          field->SetValue("VALUE", value);
          if (!hidden) field->SetIntValue("ROWS", value.find('\n') == std::string::npos ? 1 : 6);
        }
      });
  Response r = html_response(status, std::move(body), cache_control::kNoStore);
  if (!conflict) r.set_header("Retry-After", "5");
  return r;
}

const DataState& Site::data_state() {
  auto now = std::chrono::steady_clock::now();
  if (state_ && now - state_checked_ < std::chrono::milliseconds(config_.version_check_ms))
    return *state_;
  try {
    state_ = source_->data_state();
    state_checked_ = now;
    state_check_failed_ = false;
  } catch (const DbUnavailable&) {
    if (!state_) throw;
    // Keep serving what we know (cached pages, valid sessions, the held
    // programme); ask again after the usual interval.
    state_checked_ = now;
    state_check_failed_ = true;
    return *state_;
  }
  // A password changed: re-read the held credential now, so that a login
  // during a later outage checks the new password and issues a cookie of
  // the new epoch.
  for (Role role : {Role::kDelegate, Role::kStaff}) {
    std::optional<RoleCredential>& held = held_credential(role);
    if (held && held->epoch != state_->epoch_for(role)) {
      try {
        held = source_->credential(role);
      } catch (const DbUnavailable&) {
        // Re-read by the next login, or after the next version check.
      }
    }
  }
  // The same for the staff roster: a worker that learns of a change (say
  // the last person removed, which turns the shared staff login back on)
  // holds the roster of that version before the database can go away, so
  // that staff cookies are judged right through an outage.
  if (roster_ && roster_version_ != state_->staff_roster_version) {
    try {
      roster_ = source_->staff_roster();
      roster_version_ = state_->staff_roster_version;
    } catch (const DbUnavailable&) {
      // Loaded on next use.
    }
  }
  return *state_;
}

// The loaders below share one rule: the database is asked when what is held
// is missing or older than the current key; if it is unavailable, what is
// held stands (counted in stale_answers) and only a worker that holds
// nothing yet answers 503.
template <typename T, typename Key, typename Load>
const T& Site::current(std::optional<T>& held, Key& held_key, const Key& key, Load&& load) {
  if (held && held_key == key) return *held;
  try {
    held = load();
    held_key = key;
  } catch (const DbUnavailable&) {
    if (!held) throw;
    ++stale_answers_;
  }
  return *held;
}

const EventInfo& Site::event() {
  return current(event_, event_version_, data_state().data_version, [&] {
    auto loaded = source_->event();
    if (!loaded) throw NotSeeded();
    return std::move(*loaded);
  });
}

const Programme& Site::programme() {
  return current(programme_, programme_version_, data_state().data_version, [&] {
    auto loaded = source_->programme();
    if (!loaded) throw NotSeeded();
    return std::move(*loaded);
  });
}

const std::vector<AuditEntry>& Site::changes() {
  return current(changes_, changes_version_, data_state().data_version,
                 [&] { return source_->changes(kMaxChanges); });
}

std::vector<int64_t> Site::recently_changed() {
  const int64_t since = now() - int64_t{config_.changed_hours} * 3600;
  std::vector<int64_t> ids;
  const std::vector<AuditEntry>* entries = nullptr;
  try {
    entries = &changes();
  } catch (const DbUnavailable&) {
    // The badges are a nicety: a worker that never loaded the audit log
    // still serves /schedule through an outage, without them, and does
    // not keep that page.
    ++stale_answers_;
    return ids;
  }
  // Newest first: stop at the first row older than the window.
  for (const AuditEntry& e : *entries) {
    if (e.changed_unix < since) break;
    ids.push_back(e.session_id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

const TimeZone& Site::event_zone(const std::string& name) {
  if (!zone_ || zone_name_ != name) {
    zone_ = TimeZone::load(name);
    if (!zone_)
      throw std::runtime_error("the event's time zone \"" + name +
                               "\" is not in the system's tz database");
    zone_name_ = name;
  }
  return *zone_;
}

const std::vector<ShownAnnouncement>& Site::shown_announcements() {
  return current(announcements_, announcements_key_, pages_key(),
                 [&] { return source_->shown_announcements(); });
}

std::optional<RoleCredential> Site::credential(Role role) {
  std::optional<RoleCredential>& held = held_credential(role);
  try {
    held = source_->credential(role);
  } catch (const DbUnavailable&) {
    if (!held) throw;
    log_warning(std::string("database unavailable: checking the ") + std::string(role_name(role)) +
                " login against the credential held in memory");
  }
  return held;
}

void Site::warm_up() {
  try {
    data_state();
    credential(Role::kDelegate);
    credential(Role::kStaff);
    staff_roster();
    event();
    programme();
    changes();
    shown_announcements();
  } catch (const std::exception& e) {
    log_warning(std::string("worker starts without the data in memory (loaded on first use): ") +
                e.what());
  }
}

std::pair<uint64_t, uint64_t> Site::pages_key() {
  const DataState& state = data_state();
  return {state.data_version, state.announcement_clock};
}

std::string Site::pages_version() {
  auto [version, announcements] = pages_key();
  return std::to_string(version) + "." + std::to_string(announcements);
}

PageFrame Site::shared_frame(const std::string& title, const std::string& site_name) {
  PageFrame frame = page_frame(title, true, site_name);
  frame.pages_version = pages_version();
  return frame;
}

std::string Site::current_etag(const std::string& variant) {
  std::string tag = "\"v" + pages_version() + "-" + templates_.digest();
  if (!variant.empty()) tag += "-" + sha256_hex(variant).substr(0, 12);
  return tag + "\"";
}

std::string session_cookie_name(const Request& request) {
  return std::string(session_cookie_name(request.https));
}

std::string device_cookie_name(const Request& request) {
  return request.https ? "__Host-confsched_device" : "confsched_device";
}

std::string Site::session_set_cookie(const Request& request, Role role, uint64_t epoch,
                                     int64_t person) const {
  const int64_t lifetime = int64_t{config_.session_hours} * 3600;
  SessionClaims claims{role, now() + lifetime, epoch, person};
  return set_cookie_value(session_cookie_name(request), sign_session(claims, secret_), lifetime,
                          request.https);
}

std::optional<DeviceClaims> Site::device_claims(const Request& request) const {
  auto token = find_cookie(request.cookie_header, device_cookie_name(request));
  if (!token) return std::nullopt;
  return verify_device_token(*token, secret_, now());
}

std::optional<SessionClaims> Site::signed_in(const Request& request) {
  if (request.session_token.empty()) return std::nullopt;
  auto claims = verify_session(request.session_token, secret_, now());
  if (!claims) return std::nullopt;
  if (claims->person != 0) {
    // A person's epoch moves when their password changes, and they leave
    // the roster when removed: only their own cookies die.
    if (!current_person(claims->person, claims->epoch)) return std::nullopt;
    return claims;
  }
  // The epoch moves when the role's password changes: older cookies die.
  if (!epoch_is_current(claims->role, claims->epoch)) return std::nullopt;
  // The shared staff login is off once personal logins exist (README
  // "Staff logins"): its cookies die with the first person added.
  if (claims->role == Role::kStaff && !staff_roster().empty()) return std::nullopt;
  return claims;
}

std::optional<Role> Site::signed_in_role(const Request& request) {
  auto claims = signed_in(request);
  if (!claims) return std::nullopt;
  return claims->role;
}

std::optional<StaffIdentity> Site::staff_identity(const Request& request) {
  auto claims = signed_in(request);
  if (!claims || claims->role != Role::kStaff) return std::nullopt;
  if (claims->person == 0)
    return StaffIdentity{0, std::string(kSharedStaffName), StaffRole::kAdmin};
  const StaffMember* m = current_person(claims->person, claims->epoch);
  if (!m) return std::nullopt;
  return StaffIdentity{m->id, m->name, m->role};
}

const std::vector<StaffMember>& Site::staff_roster() {
  return current(roster_, roster_version_, data_state().staff_roster_version,
                 [&] { return source_->staff_roster(); });
}

const StaffMember* Site::current_person(int64_t person, uint64_t epoch) {
  auto find = [&]() -> const StaffMember* {
    for (const StaffMember& m : staff_roster())
      if (m.id == person) return m.epoch == epoch ? &m : nullptr;
    return nullptr;
  };
  // An epoch is the roster version the person's password was set under
  // (sql/007): one newer than the roster held was set after this worker's
  // last look, so ask now, as epoch_is_current does. An epoch the roster
  // held already covers (a removed person, an old password) costs nothing.
  if (epoch > roster_version_) state_checked_ = {};
  if (const StaffMember* m = find()) return m;
  if (epoch > roster_version_) {
    try {
      auto primary_state = source_->data_state_from_primary();
      auto primary_roster = source_->staff_roster_from_primary();
      if (primary_state && primary_roster) {
        state_ = *primary_state;
        roster_ = std::move(*primary_roster);
        roster_version_ = primary_state->staff_roster_version;
      }
    } catch (const DbUnavailable&) {
      // The replica's roster stands: the cookie works once it catches up.
    }
    return find();
  }
  return nullptr;
}

std::optional<StaffMember> Site::staff_member_named(std::string_view name, bool fresh) {
  const std::string key = staff_login_key(name);
  std::vector<StaffMember> roster;
  try {
    roster = fresh ? source_->staff_roster() : staff_roster();
  } catch (const DbUnavailable&) {
    // A login during an outage checks the roster held in memory (none
    // held: nobody can log in by name until the database is back).
    if (!roster_) throw;
    roster = *roster_;
  }
  // Every name is compared, in constant time, so that how long a login
  // takes does not tell which names exist.
  std::optional<StaffMember> found;
  for (StaffMember& m : roster)
    if (constant_time_equal(staff_login_key(m.name), key) && !found) found = std::move(m);
  return found;
}

bool Site::epoch_is_current(Role role, uint64_t epoch) {
  if (epoch == 0) return false;
  // A token of a newer epoch than this worker knows was issued after a
  // password change it has not seen yet (its last version check predates
  // it): ask now, rather than refuse a valid cookie for up to
  // version_check_ms. Only a token signed with our key gets here, so this
  // costs at most one query per password change and worker.
  if (epoch > data_state().epoch_for(role)) state_checked_ = {};
  // Still newer: the password change may not have reached the replica
  // yet (a staff member who changed the staff password holds a cookie of
  // the new epoch at once). The primary knows.
  if (epoch > data_state().epoch_for(role)) {
    try {
      if (auto primary = source_->data_state_from_primary()) state_ = *primary;
    } catch (const DbUnavailable&) {
      // The replica's state stands: the cookie works once it catches up.
    }
  }
  return epoch == data_state().epoch_for(role);
}

std::string Site::session_token(const Request& request) const { return request.session_token; }

namespace {
// The frame's site name while there is no event to name.
constexpr std::string_view kGenericSiteName = tr_mark("Conference schedule");
}  // namespace

PageFrame Site::frame(const std::string& title, bool signed_in) {
  std::string site_name = tr(kGenericSiteName);
  try {
    site_name = event().name;
  } catch (const NotSeeded&) {
    // No event yet: the page shows under the generic name.
  } catch (const DbUnavailable&) {
    // None ever loaded and the database away: the login page, the logout
    // page and a staff form kept through the outage still show.
  }
  return page_frame(title, signed_in, site_name);
}

PageFrame Site::held_frame(const std::string& title, bool signed_in) const {
  return page_frame(title, signed_in, event_ ? event_->name : tr(kGenericSiteName));
}

PageFrame page_frame(const std::string& title, bool signed_in, const std::string& site_name) {
  PageFrame frame;
  frame.title = title == site_name ? title : title + " · " + site_name;
  frame.site_name = site_name;
  frame.signed_in = signed_in;
  return frame;
}

}  // namespace confsched
