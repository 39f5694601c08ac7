// Schedule JSON and frab XML: both list days, rooms within a day, and
// sessions within a room, so one plan (plan_days) feeds both writers.
#include "feeds/exchange_feed.h"

#include <libxml/xmlwriter.h>

#include <cstdio>
#include <memory>
#include <set>
#include <stdexcept>
#include <vector>

#include "model/conference_day.h"
#include "model/text.h"
#include "site/markdown.h"

namespace confsched {

namespace {

// ---------------------------------------------------------------- the plan

struct PlannedEvent {
  const Session* session;
  CivilDateTime start;
  std::string date;      // ISO 8601 with offset
  std::string clock;     // "09:30"
  std::string duration;  // "01:00"
  std::string guid, url;
};

struct PlannedRoom {
  const Room* room;
  std::vector<PlannedEvent> events;
};

struct PlannedDay {
  int index = 0;
  std::string date;                // "2026-06-12"
  std::string start, end;          // ISO 8601 with offset: first start, last end
  std::vector<PlannedRoom> rooms;  // by room position
};

// Sessions come sorted by start (then room position), so a day is a run
// of sessions on the same conference day (model/conference_day.h): a talk
// at 00:15 stays on the evening before, under the <day> the source listed
// it in. A day starts at its first session; it ends where the next day
// takes over when the event has a day change (as frab writes CCC's days:
// "2014-12-28T04:00" for 27 December), else at its last session's end.
std::vector<PlannedDay> plan_days(const Programme& p, const FeedOptions& options) {
  std::vector<PlannedDay> days;
  std::string day_date, first_start, last_end;
  const int day_change = p.event.day_change;
  auto close_day = [&] {
    if (days.empty()) return;
    days.back().start = iso_local_with_offset(p.event.time_zone, *parse_civil(first_start));
    std::string end = last_end;
    if (day_change > 0)
      end =
          std::max(end, next_calendar_day(day_date) + " " + format_day_change(day_change) + ":00");
    days.back().end = iso_local_with_offset(p.event.time_zone, *parse_civil(end));
  };
  for (const Session& s : p.sessions) {
    if (!listed_in_exchange_formats(s) || !s.room) continue;
    auto start = parse_civil(s.starts_at);
    auto end = parse_civil(s.ends_at);
    if (!start || !end) throw std::runtime_error("session " + std::to_string(s.id) + ": bad times");
    std::string date = conference_day(s.starts_at, day_change);
    if (days.empty() || date != day_date) {
      close_day();
      days.push_back(PlannedDay{static_cast<int>(days.size()) + 1, date, "", "", {}});
      for (const Room& room : p.rooms) days.back().rooms.push_back(PlannedRoom{&room, {}});
      day_date = date;
      first_start = s.starts_at;
      last_end = s.ends_at;
    }
    if (s.ends_at > last_end) last_end = s.ends_at;
    // The identity the session had at its source (sql/012), else ours.
    PlannedEvent e{&s,
                   *start,
                   iso_local_with_offset(p.event.time_zone, *start),
                   format_clock(*start),
                   hours_minutes(minutes_between(*start, *end)),
                   exported_guid(s.external_id, options.uid_domain, s.id),
                   s.external_url.empty() ? options.base_url + "/session/" + std::to_string(s.id)
                                          : s.external_url};
    for (PlannedRoom& r : days.back().rooms)
      if (r.room == s.room) r.events.push_back(std::move(e));
  }
  close_day();
  return days;
}

// The schemas want an acronym of at least four [a-z0-9_].
std::string acronym_of(const EventInfo& event) {
  std::string acronym = slug_of(event.name, 32);
  if (acronym.size() < 4) acronym += "conf";
  return acronym;
}

// ---------------------------------------------------------------- JSON

// A tiny writer for the one document shape below: keys and values in
// order, commas where they belong.
class Json {
 public:
  void open(char bracket) {
    separate();
    out_ += bracket;
    first_ = true;
  }
  void close(char bracket) {
    out_ += bracket;
    first_ = false;
  }
  void key(std::string_view k) {
    separate();
    out_ += json_string(k);
    out_ += ':';
    first_ = true;  // the value follows without a comma
  }
  void string(std::string_view v) {
    separate();
    out_ += json_string(v);
  }
  void number(int64_t v) {
    separate();
    out_ += std::to_string(v);
  }
  void null() {
    separate();
    out_ += "null";
  }
  void field(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  std::string take() { return std::move(out_); }

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string out_;
  bool first_ = true;
};

// "key": [{...}, ...], one object per item, filled by fill(item).
template <typename Items, typename Fill>
void object_array(Json& j, std::string_view key, const Items& items, Fill&& fill) {
  j.key(key);
  j.open('[');
  for (const auto& item : items) {
    j.open('{');
    fill(item);
    j.close('}');
  }
  j.close(']');
}

void json_event(Json& j, const PlannedEvent& e, const std::string& acronym) {
  const Session& s = *e.session;
  j.open('{');
  j.field("guid", e.guid);
  j.key("id");
  j.number(s.id);
  j.field("date", e.date);
  j.field("start", e.clock);
  j.field("duration", e.duration);
  j.field("room", s.room->name);
  if (!s.external_slug.empty()) {
    j.field("slug", s.external_slug);
  } else {
    std::string title_slug = slug_of(s.title, 48);
    j.field("slug",
            acronym + "-" + std::to_string(s.id) + (title_slug.empty() ? "" : "-" + title_slug));
  }
  j.field("url", e.url);
  j.field("title", s.title);
  j.field("subtitle", "");
  j.key("track");
  if (s.track)
    j.string(s.track->name);
  else
    j.null();
  j.field("type", s.kind);
  j.key("language");
  j.null();
  // The abstract as plain text, here and in the XML: apps show this field
  // as text, where Markdown's markers are noise, or as HTML, where its raw
  // HTML would run.
  j.field("abstract", markdown_to_plain_lines(s.abstract));
  j.field("description", "");
  // pretalx's person shape (name, no public_name): the schema's oneOf
  // between frab and pretalx persons must match exactly one.
  object_array(j, "persons", s.speakers, [&](const Speaker* speaker) {
    j.key("id");
    j.number(speaker->id);
    j.field("name", speaker->name);
  });
  object_array(j, "links", s.materials, [&](const Material& m) {
    j.field("url", m.url);
    j.field("title", m.label);
  });
  j.close('}');
}

// ---------------------------------------------------------------- XML

struct BufferFree {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};
struct WriterFree {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};

// xmlTextWriter with every call checked: it escapes text and attribute
// values (&, <, >, quotes) itself.
class Xml {
 public:
  Xml() : buffer_(xmlBufferCreate()) {
    if (!buffer_) throw std::runtime_error("libxml2: out of memory");
    writer_.reset(xmlNewTextWriterMemory(buffer_.get(), 0));
    if (!writer_) throw std::runtime_error("libxml2: out of memory");
    check(xmlTextWriterSetIndent(writer_.get(), 1));
    check(xmlTextWriterStartDocument(writer_.get(), nullptr, "UTF-8", nullptr));
  }
  void open(const char* name) { check(xmlTextWriterStartElement(writer_.get(), x(name))); }
  void close() { check(xmlTextWriterEndElement(writer_.get())); }
  void attribute(const char* name, const std::string& value) {
    check(xmlTextWriterWriteAttribute(writer_.get(), x(name), x(value.c_str())));
  }
  void element(const char* name, const std::string& text) {
    check(xmlTextWriterWriteElement(writer_.get(), x(name), x(text.c_str())));
  }
  void text(const std::string& t) { check(xmlTextWriterWriteString(writer_.get(), x(t.c_str()))); }
  std::string finish() {
    check(xmlTextWriterEndDocument(writer_.get()));
    writer_.reset();  // flushes into the buffer
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                       static_cast<size_t>(xmlBufferLength(buffer_.get())));
  }

 private:
  static const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
  static void check(int rc) {
    if (rc < 0) throw std::runtime_error("libxml2: could not write the schedule XML");
  }
  // The buffer outlives the writer that writes into it.
  std::unique_ptr<xmlBuffer, BufferFree> buffer_;
  std::unique_ptr<xmlTextWriter, WriterFree> writer_;
};

// Whether an imported slug fits the XSD's <slug> (voc-slug-new,
// "[a-z0-9_]{4,}-[a-z0-9\-_]{4,}"); the importers keep only [a-z0-9_-].
bool fits_xml_slug(std::string_view slug) {
  size_t dash = slug.find('-');
  return dash != std::string_view::npos && dash >= 4 && slug.size() - dash - 1 >= 4;
}

// written_slugs: the <slug>s written so far, which the XSD wants unique (a
// pretalx talk given twice has one slug for both).
void xml_event(Xml& x, const PlannedEvent& e, bool absolute_url,
               std::set<std::string>& written_slugs) {
  const Session& s = *e.session;
  x.open("event");
  x.attribute("id", std::to_string(s.id));
  x.attribute("guid", e.guid);
  x.element("date", e.date);
  x.element("start", e.clock);
  x.element("duration", e.duration);
  x.element("room", s.room->name);
  x.element("title", s.title);
  x.element("type", s.kind);
  x.element("track", s.track ? s.track->name : "");
  x.element("abstract", markdown_to_plain_lines(s.abstract));
  // Only the source's slug: the XSD asks for none where it would merely be
  // made from the title, as ours is.
  if (fits_xml_slug(s.external_slug) && written_slugs.insert(s.external_slug).second)
    x.element("slug", s.external_slug);
  // The XSD allows only absolute http(s) URLs here; the source's always is.
  if (absolute_url || !s.external_url.empty()) x.element("url", e.url);
  x.open("persons");
  for (const Speaker* speaker : s.speakers) {
    x.open("person");
    x.attribute("id", std::to_string(speaker->id));
    x.text(speaker->name);
    x.close();
  }
  x.close();
  x.open("links");
  for (const Material& m : s.materials) {
    x.open("link");
    x.attribute("href", m.url);
    x.text(m.label);
    x.close();
  }
  x.close();
  x.close();
}

}  // namespace

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", u);
      out += esc;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string render_schedule_json(const Programme& p, const FeedOptions& options) {
  const std::string acronym = acronym_of(p.event);
  std::vector<PlannedDay> days = plan_days(p, options);
  Json j;
  j.open('{');
  j.field("$schema", "https://c3voc.de/schedule/schema.json");
  j.key("generator");
  j.open('{');
  j.field("name", "confsched");
  j.close('}');
  j.key("schedule");
  j.open('{');
  j.field("version", options.version);
  if (!options.base_url.empty()) j.field("base_url", options.base_url + "/");
  j.key("conference");
  j.open('{');
  j.field("acronym", acronym);
  j.field("title", p.event.name);
  j.field("start", p.event.starts_on);
  j.field("end", p.event.ends_on);
  j.key("daysCount");
  j.number(static_cast<int64_t>(days.size()));
  j.field("timeslot_duration", "00:05");
  j.field("time_zone_name", p.event.time_zone);
  // The schema's Room takes no property it does not name
  // (additionalProperties: false), so the details go where it has a place:
  // the floor and the directions into "description", the map link into
  // "url" (a page about the room). The stream link has none: "stream_id"
  // names a c3voc stream, not a URL. The frab XML's <room> has only name
  // and guid, so it gets no details.
  object_array(j, "rooms", p.rooms, [&](const Room& room) {
    j.field("name", room.name);
    j.field("guid", session_guid(options.uid_domain + "/room", room.id));
    if (std::string where = room_whereabouts(room.details); !where.empty())
      j.field("description", where);
    if (!room.details.map_url.empty()) j.field("url", room.details.map_url);
  });
  object_array(j, "tracks", p.tracks, [&](const Track& track) {
    j.field("name", track.name);
    j.field("color", track.colour);
  });
  j.key("days");
  j.open('[');
  for (const PlannedDay& day : days) {
    j.open('{');
    j.key("index");
    j.number(day.index);
    j.field("date", day.date);
    j.field("day_start", day.start);
    j.field("day_end", day.end);
    j.key("rooms");
    j.open('{');
    for (const PlannedRoom& room : day.rooms) {
      j.key(room.room->name);
      j.open('[');
      for (const PlannedEvent& e : room.events) json_event(j, e, acronym);
      j.close(']');
    }
    j.close('}');
    j.close('}');
  }
  j.close(']');
  j.close('}');
  j.close('}');
  j.close('}');
  return j.take() + "\n";
}

std::string render_schedule_xml(const Programme& p, const FeedOptions& options) {
  std::vector<PlannedDay> days = plan_days(p, options);
  std::set<std::string> written_slugs;
  Xml x;
  x.open("schedule");
  x.open("generator");
  x.attribute("name", "confsched");
  x.close();
  if (!options.base_url.empty()) x.element("url", options.base_url + "/schedule.xml");
  x.element("version", options.version);
  x.open("conference");
  x.element("title", p.event.name);
  x.element("acronym", acronym_of(p.event));
  x.element("start", p.event.starts_on);
  x.element("end", p.event.ends_on);
  x.element("days", std::to_string(days.size()));
  x.element("timeslot_duration", "00:05");
  x.element("time_zone_name", p.event.time_zone);
  for (const Track& track : p.tracks) {
    x.open("track");
    x.attribute("name", track.name);
    x.attribute("color", track.colour);
    x.close();
  }
  x.close();
  for (const PlannedDay& day : days) {
    x.open("day");
    x.attribute("index", std::to_string(day.index));
    x.attribute("date", day.date);
    x.attribute("start", day.start);
    x.attribute("end", day.end);
    for (const PlannedRoom& room : day.rooms) {
      x.open("room");
      x.attribute("name", room.room->name);
      for (const PlannedEvent& e : room.events)
        xml_event(x, e, !options.base_url.empty(), written_slugs);
      x.close();
    }
    x.close();
  }
  x.close();
  return x.finish();
}

}  // namespace confsched
