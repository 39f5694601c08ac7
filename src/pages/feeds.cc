// "/schedule.ics", "/session/<id>.ics", "/schedule.json", "/schedule.xml":
// the programme for calendar apps and other schedule tools, rendered from
// the programme the worker holds and kept per data version by the router
// like /schedule; and "/feeds", which gives a signed-in delegate the
// subscription link with its feed token.
#include <string>

#include "auth/feed_token.h"
#include "feeds/exchange_feed.h"
#include "feeds/ical_feed.h"
#include "feeds/my_sessions.h"
#include "http/percent.h"
#include "pages/pages.h"
#include "site/site.h"
#include "util/translate.h"

namespace confsched {

namespace {

FeedOptions feed_options(Site& site) {
  return FeedOptions{site.config().public_url,
                     feed_uid_domain(site.config().public_url, site.secret()),
                     std::to_string(site.data_state().data_version)};
}

Response feed(std::string body, std::string_view type) {
  return typed_response(200, std::move(body), type, cache_control::kPrivateRevalidate);
}

Response refusal(int status, std::string_view text) {
  Response r = typed_response(status, std::string(text) + "\n", content_type::kText,
                              cache_control::kNoStore);
  // RFC 9110 §11.6.1: a 401 names how to authenticate; here, the token
  // in the query string that /feeds hands out.
  if (status == 401) r.set_header("WWW-Authenticate", "Token realm=\"confsched feeds\"");
  return r;
}

}  // namespace

std::optional<Response> refuse_feed(Site& site, const Request& request) {
  if (site.signed_in_role(request)) return std::nullopt;
  std::optional<std::string_view> token = request.query.get("token");
  if (!token)
    return refusal(
        401, tr("Log in, or use the subscription link (with its token) from /feeds on this site."));
  std::optional<FeedClaims> claims = verify_feed_token(*token, site.secret());
  // The epoch moves with every password change of the role: links handed
  // out before it stop working, like the cookies of that time.
  if (!claims || !site.epoch_is_current(claims->role, claims->epoch))
    return refusal(403,
                   tr("This feed link is not valid (any more): the password changed since it was "
                      "made. Log in and take the new link from /feeds."));
  return std::nullopt;
}

Response schedule_ics(Site& site, const Request&, const RouteParams&) {
  return feed(render_ical(site.programme(), feed_options(site)), content_type::kCalendar);
}

Response session_ics(Site& site, const Request&, const RouteParams& params) {
  std::optional<std::string> body =
      render_session_ical(site.programme(), feed_options(site), params.id);
  if (!body) return site.error_page(404);
  return feed(std::move(*body), content_type::kCalendar);
}

// Rendered per request and kept nowhere (no-store): every set of stars is
// its own calendar, and a cache keyed by them would be one entry per
// delegate. Filtering the programme the worker holds costs little.
Response my_sessions_ics(Site& site, const Request& request, const RouteParams&) {
  MySessionsQuery q = parse_my_sessions_query(request.query.get("ids").value_or(""),
                                              request.query.get("alarm").value_or(""));
  if (!q.problem.empty()) return refusal(400, q.problem);
  return typed_response(
      200, render_my_sessions_ical(site.programme(), feed_options(site), q.ids, q.alarm_minutes),
      content_type::kCalendar, cache_control::kNoStore);
}

Response schedule_json(Site& site, const Request&, const RouteParams&) {
  return feed(render_schedule_json(site.programme(), feed_options(site)), content_type::kJson);
}

Response schedule_xml(Site& site, const Request&, const RouteParams&) {
  return feed(render_schedule_xml(site.programme(), feed_options(site)), content_type::kXml);
}

// Not cached with the data: the token depends on the role's epoch, which a
// password change moves without changing the data version.
Response feeds_page(Site& site, const Request& request, const RouteParams&) {
  // The delegate role's token for everyone signed in (staff included): it
  // opens the feeds only, and a staff token would die with a staff
  // password change that delegates know nothing of.
  const uint64_t epoch = site.data_state().epoch_for(Role::kDelegate);
  const std::string base = site.public_origin(request);
  const std::string link =
      base + "/schedule.ics?token=" +
      percent_encode(sign_feed_token({Role::kDelegate, epoch}, site.secret()), true);
  // The link to the starred sessions is made in the browser, which alone
  // knows the stars (agenda.js): the page gives it the base, token
  // included.
  const std::string mine =
      base + "/my-sessions.ics?token=" +
      percent_encode(sign_feed_token({Role::kDelegate, epoch}, site.secret()), true);
  std::string body = site.templates().render(site.frame(tr("Calendar feeds"), true), "feeds.tpl",
                                             [&](ctemplate::TemplateDictionary& d) {
                                               d.SetValue("SUBSCRIBE_URL", link);
                                               d.SetValue("MINE_URL", mine);
                                             });
  return html_response(200, std::move(body), cache_control::kNoStore);
}

}  // namespace confsched
