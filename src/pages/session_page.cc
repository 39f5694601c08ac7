// "/session/<id>": one session with its full abstract, speakers and links.
#include "model/conference_day.h"
#include "model/session_terms.h"
#include "model/text.h"
#include "pages/banner.h"
#include "pages/pages.h"
#include "pages/room_fields.h"
#include "pages/session_fields.h"
#include "site/markdown.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "util/time_text.h"
#include "util/translate.h"

namespace confsched {

namespace {

void fill_speakers(ctemplate::TemplateDictionary& d, const Session& s) {
  if (s.speakers.empty()) return;
  d.ShowSection("HAS_SPEAKERS");
  for (const Speaker* speaker : s.speakers) {
    auto* entry = d.AddSectionDictionary("SPEAKER");
    entry->SetIntValue("ID", static_cast<long>(speaker->id));
    entry->SetValue("NAME", speaker->name);
    if (!speaker->affiliation.empty())
      entry->AddSectionDictionary("AFFILIATION")->SetValue("TEXT", speaker->affiliation);
    if (!speaker->bio.empty()) entry->AddSectionDictionary("BIO")->SetValue("TEXT", speaker->bio);
  }
}

void fill_materials(ctemplate::TemplateDictionary& d, const Session& s) {
  if (s.materials.empty()) return;
  d.ShowSection("HAS_MATERIALS");
  for (const Material& m : s.materials) {
    auto* entry = d.AddSectionDictionary("MATERIAL");
    entry->SetValue("LABEL", m.label);
    // The template's URL context lets through only http(s) and relative
    // URLs; the schema accepts only http(s) in the first place.
    entry->SetValue("URL", m.url);
  }
}

void fill_session_detail(ctemplate::TemplateDictionary& d, const Session& s, int day_change) {
  fill_session_fields(d, s);
  auto start = parse_civil(s.starts_at);
  d.SetValue("KIND_LABEL", std::string(session_kind_label(s.kind)));
  // Back to its conference day on /schedule, which a session after
  // midnight shares with the evening before; "When" gives its date.
  d.SetValue("DAY_ID", "day-" + conference_day(s.starts_at, day_change));
  d.SetValue("DAY_LABEL", start ? format_day_label(*start) : s.starts_at);
  if (s.room) {
    fill_room_whereabouts(d, *s.room);
    // The template's URL context lets through only http(s) and relative
    // URLs; the staff form and the schema take only http(s) links.
    if (!s.room->details.map_url.empty())
      d.AddSectionDictionary("ROOM_MAP")->SetValue("URL", s.room->details.map_url);
  }
  if (s.track) d.AddSectionDictionary("TRACK")->SetValue("NAME", s.track->name);
  if (std::string note(session_status_note(s.status)); !note.empty())
    d.AddSectionDictionary("STATUS_NOTE")
        ->SetValue("TEXT", fill_text(tr("This session is {status}."), {{"status", note}}));
  d.SetValue("ABSTRACT_HTML", markdown_to_safe_html(s.abstract));
  fill_speakers(d, s);
  fill_materials(d, s);
}

}  // namespace

// Rendered from the programme the worker holds (Site::programme), like
// /schedule: a session never opened before the database went away can
// still be shown.
Response session_page(Site& site, const Request&, const RouteParams& params) {
  const Programme& programme = site.programme();  // NotSeeded on an empty database
  const Session* session = nullptr;
  for (const Session& s : programme.sessions)
    if (s.id == params.id) session = &s;
  if (!session) return site.error_page(404);
  std::string body = site.templates().render(
      site.shared_frame(session->title, programme.event.name), "session.tpl",
      [&](ctemplate::TemplateDictionary& d) {
        add_banner(site, d);
        fill_session_detail(d, *session, programme.event.day_change);
        add_zone_note(site, d, programme.event, session->starts_at, session->ends_at);
      });
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

}  // namespace confsched
