#include "pages/schedule_filter.h"

#include <algorithm>

#include "http/form.h"
#include "http/percent.h"
#include "model/text.h"
#include "util/translate.h"

namespace confsched {

namespace {

// Trims, collapses each run of white space to one space, and cuts at
// kMaxSearchBytes without splitting a UTF-8 sequence.
std::string tidy_search(std::string_view text) {
  std::string out = one_line(text);
  if (out.size() > kMaxSearchBytes) {
    size_t cut = kMaxSearchBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

bool listed(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// Code point to UTF-8 (the callers give only valid scalar values).
void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

uint32_t lower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;  // Latin-1
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 &&
      cp != 0x17F) {
    // Latin Extended-A pairs capital/small as even/odd, except in the
    // ranges U+0139–U+0148 and U+0179–U+017E, where they are odd/even.
    bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return (cp % 2 == (odd_capitals ? 1u : 0u)) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                 // Cyrillic А–Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;                 // Cyrillic Ѐ–Џ
  return cp;
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      out += static_cast<char>(lower(b0));
      ++i;
      continue;
    }
    // Only two-byte sequences hold the capitals folded here; anything else
    // (longer or broken sequences) is copied byte by byte.
    if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      uint32_t cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      append_utf8(out, lower(cp));
      i += 2;
      continue;
    }
    out += text[i++];
  }
  return out;
}

std::string canonical_schedule_query(const ScheduleFilter& f) {
  std::string q;
  auto add = [&](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    if (!q.empty()) q += '&';
    q += name;
    q += '=';
    q += percent_encode(value, false);
  };
  add("day", f.day);
  add("room", f.room);
  add("track", f.track);
  add("q", f.q);
  add("view", f.view);
  return q;
}

FilterParse parse_schedule_filter(std::string_view raw_query, const FilterChoices& choices) {
  FilterParse result;
  auto invalid = [&](std::string problem) {
    result.outcome = FilterParse::Outcome::kInvalid;
    result.problem = std::move(problem);
    return result;
  };
  auto fields = parse_urlencoded(raw_query);
  if (!fields) return invalid(tr("The filter held malformed or invalid characters."));
  ScheduleFilter& f = result.filter;
  f.day = std::string(fields->get("day").value_or(""));
  f.room = std::string(fields->get("room").value_or(""));
  f.track = std::string(fields->get("track").value_or(""));
  f.q = tidy_search(fields->get("q").value_or(""));
  if (!f.day.empty() && !listed(choices.days, f.day))
    return invalid(tr("There is no such conference day."));
  if (!f.room.empty() && !listed(choices.rooms, f.room))
    return invalid(tr("There is no such room."));
  if (!f.track.empty() && !listed(choices.tracks, f.track))
    return invalid(tr("There is no such track."));
  std::string_view view = fields->get("view").value_or("");
  if (view == kGridView) {
    // One grid per day: what the grid cannot show is dropped (a redirect),
    // so a cache holds one copy of each day's grid.
    f.room.clear();
    f.track.clear();
    f.q.clear();
    if (f.day.empty() && !choices.days.empty()) f.day = choices.days.front();
    if (!f.day.empty()) f.view = std::string(kGridView);
  } else if (view == kWholeView) {
    if (!f.narrowed()) f.view = std::string(kWholeView);
  } else if (!view.empty() && view != "list") {
    return invalid(
        tr("There is no such view of the schedule: it is shown as a list, a grid or the whole "
           "programme."));
  }
  result.canonical = canonical_schedule_query(f);
  result.outcome = raw_query == result.canonical ? FilterParse::Outcome::kCanonical
                                                 : FilterParse::Outcome::kRedirect;
  return result;
}

}  // namespace confsched
