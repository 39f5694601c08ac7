#include "cli/site_archive.h"

#include <array>
#include <cstdint>

#include "auth/session_token.h"

namespace confsched {

namespace {

// An id as the site spells it in a path or filter: decimal, no leading 0.
bool is_id(std::string_view text) {
  std::optional<int64_t> id = parse_decimal<int64_t>(text);
  return id && *id > 0;
}

// "YYYY-MM-DD" as a canonical query spells a day (digits only; whether
// the day exists is the page's business, and the export asks only for
// days the site links to).
bool is_day(std::string_view text) {
  if (text.size() != 10) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
  }
  return true;
}

// A hashed asset's name ("style.0123abcd.css"): letters, digits, '.', '_'
// and '-', neither starting with '.' nor holding "..", so it cannot leave
// static/ or be taken for a folder's parent.
bool is_asset_name(std::string_view name) {
  if (name.empty() || name[0] == '.' || name.find("..") != std::string_view::npos) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '_' || c == '-'))
      return false;
  return true;
}

// What follows prefix in text, if text starts with it.
std::optional<std::string_view> after(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return std::nullopt;
  return text.substr(prefix.size());
}

// The schedule's canonical queries (pages/schedule_filter.h) that the
// archive keeps: one file each.
std::optional<std::string> schedule_file(std::string_view query) {
  if (query.empty()) return "schedule.html";
  if (query == "view=all") return "schedule/all.html";
  if (auto day = after(query, "day=")) {
    if (is_day(*day)) return "schedule/" + std::string(*day) + ".html";
    if (day->size() == 20 && is_day(day->substr(0, 10)) && day->substr(10) == "&view=grid")
      return "schedule/" + std::string(day->substr(0, 10)) + "-grid.html";
    return std::nullopt;
  }
  if (auto room = after(query, "room="); room && is_id(*room))
    return "schedule/room-" + std::string(*room) + ".html";
  if (auto track = after(query, "track="); track && is_id(*track))
    return "schedule/track-" + std::string(*track) + ".html";
  return std::nullopt;
}

std::string directory_of(std::string_view file) {
  size_t slash = file.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(file.substr(0, slash + 1));
}

// The attribute at html[i] ("href=\"", ...) when one starts there after
// white space; its length, else 0.
size_t link_attribute_at(std::string_view html, size_t i) {
  static constexpr std::array<std::string_view, 3> kNames = {"href=\"", "src=\"", "action=\""};
  if (i == 0) return 0;
  const char before = html[i - 1];
  if (before != ' ' && before != '\n' && before != '\t') return 0;
  for (std::string_view name : kNames)
    if (html.substr(i, name.size()) == name) return name.size();
  return 0;
}

// "&amp;" read as "&": how the templates escape the '&' of a query.
std::string unescape_amp(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    out += value[i];
    if (value.substr(i, 5) == "&amp;") i += 4;
  }
  return out;
}

}  // namespace

std::optional<std::string> archive_file(std::string_view path, std::string_view query) {
  if (path == "/schedule") return schedule_file(query);
  if (!query.empty()) return std::nullopt;
  if (path == "/") return "index.html";
  for (std::string_view page : {"/speakers", "/changes"})
    if (path == page) return std::string(path.substr(1)) + ".html";
  for (std::string_view feed : {"/schedule.json", "/schedule.xml", "/schedule.ics"})
    if (path == feed) return std::string(path.substr(1));
  if (auto id = after(path, "/session/")) {
    if (is_id(*id)) return "session/" + std::string(*id) + ".html";
    if (id->ends_with(".ics") && is_id(id->substr(0, id->size() - 4)))
      return "session/" + std::string(*id);
  }
  if (auto id = after(path, "/speaker/"); id && is_id(*id))
    return "speaker/" + std::string(*id) + ".html";
  if (auto name = after(path, "/static/"); name && is_asset_name(*name))
    return "static/" + std::string(*name);
  // [site] branding files (pages/brand.cc), fetched from the site itself.
  if (auto name = after(path, "/brand/"); name && is_asset_name(*name))
    return "brand/" + std::string(*name);
  return std::nullopt;
}

std::string relative_link(std::string_view from, std::string_view to) {
  std::string from_dir = directory_of(from);
  // The folders both share, whole ones only.
  size_t common = 0;
  for (size_t i = 0; i < from_dir.size() && i < to.size() && from_dir[i] == to[i]; ++i)
    if (from_dir[i] == '/') common = i + 1;
  std::string link;
  for (size_t i = common; i < from_dir.size(); ++i)
    if (from_dir[i] == '/') link += "../";
  return link + std::string(to.substr(common));
}

ArchivedPage archive_links(std::string_view html, std::string_view from) {
  ArchivedPage page;
  page.html.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    const size_t name = link_attribute_at(html, i);
    if (name == 0) {
      page.html += html[i++];
      continue;
    }
    const size_t start = i + name;
    const size_t end = html.find('"', start);
    if (end == std::string_view::npos) break;  // unterminated: the rest as it is
    page.html += html.substr(i, name);
    const std::string_view value = html.substr(start, end - start);
    if (!value.starts_with('/') || value.starts_with("//")) {
      page.html += value;
    } else {
      const size_t hash = value.find('#');
      const std::string_view fragment =
          hash == std::string_view::npos ? std::string_view() : value.substr(hash);
      const std::string target = unescape_amp(value.substr(0, hash));
      const size_t question = target.find('?');
      const std::string_view target_view = target;
      const std::optional<std::string> file =
          question == std::string::npos
              ? archive_file(target_view, "")
              : archive_file(target_view.substr(0, question), target_view.substr(question + 1));
      if (file) {
        page.targets.push_back(target);
        page.html += relative_link(from, *file);
        page.html += fragment;
      } else {
        page.html += relative_link(from, kNotArchivedFile);
      }
    }
    page.html += '"';
    i = end + 1;
  }
  page.html += html.substr(i);
  return page;
}

}  // namespace confsched
