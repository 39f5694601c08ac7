// One handler per page family; the route table in router.cc ties them to
// paths. A handler loads data, fills a template dictionary and renders.
#pragma once

#include <optional>
#include <string>

#include "http/form_keys.h"
#include "http/request.h"
#include "http/response.h"
#include "site/route.h"
#include "store/programme.h"

namespace confsched {

class Site;

// "15–17 June 2027" for the event's first and last day.
std::string event_dates(const EventInfo& event);

Response home_page(Site& site, const Request& request, const RouteParams& params);
// "/stars?ids=" and its QR code "/stars/qr.svg?ids=": carrying the stars
// to another device (stars.cc).
Response stars_page(Site& site, const Request& request, const RouteParams& params);
Response stars_qr_code(Site& site, const Request& request, const RouteParams& params);
// "/brand/<name>.<hash>.<ext>": a [site] branding file (brand.cc).
Response brand_asset(Site& site, const Request& request, const RouteParams& params);
// "/pages-version": {"pages":"<version>"}, public (pages_version.cc).
Response pages_version(Site& site, const Request& request, const RouteParams& params);
// "/" is the same page for everybody in each of three audiences: visitors
// (the login form), delegates and staff (a way to the schedule).
PageVariant home_variant(Site& site, const Request& request, const RouteParams& params);
// The login form's fields (templates/login_form.tpl), as dispatch checks
// them (http/form_keys.h); next is judged by local_path_or.
inline constexpr FormKey kLoginFormKeys[] = {
    {.name = "username"}, {.name = "password"}, {.name = "next"}};
// GET: the form. POST: its fields, read and checked by dispatch.
Response login_page(Site& site, const Request& request, const RouteParams& params);
Response logout(Site& site, const Request& request, const RouteParams& params);
// Front-server login checks (auth_check.cc): /_auth and /_auth/upload.
Response auth_check(Site& site, const Request& request, const RouteParams& params);
Response upload_check(Site& site, const Request& request, const RouteParams& params);
Response schedule_page(Site& site, const Request& request, const RouteParams& params);
Response session_page(Site& site, const Request& request, const RouteParams& params);
// /speakers and /speaker/<id> (speakers.cc, which says who is listed).
Response speakers_page(Site& site, const Request& request, const RouteParams& params);
Response speaker_page(Site& site, const Request& request, const RouteParams& params);
Response now_page(Site& site, const Request& request, const RouteParams& params);
Response display_page(Site& site, const Request& request, const RouteParams& params);
Response changes_page(Site& site, const Request& request, const RouteParams& params);
// /_status and /_status.json (status.cc).
Response status_page(Site& site, const Request& request, const RouteParams& params);
Response status_json_page(Site& site, const Request& request, const RouteParams& params);

// Variants (router.h). /schedule: the canonical filter and the set of
// "changed" badges; answers 303 or 400 for a query that is not canonical
// or not valid.
PageVariant schedule_variant(Site& site, const Request& request, const RouteParams& params);
// /now: the event's local minute (the page changes with the clock).
PageVariant minute_variant(Site& site, const Request& request, const RouteParams& params);
// /display/<room>: 403 without the room's token; else the local minute.
PageVariant display_variant(Site& site, const Request& request, const RouteParams& params);

// Feeds (feeds.cc): iCalendar, schedule JSON, frab XML, and the page that
// gives a delegate the subscription link.
// "/my-sessions.ics?ids=&alarm=": the starred sessions (feeds/my_sessions.h).
Response my_sessions_ics(Site& site, const Request& request, const RouteParams& params);
Response schedule_ics(Site& site, const Request& request, const RouteParams& params);
Response session_ics(Site& site, const Request& request, const RouteParams& params);
Response schedule_json(Site& site, const Request& request, const RouteParams& params);
Response schedule_xml(Site& site, const Request& request, const RouteParams& params);
Response feeds_page(Site& site, const Request& request, const RouteParams& params);
// Whether a feed may be served: nullopt with a valid session cookie or
// feed token (?token=), else 401 (neither) or 403 (a bad or revoked
// token), as plain text: a calendar app can follow no login redirect.
std::optional<Response> refuse_feed(Site& site, const Request& request);

}  // namespace confsched
