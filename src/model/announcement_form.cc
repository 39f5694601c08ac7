// Validation of the announcement form, and the write it stands for; see
// announcement_form.h.
#include "model/announcement_form.h"

#include <algorithm>
#include <charconv>

#include "model/text.h"
#include "util/text_rules.h"
#include "util/time_text.h"
#include "util/translate.h"

namespace confsched {

namespace {

constexpr int64_t kSecondsPerMinute = 60;
constexpr std::string_view kTheAnnouncement = tr_mark("The announcement");

void check_body(const AnnouncementDraft& d, FieldErrors& errors) {
  if (d.body.empty())
    errors["body"] = tr("The announcement needs some text.");
  else if (auto too_long = length_problem(kAnnouncementText, d.body))
    errors["body"] = field_message(kTheAnnouncement, *too_long);
  else if (auto problem = text_problem(d.body, TextLines::kMany))
    errors["body"] = field_message(kTheAnnouncement, *problem);
  // Stricter than other long texts: the banner (white-space: pre-line)
  // keeps line breaks but folds a tab into a space, so it would not show
  // as typed.
  else if (d.body.find('\t') != std::string::npos)
    errors["body"] = fill_text(tr("The announcement {problem} (only line breaks are allowed)."),
                               {{"problem", character_problem('\t', TextLines::kOne)}});
}

void check_room(const AnnouncementDraft& d, const AnnouncementContext& c, FieldErrors& errors) {
  if (d.room.empty()) return;  // everywhere
  auto id = parse_id(d.room);
  if (!id || !c.room_ids.count(*id)) errors["room"] = tr("Choose a room from the list.");
}

std::optional<int64_t> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int64_t n = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), n);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  return n;
}

// Minutes in a valid "after" duration, else nullopt.
std::optional<int64_t> duration_minutes(const AnnouncementDraft& d) {
  auto n = whole_number(d.duration);
  if (!n || *n < 1) return std::nullopt;
  int64_t minutes = d.unit == "hours" ? *n * 60 : d.unit == "minutes" ? *n : 0;
  if (minutes < 1 || minutes > kMaxAnnouncementMinutes) return std::nullopt;
  return minutes;
}

bool is_editing(const AnnouncementContext& c) { return c.stored.has_value(); }

// The instant typed for a start or an end "at", or nullopt when it is not
// a day and a time (or there is no zone to read them in).
std::optional<int64_t> typed_at(std::string_view day, std::string_view time,
                                const AnnouncementContext& c) {
  return c.zone ? typed_instant(day, time, *c.zone) : std::nullopt;
}

// The day and time fields of a start or an end.
struct TypedFields {
  const char* field;         // where the message goes: "start_at" or "end_at"
  std::string_view invalid;  // the message for a day or time that is not one
  std::string_view slip;     // the message for a day or time typed with another choice
};
// A day or time typed while the choice above says otherwise is a slip,
// not a choice, exactly like a stray duration.
constexpr TypedFields kStartFields{
    "start_at", tr_mark("Give the start as a day (YYYY-MM-DD) and a time (HH:MM)."),
    tr_mark("A start day and time count only when it starts at them: choose that under "
            "\u201CStarts\u201D, or clear them.")};
constexpr TypedFields kEndFields{
    "end_at", tr_mark("Give the end as a day (YYYY-MM-DD) and a time (HH:MM)."),
    tr_mark("An end day and time count only when it ends at them: choose that under "
            "\u201CEnds\u201D, or clear them.")};

// When the day and time are chosen, the instant they name (or an error);
// when they are not, nothing, and an error if they were typed all the same.
std::optional<int64_t> check_typed(const TypedFields& f, const std::string& day,
                                   const std::string& time, bool chosen,
                                   const AnnouncementContext& c, FieldErrors& errors) {
  if (!chosen) {
    if (!day.empty() || !time.empty()) errors[f.field] = tr(f.slip);
    return std::nullopt;
  }
  auto t = typed_at(day, time, c);
  if (!t) errors[f.field] = tr(f.invalid);
  return t;
}

// When the draft starts showing, counting a start that has passed as now;
// nullopt when the start is not valid (errors then says why).
std::optional<int64_t> check_start(const AnnouncementDraft& d, const AnnouncementContext& c,
                                   FieldErrors& errors) {
  const bool at = d.starts == kStartsAt;
  auto t = check_typed(kStartFields, d.start_day, d.start_time, at, c, errors);
  if (d.starts == kStartsNow) return c.now;
  if (d.starts == kStartsKeep && is_editing(c)) return std::max(c.stored->start, c.now);
  if (!at) {
    errors["starts"] = tr("Choose when the announcement starts.");
    return std::nullopt;
  }
  if (!t) return std::nullopt;
  if (*t > c.now + kMaxAnnouncementLeadDays * 24 * 3600) {
    errors[kStartFields.field] = tr("The start can be at most a year (366 days) ahead.");
    return std::nullopt;
  }
  return std::max(*t, c.now);
}

// When the draft stops showing: nullopt inside for "never" (or a kept
// end of never); nullopt outside when the end is not valid.
std::optional<std::optional<int64_t>> check_end(const AnnouncementDraft& d,
                                                const AnnouncementContext& c,
                                                std::optional<int64_t> start, FieldErrors& errors) {
  const bool after = d.ends == kEndsAfter, at = d.ends == kEndsAt;
  if (!after && !d.duration.empty())
    errors["duration"] =
        tr("A duration counts only when it ends after the duration: choose that under "
           "\u201CEnds\u201D, or clear the duration.");
  auto t = check_typed(kEndFields, d.end_day, d.end_time, at, c, errors);
  if (d.ends == kEndsNever) return std::optional<int64_t>();
  if (d.ends == kEndsKeep && is_editing(c)) return c.stored->end;
  if (after) {
    if (d.unit != "minutes" && d.unit != "hours") {
      errors["duration"] = tr("Choose minutes or hours.");
      return std::nullopt;
    }
    auto n = whole_number(d.duration);
    if (!n || *n < 1) {
      errors["duration"] = tr("Give the duration as a whole number, 1 or more.");
      return std::nullopt;
    }
    auto minutes = duration_minutes(d);
    if (!minutes) {
      errors["duration"] = tr("An announcement can run for at most 14 days (336 hours).");
      return std::nullopt;
    }
    if (!start) return std::nullopt;
    return std::optional<int64_t>(*start + *minutes * kSecondsPerMinute);
  }
  if (!at) {
    errors["ends"] = tr("Choose when the announcement ends.");
    return std::nullopt;
  }
  if (!t) return std::nullopt;
  return std::optional<int64_t>(*t);
}

// The end against the start, once both are known. Left alone when both
// are kept: an edit of the text of an announcement that has ended keeps
// it ended, as before.
void check_span(const AnnouncementDraft& d, int64_t now, int64_t start, int64_t end,
                FieldErrors& errors) {
  if (d.starts == kStartsKeep && d.ends == kEndsKeep) return;
  const char* field = d.ends == kEndsAt ? "end_at" : "ends";
  if (end <= now)
    errors[field] = tr("That end has passed already: choose a later one.");
  else if (end <= start)
    errors[field] = tr("The end must be after the start.");
  else if (end - start > kMaxAnnouncementMinutes * kSecondsPerMinute)
    errors[field] = tr("An announcement can show for at most 14 days (336 hours) from its start.");
}

}  // namespace

AnnouncementDraft announcement_from_form(const FormFields& form) {
  auto field = [&](const char* name) { return std::string(form.get(name).value_or("")); };
  auto trimmed = [&](const char* name) { return std::string(trim_blanks(field(name))); };
  AnnouncementDraft d;
  d.body = std::string(trim_blanks(lf_line_breaks(field("body"))));
  d.level = field("level");
  d.room = field("room");
  d.starts = field("starts");
  d.start_day = trimmed("start_day");
  d.start_time = trimmed("start_time");
  d.ends = field("ends");
  d.duration = trimmed("duration");
  d.unit = field("unit");
  d.end_day = trimmed("end_day");
  d.end_time = trimmed("end_time");
  return d;
}

std::optional<int64_t> typed_instant(std::string_view day, std::string_view time,
                                     const TimeZone& zone) {
  // Exactly the two forms a browser's date and time inputs send (and the
  // session form takes), so "9:5" or a day with a time in it is refused
  // rather than guessed at.
  if (day.size() != 10 || time.size() != 5 || time[2] != ':') return std::nullopt;
  std::string text(day);
  text += ' ';
  text += time;
  auto civil = parse_civil(text);
  if (!civil) return std::nullopt;
  return zone.utc_of(*civil);
}

FieldErrors validate_announcement(const AnnouncementDraft& draft,
                                  const AnnouncementContext& context) {
  FieldErrors errors;
  check_body(draft, errors);
  if (draft.level != "info" && draft.level != "important")
    errors["level"] = tr("Choose a level from the list.");
  check_room(draft, context, errors);
  auto start = check_start(draft, context, errors);
  auto end = check_end(draft, context, start, errors);
  if (start && end && *end && !errors.count("start_at") && !errors.count("end_at"))
    check_span(draft, context.now, *start, **end, errors);
  return errors;
}

AnnouncementWrite announcement_write(const AnnouncementDraft& draft,
                                     const AnnouncementContext& context) {
  using Kind = AnnouncementTime::Kind;
  AnnouncementWrite w;
  w.body = draft.body;
  w.level = draft.level;
  if (!draft.room.empty()) w.room_id = parse_id(draft.room);

  // The start, and from when a duration counts: the start if it is still
  // ahead, else now (by the database's clock, as the start itself).
  std::optional<int64_t> future_start;
  if (draft.starts == kStartsKeep && is_editing(context)) {
    w.start.kind = Kind::kKeep;
    if (context.stored->start > context.now) future_start = context.stored->start;
  } else if (draft.starts == kStartsAt) {
    auto t = typed_at(draft.start_day, draft.start_time, context);
    if (t && *t > context.now) future_start = *t;
    w.start = future_start ? AnnouncementTime{Kind::kAt, 0, *future_start}
                           : AnnouncementTime{Kind::kNow, 0, 0};
  } else {
    w.start = {Kind::kNow, 0, 0};
  }

  if (draft.ends == kEndsKeep && is_editing(context)) {
    w.end.kind = Kind::kKeep;
  } else if (draft.ends == kEndsAfter) {
    int64_t minutes = duration_minutes(draft).value_or(0);
    w.end = future_start
                ? AnnouncementTime{Kind::kAt, 0, *future_start + minutes * kSecondsPerMinute}
                : AnnouncementTime{Kind::kNow, minutes, 0};
  } else if (draft.ends == kEndsAt) {
    w.end = {Kind::kAt, 0, typed_at(draft.end_day, draft.end_time, context).value_or(0)};
  } else {
    w.end.kind = Kind::kNone;
  }
  return w;
}

std::string describe_time_left(int64_t seconds) {
  if (seconds <= 0) return "";
  if (seconds < 60) return tr("under a minute");
  int64_t minutes = (seconds + 59) / 60;  // "1 min" until it is really gone
  int64_t days = minutes / (24 * 60), hours = minutes / 60 % 24, mins = minutes % 60;
  std::string out;
  auto part = [&](int64_t n, std::string_view unit) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    out += fill_text(tr(unit), {{"n", std::to_string(n)}});
  };
  part(days, tr_mark("{n} d"));
  part(hours, tr_mark("{n} h"));
  part(mins, tr_mark("{n} min"));
  return out;
}

}  // namespace confsched
