#include "admin/checkin_page.h"

#include "admin/settings_common.h"
#include "auth/session_token.h"
#include "model/speaker_checkin.h"
#include "site/site.h"
#include "store/audit.h"
#include "util/time_text.h"
#include "util/translate.h"

namespace confsched {

namespace {

std::string slot_text(const CheckinSession& s) {
  return s.start + "–" + s.end + ", " + s.room + ": " + s.title;
}

// The line above the list after a change. The name is looked up in the
// list, never taken from the query, so a crafted link cannot put words of
// its own on the desk's screen.
std::string checkin_notice(const Request& request, const std::vector<CheckinRow>& rows) {
  const std::string done(request.query.get("done").value_or(""));
  std::optional<int64_t> id =
      parse_decimal<int64_t>(std::string(request.query.get("speaker").value_or("")));
  if (!id || (done != "arrived" && done != "undone")) return "";
  for (const CheckinRow& row : rows)
    if (row.speaker.id == *id)
      return fill_text(done == "arrived" ? tr("{name} has arrived.")
                                         : tr("{name} is no longer marked as arrived."),
                       {{"name", row.speaker.name}});
  return "";
}

Response render_checkin(Site& site, const Request& request, const std::string& now) {
  const std::string day = now.substr(0, 10);
  const std::vector<CheckinRow> rows =
      checkin_list(site.staff().speakers_on(day), std::string_view(now).substr(11));
  const std::string token = page_csrf_token(site, request);
  return staff_page(site, 200, tr("Speaker check-in"), "admin_checkin.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    if (auto civil = parse_civil(now)) {
      d.SetValue("DAY_LABEL", format_day_label(*civil));
      d.SetValue("NOW", format_clock(*civil));
    }
    d.SetIntValue("DUE_MINUTES", kDueWithinMinutes);
    if (std::string notice = checkin_notice(request, rows); !notice.empty())
      d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", notice);
    if (rows.empty()) d.ShowSection("NOBODY");
    for (const CheckinRow& row : rows) {
      SettingsDict* r = d.AddSectionDictionary("SPEAKER");
      r->SetIntValue("ID", static_cast<long>(row.speaker.id));
      r->SetValue("NAME", row.speaker.name);
      if (row.due_soon) {
        r->ShowSection("DUE");
        // In words, not only the row's colour: a screen reader, or a
        // phone in the sun, must tell it too.
        r->SetValue("DUE_TEXT", row.on_now ? tr("On stage now, not arrived")
                                           : tr("Due on stage within the hour, not arrived"));
      }
      if (row.next) {
        SettingsDict* next = r->AddSectionDictionary(row.on_now ? "ON_NOW" : "NEXT");
        next->SetValue("SLOT", slot_text(*row.next));
      } else {
        r->ShowSection("DONE");
      }
      if (row.speaker.arrived) {
        SettingsDict* arrived = r->AddSectionDictionary("ARRIVED");
        arrived->SetValue("AT", row.speaker.arrived_at);
        arrived->SetValue("BY", row.speaker.arrived_by);
      } else {
        r->ShowSection("NOT_ARRIVED");
      }
      for (const CheckinSession& s : row.speaker.sessions)
        r->AddSectionDictionary("SESSION")->SetValue("SLOT", slot_text(s));
    }
  });
}

}  // namespace

Response admin_checkin(Site& site, const Request& request, const RouteParams& params) {
  std::optional<EventInfo> event = site.staff().event();
  if (!event) throw NotSeeded();
  // The event's clock, not the phone's or the server's zone: "today" is the
  // event day at the venue.
  const std::string now = event_local_now(site, *event);
  if (request.method != "POST") return render_checkin(site, request, now);
  const FormFields& form = *params.form;
  std::optional<int64_t> speaker = parse_decimal<int64_t>(form_value(form, "speaker_id"));
  const std::string arrived = form_value(form, "arrived");
  // Both come from the row's own form: without them the request is not one
  // our page makes.
  if (!speaker || arrived.empty()) return site.error_page(400);
  const std::optional<std::string> at =
      arrived == "1" ? std::optional<std::string>(now) : std::nullopt;
  if (site.staff().set_speaker_arrival(*speaker, now.substr(0, 10), at,
                                       audit_context(request, *params.staff)) ==
      CheckinOutcome::kNoSpeaker)
    return site.error_page(404);
  // Unchanged (a second tap, or two phones at the desk) lands on the same
  // row: the list then shows how it is.
  const std::string id = std::to_string(*speaker);
  return redirect_303("/admin/checkin?done=" + std::string(at ? "arrived" : "undone") +
                      "&speaker=" + id + "#speaker-" + id);
}

}  // namespace confsched
