// What one worker process knows while it serves requests: configuration,
// templates, its database connection, the data version it last saw, the
// programme, announcements and credentials it last loaded, and the pages it
// rendered for that version. Not thread-safe: one per worker.
//
// When the database goes away, what a worker holds keeps delegates served:
// the last known data state (so cookies stay valid), the last programme and
// announcements (so every delegate page can still be rendered, visited
// before or not) and both credentials (so delegates can still log in).
// warm_up() loads all of it when the worker starts, before any request.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "auth/device_token.h"
#include "auth/login_guard.h"
#include "auth/password.h"
#include "auth/session_token.h"
#include "config/config.h"
#include "http/request.h"
#include "http/response.h"
#include "site/data_source.h"
#include "site/database_source.h"
#include "site/database_staff_store.h"
#include "site/page_cache.h"
#include "site/staff_store.h"
#include "site/templates.h"
#include "store/announcement_store.h"
#include "store/credentials.h"
#include "store/database.h"
#include "store/history_store.h"
#include "store/programme.h"
#include "util/server_stats.h"
#include "util/time_zone.h"

namespace confsched {

// Seconds since the epoch; tests may substitute their own.
using WallClock = std::function<int64_t()>;
int64_t system_wall_clock();

enum class ResendReason { kUnavailable, kConflict };

class Site {
 public:
  // Delegate data from db (DatabaseSource), as a worker serves it.
  Site(const Config& config, std::string secret, const Templates& templates, Database& db,
       WallClock clock = system_wall_clock);
  // Delegate data from source and staff data from staff instead
  // (tests/golden/: a fixed programme, no database server); db serves
  // only the import and /_status.
  Site(const Config& config, std::string secret, const Templates& templates, Database& db,
       DataSource& source, StaffStore& staff, WallClock clock = system_wall_clock);
  Site(const Site&) = delete;
  Site& operator=(const Site&) = delete;

  // An HTML error page for status (400, 403, 404, 405, 413, 415, 429, 500,
  // 503).
  // message, when given, replaces the status's standard sentence (a 400
  // that says which filter value is wrong).
  Response error_page(int status, const std::string& message = {});
  // A staff form that was not saved, with the fields as sent in a form
  // that sends them again: 503 when the database was not there to save it,
  // 409 when another save at the same moment kept winning
  // (web/request_boundary.cc).
  Response resend_page(const Request& request, ResendReason reason);

  // --- for page handlers ---
  const Config& config() const { return config_; }
  // The address links that leave the page start with (a calendar
  // subscription, a share link, its QR code): Config::public_url when set,
  // else the origin this request came to.
  std::string public_origin(const Request& request) const {
    return config_.public_url.empty() ? request.own_origin() : config_.public_url;
  }
  const std::string& secret() const { return secret_; }
  const Templates& templates() const { return templates_; }
  // What staff pages read and write (the primary: a staff member sees
  // their own save at once, whatever a replica has caught up with).
  StaffStore& staff() { return *staff_; }
  // The primary itself: for the import, which writes through import/, and
  // for /_status's probe.
  Database& db() { return db_; }
  // Delegate data (data state, credentials, event, programme, changes,
  // announcements) is read from replica from now on, falling back to the
  // primary while it is unavailable (store/read_route.h).
  void read_from_replica(Database& replica, std::chrono::seconds retry_after) {
    if (own_source_) own_source_->use_replica(replica, retry_after);
  }
  PasswordVerifier& verifier() { return verifier_; }
  // The login throttle and Argon2id cap. A Site starts with one of its
  // own (enough for one process: tools, tests); the worker replaces it at
  // start-up with the master's, which every worker shares.
  LoginGuard& login_guard() { return *login_guard_; }
  void share_login_guard(LoginGuard& shared) {
    login_guard_ = &shared;
    verifier_.share(shared.verified_memory());
  }
  int64_t now() const { return clock_(); }
  // The counters /_status reports. A Site starts with its own; the worker
  // replaces it with the master's, shared by every worker.
  ServerStats& stats() { return *stats_; }
  void share_stats(ServerStats& shared) { stats_ = &shared; }

  // The data version and role epochs, asked of the database at most every
  // version_check_ms. When the database is down the last known state
  // stands; throws DbUnavailable only if none was ever known.
  const DataState& data_state();
  // The next data_state() asks the database if the last ask is older than
  // max_age (instead of version_check_ms), unless it found the database
  // unavailable.
  void ask_data_version_within(std::chrono::milliseconds max_age);
  // The event, reloaded when the data version moves. Throws DbUnavailable
  // only if none was ever loaded (else the last one stands, counted in
  // stale_answers()); NotSeeded (a 503 with its own message) when the
  // database has no event.
  const EventInfo& event();
  // Everything delegate pages show (bios and materials included) for the
  // current data version: one load per version per worker, shared by
  // /schedule and every /session/<id>. Same fallback as event().
  const Programme& programme();
  // The announcements showing, for the current pages_key(). Same fallback.
  const std::vector<ShownAnnouncement>& shown_announcements();
  // The newest audit rows of sessions (kMaxChanges), for the current data
  // version (every audited write bumps it). Same fallback as event().
  const std::vector<AuditEntry>& changes();
  static constexpr int64_t kMaxChanges = 500;
  // Ids of sessions with an audit row newer than [pages] changed_hours,
  // ascending: the "changed" badges on /schedule. Depends on the clock as
  // well as the data version.
  std::vector<int64_t> recently_changed();
  // The event's time zone, read from the system tz database once per zone
  // name. Throws std::runtime_error for a zone the database lacks.
  const TimeZone& event_zone(const std::string& name);
  // A role's stored credential, read afresh from the database (a password
  // change counts at once); while the database is unavailable, the last one
  // read. Throws DbUnavailable only if none was ever read.
  std::optional<RoleCredential> credential(Role role);
  // Loads the data state, both credentials, the event, the programme and
  // the announcements, so that the worker can serve delegates from memory
  // even if the database goes away before its first request. Never throws:
  // whatever cannot be had now is loaded on first use.
  void warm_up();
  // How many times, since the worker started, a loader above answered with
  // data older than the current data version because the database was
  // unavailable when the version moved. A page whose render moved it was
  // made from such data and must be neither kept nor given the current
  // ETag, or it would outlive the outage: dispatch compares it before and
  // after a render. A count of the worker's life, not a flag of a request,
  // so that Site keeps nothing between one request's start and end.
  uint64_t stale_answers() const { return stale_answers_; }
  // The ETag every cacheable page carries for the current data version
  // and set of announcements showing; with a variant (router.h), a digest
  // of it too.
  std::string current_etag(const std::string& variant = {});

  // The role of a valid session cookie, if any.
  std::optional<Role> signed_in_role(const Request& request);
  // The claims of a valid session cookie, if any: a MAC of ours, not
  // expired, of the current epoch of its role or person, and for the
  // shared staff login only while no staff member exists.
  std::optional<SessionClaims> signed_in(const Request& request);
  // Who a valid staff cookie belongs to: the person with their current
  // name and role, or the shared staff login. nullopt for anyone else.
  std::optional<StaffIdentity> staff_identity(const Request& request);
  // The staff members, reloaded when the roster version moves (same
  // fallback as event()).
  const std::vector<StaffMember>& staff_roster();
  // The person a login names (staff_login_key), if any: read afresh from
  // the database as credential() is when fresh (to check a password), else
  // from the roster held (to know whose budget an attempt spends, before
  // the throttle lets it near the database).
  std::optional<StaffMember> staff_member_named(std::string_view name, bool fresh);
  // The Set-Cookie value of a new session of role (or of a staff member,
  // when person is not 0) under its epoch, valid for [auth] session_hours.
  std::string session_set_cookie(const Request& request, Role role, uint64_t epoch,
                                 int64_t person = 0) const;
  // The claims of a valid device cookie (auth/device_token.h), if any.
  std::optional<DeviceClaims> device_claims(const Request& request) const;
  // Whether a token's role epoch is the role's current one (a password
  // change moves it on and voids every older cookie and link).
  bool epoch_is_current(Role role, uint64_t epoch);
  // The session token (Request::session_token: what CSRF tokens are bound
  // to), or "".
  std::string session_token(const Request& request) const;
  // The frame (title, site name, nav) of a page. The site name is the
  // event's (loaded like event()), or a generic one when there is no event
  // yet or none can be had; it never fails the page.
  PageFrame frame(const std::string& title, bool signed_in);
  // What cached pages and ETags depend on: the data version, and the
  // announcement clock (an announcement that ends changes no row).
  std::pair<uint64_t, uint64_t> pages_key();
  // pages_key() as text ("7.1"): what /pages-version answers and what the
  // delegate pages carry (PageFrame::pages_version).
  std::string pages_version();
  // The frame of a delegate page that is the same for every delegate: its
  // pages_version is set.
  PageFrame shared_frame(const std::string& title, const std::string& site_name);

  // Rendered pages of the current data version and announcements, by path.
  // With want_gzip, the page's gzip form is made the first time it is
  // asked for and kept beside it: once per page and data version, never
  // once per response.
  const CachedPage* cached_page(const std::string& path, bool want_gzip) {
    const CachedPage* page = pages_.find(pages_key(), path, want_gzip);
    stats_->count_cache(page != nullptr);
    return page;
  }
  // Keeps a fresh render (taking body); nullptr, and body left alone, when
  // it was made from data older than the cache's: the caller then serves
  // it once, uncached.
  const CachedPage* remember_page(const std::string& path, std::string&& body, bool want_gzip) {
    return pages_.store(pages_key(), path, std::move(body), want_gzip);
  }

 private:
  // What is held under held_key, reloaded with load() when key moves on;
  // see site.cc.
  template <typename T, typename Key, typename Load>
  const T& current(std::optional<T>& held, Key& held_key, const Key& key, Load&& load);
  // The frame of an error or resend page: the name of the event held, if
  // any, without asking the database, whose failure the page may report.
  PageFrame held_frame(const std::string& title, bool signed_in) const;

  Config config_;
  std::string secret_;
  const Templates& templates_;
  Database& db_;
  std::unique_ptr<DatabaseSource> own_source_;  // none when the caller gave a source
  DataSource* source_;
  std::unique_ptr<DatabaseStaffStore> own_staff_;  // none when the caller gave a store
  StaffStore* staff_;
  WallClock clock_;
  PasswordVerifier verifier_;
  LoginGuard own_login_guard_;
  LoginGuard* login_guard_ = &own_login_guard_;
  ServerStats own_stats_{system_wall_clock()};
  ServerStats* stats_ = &own_stats_;

  std::optional<DataState> state_;
  std::chrono::steady_clock::time_point state_checked_{};
  bool state_check_failed_ = false;
  std::optional<EventInfo> event_;
  uint64_t event_version_ = 0;
  PageCache pages_;
  std::optional<Programme> programme_;
  uint64_t programme_version_ = 0;
  std::optional<std::vector<AuditEntry>> changes_;
  uint64_t changes_version_ = 0;
  std::optional<TimeZone> zone_;
  std::string zone_name_;
  std::optional<std::vector<StaffMember>> roster_;
  uint64_t roster_version_ = 0;
  // The roster's person with this id and epoch, refreshing the roster
  // first when the epoch is newer than what it holds; nullptr for none.
  const StaffMember* current_person(int64_t person, uint64_t epoch);
  std::optional<std::vector<ShownAnnouncement>> announcements_;
  std::pair<uint64_t, uint64_t> announcements_key_{0, 0};
  std::optional<RoleCredential>& held_credential(Role role) {
    return credentials_[role == Role::kStaff ? 1 : 0];
  }
  // By role: [0] delegate, [1] staff.
  std::optional<RoleCredential> credentials_[2];
  uint64_t stale_answers_ = 0;
};

// The event table is empty: confsched-demo or staff must add one.
struct NotSeeded : std::runtime_error {
  NotSeeded() : std::runtime_error("no event in the database yet") {}
};

// The event's local time now, "YYYY-MM-DD HH:MM:SS".
std::string event_local_now(Site& site, const EventInfo& event);

// The frame of a page whose data, event included, was loaded in one go: the
// site name must come from that same load, not from Site's event (which
// may be one version behind), or a renamed event shows half old, half new.
PageFrame page_frame(const std::string& title, bool signed_in, const std::string& site_name);

// The session cookie's name: "__Host-confsched" over https (the prefix makes
// the browser insist on Secure, Path=/ and no Domain), "confsched" otherwise.
std::string session_cookie_name(const Request& request);
// The device cookie's: "__Host-confsched_device" or "confsched_device".
std::string device_cookie_name(const Request& request);

}  // namespace confsched
