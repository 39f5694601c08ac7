// The route table: every path the app answers, with the whole policy that
// goes with it as properties of its row. dispatch (web/router.h) applies
// them, so a handler runs only for a request its row allows: the right
// method and role, a well-formed body of the right kind and size carrying
// only the fields its form declares, and for staff POSTs the staff
// session's CSRF token. Adding a page is one row here
// and one handler file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "http/form_keys.h"
#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

enum Method : unsigned { kGet = 1, kPost = 2 };

enum class Access {
  kPublic,
  kSignedIn,  // delegates and staff; others are sent to /login
  kStaff,     // staff only; delegates get 403, others are sent to /login
  kAdmin,     // staff admins only (model/staff_member.h); editors get 403 too
  // Feeds: a session cookie, or a feed token in ?token= (calendar apps send
  // no cookies). Never the login redirect, which a calendar app cannot
  // follow: 401 without either, 403 for a bad or revoked token.
  kFeed,
  // /_status: only clients in [server] status_allow (loopback by default);
  // 403 for anyone else, whatever cookie they hold.
  kStatus,
};

// Whether only staff (editors and admins) reach a route of this access.
constexpr bool for_staff(Access access) {
  return access == Access::kStaff || access == Access::kAdmin;
}

enum class Caching {
  // Same bytes for everyone until the data version changes: kept in the
  // worker's memory, carries an ETag, answers If-None-Match with 304.
  kShared,
  // Rendered per request; the handler sets its own Cache-Control.
  kNone,
};

// What a POST to the route carries.
enum class Body {
  kNone,    // nothing read: a POST without fields (the logout button)
  kForm,    // application/x-www-form-urlencoded
  kUpload,  // multipart/form-data (a form with a file input)
};

// When the database goes away during a POST.
enum class WhenDbDown {
  kErrorPage,  // 503 with the status page
  // 503 with every field as sent, in a form that sends them again
  // (Site::resend_page): nothing staff typed is lost.
  kResendForm,
};

using Handler = Response (*)(Site&, const Request&, const RouteParams&);

// Written with designated initialisers; a property left out takes the
// default below, which is the cautious one (GET only, public, uncached,
// no body).
struct Route {
  std::string_view path;         // exact path, or the prefix before an id when with_id
  bool with_id = false;          // path + decimal id + suffix
  std::string_view suffix = {};  // with_id: what follows the id ("/history")
  // path is a folder ("/brand/"): the row answers path + any one name (no
  // '/'), which the handler judges (404 for a name it does not hold).
  bool any_name = false;
  unsigned methods = kGet;  // kGet includes HEAD
  Access access = Access::kPublic;
  Caching caching = Caching::kNone;
  std::string_view cache_control = {};          // kShared pages: the browser's policy
  std::string_view type = content_type::kHtml;  // kShared pages: Content-Type
  VariantFn variant = nullptr;                  // kShared pages that depend on more than the path
  // Kept by the front server's microcache (the cached location of
  // conf/nginx/confsched.conf, behind its auth_request login check).
  bool front_cached = false;
  Body body = Body::kNone;          // what a POST carries
  size_t max_body = kMaxBodyBytes;  // the largest body read for the route
  // A POST the browser says comes from another site (auth/origin.h) is
  // refused (403) before its body is read: for the forms that cannot carry
  // a CSRF token (the login form sits on cached pages, the logout button in
  // every page's frame).
  bool same_site = false;
  // A POST must carry the staff session's CSRF token (auth/csrf.h) in its
  // "csrf" field: checked by dispatch before the handler runs.
  bool csrf = false;
  WhenDbDown db_down = WhenDbDown::kErrorPage;
  // The fields (and files) a POST's form may carry, each with its check:
  // dispatch refuses (400) a body with any other, before the handler runs.
  // Every row with a body declares them.
  std::span<const FormKey> keys = {};
  Handler handler = nullptr;
};

// Every row, in the order find_route tries them.
std::span<const Route> route_table();

// The route for path, with the id taken from it; nullptr for none (404).
// Pure.
const Route* find_route(std::string_view path, RouteParams& params);

}  // namespace confsched
