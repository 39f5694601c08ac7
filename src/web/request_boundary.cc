#include "web/request_boundary.h"

#include <chrono>
#include <exception>
#include <random>
#include <string>
#include <thread>

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

// How often a request may meet a conflict (DbConflict) before it is
// answered with the form it sent (kResendForm routes) or an error page.
// Galera refuses a transaction whose rows another node changed first;
// every edit also moves the one data-version row, so two staff saving at
// once through two nodes conflict even on different sessions, and the
// second succeeds when run again.
constexpr int kAttempts = 5;

// Two saves that conflicted and are run again at once tend to conflict
// again: attempt n waits a random 5 to 5 + 20 * (n - 1) ms (the second
// 5-25 ms, the fifth 5-85 ms), so that one of them commits first. Only
// after a conflict, which only concurrent saves meet.
void pause_before_attempt(int attempt) {
  std::random_device random;
  std::uniform_int_distribution<int> ms(5, 5 + 20 * (attempt - 1));
  std::this_thread::sleep_for(std::chrono::milliseconds(ms(random)));
}

bool resends_form(const Request& request) {
  RouteParams params;
  const Route* route = find_route(request.path, params);
  return request.method == "POST" && route && route->db_down == WhenDbDown::kResendForm;
}

// dispatch(), run again while nothing it did may have reached the database
// (Database::writes_possibly_done): a request that committed something,
// or lost the answer to a COMMIT, is never run twice.
Response dispatch_with_retries(Site& site, const Request& request) {
  for (int attempt = 1;; ++attempt) {
    const uint64_t writes_before = site.db().writes_possibly_done();
    auto again = [&](const std::exception& e, const char* what) {
      if (attempt >= kAttempts || site.db().writes_possibly_done() != writes_before) return false;
      log_info(std::string(what) + ", running " + request.method + " " + request.path +
               " again (attempt " + std::to_string(attempt + 1) + "): " + e.what());
      return true;
    };
    try {
      return dispatch(site, request);
    } catch (const DbConflict& e) {
      if (again(e, "conflict")) {
        pause_before_attempt(attempt + 1);
        continue;
      }
      log_error(std::string("409 ") + request.method + " " + request.path + ": " + e.what());
      return resends_form(request) ? site.resend_page(request, ResendReason::kConflict)
                                   : site.error_page(409);
    } catch (const DbUnavailable& e) {
      // Once, and only where there is another node to go to: that attempt
      // tries every node that has not just failed. One server that is down
      // stays down for the next attempt too.
      if (attempt == 1 && site.db().has_other_nodes() && again(e, "database node unavailable"))
        continue;
      throw;
    }
  }
}

Response handle_unsecured(Site& site, const Request& request) {
  site.stats().count_request();
  try {
    return dispatch_with_retries(site, request);
  } catch (const DbUnavailable& e) {
    log_error(std::string("503 ") + request.method + " " + request.path + ": " + e.what());
    if (resends_form(request)) return site.resend_page(request, ResendReason::kUnavailable);
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
