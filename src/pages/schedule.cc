// "/schedule": the landing view, which opens with what is on now and next
// (and, for a small programme, goes on with every session); a list, a
// section per day and a block per starting time, of the sessions a filter
// picks or (?view=all) of all of them; or, with ?day=…&view=grid, one day
// as rooms × time. It is the page everyone opens at once, so it is plain HTML that
// works without JavaScript and is cached by the router.
#include <algorithm>
#include <cstdio>

#include "auth/crypto.h"
#include "model/conference_day.h"
#include "model/session_terms.h"
#include "model/settings_form.h"
#include "model/text.h"
#include "pages/banner.h"
#include "pages/pages.h"
#include "pages/schedule_filter.h"
#include "pages/schedule_glance.h"
#include "pages/schedule_grid.h"
#include "pages/session_fields.h"
#include "site/markdown.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "util/time_text.h"
#include "util/time_zone.h"
#include "util/translate.h"

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

// "Tuesday 15 June 2027" for "2027-06-15".
std::string day_label(const std::string& day) {
  auto t = parse_civil(day);
  return t ? format_day_label(*t) : day;
}

// The background of a session in the list and the grid (--wash in
// style.css): a track's stripe that contrasts with it by less than WCAG's
// 3:1 for graphics is outlined.
constexpr std::string_view kCellBackground = "#f3f5f8";

// A track's colour as a stripe (a swatch in the list and the legend): only
// a valid "#rrggbb" (the model checks
// it on every write; this keeps stored text out of the page whatever
// happens), as an SVG fill attribute, which the CSP allows where it
// allows no style attribute.
void add_stripe(ctemplate::TemplateDictionary& d, const Track* track) {
  if (!track || !is_hex_colour(track->colour)) return;
  auto* stripe = d.AddIncludeDictionary("STRIPE");
  stripe->SetFilename("track_stripe.tpl");
  stripe->SetValue("COLOUR", track->colour);
  if (contrast_ratio(track->colour, kCellBackground).value_or(1) < 3) stripe->ShowSection("FAINT");
}

// The instants a session runs between, as Unix seconds, for agenda.js to
// mark what runs now and to offer "Jump to now" as the clock moves: the
// page stays the same bytes for everybody, and the browser compares.
void fill_instants(ctemplate::TemplateDictionary& d, const TimeZone& zone,
                   const std::optional<CivilDateTime>& start,
                   const std::optional<CivilDateTime>& end) {
  if (!start || !end) return;
  auto* at = d.AddSectionDictionary("INSTANTS");
  at->SetValue("START", std::to_string(zone.utc_of(*start)));
  at->SetValue("END", std::to_string(zone.utc_of(*end)));
}

// "at-2027-06-15-0930": the id of a starting time's block, the target of
// "Jump to now" (agenda.js).
std::string slot_anchor(const CivilDateTime& start) {
  std::string clock = format_clock(start);  // "09:30"
  clock.erase(2, 1);
  return "at-" + format_iso_date(start) + "-" + clock;
}

// What a session shows in the list and in the grid alike.
void fill_session_basics(ctemplate::TemplateDictionary& d, const Session& s, const TimeZone& zone) {
  fill_session_fields(d, s);
  fill_instants(d, zone, parse_civil(s.starts_at), parse_civil(s.ends_at));
  if (std::string note(session_status_note(s.status)); !note.empty())
    d.AddSectionDictionary("STATUS_NOTE")->SetValue("TEXT", note);
}

void fill_session(ctemplate::TemplateDictionary& d, const Session& s, bool changed,
                  const TimeZone& zone) {
  fill_session_basics(d, s, zone);
  if (s.track) {
    auto* track = d.AddSectionDictionary("TRACK");
    track->SetValue("NAME", s.track->name);
    add_stripe(*track, s.track);  // a swatch before the name
  }
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
    std::string day = conference_day(s.starts_at, p.event.day_change);
    if (c.days.empty() || c.days.back() != day) c.days.push_back(day);  // sorted by start
  }
  for (const Room& r : p.rooms) c.rooms.push_back(std::to_string(r.id));
  for (const Track& t : p.tracks) c.tracks.push_back(std::to_string(t.id));
  return c;
}

bool matches(const Session& s, const ScheduleFilter& f, const std::string& folded_q,
             int day_change) {
  if (!f.day.empty() && conference_day(s.starts_at, day_change) != f.day) return false;
  if (!f.room.empty() && (!s.room || std::to_string(s.room->id) != f.room)) return false;
  if (!f.track.empty() && (!s.track || std::to_string(s.track->id) != f.track)) return false;
  if (folded_q.empty()) return true;
  // Speakers first: a name is the likeliest search, and the abstract the
  // longest text to fold.
  for (const std::string& text : {speaker_line(s), s.title, s.abstract})
    if (fold_case(text).find(folded_q) != std::string::npos) return true;
  return false;
}

// The GET form at the top of the page (its own section, FILTER_FORM):
// works without JavaScript.
void fill_filter_form(ctemplate::TemplateDictionary& d, const Programme& p,
                      const ScheduleFilter& f) {
  auto option = [&](const char* section, const std::string& value, const std::string& label,
                    const std::string& chosen) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == chosen) o->ShowSection("SELECTED");
  };
  for (const std::string& day : filter_choices(p).days)
    option("DAY_OPTION", day, day_label(day), f.day);
  for (const Room& r : p.rooms) option("ROOM_OPTION", std::to_string(r.id), r.name, f.room);
  for (const Track& t : p.tracks) option("TRACK_OPTION", std::to_string(t.id), t.name, f.track);
  d.SetValue("Q", f.q);
  if (f.narrowed()) d.ShowSection("FILTERED");
}

// Programmes up to this many sessions list them all on the landing view,
// below what is on now and next: one page to scroll, as a small event's
// delegates expect. Larger ones link to each day and to the whole list
// instead, so that the page a delegate lands on stays within the budget of
// issue 16 (60 KB gzipped, 3,000 elements) however large the programme: a
// session in the list is about a dozen elements.
constexpr size_t kLandingListsAllUpTo = 200;

bool landing_lists_all(const Programme& p) { return p.sessions.size() <= kLandingListsAllUpTo; }

// How a block's heading names its starting time.
enum class SlotHeading {
  kClock,    // "10:00"
  kWithDay,  // "Tuesday 15 June 2027, 10:00": a day other than today
  kRunning,  // "Since 10:00": sessions on now
};

// A block of sessions (list_slot.tpl) starting at `start`, headed by it.
ctemplate::TemplateDictionary* add_slot(ctemplate::TemplateDictionary& parent, const char* name,
                                        const std::optional<CivilDateTime>& start,
                                        SlotHeading heading) {
  auto* slot = parent.AddIncludeDictionary(name);
  slot->SetFilename("list_slot.tpl");
  if (start) {
    auto* at = slot->AddSectionDictionary("AT");
    at->SetValue("DATETIME", format_iso_date(*start) + "T" + format_clock(*start));
    at->SetValue("LABEL", heading == SlotHeading::kWithDay
                              ? fill_text(tr("{day}, {time}"), {{"day", format_day_label(*start)},
                                                                {"time", format_clock(*start)}})
                              : format_clock(*start));
    if (heading == SlotHeading::kRunning) at->SetValue("BEFORE", tr("Since "));
  }
  return slot;
}

// The list shows the start of each abstract; the landing view's glance
// does not: it answers "which room, what" for up to two sessions a room,
// and with 40 rooms the abstracts would push the next ones far down.
enum class Abstract { kShown, kLeftOut };

void add_session(ctemplate::TemplateDictionary& slot, const Session& s,
                 const std::vector<int64_t>& changed, const TimeZone& zone,
                 Abstract abstract = Abstract::kShown) {
  auto* d = slot.AddIncludeDictionary("SESSION");
  d->SetFilename("list_session.tpl");
  fill_session(*d, s, std::binary_search(changed.begin(), changed.end(), s.id), zone);
  if (abstract == Abstract::kShown && !s.abstract.empty())
    d->AddSectionDictionary("ABSTRACT")
        ->SetValue("TEXT", shorten(markdown_to_plain_text(s.abstract), kShortAbstractBytes));
}

// What the landing view opens with (pages/schedule_glance.h). `today` is
// the event's date now: a next session on another day says which.
void fill_glance(ctemplate::TemplateDictionary& d, const ScheduleGlance& glance,
                 std::string_view today, int day_change, const std::vector<int64_t>& changed,
                 const TimeZone& zone) {
  const bool during = glance.phase == ScheduleGlance::Phase::kDuring;
  // Before or after the event with no session in any room: nothing to say.
  if (!during && glance.next.empty()) return;
  auto* g = d.AddSectionDictionary("GLANCE");
  if (during) {
    auto* now = g->AddSectionDictionary("NOW");
    if (glance.now.empty()) now->ShowSection("NOTHING_NOW");
    // A block per starting time ("Since 10:00"), as the list has.
    ctemplate::TemplateDictionary* slot = nullptr;
    std::string current_start;
    for (const Session* s : glance.now) {
      if (!slot || s->starts_at != current_start) {
        slot = add_slot(*now, "NOW_SLOT", parse_civil(s->starts_at), SlotHeading::kRunning);
        current_start = s->starts_at;
      }
      add_session(*slot, *s, changed, zone, Abstract::kLeftOut);
    }
    if (glance.next.empty()) now->ShowSection("NOTHING_NEXT");
  } else {
    auto* first = g->AddSectionDictionary("FIRST");
    if (glance.phase == ScheduleGlance::Phase::kAfter) first->ShowSection("ENDED");
  }
  ctemplate::TemplateDictionary* slot = nullptr;
  std::string current_start;
  for (const Session* s : glance.next) {
    if (!slot || s->starts_at != current_start) {
      bool other_day =
          !during || conference_day(s->starts_at, day_change) != conference_day(today, day_change);
      slot = add_slot(*g, "NEXT_SLOT", parse_civil(s->starts_at),
                      other_day ? SlotHeading::kWithDay : SlotHeading::kClock);
      current_start = s->starts_at;
    }
    add_session(*slot, *s, changed, zone, Abstract::kLeftOut);
  }
}

// The landing view of a large programme: each day as a list and as a grid,
// and the whole programme one tap away.
void fill_day_pages(ctemplate::TemplateDictionary& d, const Programme& p) {
  auto* pages = d.AddSectionDictionary("DAY_PAGES");
  for (const std::string& day : filter_choices(p).days) {
    auto* link = pages->AddSectionDictionary("DAY_PAGE");
    link->SetValue("DAY", day);
    link->SetValue("LABEL", day_label(day));
  }
  pages->SetIntValue("COUNT", static_cast<long>(p.sessions.size()));
}

// The sessions that match the filter, a section per day and a block per
// starting time.
void fill_list(ctemplate::TemplateDictionary& d, const Programme& p, const ScheduleFilter& f,
               const std::vector<int64_t>& changed, const TimeZone& zone) {
  auto* anchors = d.AddSectionDictionary("DAY_ANCHORS");
  ctemplate::TemplateDictionary* day = nullptr;
  ctemplate::TemplateDictionary* slot = nullptr;
  std::string current_day, current_start;
  const std::string folded_q = fold_case(f.q);
  size_t shown = 0;
  // Sessions come sorted by start time, so days and slots are runs.
  for (const Session& s : p.sessions) {
    if (!matches(s, f, folded_q, p.event.day_change)) continue;
    ++shown;
    auto start = parse_civil(s.starts_at);
    // The conference day, which a session after midnight shares with the
    // evening before (model/conference_day.h).
    std::string day_id = conference_day(s.starts_at, p.event.day_change);
    if (!day || day_id != current_day) {
      std::string label = day_label(day_id);
      auto* link = anchors->AddSectionDictionary("DAY_LINK");
      link->SetValue("DAY_ID", "day-" + day_id);
      link->SetValue("DAY_LABEL", label);
      day = d.AddSectionDictionary("DAY");
      day->SetValue("DAY_ID", "day-" + day_id);
      day->SetValue("DAY", day_id);
      day->SetValue("DAY_LABEL", label);
      current_day = day_id;
      slot = nullptr;
    }
    if (!slot || s.starts_at != current_start) {
      // Past midnight on the day before's programme: the heading says
      // which morning it is ("Sunday 28 December 2014, 00:15").
      const bool small_hours = start && format_iso_date(*start) != day_id;
      slot =
          add_slot(*day, "SLOT", start, small_hours ? SlotHeading::kWithDay : SlotHeading::kClock);
      // An anchor per starting time, for "Jump to now" (agenda.js).
      if (start) slot->AddSectionDictionary("SLOT_ID")->SetValue("ID", slot_anchor(*start));
      current_start = s.starts_at;
    }
    add_session(*slot, s, changed, zone);
  }
  if (shown == 0) d.ShowSection("NO_MATCH");
}

// The landing view (no query): what is on now and next, then the whole
// list for a small programme or the way to each day for a large one. The
// other lists: the sessions the filter or kWholeView asks for.
void fill_schedule(ctemplate::TemplateDictionary& d, const Programme& p, const ScheduleFilter& f,
                   const ScheduleGlance* glance, std::string_view today,
                   const std::vector<int64_t>& changed, const TimeZone& zone) {
  d.SetValue("DATES", event_dates(p.event));
  d.SetValue("VENUE", p.event.venue);
  d.SetValue("HEADING", f.whole() ? tr("The whole programme") : tr("Schedule"));
  if (glance) fill_glance(d, *glance, today, p.event.day_change, changed, zone);
  if (glance && !landing_lists_all(p))
    fill_day_pages(d, p);
  else
    fill_list(d, p, f, changed, zone);
}

// The grid's cells are narrow: two names, then how many more.
std::string short_speaker_line(const Session& s) {
  constexpr size_t kNamed = 2;
  std::string line;
  for (size_t i = 0; i < s.speakers.size() && i < kNamed; ++i)
    line += (i > 0 ? ", " : "") + s.speakers[i]->name;
  if (s.speakers.size() > kNamed) line += " +" + std::to_string(s.speakers.size() - kNamed);
  return line;
}

// The classes that place a cell (style.css, "Grid view"): start row and
// span as hours and 5-minute steps, and its lane; zero values are the
// stylesheet's defaults and left out.
std::string place_classes(const GridPlace& p, bool spanning) {
  std::string c = spanning ? "gs gb" : "gs";
  auto add = [&](const char* name, int value) {
    if (value != 0) c += std::string(" ") + name + std::to_string(value);
  };
  add("sh", p.slot / kGridSlotsPerHour);
  add("sm", p.slot % kGridSlotsPerHour);
  add("dh", p.span / kGridSlotsPerHour);
  add("dm", p.span % kGridSlotsPerHour);
  if (p.lane > 1) add("ln", p.lane);
  return c;
}

void fill_cell(ctemplate::TemplateDictionary& section, const GridPlace& p, bool spanning,
               const TimeZone& zone) {
  const Session& s = *p.session;
  auto* d = section.AddIncludeDictionary("SESSION");
  d->SetFilename("grid_session.tpl");
  fill_session_basics(*d, s, zone);
  d->SetValue("PLACE", place_classes(p, spanning));
  if (!s.speakers.empty())
    d->AddSectionDictionary("SPEAKERS")->SetValue("TEXT", short_speaker_line(s));
  add_stripe(*d, s.track);
}

// Numbers the stylesheet spells as two classes (tens and units), so a few
// classes cover every column count: see "Grid view" in style.css.
void set_tens_units(ctemplate::TemplateDictionary& d, const char* tens, const char* units,
                    size_t value) {
  d.SetIntValue(tens, static_cast<long>(value / 10));
  d.SetIntValue(units, static_cast<long>(value % 10));
}

void fill_grid(ctemplate::TemplateDictionary& d, const Programme& p, const ScheduleFilter& f,
               const TimeZone& zone) {
  d.SetValue("DATES", event_dates(p.event));
  d.SetValue("VENUE", p.event.venue);
  d.SetValue("DAY", f.day);
  d.SetValue("DAY_LABEL", day_label(f.day));
  for (const std::string& other : filter_choices(p).days) {
    auto* link = d.AddSectionDictionary("DAY_LINK");
    link->SetValue("DAY", other);
    link->SetValue("LABEL", day_label(other));
    if (other == f.day) link->ShowSection("CURRENT");
  }

  std::vector<const Session*> sessions;
  for (const Session& s : p.sessions)
    if (conference_day(s.starts_at, p.event.day_change) == f.day) sessions.push_back(&s);
  const DayGrid grid = lay_out_day(sessions, p.rooms);

  // The legend: the tracks of this day, in the programme's order.
  for (const Track& t : p.tracks) {
    bool shown = std::any_of(sessions.begin(), sessions.end(),
                             [&](const Session* s) { return s->track == &t; });
    if (!shown) continue;
    auto* item = d.AddSectionDictionary("TRACK");
    item->SetValue("NAME", t.name);
    add_stripe(*item, &t);
    d.ShowSection("LEGEND");
  }

  d.SetIntValue("HOURS", grid.hours);
  set_tens_units(d, "WIDTH_TENS", "WIDTH_UNITS", grid.columns.size());
  for (int h = 0; h < grid.hours; ++h) {
    char label[8];
    std::snprintf(label, sizeof label, "%02d:00", (grid.first_hour + h) % 24);
    auto* hour = d.AddSectionDictionary("HOUR");
    hour->SetIntValue("AT", h);
    hour->SetValue("LABEL", label);
    if (h > 0) d.AddSectionDictionary("HOUR_LINE")->SetIntValue("AT", h);
  }
  for (size_t i = 0; i < grid.columns.size(); ++i) {
    const GridColumn& column = grid.columns[i];
    auto* c = d.AddSectionDictionary("COLUMN");
    set_tens_units(*c, "TENS", "UNITS", i);
    if (column.lanes > 1) c->AddSectionDictionary("LANES")->SetIntValue("N", column.lanes);
    if (column.room) {
      auto* room = c->AddSectionDictionary("ROOM");
      room->SetIntValue("ID", static_cast<long>(column.room->id));
      room->SetValue("NAME", column.room->name);
    } else {
      c->ShowSection("NO_ROOM");
    }
    for (const GridPlace& place : column.places)
      fill_cell(*c->AddSectionDictionary("CELL"), place, false, zone);
  }
  for (const GridPlace& place : grid.spanning)
    fill_cell(*d.AddSectionDictionary("BAND"), place, true, zone);
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
      v.answer =
          site.error_page(400, parsed.problem + " " + tr("Choose from the lists on the schedule."));
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
  std::string badges;
  for (int64_t id : site.recently_changed()) badges += std::to_string(id) + ",";
  v.key = parsed.canonical;
  if (!badges.empty()) v.key += "#" + sha256_hex(badges).substr(0, 16);
  // The landing view changes with the clock, but only when a session
  // starts or ends: its variant names the sessions it opens with, so it is
  // rendered once per change for everybody, like a filtered list.
  if (parsed.filter.empty())
    v.key +=
        "@" +
        sha256_hex(glance_key(schedule_glance(programme, event_local_now(site, programme.event))))
            .substr(0, 16);
  v.keep = parsed.filter.q.empty();
  return v;
}

Response schedule_page(Site& site, const Request& request, const RouteParams&) {
  const Programme& programme = site.programme();  // NotSeeded on an empty database
  // schedule_variant has let only a canonical, valid query through.
  const ScheduleFilter filter =
      parse_schedule_filter(raw_query(request), filter_choices(programme)).filter;
  const std::vector<int64_t> changed = site.recently_changed();
  // Each day's grid has a title of its own, as it is a page of its own.
  std::string title = tr("Schedule");
  if (filter.grid())
    title = fill_text(tr("{day} as a grid · Schedule"), {{"day", day_label(filter.day)}});
  if (filter.whole()) title = tr("The whole programme · Schedule");
  const TimeZone& zone = site.event_zone(programme.event.time_zone);
  const std::string now = event_local_now(site, programme.event);
  std::optional<ScheduleGlance> glance;
  if (filter.empty()) glance = schedule_glance(programme, now);
  std::string body = site.templates().render(
      site.shared_frame(title, programme.event.name),
      filter.grid() ? "schedule_grid.tpl" : "schedule.tpl", [&](ctemplate::TemplateDictionary& d) {
        add_banner(site, d);
        if (filter.grid())
          fill_grid(d, programme, filter, zone);
        else
          fill_schedule(d, programme, filter, glance ? &*glance : nullptr, now, changed, zone);
        // A static archive has no server to filter (Templates::render_for_archive).
        if (!filter.grid() && !site.templates().for_archive())
          fill_filter_form(*d.AddSectionDictionary("FILTER_FORM"), programme, filter);
        add_zone_note(site, d, programme.event, programme.event.starts_on,
                      programme.event.ends_on + " 23:59");
      });
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

}  // namespace confsched
