#include "model/session_form.h"

#include <algorithm>
#include <charconv>

#include "model/conference_day.h"
#include "model/session_terms.h"
#include "model/text.h"
#include "util/text_rules.h"
#include "util/time_text.h"
#include "util/translate.h"
#include "util/web_url.h"

namespace confsched {

namespace {

bool is_clock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return false;
  auto t = parse_civil("2000-01-01 " + text);
  return t.has_value();
}

// The columns' own limits (model/limits.h), in the words the importer
// uses too: a session it stored can always be saved again here.
void check_title(const SessionDraft& d, FieldErrors& errors) {
  if (d.title.empty())
    errors["title"] = tr("A title is required.");
  else if (auto problem = session_title_problem(d.title))
    errors["title"] = field_message(tr_mark("The title"), *problem);
  if (auto problem = session_abstract_problem(d.abstract))
    errors["abstract"] = field_message(tr_mark("The abstract"), *problem);
}

// Minutes since midnight of an "HH:MM" that is_clock accepts.
int minutes_of_clock(std::string_view hhmm) { return parse_clock(hhmm).value_or(0) / 60; }

// Whether the session starts within the event: on one of its dates, or in
// the small hours after its last one, before the day changes (those close
// the last day: model/conference_day.h).
bool within_event(const SessionDraft& d, const SessionChoices& c) {
  if (d.day >= c.first_day && d.day <= c.last_day) return true;
  return is_clock(d.start) && d.day == next_calendar_day(c.last_day) &&
         minutes_of_clock(d.start) < c.day_change;
}

void check_times(const SessionDraft& d, const SessionChoices& c, FieldErrors& errors) {
  if (!parse_civil(d.day) || d.day.size() != 10)
    errors["day"] = tr("Give the day as YYYY-MM-DD.");
  else if (!within_event(d, c))
    errors["day"] = fill_text(tr("The day must be within the event ({first} to {last})."),
                              {{"first", c.first_day}, {"last", c.last_day}});
  if (!is_clock(d.start)) errors["start"] = tr("Give the start as HH:MM.");
  if (!is_clock(d.end)) {
    errors["end"] = tr("Give the end as HH:MM.");
  } else if (is_clock(d.start)) {
    const int start = minutes_of_clock(d.start), end = minutes_of_clock(d.end);
    if (end == start)
      errors["end"] = tr("The end must be after the start.");
    else if (end < start && end + 24 * 60 - start > kMaxOvernightMinutes)
      errors["end"] = fill_text(
          tr("The end must be after the start. (An end earlier than the start is on the next day, "
             "for a session past midnight, which may last at most {hours} hours.)"),
          {{"hours", std::to_string(kMaxOvernightMinutes / 60)}});
  }
}

void check_choices(const SessionDraft& d, const SessionChoices& c, FieldErrors& errors) {
  auto room = parse_id(d.room_id);
  if (!room || !c.room_ids.count(*room)) errors["room_id"] = tr("Choose a room from the list.");
  if (!d.track_id.empty()) {
    auto track = parse_id(d.track_id);
    if (!track || !c.track_ids.count(*track))
      errors["track_id"] = tr("Choose a track from the list.");
  }
  if (!is_session_kind(d.kind)) errors["kind"] = tr("Choose a kind from the list.");
  if (!is_session_status(d.status)) errors["status"] = tr("Choose a status from the list.");
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  return lines;
}

void check_people_and_links(const SessionDraft& d, FieldErrors& errors) {
  std::string error;
  parse_speaker_lines(d.speakers, error);
  if (!error.empty()) errors["speakers"] = error;
  error.clear();
  parse_material_lines(d.materials, error);
  if (!error.empty()) errors["materials"] = error;
}

}  // namespace

std::optional<std::string> session_title_problem(std::string_view title) {
  return column_text_problem(kSessionTitle, title, TextLines::kOne);
}

std::optional<std::string> session_abstract_problem(std::string_view abstract) {
  return column_text_problem(kSessionAbstract, abstract, TextLines::kMany);
}

std::vector<std::string> parse_speaker_lines(std::string_view text, std::string& error) {
  std::vector<std::string> names;
  size_t number = 0;
  for (std::string_view line : lines_of(text)) {
    ++number;
    std::string name = std::string(trim_blanks(line));
    if (name.empty()) continue;
    if (auto problem = column_text_problem(kSpeakerName, name, TextLines::kOne)) {
      if (error.empty())
        error = fill_text(tr("Line {line}: the name {problem}."),
                          {{"line", std::to_string(number)}, {"problem", *problem}});
      continue;
    }
    bool seen = false;
    for (const std::string& n : names) seen = seen || n == name;
    if (!seen) names.push_back(std::move(name));
  }
  if (names.size() > kMaxSpeakersPerSession && error.empty())
    error = tr("At most 20 speakers per session.");
  return names;
}

std::vector<Material> parse_material_lines(std::string_view text, std::string& error) {
  std::vector<Material> links;
  size_t number = 0;
  for (std::string_view line : lines_of(text)) {
    ++number;
    if (trim_blanks(line).empty()) continue;
    size_t bar = line.rfind('|');
    std::string label =
        bar == std::string_view::npos ? "" : std::string(trim_blanks(line.substr(0, bar)));
    std::string url = bar == std::string_view::npos
                          ? std::string(trim_blanks(line))
                          : std::string(trim_blanks(line.substr(bar + 1)));
    std::string problem;
    WebUrlCheck url_check = check_web_url(url);
    if (label.empty() || url_check == WebUrlCheck::kNotAWebUrl)
      problem = tr("write “Label | https://…” (http or https links only).");
    else if (url_check == WebUrlCheck::kHasUserinfo)
      problem = tr(kUserinfoMessage) + ".";
    else if (auto url_problem = length_problem(kMaterialUrl, url))
      problem = fill_text(tr("the link {problem}."), {{"problem", *url_problem}});
    else if (auto label_problem = column_text_problem(kMaterialLabel, label, TextLines::kOne))
      problem = fill_text(tr("the label {problem}."), {{"problem", *label_problem}});
    if (!problem.empty()) {
      if (error.empty())
        error = fill_text(tr("Line {line}: {problem}"),
                          {{"line", std::to_string(number)}, {"problem", problem}});
      continue;
    }
    links.push_back(Material{std::move(label), std::move(url)});
  }
  if (links.size() > kMaxMaterialsPerSession && error.empty())
    error = tr("At most 20 links per session.");
  return links;
}

std::optional<int64_t> parse_id(const std::string& text) {
  int64_t id = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || id <= 0)
    return std::nullopt;
  return id;
}

std::string clock_after(std::string_view hhmm, int minutes) {
  std::optional<int> seconds = hhmm.size() == 5 ? parse_clock(hhmm) : std::nullopt;
  if (!seconds) return "";
  const int later = std::min(*seconds / 60 + minutes, 23 * 60 + 59);
  return format_clock(CivilDateTime{.hour = later / 60, .minute = later % 60});
}

std::string SessionDraft::ends_at() const {
  const bool overnight = is_clock(start) && is_clock(end) && end < start;
  return (overnight ? next_calendar_day(day) : day) + " " + end + ":00";
}

SessionDraft prefilled_draft(SessionDraft defaults, const FormFields& query,
                             const SessionChoices& choices) {
  auto given = [&](const char* name) { return std::string(query.get(name).value_or("")); };
  SessionDraft d = std::move(defaults);
  const std::string day = given("day");
  if (day.size() == 10 && parse_civil(day) && day >= choices.first_day && day <= choices.last_day)
    d.day = day;
  const std::string start = given("start"), end = given("end");
  if (is_clock(start)) {
    d.start = start;
    d.end = is_clock(end) && end > start ? end : clock_after(start, kNewSessionMinutes);
  }
  if (auto room = parse_id(given("room_id")); room && choices.room_ids.count(*room))
    d.room_id = std::to_string(*room);
  return d;
}

SessionDraft draft_from_form(const FormFields& form) {
  auto field = [&](const char* name) { return std::string(form.get(name).value_or("")); };
  SessionDraft d;
  d.title = std::string(trim_blanks(field("title")));
  d.abstract = lf_line_breaks(field("abstract"));
  d.day = std::string(trim_blanks(field("day")));
  d.start = std::string(trim_blanks(field("start")));
  d.end = std::string(trim_blanks(field("end")));
  d.room_id = field("room_id");
  d.track_id = field("track_id");
  d.kind = field("kind");
  d.status = field("status");
  d.speakers = field("speakers");
  d.materials = field("materials");
  return d;
}

FieldErrors validate_draft(const SessionDraft& draft, const SessionChoices& choices) {
  FieldErrors errors;
  check_title(draft, errors);
  check_times(draft, choices, errors);
  check_choices(draft, choices, errors);
  check_people_and_links(draft, errors);
  return errors;
}

}  // namespace confsched
