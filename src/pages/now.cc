// "/now" and "/display/<room-id>": the programme at the event's current
// minute, and each room's own announcements. Both change with the clock,
// not only with the data, so their cache variant is the local minute
// (router.h); the announcements showing are in every page's cache key
// (Site::pages_key).
#include "auth/display_token.h"
#include "model/now_and_next.h"
#include "model/session_terms.h"
#include "model/text.h"
#include "pages/banner.h"
#include "pages/pages.h"
#include "pages/room_fields.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "util/time_text.h"
#include "util/translate.h"

namespace confsched {

namespace {

// Sessions on another date than today's carry their day (a session at
// 00:15 is tomorrow's date even when it closes today's programme).
std::string when_of(const Session& s, std::string_view today) {
  std::string when = clock_of(s.starts_at) + "–" + clock_of(s.ends_at);
  if (s.starts_at.compare(0, 10, today.substr(0, 10)) != 0) {
    auto t = parse_civil(s.starts_at);
    if (t) when = format_day_label(*t) + ", " + when;
  }
  return when;
}

void fill_slot(ctemplate::TemplateDictionary& d, const char* section, const Session* s,
               std::string_view today) {
  if (!s) {
    d.ShowSection(std::string("NO_") + section);
    return;
  }
  auto* slot = d.AddSectionDictionary(section);
  slot->SetIntValue("ID", static_cast<long>(s->id));
  slot->SetValue("TITLE", s->title);
  slot->SetValue("WHEN", when_of(*s, today));
  slot->SetValue("STATUS", s->status);
  // As one line for a room's screen, which nobody clicks, and as links to
  // each speaker's page for /now.
  if (!s->speakers.empty()) {
    auto* line = slot->AddSectionDictionary("SPEAKERS");
    std::string text;
    for (const Speaker* sp : s->speakers) {
      text += (text.empty() ? "" : ", ") + sp->name;
      auto* entry = line->AddSectionDictionary("SPEAKER");
      entry->SetIntValue("ID", static_cast<long>(sp->id));
      entry->SetValue("NAME", sp->name);
    }
    line->SetValue("TEXT", text);
  }
  if (std::string note(session_status_note(s->status)); !note.empty())
    slot->AddSectionDictionary("STATUS_NOTE")->SetValue("TEXT", note);
}

// Section STREAM with URL, the room's stream link, while a session runs in
// the room: between sessions the stream shows nothing worth opening, and a
// cancelled session is not streamed. The page is made again each minute
// (minute_variant), so the link comes and goes with the sessions.
void fill_stream(ctemplate::TemplateDictionary& d, const RoomNow& r) {
  if (!r.current || r.current->status == "cancelled" || r.room->details.stream_url.empty()) return;
  d.AddSectionDictionary("STREAM")->SetValue("URL", r.room->details.stream_url);
}

// The clock is the server's, in the event's zone: a phone set to another
// zone does not move the programme.
void fill_clock(Site& site, ctemplate::TemplateDictionary& d, const EventInfo& event,
                const std::string& now) {
  add_zone_note(site, d, event, now, now);
  auto t = parse_civil(now);
  d.SetValue("NOW_CLOCK", t ? format_clock(*t) : now);
  d.SetValue("NOW_DAY", t ? format_day_label(*t) : now.substr(0, 10));
}

std::string minute_of(Site& site) {
  const Programme& programme = site.programme();
  return event_local_now(site, programme.event).substr(0, 16);
}

}  // namespace

PageVariant minute_variant(Site& site, const Request&, const RouteParams&) {
  return {minute_of(site), true, std::nullopt};
}

PageVariant display_variant(Site& site, const Request& request, const RouteParams& params) {
  std::string_view token = request.query.get("token").value_or("");
  // The room's nonce comes with the programme of the current data version,
  // so a link staff replaced or turned off stops working on every worker
  // as soon as it sees the new version. An unknown room is refused alike:
  // a screen's URL need not tell which room ids exist.
  std::optional<int64_t> nonce;
  for (const Room& room : site.programme().rooms)
    if (room.id == params.id) nonce = room.display_nonce;
  if (!display_token_valid(site.secret(), params.id, nonce, token)) {
    PageVariant refused;
    refused.answer = site.error_page(
        403, tr("This display link is not valid (it may have been replaced or turned off). Staff "
                "find each room's current link on /admin/displays."));
    return refused;
  }
  return {minute_of(site), true, std::nullopt};
}

Response now_page(Site& site, const Request&, const RouteParams&) {
  const Programme& programme = site.programme();
  const std::string now = event_local_now(site, programme.event);
  std::string body =
      site.templates().render(site.shared_frame(tr("Now and next"), programme.event.name),
                              "now.tpl", [&](ctemplate::TemplateDictionary& d) {
                                fill_clock(site, d, programme.event, now);
                                for (const RoomNow& r : now_and_next(programme, now)) {
                                  auto* room = d.AddSectionDictionary("ROOM");
                                  room->SetValue("NAME", r.room->name);
                                  fill_room_whereabouts(*room, *r.room);
                                  // Beside the room rather than in a
                                  // banner: on a phone the page is a long
                                  // column of rooms, and whoever looks
                                  // for their room finds its news there.
                                  fill_room_notes(*room, site.shown_announcements(), r.room->id);
                                  fill_slot(*room, "CURRENT", r.current, now);
                                  fill_stream(*room, r);
                                  fill_slot(*room, "NEXT", r.next, now);
                                }
                              });
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

Response display_page(Site& site, const Request&, const RouteParams& params) {
  const Programme& programme = site.programme();
  const std::string now = event_local_now(site, programme.event);
  for (const RoomNow& r : now_and_next(programme, now)) {
    if (r.room->id != params.id) continue;
    PageFrame frame = page_frame(r.room->name, false, programme.event.name);
    // The screen reloads itself each minute: no script needed (the CSP
    // allows none), and a TV browser that lost the network recovers.
    frame.refresh_seconds = 60;
    frame.secret_url = true;
    std::string body =
        site.templates().render(frame, "display.tpl", [&](ctemplate::TemplateDictionary& d) {
          fill_clock(site, d, programme.event, now);
          d.SetValue("ROOM", r.room->name);
          // Where the room is, but neither of its links: nobody clicks on
          // a screen on the wall, and a link printed there is too long to
          // type.
          fill_room_whereabouts(d, *r.room);
          // The room's own announcements only, as before this screen had
          // any: one for everywhere is for the delegates' pages.
          fill_room_notes(d, site.shown_announcements(), r.room->id);
          fill_slot(d, "CURRENT", r.current, now);
          fill_slot(d, "NEXT", r.next, now);
        });
    return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
  }
  return site.error_page(404);
}

}  // namespace confsched
