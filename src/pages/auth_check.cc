// The login checks a front server asks for before it serves a page from its
// own cache or reads a large body: nginx's auth_request subrequests
// (conf/nginx/confsched.conf). Only the status matters.
#include "pages/pages.h"
#include "site/site.h"

namespace confsched {

// /_auth: 204 for a valid session, 401 without one. Behind nginx the token
// judged is the one nginx extracted from the Cookie header itself and files
// this verdict under (Request::session_token, CONFSCHED_SESSION): a verdict
// about one reading of the header can never be stored under another.
Response auth_check(Site& site, const Request& request, const RouteParams&) {
  Response r;
  r.status = site.signed_in_role(request) ? 204 : 401;
  set_cache_policy(r, cache_control::kNoStore, request.front_cache);
  return r;
}

// /_auth/upload: asked before nginx reads the body of a request to the
// schedule upload (/admin/import, up to 6 MiB), so that only staff can make
// it read one. The subrequest carries the original method: reading a page
// (GET, HEAD) is the page's own business (it sends others to /login); a
// POST needs a staff session, else 403 and nginx answers without reading
// the body.
Response upload_check(Site& site, const Request& request, const RouteParams&) {
  Response r;
  // Any staff member: the large bodies are the schedule upload's (admins
  // only) and the session form's (editors too); which may post to which is
  // the route table's to say (dispatch answers an editor's upload with 403
  // once the body is read), not a second copy of it here.
  r.status = request.is_get_like() || site.signed_in_role(request) == Role::kStaff ? 204 : 403;
  r.set_header("Cache-Control", cache_control::kNoStore);
  return r;
}

}  // namespace confsched
