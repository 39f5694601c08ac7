// The schedule JSON reader: nlohmann/json builds the document, this file
// walks it through the shared ProgrammeBuilder (import_common.h).
#include "import/schedule_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "import/import_common.h"
#include "util/text_rules.h"
#include "util/translate.h"

namespace confsched {

namespace {

using namespace import_detail;
using Json = nlohmann::json;

// The deepest [ / { nesting outside strings, stopping once past `limit`.
// Scanned before parsing so that nothing recursive ever sees a deep input.
size_t nesting_depth(std::string_view s, size_t limit) {
  size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) break;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

size_t line_of(std::string_view s, size_t byte) {
  byte = std::min(byte, s.size());
  return 1 + static_cast<size_t>(std::count(s.begin(), s.begin() + static_cast<long>(byte), '\n'));
}

// A member as a string: strings as they are, numbers as written, absent or
// null as "".
std::string text(const Json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  return "";
}

const Json* member(const Json& object, const char* key, Json::value_t type) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->type() != type) return nullptr;
  return &*it;
}

// frab and pretalx ids are numbers; some exports write them as strings.
int64_t id_of(const std::string& where, const Json& object) {
  std::string t = std::string(trim_blanks(text(object, "id")));
  if (t.empty()) return 0;
  auto id = digits(t);
  if (!id || *id <= 0)
    refuse_at(where, fill_text(tr("id {value} is not a positive number"), {{"value", excerpt(t)}}));
  return *id;
}

std::optional<local_days> conference_date(const std::string& where, const Json& conf,
                                          const char* key) {
  std::string s = std::string(trim_blanks(text(conf, key)));
  if (s.empty()) return std::nullopt;
  auto day = parse_date(std::string_view(s).substr(0, std::min<size_t>(s.size(), 10)));
  if (!day || (s.size() > 10 && !parse_local_datetime(s)))
    refuse_at(where, fill_text(tr("conference {key} {value} is not a date"),
                               {{"key", key}, {"value", excerpt(s)}}));
  return day;
}

std::string abstract_of(const Json& ev) {
  std::string abstract = std::string(trim_blanks(text(ev, "abstract")));
  std::string description = std::string(trim_blanks(text(ev, "description")));
  if (description.empty() || description == abstract) return abstract;
  if (abstract.empty()) return description;
  return abstract + "\n\n" + description;
}

class Reader {
 public:
  explicit Reader(const ScheduleParseOptions& options) : b_(options.default_time_zone) {}

  ImportedProgramme read(const Json& root) {
    const Json* schedule = member(root, "schedule", Json::value_t::object);
    if (!schedule) refuse_at("", tr("no \"schedule\" object at the top"));
    const Json* conf = member(*schedule, "conference", Json::value_t::object);
    if (!conf) refuse_at("schedule", tr("no \"conference\" object"));
    b_.set_event("conference", text(*conf, "title"), text(*conf, "venue"),
                 text(*conf, "time_zone_name"), conference_date("conference", *conf, "start"),
                 conference_date("conference", *conf, "end"));
    // Rooms and tracks in the conference's order first, so positions and
    // colours follow the file rather than the first session's day.
    if (const Json* rooms = member(*conf, "rooms", Json::value_t::array))
      for (const Json& r : *rooms) b_.room("conference rooms", text(r, "name"));
    if (const Json* tracks = member(*conf, "tracks", Json::value_t::array))
      for (const Json& t : *tracks)
        b_.track("conference tracks", text(t, "name"), text(t, "color"));
    const Json* days = member(*conf, "days", Json::value_t::array);
    if (!days) refuse_at("conference", tr("no \"days\" array"));
    if (days->size() > kMaxScheduleDays)
      refuse_at("conference", fill_text(tr("more than {count} days"),
                                        {{"count", std::to_string(kMaxScheduleDays)}}));
    size_t index = 0;
    for (const Json& day : *days) read_day(day, ++index);
    b_.set_days(days->size());
    return b_.finish("schedule");
  }

 private:
  void read_day(const Json& day, size_t index) {
    std::string where = fill_text(tr("day {number}"), {{"number", std::to_string(index)}});
    // The schema requires both; a day without them still reads, it just
    // says nothing about the day change.
    std::string date_text = std::string(trim_blanks(text(day, "date")));
    std::string end_text = std::string(trim_blanks(text(day, "day_end")));
    if (!date_text.empty() && !end_text.empty()) {
      auto date = parse_date(date_text);
      if (!date)
        refuse_at(where, fill_text(tr("date {value} is not a date (YYYY-MM-DD)"),
                                   {{"value", excerpt(date_text)}}));
      auto end = parse_local_datetime(end_text);
      if (!end)
        refuse_at(where, fill_text(tr("day_end {value} is not an ISO date-time"),
                                   {{"value", excerpt(end_text)}}));
      b_.add_source_day(SourceDay{*date, *end});
    }
    const Json* rooms = member(day, "rooms", Json::value_t::object);
    if (!rooms) refuse_at(where, tr("no \"rooms\" object"));
    for (const auto& [name, events] : rooms->items()) {
      std::string room_where =
          fill_text(tr("{where}, room {room}"), {{"where", where}, {"room", excerpt(name)}});
      size_t room = b_.room(room_where, name);
      if (!events.is_array()) refuse_at(room_where, tr("the events are not an array"));
      size_t n = 0;
      for (const Json& ev : events) read_event(ev, room_where, ++n, room, name);
    }
  }

  void read_event(const Json& ev, const std::string& room_where, size_t n, size_t room,
                  const std::string& room_name) {
    if (!ev.is_object())
      refuse_at(room_where,
                fill_text(tr("event {number} is not an object"), {{"number", std::to_string(n)}}));
    if (b_.sessions() >= kMaxScheduleSessions)
      refuse_at(room_where, fill_text(tr("more than {count} events"),
                                      {{"count", std::to_string(kMaxScheduleSessions)}}));
    auto event_at = [&](int64_t number) {
      return fill_text(tr("{where}, event {number}"),
                       {{"where", room_where}, {"number", std::to_string(number)}});
    };
    std::string where = event_at(static_cast<int64_t>(n));
    ImportedSession s;
    s.frab_id = id_of(where, ev);
    if (s.frab_id) where = event_at(s.frab_id);
    s.guid = std::string(trim_blanks(text(ev, "guid")));
    s.title = checked_text(where, tr_mark("the title"), text(ev, "title"), kSessionTitle);
    where += " (" + excerpt(s.title) + ")";
    s.slug = source_slug(text(ev, "slug"));
    s.url = source_url(where, text(ev, "url"));
    std::string own_room = one_line(text(ev, "room"));
    if (!own_room.empty() && own_room != one_line(room_name))
      refuse_at(where, fill_text(tr("says room {own} but sits in room {room}"),
                                 {{"own", excerpt(own_room)}, {"room", excerpt(room_name)}}));
    s.room = room;
    // The date-time with offset is the only unambiguous start (the day's
    // date plus "start" fails for sessions after midnight); the schema
    // requires it.
    std::string date = std::string(trim_blanks(text(ev, "date")));
    auto start = parse_local_datetime(date);
    if (!start)
      refuse_at(where,
                fill_text(tr("date {value} is not an ISO date-time"), {{"value", excerpt(date)}}));
    std::string duration_text = std::string(trim_blanks(text(ev, "duration")));
    auto duration = parse_duration(duration_text);
    if (!duration)
      refuse_at(where, fill_text(tr("duration {value} is not a positive HH:MM"),
                                 {{"value", excerpt(duration_text)}}));
    s.kind = frab_kind(std::string(trim_blanks(text(ev, "type"))));
    s.track = b_.track(where, text(ev, "track"));
    s.abstract = abstract_of(ev);
    if (const Json* persons = member(ev, "persons", Json::value_t::array))
      for (const Json& person : *persons) {
        // frab writes public_name, pretalx name.
        std::string name = text(person, "public_name");
        if (one_line(name).empty()) name = text(person, "name");
        auto speaker = b_.speaker(
            where, id_of(fill_text(tr("{where}, a person"), {{"where", where}}), person), name);
        if (speaker &&
            std::find(s.speakers.begin(), s.speakers.end(), *speaker) == s.speakers.end())
          s.speakers.push_back(*speaker);
      }
    if (const Json* links = member(ev, "links", Json::value_t::array))
      for (const Json& link : *links)
        if (auto m = material_link(where, std::string(trim_blanks(text(link, "url"))),
                                   text(link, "title")))
          s.materials.push_back(std::move(*m));
    b_.add_session(where, std::move(s), *start, *duration);
  }

  ProgrammeBuilder b_;
};

}  // namespace

ScheduleParseResult parse_schedule_json(std::string_view json,
                                        const ScheduleParseOptions& options) {
  if (json.size() > kMaxScheduleBytes)
    return {std::nullopt, fill_text(tr("the file is larger than {size} MiB"),
                                    {{"size", std::to_string(kMaxScheduleBytes >> 20)}})};
  if (nesting_depth(json, kMaxScheduleJsonDepth) > kMaxScheduleJsonDepth)
    return {std::nullopt, fill_text(tr("nested deeper than {count} levels"),
                                    {{"count", std::to_string(kMaxScheduleJsonDepth)}})};
  Json root;
  try {
    root = Json::parse(json.begin(), json.end());
  } catch (const Json::parse_error& e) {
    // e.what() repeats the byte offset; the line is what a person needs.
    std::string what = e.what();
    size_t cut = what.find(": syntax error ");
    if (cut != std::string::npos) what = what.substr(cut + 2);
    return {std::nullopt, line_at(static_cast<int64_t>(line_of(json, e.byte))) + ": " + what};
  } catch (const Json::exception& e) {
    // out_of_range for a number too large for a double (found by the
    // fuzzer): no byte offset, so no line.
    return {std::nullopt,
            fill_text(tr("not a usable JSON document: {error}"), {{"error", e.what()}})};
  }
  try {
    return {Reader(options).read(root), ""};
  } catch (const ImportRefusal& r) {
    return {std::nullopt, r.message};
  } catch (const Json::exception& e) {
    return {std::nullopt,
            fill_text(tr("not a usable JSON document: {error}"), {{"error", e.what()}})};
  }
}

}  // namespace confsched
