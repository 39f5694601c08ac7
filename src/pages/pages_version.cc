// "/pages-version": what version of the programme (and of the
// announcements shown) the delegate pages are at, as {"pages":"7.1"}. A
// delegate page carries the version it was rendered at
// (<html data-pages-version>), and offline.js on a page left open asks for
// this every half minute: when the two differ it offers a reload.
//
// It is public and says only a number, so the front server keeps one copy
// for everybody (nginx's microcache, no login check in front of it): a
// thousand open pages cost the app a request a second at most, however
// often they ask. The service worker never keeps it (sw.js), so an offline
// page is never told "unchanged" from a copy.
#include "pages/pages.h"
#include "site/site.h"

namespace confsched {

Response pages_version(Site& site, const Request&, const RouteParams&) {
  return typed_response(200, "{\"pages\":\"" + site.pages_version() + "\"}\n", content_type::kJson,
                        cache_control::kRevalidate);
}

}  // namespace confsched
