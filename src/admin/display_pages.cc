// /admin/displays: the list of rooms with their screen links, and the
// POST (room, action) that changes one. Posted values are checked before
// anything is read: a room id of digits, an action of "link" or "off".
#include "admin/display_pages.h"

#include "admin/settings_common.h"
#include "auth/display_token.h"
#include "site/site.h"
#include "store/audit.h"
#include "store/display_store.h"
#include "util/translate.h"

namespace confsched {

namespace {

constexpr const char* kPath = "/admin/displays";

std::string notice_for(const Request& request) {
  auto done = request.query.get("done").value_or("");
  if (done == "link")
    return tr("The screen has a new link; any link it had before no longer opens it.");
  if (done == "off") return tr("The screen is off: its link no longer opens it.");
  return "";
}

Response render_displays(Site& site, const Request& request) {
  auto rooms = site.staff().room_displays();
  std::string token = page_csrf_token(site, request);
  // The full address when the site knows it (Config::public_url), so
  // staff can copy it as it is; else the path, relative to this page.
  const std::string& origin = site.config().public_url;
  return staff_page(site, 200, tr("Room screens"), "admin_displays.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    std::string notice = notice_for(request);
    if (!notice.empty()) d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", notice);
    if (rooms.empty()) d.ShowSection("NO_ROOMS");
    for (const RoomDisplay& room : rooms) {
      SettingsDict* row = d.AddSectionDictionary("ROOM");
      row->SetIntValue("ID", static_cast<long>(room.id));
      row->SetValue("NAME", room.name);
      if (!room.nonce) {
        row->ShowSection("OFF");
        continue;
      }
      SettingsDict* on = row->AddSectionDictionary("ON");
      std::string path = display_path(site.secret(), room.id, *room.nonce);
      on->SetValue("PATH", path);
      on->SetValue("URL", origin + path);
    }
  });
}

Response display_posted(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  const std::string action = form_value(form, "action");
  auto room_id = parse_id(form_value(form, "room"));
  if (!room_id || (action != "link" && action != "off")) return site.error_page(400);
  auto room = site.staff().change_display(
      *room_id, action == "off" ? DisplayChange::kOff : DisplayChange::kNewLink,
      audit_context(request, *params.staff));
  if (!room) return site.error_page(404, tr("There is no room with that id (deleted meanwhile?)."));
  // "Stops working at once": answer only when every worker has seen the
  // data version that carries the new nonce.
  wait_until_workers_notice(site);
  return redirect_303(std::string(kPath) + "?done=" + action + "#room-" + std::to_string(*room_id));
}

}  // namespace

Response admin_displays(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return display_posted(site, request, params);
  return render_displays(site, request);
}

}  // namespace confsched
