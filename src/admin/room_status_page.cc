#include "admin/room_status_page.h"

#include <map>

#include "admin/settings_common.h"
#include "auth/session_token.h"
#include "http/form_keys.h"
#include "model/room_status.h"
#include "site/site.h"
#include "store/audit.h"
#include "util/time_text.h"
#include "util/time_zone.h"
#include "util/translate.h"

namespace confsched {

namespace {

// The programme as staff see it (read now, not from a worker's cache) and
// the event's wall clock: what every tap is judged against.
struct RoomsNow {
  Programme programme;
  const TimeZone* zone = nullptr;
  std::string local_now;  // "YYYY-MM-DD HH:MM:SS"
  std::vector<RoomNow> rooms;
};

std::optional<RoomsNow> rooms_now(Site& site) {
  std::optional<RoomsNow> out;
  std::optional<Programme> programme = site.staff().schedule();
  if (!programme) return out;
  out.emplace();
  out->programme = std::move(*programme);
  out->zone = &site.event_zone(out->programme.event.time_zone);
  out->local_now = format_civil(out->zone->local_time(site.now()));
  out->rooms = now_and_next(out->programme, out->local_now);
  return out;
}

// A status's end (UTC, as stored) on the event's clock.
std::string local_clock_of_utc(const std::string& utc, const TimeZone& zone) {
  auto t = parse_civil(utc);
  return t ? format_clock(zone.local_time(seconds_from_civil(*t))) : utc;
}

struct RowMessage {
  int64_t room = 0;
  std::string text;
};

Response render(Site& site, const Request& request, int status, const RowMessage& message) {
  std::optional<RoomsNow> now = rooms_now(site);
  if (!now) return site.error_page(503);
  std::map<int64_t, StoredAnnouncement> statuses;
  for (StoredAnnouncement& a : site.staff().room_statuses())
    if (a.room_id) statuses.emplace(*a.room_id, std::move(a));
  SelectOptions room_options;
  for (const Room& r : now->programme.rooms)
    room_options.emplace_back(std::to_string(r.id), r.name);
  std::string token = page_csrf_token(site, request);
  std::string done(request.query.get("done").value_or(""));
  return staff_page(site, status, tr("Room status"), "admin_room_status.tpl", [&](SettingsDict& d) {
    d.SetValue("CLOCK", clock_of(now->local_now));
    for (const RoomNow& r : now->rooms) {
      SettingsDict* row = d.AddSectionDictionary("ROOM");
      row->SetValue("CSRF", token);
      row->SetIntValue("ID", static_cast<long>(r.room->id));
      row->SetValue("NAME", r.room->name);
      if (const Session* s = room_status_session(r, now->local_now)) {
        SettingsDict* session = row->AddSectionDictionary(s == r.current ? "NOW" : "NEXT");
        session->SetValue("TITLE", s->title);
        session->SetValue("WHEN", clock_of(s->starts_at) + "–" + clock_of(s->ends_at));
        row->ShowSection("TAPS");
      } else {
        row->ShowSection("NOTHING_ON");
      }
      if (auto found = statuses.find(r.room->id); found != statuses.end()) {
        SettingsDict* shown = row->AddSectionDictionary("STATUS");
        shown->SetValue("TEXT", found->second.body);
        shown->SetValue("KIND", found->second.room_status);
        shown->SetValue("UNTIL", local_clock_of_utc(found->second.expires_at, *now->zone));
        row->ShowSection("CLEAR");
      }
      SelectOptions others;
      for (const auto& option : room_options)
        if (option.first != std::to_string(r.room->id)) others.push_back(option);
      add_select_options(*row, "MOVED_OPTION", others, "");
      if (message.room == r.room->id)
        row->AddSectionDictionary("ERROR")->SetValue("MESSAGE", message.text);
      if (done == std::to_string(r.room->id)) row->ShowSection("DONE");
    }
  });
}

}  // namespace

Response admin_room_status(Site& site, const Request& request, const RouteParams& params) {
  if (request.method != "POST") return render(site, request, 200, {});
  const FormFields& form = *params.form;
  std::optional<int64_t> room_id = parse_decimal<int64_t>(form_value(form, "room_id"));
  if (!room_id) return site.error_page(400);
  std::optional<RoomsNow> now = rooms_now(site);
  if (!now) return site.error_page(503);
  const RoomNow* room = nullptr;
  for (const RoomNow& r : now->rooms)
    if (r.room->id == *room_id) room = &r;
  if (!room) return site.error_page(404);

  RoomStatusWrite write{.room_id = *room_id};
  const std::string choice = form_value(form, "status");
  if (std::optional<RoomStatus> status = parse_room_status(choice)) {
    const Session* session = room_status_session(*room, now->local_now);
    if (!session)
      return render(site, request, 422,
                    {*room_id, fill_text(tr("Not set: nothing is on in {room} for the rest of "
                                            "today, so the status would end at once."),
                                         {{"room", room->room->name}})});
    std::string moved_to;
    if (*status == RoomStatus::kMoved) {
      std::optional<int64_t> to = parse_decimal<int64_t>(form_value(form, "moved_to"));
      for (const Room& r : now->programme.rooms)
        if (to && r.id == *to && r.id != *room_id) moved_to = r.name;
      if (moved_to.empty())
        return render(site, request, 422, {*room_id, tr("Not set: choose the room it moved to.")});
    }
    auto end = parse_civil(session->ends_at);
    if (!end) return site.error_page(500);
    write.status = std::string(room_status_name(*status));
    write.body = room_status_text(*status, moved_to);
    write.ends_at = now->zone->utc_of(*end);
  } else if (choice != "clear") {
    return site.error_page(400);
  }
  AnnouncementResult result =
      site.staff().set_room_status(write, audit_context(request, *params.staff));
  if (result.outcome == AnnouncementOutcome::kRoomGone) return site.error_page(404);
  return redirect_303("/admin/rooms/status?done=" + std::to_string(*room_id) + "#room-" +
                      std::to_string(*room_id));
}

}  // namespace confsched
