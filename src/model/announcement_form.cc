// Validation of the announcement form; see announcement_form.h.
#include "model/announcement_form.h"

#include <charconv>

#include "model/text.h"
#include "util/text_rules.h"

namespace confsched {

namespace {

void check_body(const AnnouncementDraft& d, FieldErrors& errors) {
  if (d.body.empty())
    errors["body"] = "The announcement needs some text.";
  else if (auto too_long = length_problem(kAnnouncementText, d.body))
    errors["body"] = "The announcement " + *too_long + ".";
  else if (auto problem = text_problem(d.body, TextLines::kMany))
    errors["body"] = "The announcement " + *problem + ".";
  // Stricter than other long texts: the banner (white-space: pre-line)
  // keeps line breaks but folds a tab into a space, so it would not show
  // as typed.
  else if (d.body.find('\t') != std::string::npos)
    errors["body"] = "The announcement " + character_problem('\t', TextLines::kOne) +
                     " (only line breaks are allowed).";
}

std::optional<int64_t> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int64_t n = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), n);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  return n;
}

void check_end(const AnnouncementDraft& d, bool editing, FieldErrors& errors) {
  if (d.ends == kEndsNever || (editing && d.ends == kEndsKeep)) {
    // A duration typed while "Ends" says otherwise is a slip, not a choice.
    if (!d.duration.empty())
      errors["duration"] =
          "A duration counts only when it ends after the duration: choose that under "
          "\u201CEnds\u201D, or clear the duration.";
    return;
  }
  if (d.ends != kEndsAfter) {
    errors["ends"] = "Choose when the announcement ends.";
    return;
  }
  if (d.unit != "minutes" && d.unit != "hours") {
    errors["duration"] = "Choose minutes or hours.";
    return;
  }
  auto n = whole_number(d.duration);
  if (!n || *n < 1)
    errors["duration"] = "Give the duration as a whole number, 1 or more.";
  else if (!announcement_minutes(d))
    errors["duration"] = "An announcement can run for at most 14 days (336 hours).";
}

}  // namespace

AnnouncementDraft announcement_from_form(const FormFields& form) {
  auto field = [&](const char* name) { return std::string(form.get(name).value_or("")); };
  AnnouncementDraft d;
  d.body = std::string(trim_blanks(lf_line_breaks(field("body"))));
  d.level = field("level");
  d.ends = field("ends");
  d.duration = std::string(trim_blanks(field("duration")));
  d.unit = field("unit");
  return d;
}

FieldErrors validate_announcement(const AnnouncementDraft& draft, bool editing) {
  FieldErrors errors;
  check_body(draft, errors);
  if (draft.level != "info" && draft.level != "important")
    errors["level"] = "Choose a level from the list.";
  check_end(draft, editing, errors);
  return errors;
}

std::optional<int64_t> announcement_minutes(const AnnouncementDraft& draft) {
  if (draft.ends != kEndsAfter) return std::nullopt;
  auto n = whole_number(draft.duration);
  if (!n || *n < 1) return std::nullopt;
  int64_t minutes = draft.unit == "hours" ? *n * 60 : draft.unit == "minutes" ? *n : 0;
  if (minutes < 1 || minutes > kMaxAnnouncementMinutes) return std::nullopt;
  return minutes;
}

std::string describe_time_left(int64_t seconds) {
  if (seconds <= 0) return "";
  if (seconds < 60) return "under a minute";
  int64_t minutes = (seconds + 59) / 60;  // "1 min" until it is really gone
  int64_t days = minutes / (24 * 60), hours = minutes / 60 % 24, mins = minutes % 60;
  std::string out;
  auto part = [&](int64_t n, const char* unit) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    out += std::to_string(n) + ' ' + unit;
  };
  part(days, "d");
  part(hours, "h");
  part(mins, "min");
  return out;
}

}  // namespace confsched
