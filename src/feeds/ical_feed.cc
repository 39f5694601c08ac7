// iCalendar through libical: libical does the escaping (RFC 5545 §3.3.11)
// and the line folding (§3.1), which are easy to get subtly wrong by hand.
#include "feeds/ical_feed.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "site/markdown.h"
#include "util/time_zone.h"
#include "util/translate.h"

namespace confsched {

namespace {

// Owns a component and everything added to it; adding a child to a parent
// hands the child over (release()).
struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// icalcomponent_as_ical_string_r returns malloc'd text the caller frees.
struct CharFree {
  void operator()(char* p) const { std::free(p); }
};

Component make_component(icalcomponent_kind kind) {
  Component c(icalcomponent_new(kind));
  if (!c) throw std::runtime_error("libical: out of memory");
  return c;
}

icaltimetype unix_to_utc(int64_t seconds) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(seconds), 0,
                                       icaltimezone_get_utc_timezone());
}

// The session's wall-clock time in the event's zone as UTC, by the same
// zone rules as the pages (util/time_zone.h). A zone the system does not
// know leaves the time floating (local to whoever reads it): the best that
// can be said without the zone.
icaltimetype to_ical_time(const CivilDateTime& local, const std::optional<TimeZone>& zone) {
  if (!zone) return to_ical_wall_time(local);
  return unix_to_utc(zone->utc_of(local));
}

std::string description_of(const Session& s) {
  std::string text;
  if (!s.speakers.empty()) {
    text = "Speakers: ";
    for (size_t i = 0; i < s.speakers.size(); ++i) text += (i ? ", " : "") + s.speakers[i]->name;
  }
  // DESCRIPTION is plain text (RFC 5545 §3.8.1.5), and clients that render
  // it as HTML would run the abstract's raw HTML: the abstract's text, not
  // its Markdown.
  const std::string abstract = markdown_to_plain_lines(s.abstract);
  if (!text.empty() && !abstract.empty()) text += "\n\n";
  return text + abstract;
}

Component make_event(const Session& s, const EventInfo& event, const FeedOptions& options,
                     const std::optional<TimeZone>& zone) {
  auto start = parse_civil(s.starts_at);
  auto end = parse_civil(s.ends_at);
  if (!start || !end) throw std::runtime_error("session " + std::to_string(s.id) + ": bad times");
  Component ev = make_component(ICAL_VEVENT_COMPONENT);
  icalcomponent* e = ev.get();
  std::string uid = "session-" + std::to_string(s.id) + "@" + options.uid_domain;
  icalcomponent_add_property(e, icalproperty_new_uid(uid.c_str()));
  // DTSTAMP is required; the time the session last changed keeps the feed
  // the same bytes until it changes again (RFC 5545 §3.8.7.2 allows this
  // for a published calendar, which has no METHOD-less "now").
  icalcomponent_add_property(e, icalproperty_new_dtstamp(unix_to_utc(s.updated_at)));
  icalcomponent_add_property(e, icalproperty_new_lastmodified(unix_to_utc(s.updated_at)));
  // Every save raises revision from 1; SEQUENCE starts at 0 (§3.8.7.4).
  icalcomponent_add_property(e, icalproperty_new_sequence(static_cast<int>(s.revision - 1)));
  icalcomponent_add_property(e, icalproperty_new_dtstart(to_ical_time(*start, zone)));
  icalcomponent_add_property(e, icalproperty_new_dtend(to_ical_time(*end, zone)));
  icalcomponent_add_property(e, icalproperty_new_summary(s.title.c_str()));
  std::string description = description_of(s);
  if (!description.empty())
    icalcomponent_add_property(e, icalproperty_new_description(description.c_str()));
  std::string location = s.room ? s.room->name : "";
  if (!event.venue.empty()) location += (location.empty() ? "" : ", ") + event.venue;
  if (!location.empty()) icalcomponent_add_property(e, icalproperty_new_location(location.c_str()));
  if (s.track) icalcomponent_add_property(e, icalproperty_new_categories(s.track->name.c_str()));
  icalcomponent_add_property(
      e, icalproperty_new_status(s.status == "cancelled" ? ICAL_STATUS_CANCELLED
                                                         : ICAL_STATUS_CONFIRMED));
  if (!options.base_url.empty()) {
    std::string url = options.base_url + "/session/" + std::to_string(s.id);
    icalcomponent_add_property(e, icalproperty_new_url(url.c_str()));
  }
  return ev;
}

// A reminder minutes before the session (RFC 5545 §3.6.6: a DISPLAY alarm
// needs a DESCRIPTION).
void add_alarm(icalcomponent* event, const Session& s, int minutes) {
  Component alarm = make_component(ICAL_VALARM_COMPONENT);
  icalcomponent_add_property(alarm.get(), icalproperty_new_action(ICAL_ACTION_DISPLAY));
  icaltriggertype trigger{};
  trigger.time = icaltime_null_time();
  trigger.duration = icaldurationtype_from_int(-60 * minutes);
  icalcomponent_add_property(alarm.get(), icalproperty_new_trigger(trigger));
  icalcomponent_add_property(alarm.get(), icalproperty_new_description(s.title.c_str()));
  icalcomponent_add_component(event, alarm.release());
}

// What a calendar holds besides the programme's sessions.
struct CalendarShape {
  std::string name;       // X-WR-CALNAME
  int alarm_minutes = 0;  // 0: no reminders
  bool refresh = false;   // ask subscribers to look again hourly
};

template <typename Keep>
std::string render(const Programme& p, const FeedOptions& options, const CalendarShape& shape,
                   Keep&& keep) {
  const std::optional<TimeZone> zone = TimeZone::load(p.event.time_zone);
  Component cal = make_component(ICAL_VCALENDAR_COMPONENT);
  icalcomponent* c = cal.get();
  icalcomponent_add_property(c, icalproperty_new_version("2.0"));
  icalcomponent_add_property(c, icalproperty_new_prodid("-//confsched//schedule feed//EN"));
  icalcomponent_add_property(c, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(c, icalproperty_new_method(ICAL_METHOD_PUBLISH));
  // Widely read non-standard names: the calendar's title and the zone to
  // show it in.
  icalproperty* name = icalproperty_new_x(shape.name.c_str());
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(c, name);
  if (shape.refresh) {
    // RFC 7986 §5.7, and its older non-standard spelling that more
    // clients read: a subscription of sessions that move is worth
    // refreshing more often than the clients' daily default.
    icalproperty* refresh = icalproperty_new_x("PT1H");
    icalproperty_set_x_name(refresh, "X-PUBLISHED-TTL");
    icalcomponent_add_property(c, refresh);
  }
  icalproperty* tz = icalproperty_new_x(p.event.time_zone.c_str());
  icalproperty_set_x_name(tz, "X-WR-TIMEZONE");
  icalcomponent_add_property(c, tz);
  for (const Session& s : p.sessions) {
    if (!keep(s)) continue;
    Component event = make_event(s, p.event, options, zone);
    if (shape.alarm_minutes > 0 && s.status != "cancelled")
      add_alarm(event.get(), s, shape.alarm_minutes);
    icalcomponent_add_component(c, event.release());
  }
  std::unique_ptr<char, CharFree> text(icalcomponent_as_ical_string_r(c));
  if (!text) throw std::runtime_error("libical: could not write the calendar");
  return text.get();
}

}  // namespace

std::string render_ical(const Programme& programme, const FeedOptions& options) {
  return render(programme, options, CalendarShape{programme.event.name},
                [](const Session&) { return true; });
}

std::optional<std::string> render_session_ical(const Programme& programme,
                                               const FeedOptions& options, int64_t session_id) {
  bool found = false;
  for (const Session& s : programme.sessions) found = found || s.id == session_id;
  if (!found) return std::nullopt;
  return render(programme, options, CalendarShape{programme.event.name},
                [&](const Session& s) { return s.id == session_id; });
}

std::string render_my_sessions_ical(const Programme& programme, const FeedOptions& options,
                                    const std::vector<int64_t>& ids, int alarm_minutes) {
  CalendarShape shape{fill_text(tr("{event} – my sessions"), {{"event", programme.event.name}}),
                      alarm_minutes, true};
  return render(programme, options, shape,
                [&](const Session& s) { return std::binary_search(ids.begin(), ids.end(), s.id); });
}

}  // namespace confsched
