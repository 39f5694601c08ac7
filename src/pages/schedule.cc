// "/schedule": the whole conference on one page, a section per day and a
// block per starting time. It is the page everyone opens at once, so it is
// plain HTML that works without JavaScript and is cached by the router.
#include <algorithm>

#include "auth/crypto.h"
#include "model/session_terms.h"
#include "model/text.h"
#include "pages/banner.h"
#include "pages/pages.h"
#include "pages/schedule_filter.h"
#include "pages/session_fields.h"
#include "site/markdown.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "util/time_text.h"

namespace confsched {

namespace {

constexpr size_t kShortAbstractBytes = 220;

// The speakers' names as one text, for the search.
std::string speaker_line(const Session& s) {
  std::string line;
  for (const Speaker* speaker : s.speakers) {
    if (!line.empty()) line += ", ";
    line += speaker->name;
  }
  return line;
}

void fill_session(ctemplate::TemplateDictionary& d, const Session& s, bool changed) {
  fill_session_fields(d, s);
  if (s.track) d.AddSectionDictionary("TRACK")->SetValue("NAME", s.track->name);
  if (std::string note(session_status_note(s.status)); !note.empty())
    d.AddSectionDictionary("STATUS_NOTE")->SetValue("TEXT", note);
  if (!s.speakers.empty()) {
    // One link a speaker, to their page.
    auto* line = d.AddSectionDictionary("SPEAKERS");
    for (const Speaker* speaker : s.speakers) {
      auto* entry = line->AddSectionDictionary("SPEAKER");
      entry->SetIntValue("ID", static_cast<long>(speaker->id));
      entry->SetValue("NAME", speaker->name);
    }
  }
  if (changed) d.ShowSection("CHANGED");
  if (!s.abstract.empty())
    d.AddSectionDictionary("ABSTRACT")
        ->SetValue("TEXT", shorten(markdown_to_plain_text(s.abstract), kShortAbstractBytes));
}

std::string_view raw_query(const Request& request) {
  size_t question = request.raw_target.find('?');
  return question == std::string::npos ? std::string_view()
                                       : std::string_view(request.raw_target).substr(question + 1);
}

// The values a filter may name, spelled as in a canonical query.
FilterChoices filter_choices(const Programme& p) {
  FilterChoices c;
  for (const Session& s : p.sessions) {
    std::string day = s.starts_at.substr(0, 10);
    if (c.days.empty() || c.days.back() != day) c.days.push_back(day);  // sorted by start
  }
  for (const Room& r : p.rooms) c.rooms.push_back(std::to_string(r.id));
  for (const Track& t : p.tracks) c.tracks.push_back(std::to_string(t.id));
  return c;
}

bool matches(const Session& s, const ScheduleFilter& f, const std::string& folded_q) {
  if (!f.day.empty() && s.starts_at.compare(0, 10, f.day) != 0) return false;
  if (!f.room.empty() && (!s.room || std::to_string(s.room->id) != f.room)) return false;
  if (!f.track.empty() && (!s.track || std::to_string(s.track->id) != f.track)) return false;
  if (folded_q.empty()) return true;
  // Speakers first: a name is the likeliest search, and the abstract the
  // longest text to fold.
  for (const std::string& text : {speaker_line(s), s.title, s.abstract})
    if (fold_case(text).find(folded_q) != std::string::npos) return true;
  return false;
}

// The GET form at the top of the page: works without JavaScript.
void fill_filter_form(ctemplate::TemplateDictionary& d, const Programme& p,
                      const ScheduleFilter& f) {
  auto option = [&](const char* section, const std::string& value, const std::string& label,
                    const std::string& chosen) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == chosen) o->ShowSection("SELECTED");
  };
  for (const std::string& day : filter_choices(p).days) {
    auto t = parse_civil(day);
    option("DAY_OPTION", day, t ? format_day_label(*t) : day, f.day);
  }
  for (const Room& r : p.rooms) option("ROOM_OPTION", std::to_string(r.id), r.name, f.room);
  for (const Track& t : p.tracks) option("TRACK_OPTION", std::to_string(t.id), t.name, f.track);
  d.SetValue("Q", f.q);
  if (!f.empty()) d.ShowSection("FILTERED");
}

void fill_schedule(ctemplate::TemplateDictionary& d, const Programme& p, const ScheduleFilter& f,
                   const std::vector<int64_t>& changed) {
  d.SetValue("DATES", event_dates(p.event));
  d.SetValue("VENUE", p.event.venue);

  ctemplate::TemplateDictionary* day = nullptr;
  ctemplate::TemplateDictionary* slot = nullptr;
  std::string current_day, current_start;
  const std::string folded_q = fold_case(f.q);
  size_t shown = 0;
  // Sessions come sorted by start time, so days and slots are runs.
  for (const Session& s : p.sessions) {
    if (!matches(s, f, folded_q)) continue;
    ++shown;
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
    fill_session(*slot->AddSectionDictionary("SESSION"), s,
                 std::binary_search(changed.begin(), changed.end(), s.id));
  }
  fill_filter_form(d, p, f);
  if (shown == 0) d.ShowSection("NO_MATCH");
}

}  // namespace

// Rendered from the programme the worker holds (Site::programme), so it
// can be rendered even while the database is unavailable.
PageVariant schedule_variant(Site& site, const Request& request, const RouteParams&) {
  const Programme& programme = site.programme();  // NotSeeded on an empty database
  FilterParse parsed = parse_schedule_filter(raw_query(request), filter_choices(programme));
  PageVariant v;
  switch (parsed.outcome) {
    case FilterParse::Outcome::kInvalid:
      v.answer = site.error_page(400, parsed.problem + " Choose from the lists on the schedule.");
      return v;
    case FilterParse::Outcome::kRedirect:
      v.answer =
          redirect_303(parsed.canonical.empty() ? "/schedule" : "/schedule?" + parsed.canonical);
      return v;
    case FilterParse::Outcome::kCanonical:
      break;
  }
  // The badges change as edits age past changed_hours, with no new data
  // version: the set of badged sessions is part of the variant.
  // Without filter and badges there is no variant: the full schedule's
  // ETag is then the data version's, as every other page's.
  std::string badges;
  for (int64_t id : site.recently_changed()) badges += std::to_string(id) + ",";
  v.key = parsed.canonical;
  if (!badges.empty()) v.key += "#" + sha256_hex(badges).substr(0, 16);
  v.keep = parsed.filter.q.empty();
  return v;
}

Response schedule_page(Site& site, const Request& request, const RouteParams&) {
  const Programme& programme = site.programme();  // NotSeeded on an empty database
  // schedule_variant has let only a canonical, valid query through.
  const ScheduleFilter filter =
      parse_schedule_filter(raw_query(request), filter_choices(programme)).filter;
  const std::vector<int64_t> changed = site.recently_changed();
  std::string body =
      site.templates().render(page_frame("Schedule", true, programme.event.name), "schedule.tpl",
                              [&](ctemplate::TemplateDictionary& d) {
                                add_banner(site, d);
                                fill_schedule(d, programme, filter, changed);
                                add_zone_note(site, d, programme.event, programme.event.starts_on,
                                              programme.event.ends_on + " 23:59");
                              });
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

}  // namespace confsched
