// The frab schedule.xml reader: libxml2 builds the tree (safely, see
// parse_document), this file walks it into an ImportedProgramme.
#include "import/frab_xml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <climits>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "import/import_common.h"
#include "model/settings_form.h"
#include "model/text.h"
#include "util/text_rules.h"
#include "util/translate.h"

namespace confsched {

namespace {

using namespace import_detail;

// ---------------------------------------------------------------- libxml2

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ParserFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocFree>;
using XmlParser = std::unique_ptr<xmlParserCtxt, ParserFree>;

// libxml2 would print parse errors to stderr and, after the first
// well-formedness error, carry on and report more (the last one is often a
// distant "premature end of data"). The first says what is wrong.
struct FirstError {
  bool seen = false;
  std::string message;
  long line = 0;
};

void keep_first_error(void* ctx, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(static_cast<xmlParserCtxt*>(ctx)->_private);
  if (first->seen || !error || error->level < XML_ERR_ERROR) return;
  first->seen = true;
  first->message = error->message ? error->message : tr("not well-formed XML");
  while (!first->message.empty() && (first->message.back() == '\n' || first->message.back() == ' '))
    first->message.pop_back();
  first->line = error->line;
}

// A schedule has no use for a DTD, and a DTD is the only way to declare
// entities: refusing every DOCTYPE before its internal subset is read
// shuts out external entities (XXE: file or network reads) and entity
// expansion bombs ("billion laughs") alike, whatever the library version.
void refuse_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
  auto* first = static_cast<FirstError*>(ctxt->_private);
  if (!first->seen) {
    first->seen = true;
    first->message = tr("a DOCTYPE is not allowed in a schedule (no DTDs, no entities)");
    first->line = ctxt->input ? ctxt->input->line : 0;
  }
  xmlStopParser(ctxt);
}

struct Document {
  XmlDoc doc;
  std::string error;
};

Document parse_document(std::string_view xml) {
  xmlInitParser();
  XmlParser ctxt(xmlCreateMemoryParserCtxt(xml.data(), static_cast<int>(xml.size())));
  if (!ctxt) return {nullptr, tr("out of memory")};
  FirstError first;
  ctxt->_private = &first;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->serror = keep_first_error;
  // No XML_PARSE_NOENT (entity substitution), DTDLOAD, DTDATTR or DTDVALID:
  // nothing outside the buffer is ever read, and NONET forbids the network
  // even if a future change asked for more. BIG_LINES keeps line numbers
  // right past line 65535 for the error messages.
  xmlCtxtUseOptions(ctxt.get(), XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                                    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlParseDocument(ctxt.get());
  XmlDoc doc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  if (first.seen || !ctxt->wellFormed || !doc || doc->intSubset || doc->extSubset) {
    if (!first.seen) first.message = tr("not a well-formed XML document");
    return {nullptr, line_at(first.line) + ": " + first.message};
  }
  return {std::move(doc), ""};
}

std::string_view name_of(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

bool is_element(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && name_of(node) == name;
}

// The node's own text (its text children; no entity references can exist
// once DOCTYPEs are refused).
std::string text_of(const xmlNode* node) {
  std::string out;
  for (const xmlNode* c = node->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      out += reinterpret_cast<const char*>(c->content);
  return out;
}

std::optional<std::string> attribute(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* a = node->properties; a; a = a->next)
    if (reinterpret_cast<const char*>(a->name) == name) {
      std::string out;
      for (const xmlNode* c = a->children; c; c = c->next)
        if (c->content) out += reinterpret_cast<const char*>(c->content);
      return out;
    }
  return std::nullopt;
}

const xmlNode* child(const xmlNode* node, std::string_view name) {
  for (const xmlNode* c = node->children; c; c = c->next)
    if (is_element(c, name)) return c;
  return nullptr;
}

std::optional<std::string> child_text(const xmlNode* node, std::string_view name) {
  const xmlNode* c = child(node, name);
  if (!c) return std::nullopt;
  return text_of(c);
}

size_t count_elements(const xmlNode* node, size_t limit) {
  size_t n = 0;
  for (const xmlNode* c = node; c && n <= limit; c = c->next)
    if (c->type == XML_ELEMENT_NODE) n += 1 + count_elements(c->children, limit - n);
  return n;
}

// Thrown inside the reader only; parse_frab_xml turns it into the result.
struct Refusal {
  std::string message;
};

[[noreturn]] void refuse(const xmlNode* at, const std::string& message) {
  throw Refusal{line_at(at ? xmlGetLineNo(at) : 0) + ": " + message};
}

// Runs a check of import_common.h, its refusal located by the node's line.
template <typename Check>
auto at_line(const xmlNode* at, Check&& check) {
  try {
    return check();
  } catch (const ImportRefusal& r) {
    refuse(at, r.message);
  }
}

// checked_text (import_common.h), located by the node's line.
std::string checked_line(const xmlNode* at, std::string_view what, std::string_view raw,
                         const ColumnLimit& limit) {
  return at_line(at, [&] { return checked_text("", what, raw, limit); });
}

class Reader {
 public:
  explicit Reader(const ScheduleParseOptions& options) : options_(options) {}

  ImportedProgramme read(const xmlNode* root) {
    if (!root || !is_element(root, "schedule"))
      refuse(root, tr("the root element is not <schedule>"));
    if (count_elements(root, kMaxFrabElements) > kMaxFrabElements)
      refuse(root, fill_text(tr("more than {count} elements"),
                             {{"count", std::to_string(kMaxFrabElements)}}));
    const xmlNode* conference = child(root, "conference");
    if (!conference) refuse(root, "no <conference>");
    read_conference(conference);
    for (const xmlNode* c = root->children; c; c = c->next)
      if (is_element(c, "day")) declare_rooms(c);
    for (const xmlNode* c = root->children; c; c = c->next)
      if (is_element(c, "day")) read_day(c);
    if (p_.sessions.empty()) refuse(root, tr("the schedule holds no events"));
    finish_dates(root);
    return std::move(p_);
  }

 private:
  void read_conference(const xmlNode* conf) {
    p_.event.name = checked_line(conf, tr_mark("the conference title"),
                                 child_text(conf, "title").value_or(""), kEventName);
    if (auto venue = child_text(conf, "venue"); venue && !one_line(*venue).empty())
      p_.event.venue = checked_line(conf, tr_mark("the venue"), *venue, kEventVenue);
    std::string zone = std::string(trim_blanks(child_text(conf, "time_zone_name").value_or("")));
    if (zone.empty()) zone = options_.default_time_zone;
    if (zone.empty())
      refuse(conf, tr("the file names no time zone (<time_zone_name>) and none was given"));
    if (!plausible_time_zone(zone))
      refuse(conf, fill_text(tr("time zone {zone} is not valid"), {{"zone", excerpt(zone)}}));
    p_.event.time_zone = zone;
    first_day_ = conference_date(conf, "start");
    last_day_ = conference_date(conf, "end");
    for (const xmlNode* c = conf->children; c; c = c->next)
      if (is_element(c, "track")) {
        std::string name =
            checked_line(c, tr_mark("a track name"), attribute(c, "name").value_or(""), kTrackName);
        std::string colour = attribute(c, "color").value_or("");
        if (!track_index_.count(name))
          add_track(c, name, is_hex_colour(colour) ? colour : std::string());
      }
  }

  // <start>/<end>: a date or a date-time; absent is fine (the days say).
  std::optional<local_days> conference_date(const xmlNode* conf, std::string_view name) {
    auto text = child_text(conf, name);
    if (!text || std::string(trim_blanks(*text)).empty()) return std::nullopt;
    std::string s = std::string(trim_blanks(*text));
    auto day = parse_date(std::string_view(s).substr(0, 10));
    if (!day || (s.size() > 10 && !parse_local_datetime(s)))
      refuse(child(conf, name), fill_text(tr("conference {key} {value} is not a date (YYYY-MM-DD)"),
                                          {{"key", name}, {"value", excerpt(s)}}));
    return day;
  }

  void declare_rooms(const xmlNode* day) {
    for (const xmlNode* r = day->children; r; r = r->next) {
      if (!is_element(r, "room")) continue;
      std::string name =
          checked_line(r, tr_mark("a room name"), attribute(r, "name").value_or(""), kRoomName);
      if (room_index_.emplace(name, p_.rooms.size()).second) p_.rooms.push_back(name);
      if (p_.rooms.size() > kMaxScheduleRoomsOrTracks)
        refuse(r, fill_text(tr("more than {count} rooms"),
                            {{"count", std::to_string(kMaxScheduleRoomsOrTracks)}}));
    }
  }

  void read_day(const xmlNode* day) {
    if (++p_.days > kMaxScheduleDays)
      refuse(day, fill_text(tr("more than {count} days"),
                            {{"count", std::to_string(kMaxScheduleDays)}}));
    auto date_text = attribute(day, "date");
    std::optional<local_days> date;
    if (date_text) {
      date = parse_date(std::string(trim_blanks(*date_text)));
      if (!date)
        refuse(day, fill_text(tr("day date {value} is not a date (YYYY-MM-DD)"),
                              {{"value", excerpt(*date_text)}}));
    }
    // The day's start: events whose clock time lies before it belong to the
    // small hours after the day's date (a 23:00-04:00 night programme).
    std::optional<local_seconds> boundary;
    if (auto start = attribute(day, "start")) {
      boundary = parse_local_datetime(std::string(trim_blanks(*start)));
      if (!boundary)
        refuse(day,
               fill_text(tr("day start {value} is not a date-time"), {{"value", excerpt(*start)}}));
    }
    if (auto end = attribute(day, "end"); end && date) {
      auto at = parse_local_datetime(std::string(trim_blanks(*end)));
      if (!at)
        refuse(day,
               fill_text(tr("day end {value} is not a date-time"), {{"value", excerpt(*end)}}));
      source_days_.push_back(SourceDay{*date, *at});
    }
    DayContext context{date, boundary};
    for (const xmlNode* r = day->children; r; r = r->next) {
      if (is_element(r, "event")) read_event(r, context, nullptr);
      if (!is_element(r, "room")) continue;
      std::string room = one_line(attribute(r, "name").value_or(""));
      for (const xmlNode* e = r->children; e; e = e->next)
        if (is_element(e, "event")) read_event(e, context, &room);
    }
  }

  struct DayContext {
    std::optional<local_days> date;
    std::optional<local_seconds> boundary;
  };

  void read_event(const xmlNode* ev, const DayContext& day, const std::string* parent_room) {
    if (p_.sessions.size() >= kMaxScheduleSessions)
      refuse(ev, fill_text(tr("more than {count} events"),
                           {{"count", std::to_string(kMaxScheduleSessions)}}));
    ImportedSession s;
    std::string id_text = std::string(trim_blanks(attribute(ev, "id").value_or("")));
    std::string label = tr("event");
    if (!id_text.empty()) {
      auto id = digits(id_text);
      if (!id || *id <= 0)
        refuse(ev, fill_text(tr("event id {value} is not a positive number"),
                             {{"value", excerpt(id_text)}}));
      s.frab_id = *id;
      label = fill_text(tr("event {id}"), {{"id", id_text}});
    }
    auto field = [&](std::string_view name) -> std::string {
      auto text = child_text(ev, name);
      if (!text || std::string(trim_blanks(*text)).empty())
        refuse(ev, label + ": " + fill_text(tr("no <{element}>"), {{"element", name}}));
      return std::string(trim_blanks(*text));
    };
    s.guid = std::string(trim_blanks(attribute(ev, "guid").value_or("")));
    if (auto problem = length_problem(kSessionExternalId, s.guid))
      refuse(ev, label + ": " +
                     fill_text(tr("{field} {problem}"),
                               {{"field", tr("the guid")}, {"problem", *problem}}));
    if (!s.guid.empty() && !guids_.insert(s.guid).second)
      refuse(ev, label + ": " +
                     fill_text(tr("guid {guid} appears twice"), {{"guid", excerpt(s.guid)}}));
    s.title = at_line(ev, [&] {
      return checked_text(label, tr_mark("the title"), field("title"), kSessionTitle);
    });
    label += " (" + excerpt(s.title) + ")";
    s.slug = source_slug(child_text(ev, "slug").value_or(""));
    s.url = at_line(ev, [&] { return source_url(label, child_text(ev, "url").value_or("")); });
    place_in_time(ev, label, day, field("start"), s);
    s.room = room_of(ev, label, parent_room);
    s.kind = frab_kind(std::string(trim_blanks(child_text(ev, "type").value_or(""))));
    std::string track = at_line(ev, [&] {
      return one_line_text(label, tr_mark("the track name"), child_text(ev, "track").value_or(""),
                           kTrackName);
    });
    if (!track.empty()) {
      if (!track_index_.count(track)) add_track(ev, track, "");
      s.track = track_index_.at(track);
    }
    s.abstract = abstract_of(ev);
    at_line(ev, [&] { check_abstract(label, tr_mark("the abstract or description"), s.abstract); });
    read_persons(ev, label, s);
    read_links(ev, label, s);
    p_.sessions.push_back(std::move(s));
  }

  void place_in_time(const xmlNode* ev, const std::string& label, const DayContext& day,
                     const std::string& start_text, ImportedSession& s) {
    auto start_clock = parse_clock(start_text);
    if (!start_clock)
      refuse(ev, label + ": " +
                     fill_text(tr("start {value} is not HH:MM"), {{"value", excerpt(start_text)}}));
    std::string duration_text = std::string(trim_blanks(child_text(ev, "duration").value_or("")));
    auto duration = parse_duration(duration_text);
    if (!duration)
      refuse(ev, label + ": " +
                     fill_text(tr("duration {value} is not a positive HH:MM"),
                               {{"value", excerpt(duration_text)}}));
    local_seconds start;
    // Newer frab and pretalx write the full date-time; it wins, being
    // unambiguous. Older files give only the day and a clock time.
    if (std::string date = std::string(trim_blanks(child_text(ev, "date").value_or("")));
        !date.empty()) {
      auto t = parse_local_datetime(date);
      if (!t)
        refuse(ev, label + ": " +
                       fill_text(tr("date {value} is not an ISO date-time"),
                                 {{"value", excerpt(date)}}));
      start = *t;
    } else {
      if (!day.date) refuse(ev, label + ": " + tr("neither the event nor its day gives a date"));
      start = local_seconds(*day.date) + std::chrono::seconds(*start_clock);
      if (day.boundary && start < *day.boundary) start += std::chrono::days(1);
    }
    s.starts_at = format_datetime(start);
    s.ends_at = format_datetime(start + *duration);
    local_days start_day = std::chrono::floor<std::chrono::days>(start);
    if (!earliest_ || start_day < *earliest_) earliest_ = start_day;
    if (!latest_ || start_day > *latest_) latest_ = start_day;
  }

  size_t room_of(const xmlNode* ev, const std::string& label, const std::string* parent_room) {
    std::string own = one_line(child_text(ev, "room").value_or(""));
    if (parent_room && !own.empty() && own != *parent_room)
      refuse(ev, label + ": " +
                     fill_text(tr("says room {own} but sits in room {room}"),
                               {{"own", excerpt(own)}, {"room", excerpt(*parent_room)}}));
    std::string name = own.empty() && parent_room ? *parent_room : own;
    if (name.empty())
      refuse(ev, label + ": " + fill_text(tr("no <{element}>"), {{"element", "room"}}));
    auto it = room_index_.find(name);
    if (it == room_index_.end())
      refuse(ev, label + ": " +
                     fill_text(tr("room {room} is not one of the schedule's rooms"),
                               {{"room", excerpt(name)}}));
    return it->second;
  }

  // abstract, then description when it says something more; both are
  // Markdown in frab, as sessions.abstract is here.
  static std::string abstract_of(const xmlNode* ev) {
    std::string abstract = std::string(trim_blanks(child_text(ev, "abstract").value_or("")));
    std::string description = std::string(trim_blanks(child_text(ev, "description").value_or("")));
    if (description.empty() || description == abstract) return abstract;
    if (abstract.empty()) return description;
    return abstract + "\n\n" + description;
  }

  void read_persons(const xmlNode* ev, const std::string& label, ImportedSession& s) {
    const xmlNode* persons = child(ev, "persons");
    if (!persons) return;
    for (const xmlNode* c = persons->children; c; c = c->next) {
      if (!is_element(c, "person")) continue;
      std::string name = at_line(c, [&] {
        return one_line_text(label, tr_mark("a speaker name"), text_of(c), kSpeakerName);
      });
      // A deleted account can leave a nameless person behind; nobody to show.
      if (name.empty()) continue;
      std::string id_text = std::string(trim_blanks(attribute(c, "id").value_or("")));
      int64_t id = 0;
      if (!id_text.empty()) {
        auto parsed = digits(id_text);
        if (!parsed || *parsed <= 0)
          refuse(c, label + ": " +
                        fill_text(tr("person id {value} is not a positive number"),
                                  {{"value", excerpt(id_text)}}));
        id = *parsed;
      }
      // Identity by frab person id (names change, ids do not); by name only
      // for persons without an id.
      std::string key = id ? "#" + std::to_string(id) : "=" + name;
      auto [it, fresh] = person_index_.emplace(key, p_.speakers.size());
      if (fresh) p_.speakers.push_back(ImportedSpeaker{id, name});
      bool listed = false;
      for (size_t i : s.speakers) listed = listed || i == it->second;
      if (!listed) s.speakers.push_back(it->second);
    }
    if (s.speakers.size() > kMaxSpeakersPerSession)
      refuse(persons, label + ": " +
                          fill_text(tr("more than {count} speakers"),
                                    {{"count", std::to_string(kMaxSpeakersPerSession)}}));
  }

  // Links become materials as material_link (import_common.h) says: other
  // than http(s) links (mailto:, relative, javascript:) are dropped.
  void read_links(const xmlNode* ev, const std::string& label, ImportedSession& s) {
    const xmlNode* links = child(ev, "links");
    if (!links) return;
    for (const xmlNode* c = links->children; c; c = c->next) {
      if (!is_element(c, "link")) continue;
      std::string url = std::string(trim_blanks(attribute(c, "href").value_or("")));
      if (auto link = at_line(c, [&] { return material_link(label, url, text_of(c)); }))
        s.materials.push_back(std::move(*link));
    }
    if (s.materials.size() > kMaxMaterialsPerSession)
      refuse(links, label + ": " +
                        fill_text(tr("more than {count} links"),
                                  {{"count", std::to_string(kMaxMaterialsPerSession)}}));
  }

  void add_track(const xmlNode* at, const std::string& name, const std::string& colour) {
    if (p_.tracks.size() >= kMaxScheduleRoomsOrTracks)
      refuse(at, fill_text(tr("more than {count} tracks"),
                           {{"count", std::to_string(kMaxScheduleRoomsOrTracks)}}));
    track_index_.emplace(name, p_.tracks.size());
    std::string chosen = colour.empty() ? std::string(palette_colour(p_.tracks.size())) : colour;
    p_.tracks.push_back(ImportedTrack{name, chosen});
  }

  // The event's dates: the conference's own, widened to every session's
  // start day, so that staff can edit any imported session (the session
  // form keeps days within the event's dates).
  void finish_dates(const xmlNode* root) {
    local_days first = first_day_ ? std::min(*first_day_, *earliest_) : *earliest_;
    local_days last = last_day_ ? std::max(*last_day_, *latest_) : *latest_;
    if (last < first) refuse(root, tr("the conference ends before it starts"));
    p_.event.starts_on = format_date(first);
    p_.event.ends_on = format_date(last);
    if (!source_days_.empty()) p_.event.day_change = day_change_of_days(source_days_);
  }

  const ScheduleParseOptions& options_;
  ImportedProgramme p_;
  std::map<std::string, size_t> room_index_, track_index_, person_index_;
  std::set<std::string> guids_;
  std::optional<local_days> first_day_, last_day_, earliest_, latest_;
  std::vector<SourceDay> source_days_;  // those with a date and an end
};

}  // namespace

ScheduleParseResult parse_frab_xml(std::string_view xml, const ScheduleParseOptions& options) {
  if (xml.size() > kMaxScheduleBytes)
    return {std::nullopt, fill_text(tr("the file is larger than {size} MiB"),
                                    {{"size", std::to_string(kMaxScheduleBytes >> 20)}})};
  Document document = parse_document(xml);
  if (!document.doc) return {std::nullopt, document.error};
  try {
    return {Reader(options).read(xmlDocGetRootElement(document.doc.get())), ""};
  } catch (const Refusal& r) {
    return {std::nullopt, r.message};
  }
}

}  // namespace confsched
