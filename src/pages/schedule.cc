// "/schedule": the whole conference on one page, a section per day and a
// block per starting time. It is the page everyone opens at once, so it is
// plain HTML that works without JavaScript and is cached by the router.
#include "pages/banner.h"
#include "pages/markdown.h"
#include "pages/pages.h"
#include "pages/site.h"
#include "pages/text.h"
#include "util/time_text.h"

namespace confsched {

namespace {

constexpr size_t kShortAbstractBytes = 220;

std::string speaker_line(const Session& s) {
  std::string line;
  for (const Speaker* speaker : s.speakers) {
    if (!line.empty()) line += ", ";
    line += speaker->name;
  }
  return line;
}

void fill_session(ctemplate::TemplateDictionary& d, const Session& s) {
  auto start = parse_civil(s.starts_at);
  auto end = parse_civil(s.ends_at);
  d.SetIntValue("ID", static_cast<long>(s.id));
  d.SetValue("TITLE", s.title);
  d.SetValue("KIND", s.kind);
  d.SetValue("STATUS", s.status);
  d.SetValue("START", start ? format_clock(*start) : s.starts_at);
  d.SetValue("END", end ? format_clock(*end) : s.ends_at);
  d.SetValue("ROOM", s.room ? s.room->name : "");
  if (s.track) d.AddSectionDictionary("TRACK")->SetValue("NAME", s.track->name);
  if (std::string note = status_note(s.status); !note.empty())
    d.AddSectionDictionary("STATUS_NOTE")->SetValue("TEXT", note);
  if (!s.speakers.empty()) d.AddSectionDictionary("SPEAKERS")->SetValue("TEXT", speaker_line(s));
  if (!s.abstract.empty())
    d.AddSectionDictionary("ABSTRACT")
        ->SetValue("TEXT", shorten(markdown_to_plain_text(s.abstract), kShortAbstractBytes));
}

void fill_schedule(ctemplate::TemplateDictionary& d, const Programme& p) {
  d.SetValue("DATES", event_dates(p.event));
  d.SetValue("VENUE", p.event.venue);
  d.SetValue("TIME_ZONE", p.event.time_zone);

  ctemplate::TemplateDictionary* day = nullptr;
  ctemplate::TemplateDictionary* slot = nullptr;
  std::string current_day, current_start;
  // Sessions come sorted by start time, so days and slots are runs.
  for (const Session& s : p.sessions) {
    auto start = parse_civil(s.starts_at);
    std::string day_id = start ? format_iso_date(*start) : s.starts_at.substr(0, 10);
    if (!day || day_id != current_day) {
      std::string label = start ? format_day_label(*start) : day_id;
      auto* link = d.AddSectionDictionary("DAY_LINK");
      link->SetValue("DAY_ID", "day-" + day_id);
      link->SetValue("DAY_LABEL", label);
      day = d.AddSectionDictionary("DAY");
      day->SetValue("DAY_ID", "day-" + day_id);
      day->SetValue("DAY_LABEL", label);
      current_day = day_id;
      slot = nullptr;
    }
    if (!slot || s.starts_at != current_start) {
      slot = day->AddSectionDictionary("SLOT");
      slot->SetValue("START", start ? format_clock(*start) : s.starts_at);
      current_start = s.starts_at;
    }
    fill_session(*slot->AddSectionDictionary("SESSION"), s);
  }
}

}  // namespace

// Rendered from the programme the worker holds (Site::programme), so it
// can be rendered even while the database is unavailable.
Response schedule_page(Site& site, const Request&, const RouteParams&) {
  const Programme& programme = site.programme();  // NotSeeded on an empty database
  std::string body = site.templates().render(page_frame("Schedule", true, programme.event.name),
                                             "schedule.tpl", [&](ctemplate::TemplateDictionary& d) {
                                               add_banner(site, d);
                                               fill_schedule(d, programme);
                                             });
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

}  // namespace confsched
