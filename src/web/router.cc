#include "web/router.h"

#include <charconv>
#include <chrono>
#include <string_view>

#include "admin/admin_pages.h"
#include "admin/announcement_pages.h"
#include "admin/checkin_page.h"
#include "admin/day_page.h"
#include "admin/delay_page.h"
#include "admin/display_pages.h"
#include "admin/history_pages.h"
#include "admin/import_page.h"
#include "admin/move_page.h"
#include "admin/people_pages.h"
#include "admin/room_status_page.h"
#include "admin/settings_pages.h"
#include "admin/upstream_page.h"
#include "auth/origin.h"
#include "http/accept_encoding.h"
#include "http/etag.h"
#include "http/percent.h"
#include "model/announcement_form.h"
#include "model/room_status.h"
#include "model/running_late.h"
#include "model/session_form.h"
#include "model/settings_form.h"
#include "model/slot_swap.h"
#include "model/speaker_checkin.h"
#include "model/staff_member.h"
#include "pages/pages.h"
#include "pages/status.h"
#include "site/site.h"
#include "site/staff_post.h"
#include "util/log.h"
#include "web/route_table.h"

namespace confsched {

namespace {

// How old the data version a fill of the front server's cache is rendered
// from may be (dispatch).
constexpr std::chrono::milliseconds kFillVersionAge{50};

constexpr std::string_view kPrivate = cache_control::kPrivateRevalidate;

constexpr Route kRoutes[] = {
    {.path = "/",
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .variant = home_variant,
     .handler = home_page},
    // Public and the same for everybody: the microcache keeps it without a
    // login check, so pages left open can ask often (pages_version.cc).
    {.path = "/pages-version",
     .caching = Caching::kShared,
     .cache_control = cache_control::kRevalidate,
     .type = content_type::kJson,
     .front_cached = true,
     .handler = pages_version},
    // The login form's POST is checked by its Origin (login.cc): there is
    // no session yet to bind a CSRF token to.
    {.path = "/login",
     .methods = kGet | kPost,
     .body = Body::kForm,
     .same_site = true,
     .keys = kLoginFormKeys,
     .handler = login_page},
    // GET shows a button; only a same-site POST logs out (login.cc).
    {.path = "/logout", .methods = kGet | kPost, .same_site = true, .handler = logout},
    {.path = "/schedule",
     .access = Access::kSignedIn,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .variant = schedule_variant,
     .front_cached = true,
     .handler = schedule_page},
    {.path = "/session/",
     .with_id = true,
     .access = Access::kSignedIn,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .front_cached = true,
     .handler = session_page},
    // Who speaks in what (pages/speakers.cc): kept and served like a
    // session page. "/speakers" is an exact path, so "/speakers/" is a 404.
    {.path = "/speakers",
     .access = Access::kSignedIn,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .front_cached = true,
     .handler = speakers_page},
    {.path = "/speaker/",
     .with_id = true,
     .access = Access::kSignedIn,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .front_cached = true,
     .handler = speaker_page},
    // Feeds (pages/feeds.cc). nginx sends them to the app uncached, since a
    // feed token is checked here and not by its auth_request.
    {.path = "/schedule.ics",
     .access = Access::kFeed,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .type = content_type::kCalendar,
     .handler = schedule_ics},
    {.path = "/schedule.json",
     .access = Access::kFeed,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .type = content_type::kJson,
     .handler = schedule_json},
    {.path = "/schedule.xml",
     .access = Access::kFeed,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .type = content_type::kXml,
     .handler = schedule_xml},
    {.path = "/session/",
     .with_id = true,
     .suffix = ".ics",
     .access = Access::kFeed,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .type = content_type::kCalendar,
     .handler = session_ics},
    // One calendar per set of stars: rendered per request, kept nowhere.
    {.path = "/my-sessions.ics",
     .access = Access::kFeed,
     .type = content_type::kCalendar,
     .handler = my_sessions_ics},
    // One page per set of stars: rendered per request, kept nowhere
    // (stars.cc). nginx passes them uncached (its catch-all location).
    {.path = "/stars", .access = Access::kSignedIn, .handler = stars_page},
    // [site] branding files: public (the login page shows the logo), held
    // in memory, named by content hash and kept by browsers for a year
    // (brand.cc). nginx and Apache pass them to the app like any path.
    {.path = "/brand/", .any_name = true, .handler = brand_asset},
    {.path = "/stars/qr.svg",
     .access = Access::kSignedIn,
     .type = content_type::kSvg,
     .handler = stars_qr_code},
    // Per role and epoch (the feed token), so never kept with the data.
    {.path = "/feeds", .access = Access::kSignedIn, .handler = feeds_page},
    {.path = "/now",
     .access = Access::kSignedIn,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .variant = minute_variant,
     .front_cached = true,
     .handler = now_page},
    {.path = "/changes",
     .access = Access::kSignedIn,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .front_cached = true,
     .handler = changes_page},
    // Public in the table: the screen outside a room has no login, and
    // display_variant refuses (403) any request without the room's token
    // before a page is looked up. nginx passes it uncached (the token is
    // checked here, not by its auth_request).
    {.path = "/display/",
     .with_id = true,
     .caching = Caching::kShared,
     .cache_control = kPrivate,
     .variant = display_variant,
     .handler = display_page},
    {.path = "/admin", .access = Access::kStaff, .handler = admin_home},
    // Rooms × time of one day (?day=YYYY-MM-DD): staff only, rendered per
    // request like /admin, so a save shows at once.
    {.path = "/admin/day", .access = Access::kStaff, .handler = admin_day},
    // The session form takes the largest session the schema holds, as a
    // browser encodes it (kMaxSessionFormBodyBytes, model/session_form.h):
    // an imported session must be saveable again. Restore posts only ids
    // and needs no more than the common limit.
    // Before the /admin/session/<id> row, which would take "new" for an id.
    {.path = "/admin/session/new",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .max_body = kMaxSessionFormBodyBytes,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kSessionFormKeys,
     .handler = admin_new_session},
    {.path = "/admin/session/",
     .with_id = true,
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .max_body = kMaxSessionFormBodyBytes,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kSessionFormKeys,
     .handler = admin_session},
    {.path = "/admin/announcements",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kAnnouncementFormKeys,
     .handler = admin_announcements},
    {.path = "/admin/announcements/",
     .with_id = true,
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kAnnouncementFormKeys,
     .handler = admin_announcement},
    {.path = "/admin/session/",
     .with_id = true,
     .suffix = "/history",
     .access = Access::kStaff,
     .handler = admin_history},
    {.path = "/admin/session/",
     .with_id = true,
     .suffix = "/restore",
     .methods = kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kRestoreFormKeys,
     .handler = admin_restore},
    {.path = "/admin/session/",
     .with_id = true,
     .suffix = "/delay",
     .methods = kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kDelayFormKeys,
     .handler = admin_delay},
    {.path = "/admin/session/",
     .with_id = true,
     .suffix = "/move",
     .methods = kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kMoveFormKeys,
     .handler = admin_move},
    {.path = "/admin/event",
     .methods = kGet | kPost,
     .access = Access::kAdmin,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kEventFormKeys,
     .handler = admin_event},
    {.path = "/admin/rooms/status",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kRoomStatusFormKeys,
     .handler = admin_room_status},
    {.path = "/admin/rooms",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kRoomFormKeys,
     .handler = admin_rooms},
    {.path = "/admin/displays",
     .methods = kGet | kPost,
     .access = Access::kAdmin,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kDisplayFormKeys,
     .handler = admin_displays},
    {.path = "/admin/tracks",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kTrackFormKeys,
     .handler = admin_tracks},
    {.path = "/admin/speakers",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kSpeakerFormKeys,
     .handler = admin_speakers},
    {.path = "/admin/speakers/",
     .with_id = true,
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kSpeakerFormKeys,
     .handler = admin_speaker},
    // The info desk's list: arrivals move no data version, so the toggle
    // leaves every delegate page and cache as it is.
    {.path = "/admin/checkin",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kCheckinFormKeys,
     .handler = admin_checkin},
    // Upstream's changes to sessions edited here: take or keep, one tap.
    {.path = "/admin/upstream",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kUpstreamFormKeys,
     .handler = admin_upstream},
    {.path = "/admin/people",
     .methods = kGet | kPost,
     .access = Access::kAdmin,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kPeopleFormKeys,
     .handler = admin_people},
    {.path = "/admin/account",
     .methods = kGet | kPost,
     .access = Access::kStaff,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kAccountFormKeys,
     .handler = admin_account},
    {.path = "/admin/passwords",
     .methods = kGet | kPost,
     .access = Access::kAdmin,
     .body = Body::kForm,
     .csrf = true,
     .db_down = WhenDbDown::kResendForm,
     .keys = kPasswordFormKeys,
     .handler = admin_passwords},
    // A file cannot be put back into a form: when the database is away the
    // page says nothing was saved, and the file is chosen again.
    {.path = "/admin/import",
     .methods = kGet | kPost,
     .access = Access::kAdmin,
     .body = Body::kUpload,
     .max_body = kMaxImportBodyBytes,
     .csrf = true,
     .keys = kImportFormKeys,
     .handler = admin_import},
    {.path = "/_status", .access = Access::kStatus, .handler = status_page},
    {.path = "/_status.json", .access = Access::kStatus, .handler = status_json_page},
    // nginx's auth_request subrequest for cached pages: 204 or 401.
    {.path = "/_auth", .handler = auth_check},
    // nginx's check before it reads a schedule upload's body (the
    // subrequest has the upload's method and no body).
    {.path = "/_auth/upload", .methods = kGet | kPost, .handler = upload_check},
};

}  // namespace

std::span<const Route> route_table() { return kRoutes; }

// /session/abc matches no route: 404, like any unknown path.
const Route* find_route(std::string_view path, RouteParams& params) {
  for (const Route& route : kRoutes) {
    if (route.any_name
            ? path.size() > route.path.size() && path.starts_with(route.path) &&
                  path.find('/', route.path.size()) == std::string_view::npos
            : route_path_matches(path, route.path, route.with_id, route.suffix, params.id))
      return &route;
  }
  return nullptr;
}

namespace {

bool method_allowed(const Route& route, const Request& request) {
  if (request.is_get_like()) return route.methods & kGet;
  if (request.method == "POST") return route.methods & kPost;
  return false;
}

std::string allow_header(const Route& route) {
  std::string allow;
  if (route.methods & kGet) allow = "GET, HEAD";
  if (route.methods & kPost) allow += allow.empty() ? "POST" : ", POST";
  return allow;
}

// Back to the page asked for after the login, its query included (a
// filter, a grid's day, the stars a /stars link carries): the login form
// takes next only when it is a local path (http/local_path.h).
Response to_login(const Request& request) {
  return redirect_303("/login?next=" + percent_encode(request.raw_target, true));
}

// The ETag of a page's gzip form: a strong tag names one representation,
// so the two forms of a page must not share one (RFC 9110 §8.8.3.3).
std::string gzip_etag(const std::string& etag) { return etag.substr(0, etag.size() - 1) + "-gz\""; }

// Pages every delegate shares: answered from the worker's render of the
// current data version, compressed once per version for clients that
// take gzip. Vary tells every cache on the way that the two forms differ.
Response serve_shared(Site& site, const Route& route, const Request& request,
                      const RouteParams& params) {
  // Counted from before the variant, which may read the programme too.
  const uint64_t stale_before = site.stale_answers();
  PageVariant variant;
  if (route.variant) {
    variant = route.variant(site, request, params);
    if (variant.answer) return std::move(*variant.answer);
  }
  const bool gzip = accepts_gzip(request.accept_encoding);
  const std::string etag = site.current_etag(variant.key);
  const std::string served_etag = gzip ? gzip_etag(etag) : etag;
  auto finish = [&](Response r) {
    r.set_header("ETag", served_etag);
    // Kept by a front cache only when current: finish() is never reached
    // by a render from stale data (below), which keeps the handler's own
    // "private" policy, so no front cache stores it.
    set_cache_policy(r, route.cache_control, variant.keep ? request.front_cache : "");
    r.set_header("Vary", "Accept-Encoding");
    return r;
  };
  // Either form's tag proves the client holds this version of the page.
  if (!request.if_none_match.empty() &&
      (if_none_match_matches(request.if_none_match, etag) ||
       if_none_match_matches(request.if_none_match, gzip_etag(etag)))) {
    Response not_modified;
    not_modified.status = 304;
    return finish(std::move(not_modified));
  }
  const std::string cache_key =
      variant.key.empty() ? request.path : request.path + "?" + variant.key;
  const CachedPage* page = variant.keep ? site.cached_page(cache_key, gzip) : nullptr;
  if (!page) {
    Response fresh = route.handler(site, request, params);
    if (fresh.status != 200) return fresh;
    // Rendered from older data while the database was away: served, but not
    // kept, and without the current version's ETag (a browser revalidating
    // with it after the outage would keep the old page).
    if (site.stale_answers() != stale_before) return fresh;
    // A free-text search: each is its own page, so none is kept (a flood
    // of random searches must not push every other page out of the cache).
    if (!variant.keep) return finish(std::move(fresh));
    page = site.remember_page(cache_key, std::move(fresh.body), gzip);
    if (!page) return finish(std::move(fresh));  // older data: served once, as it is
  }
  if (!gzip) return finish(typed_response(200, page->body, route.type, route.cache_control));
  Response r = finish(typed_response(200, page->gzipped, route.type, route.cache_control));
  r.set_header("Content-Encoding", "gzip");
  return r;
}

}  // namespace

bool route_path_matches(std::string_view path, std::string_view prefix, bool with_id,
                        std::string_view suffix, int64_t& id) {
  if (!with_id) return path == prefix;
  if (path.size() < prefix.size() + suffix.size()) return false;
  if (path.substr(0, prefix.size()) != prefix) return false;
  if (path.substr(path.size() - suffix.size()) != suffix) return false;
  return parse_path_id(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()), id);
}

bool parse_path_id(std::string_view text, int64_t& id) {
  if (text.empty() || text.size() > 18 || text[0] == '0') return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(text.data(), text.data() + text.size(), id);
  return r.ec == std::errc();
}

size_t body_limit(std::string_view path) {
  RouteParams params;
  const Route* route = find_route(path, params);
  return route ? route->max_body : kMaxBodyBytes;
}

namespace {

// The route's method and access policy for this request: the answer that
// refuses it (404, 405, 403, the login redirect, a feed's 401/403), or
// nullopt when the handler may run. Needs only the request's head.
std::optional<Response> refusal(Site& site, const Route* route, const Request& request) {
  if (!route) return site.error_page(404);
  if (!method_allowed(*route, request)) {
    Response r = site.error_page(405);
    r.set_header("Allow", allow_header(*route));
    return r;
  }
  if (route->access == Access::kStatus) {
    if (!status_client_allowed(site.config().status_allow, request.remote_addr))
      return site.error_page(403);
  } else if (route->access == Access::kFeed) {
    return refuse_feed(site, request);
  } else if (route->access != Access::kPublic) {
    std::optional<Role> role = site.signed_in_role(request);
    if (!role) return to_login(request);
    if (for_staff(route->access) && *role != Role::kStaff) return site.error_page(403);
    if (route->access == Access::kAdmin) {
      std::optional<StaffIdentity> who = site.staff_identity(request);
      if (!who || !who->is_admin()) return site.error_page(403);
    }
  }
  return std::nullopt;
}

// Reads a POST's body into form (or upload) and points params at it;
// returns the refusal instead when it is not what the row takes: 415 for
// another kind of body, 400 (or the upload reader's 413/415) for a
// malformed one, 403 without the staff session's CSRF token where the row
// asks for it (checked before the fields, so a forged request learns
// nothing of them), 400 naming a field the form does not declare.
std::optional<Response> read_post(Site& site, const Route& route, const Request& request,
                                  std::optional<FormFields>& form,
                                  std::optional<MultipartForm>& upload, RouteParams& params) {
  Response refused;
  std::optional<std::string> problem;
  if (route.body == Body::kUpload) {
    // Only staff upload: the CSRF token is one of the parts.
    upload = checked_staff_upload(site, request, route.max_body, refused);
    if (!upload) return refused;
    params.upload = &*upload;
    params.form = &upload->fields;
    std::vector<std::string> part_names;
    for (const UploadedFile& file : upload->files) part_names.push_back(file.name);
    problem = file_key_problem(part_names, route.keys);
  } else {
    if (!is_urlencoded_type(request.content_type)) return site.error_page(415);
    if (route.csrf) {
      form = checked_staff_post(site, request, refused);
      if (!form) return refused;
    } else {
      form = parse_urlencoded(request.body);
      if (!form) return site.error_page(400);
    }
    params.form = &*form;
  }
  if (!problem) problem = form_key_problem(*params.form, route.keys, route.csrf ? "csrf" : "");
  if (problem) return site.error_page(400, *problem);
  return std::nullopt;
}

}  // namespace

std::optional<Response> refuse_before_body(Site& site, const Request& head) {
  RouteParams params;
  return refusal(site, find_route(head.path, params), head);
}

Response dispatch(Site& site, const Request& request) {
  RouteParams params;
  const Route* route = find_route(request.path, params);
  if (std::optional<Response> refused = refusal(site, route, request)) return std::move(*refused);
  // Who a staff page is for: the audit log records this name.
  std::optional<StaffIdentity> staff;
  if (for_staff(route->access)) {
    staff = site.staff_identity(request);
    if (!staff) return to_login(request);  // removed between the two looks
    params.staff = &*staff;
  }
  // A POST reaches its handler only with its form read as the row says:
  // well-formed, of the row's kind, CSRF-checked for staff, and carrying
  // only the fields its form declares.
  std::optional<FormFields> form;
  std::optional<MultipartForm> upload;
  if (request.method == "POST" && route->same_site &&
      is_cross_site_request(request.origin, request.sec_fetch_site, request.own_origin())) {
    log_warning("403 cross-site post to " + request.path +
                " refused, Origin: " + request.origin.substr(0, 100));
    return site.error_page(403);
  }
  if (request.method == "POST" && route->body != Body::kNone) {
    if (std::optional<Response> refused = read_post(site, *route, request, form, upload, params))
      return std::move(*refused);
  }
  if (route->caching == Caching::kShared) {
    // A fill of the front server's cache: that copy may be handed out for
    // up to ~3 s (conf/nginx/confsched.conf), so it is rendered from the
    // data version as it was at most kFillVersionAge ago, not up to
    // version_check_ms ago. Not for every fill: when a crowd arrives after
    // a quiet spell, every request that finds its page expired is a fill
    // (nginx passes them all), and one query per worker serves them all.
    if (!request.front_cache.empty()) site.ask_data_version_within(kFillVersionAge);
    return serve_shared(site, *route, request, params);
  }
  return route->handler(site, request, params);
}

}  // namespace confsched
