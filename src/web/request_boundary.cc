#include "web/request_boundary.h"

#include <exception>
#include <string>

#include "store/errors.h"
#include "util/log.h"
#include "web/route_table.h"
#include "web/router.h"

namespace confsched {

namespace {

// HSTS (RFC 6797 §7.1) on every answer over https, so a browser that once
// reached the site by https never again sends a request (and its cookie)
// over plain http, where anybody on the venue's network can read and
// plant cookies. Whole host only: includeSubDomains could break other
// sites under the conference's domain.
void add_transport_security(Response& r, const Request& request) {
  if (request.https) r.set_header("Strict-Transport-Security", "max-age=31536000");
}

Response handle_unsecured(Site& site, const Request& request) {
  site.stats().count_request();
  try {
    return dispatch(site, request);
  } catch (const DbUnavailable& e) {
    log_error(std::string("503 ") + request.method + " " + request.path + ": " + e.what());
    RouteParams params;
    const Route* route = find_route(request.path, params);
    if (request.method == "POST" && route && route->db_down == WhenDbDown::kResendForm)
      return site.resend_page(request);
    return site.error_page(503);
  } catch (const NotSeeded& e) {
    log_error(std::string("503 ") + request.method + " " + request.path + ": " + e.what() +
              " (run: confsched-demo, or add the event)");
    return site.error_page(503);
  } catch (const std::exception& e) {
    log_error(std::string("500 ") + request.method + " " + request.path + ": " + e.what());
    return site.error_page(500);
  }
}

}  // namespace

std::optional<Response> admit_body(Site& site, const Request& head) {
  site.stats().count_request();
  std::optional<Response> refused;
  try {
    refused = refuse_before_body(site, head);
  } catch (const std::exception& e) {
    log_error(std::string("503 ") + head.method + " " + head.path +
              " (before its body): " + e.what());
    refused = site.error_page(503);
  }
  if (refused) add_transport_security(*refused, head);
  return refused;
}

Response handle_request(Site& site, const Request& request) {
  Response r = handle_unsecured(site, request);
  add_transport_security(r, request);
  return r;
}

}  // namespace confsched
