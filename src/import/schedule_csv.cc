// The CSV reader: an RFC 4180 record splitter, then one session a record
// through the shared ProgrammeBuilder (import_common.h).
#include "import/schedule_csv.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "import/import_common.h"
#include "model/session_terms.h"
#include "util/text_rules.h"
#include "util/translate.h"
#include "util/utf8.h"

namespace confsched {

namespace {

using namespace import_detail;

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

constexpr std::array<std::string_view, 11> kColumns = {"guid",   "title",    "day",     "start",
                                                       "end",    "room",     "track",   "kind",
                                                       "status", "speakers", "abstract"};
constexpr std::array<std::string_view, 5> kRequired = {"title", "day", "start", "end", "room"};

// Our kind names as they are, frab's type names through frab_kind; any
// other word is refused rather than turned into a talk, since a CSV is
// typed by hand.
std::optional<std::string> kind_of(std::string_view cell) {
  std::string k = lower(std::string(trim_blanks(cell)));
  if (k.empty()) return "talk";
  if (is_session_kind(k)) return k;
  std::string mapped = frab_kind(k);
  if (mapped != "talk" || k == "lecture") return mapped;
  return std::nullopt;
}

std::optional<std::string> status_of(std::string_view cell) {
  std::string s = lower(std::string(trim_blanks(cell)));
  if (s.empty()) return "scheduled";
  if (is_session_status(s)) return s;
  if (s == "canceled") return "cancelled";
  return std::nullopt;
}

// Speakers separated by ';' (a comma would clash with "Surname, Name").
std::vector<std::string> speaker_names(std::string_view cell) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= cell.size()) {
    size_t to = cell.find(';', from);
    if (to == std::string_view::npos) to = cell.size();
    std::string name = one_line(cell.substr(from, to - from));
    if (!name.empty()) out.push_back(name);
    from = to + 1;
  }
  return out;
}

}  // namespace

CsvParseResult parse_csv(std::string_view text) {
  CsvParseResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto fail = [&](size_t line, const std::string& message) {
    result.records.clear();
    result.error = line_at(static_cast<int64_t>(line)) + ": " + message;
    return result;
  };
  size_t line = 1, i = 0;
  while (i < text.size()) {
    CsvRecord record{line, {}};
    std::string cell;
    bool record_done = false;
    while (!record_done) {
      cell.clear();
      if (i < text.size() && text[i] == '"') {
        // A quoted cell: "" is a quote; anything else, line ends included,
        // is literal up to the closing quote (RFC 4180 §2.5-2.7).
        ++i;
        for (;;) {
          if (i >= text.size()) return fail(record.line, tr("a quoted cell is never closed"));
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              cell += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          cell += c;
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          return fail(line,
                      tr("text after a closing quote (a quote inside a cell is written \"\")"));
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"')
            return fail(line, tr("a quote inside an unquoted cell (quote the whole cell)"));
          cell += text[i++];
        }
      }
      if (cell.find('\0') != std::string::npos)
        return fail(line, tr("a NUL byte: the file is not UTF-8 text (UTF-16? save it as UTF-8)"));
      if (!is_valid_utf8(cell))
        return fail(line,
                    tr("not valid UTF-8 (save the file as UTF-8, not Latin-1 or Windows-1252)"));
      record.cells.push_back(cell);
      if (record.cells.size() > kMaxCsvColumns)
        return fail(line, fill_text(tr("more than {count} columns"),
                                    {{"count", std::to_string(kMaxCsvColumns)}}));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      // End of record: CRLF, LF, a lone CR, or the end of the text.
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      record_done = true;
    }
    bool blank = record.cells.size() == 1 && record.cells[0].empty();
    if (!blank) result.records.push_back(std::move(record));
    if (result.records.size() > kMaxScheduleSessions + 1)
      return fail(line, fill_text(tr("more than {count} rows"),
                                  {{"count", std::to_string(kMaxScheduleSessions)}}));
  }
  return result;
}

ScheduleParseResult parse_schedule_csv(std::string_view csv, const ScheduleParseOptions& options) {
  if (csv.size() > kMaxScheduleBytes)
    return {std::nullopt, fill_text(tr("the file is larger than {size} MiB"),
                                    {{"size", std::to_string(kMaxScheduleBytes >> 20)}})};
  CsvParseResult parsed = parse_csv(csv);
  if (!parsed.ok()) return {std::nullopt, parsed.error};
  if (parsed.records.empty()) return {std::nullopt, line_at(1) + ": " + tr("the file is empty")};
  try {
    const CsvRecord& header = parsed.records[0];
    std::string where = line_at(static_cast<int64_t>(header.line));
    std::map<std::string, size_t, std::less<>> column;
    for (size_t c = 0; c < header.cells.size(); ++c) {
      std::string name = lower(std::string(trim_blanks(header.cells[c])));
      bool known = false;
      for (std::string_view k : kColumns) known = known || name == k;
      if (!known)
        refuse_at(where,
                  fill_text(tr("unknown column {column} (known: guid, title, day, start, end, "
                               "room, track, kind, status, speakers, abstract)"),
                            {{"column", excerpt(name)}}));
      if (!column.emplace(name, c).second)
        refuse_at(where, fill_text(tr("column {column} twice"), {{"column", excerpt(name)}}));
    }
    for (std::string_view required : kRequired)
      if (!column.count(required))
        refuse_at(where, fill_text(tr("no column {column} (the first row names the columns)"),
                                   {{"column", excerpt(required)}}));

    ProgrammeBuilder b(options.default_time_zone);
    b.set_event(where,
                options.default_event_name.empty() ? "Conference" : options.default_event_name, "",
                "", std::nullopt, std::nullopt);
    for (size_t r = 1; r < parsed.records.size(); ++r) {
      const CsvRecord& row = parsed.records[r];
      std::string at = line_at(static_cast<int64_t>(row.line));
      if (row.cells.size() != header.cells.size())
        refuse_at(at, fill_text(tr("{count} cells where the header has {header}"),
                                {{"count", std::to_string(row.cells.size())},
                                 {"header", std::to_string(header.cells.size())}}));
      auto cell = [&](std::string_view name) -> std::string {
        auto it = column.find(name);
        return it == column.end() ? std::string() : row.cells[it->second];
      };
      ImportedSession s;
      s.guid = std::string(trim_blanks(cell("guid")));
      s.title = checked_text(at, tr_mark("the title"), cell("title"), kSessionTitle);
      auto day = parse_date(std::string(trim_blanks(cell("day"))));
      if (!day)
        refuse_at(at, fill_text(tr("day {value} is not a date (YYYY-MM-DD)"),
                                {{"value", excerpt(cell("day"))}}));
      auto start = parse_clock(std::string(trim_blanks(cell("start"))));
      if (!start)
        refuse_at(at,
                  fill_text(tr("start {value} is not HH:MM"), {{"value", excerpt(cell("start"))}}));
      auto end = parse_clock(std::string(trim_blanks(cell("end"))));
      if (!end)
        refuse_at(at, fill_text(tr("end {value} is not HH:MM"), {{"value", excerpt(cell("end"))}}));
      // An end at or before the start crosses midnight (a 23:00-01:00 party).
      int length = *end > *start ? *end - *start : *end + 86400 - *start;
      s.room = b.room(at, cell("room"));
      s.track = b.track(at, cell("track"));
      auto kind = kind_of(cell("kind"));
      if (!kind)
        refuse_at(at,
                  fill_text(tr("kind {value} is not one of talk, keynote, workshop, panel, break, "
                               "social"),
                            {{"value", excerpt(cell("kind"))}}));
      s.kind = *kind;
      auto status = status_of(cell("status"));
      if (!status)
        refuse_at(at, fill_text(tr("status {value} is not one of scheduled, cancelled, moved"),
                                {{"value", excerpt(cell("status"))}}));
      s.status = *status;
      for (const std::string& name : speaker_names(cell("speakers")))
        if (auto i = b.speaker(at, 0, name);
            i && std::find(s.speakers.begin(), s.speakers.end(), *i) == s.speakers.end())
          s.speakers.push_back(*i);
      s.abstract = std::string(trim_blanks(cell("abstract")));
      b.add_session(at, std::move(s), local_seconds(*day) + std::chrono::seconds(*start),
                    std::chrono::seconds(length));
    }
    return {b.finish(line_at(static_cast<int64_t>(parsed.records.back().line))), ""};
  } catch (const ImportRefusal& r) {
    return {std::nullopt, r.message};
  }
}

}  // namespace confsched
