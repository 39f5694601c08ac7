// `confsched export site DIR`: the delegate site as static files, for
// keeping the programme online after the event without MariaDB or the
// FastCGI server (README "A static archive"). Each page is rendered in
// this process by the route table's own handlers (web/router.h), as a
// delegate sees it, from the configured database; its links are then made
// relative (cli/site_archive.h), and every page they lead to is archived
// in turn.
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <system_error>

#include "auth/session_token.h"
#include "cli/cli.h"
#include "cli/site_archive.h"
#include "http/request_builder.h"
#include "model/conference_day.h"
#include "pages/schedule_filter.h"
#include "site/site.h"
#include "site/templates.h"
#include "store/database.h"
#include "util/files.h"
#include "web/router.h"

namespace confsched {

namespace {

namespace fs = std::filesystem;

constexpr const char* kExportSiteHelp =
    "usage: confsched [--config FILE] export site DIR [--force]\n"
    "\n"
    "Writes the delegate pages as static files into DIR, for a plain web server\n"
    "once the event is over: the landing page, the schedule (each day as a list\n"
    "and as a grid, each room and track, the whole programme), every session and\n"
    "speaker, the changes, the stylesheet, the [site] logo and stylesheets, and\n"
    "the feeds (schedule.json, schedule.xml, schedule.ics, each session's .ics).\n"
    "Links are relative, so DIR\n"
    "works under any path; links to what the archive leaves out (/now, the\n"
    "login, the screens, staff pages) lead to not-archived.html. No script, no\n"
    "service worker. The pages are rendered as a delegate sees them, so a\n"
    "delegate password must be set.\n"
    "\n"
    "DIR must be empty or missing (--force replaces it). The archive is made in\n"
    "DIR.partial and renamed to DIR once complete. It holds what only delegates\n"
    "may see: serve it behind a password if it must stay private (README, \"A\n"
    "static archive\", has an nginx snippet).\n";

// The scheme and host the pages are rendered for: public_url's, as a
// browser would come to it (feeds write absolute links with it).
struct Origin {
  bool https = false;
  std::string host = "localhost";
};

Origin origin_of(const std::string& public_url) {
  Origin origin;
  std::string_view rest = public_url;
  if (rest.starts_with("https://")) {
    origin.https = true;
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  }
  rest = rest.substr(0, rest.find('/'));
  if (!rest.empty()) origin.host = rest;
  return origin;
}

// The programme's days, rooms and tracks as canonical schedule queries:
// where the crawl starts besides the pages every archive has, so that a
// room or track no page links to is archived too.
std::vector<std::string> schedule_targets(const Programme& programme) {
  std::vector<std::string> targets;
  auto add = [&](std::string ScheduleFilter::*field, std::string value, std::string_view view) {
    ScheduleFilter filter;
    filter.*field = std::move(value);
    filter.view = view;
    targets.push_back("/schedule?" + canonical_schedule_query(filter));
  };
  std::set<std::string> days;
  for (const Session& s : programme.sessions)
    days.insert(conference_day(s.starts_at, programme.event.day_change));
  for (const std::string& day : days) {
    add(&ScheduleFilter::day, day, "");
    add(&ScheduleFilter::day, day, kGridView);
  }
  for (const Room& r : programme.rooms) add(&ScheduleFilter::room, std::to_string(r.id), "");
  for (const Track& t : programme.tracks) add(&ScheduleFilter::track, std::to_string(t.id), "");
  for (const Session& s : programme.sessions) targets.push_back("/session/" + std::to_string(s.id));
  return targets;
}

class Archiver {
 public:
  Archiver(Site& site, const std::string& secret, fs::path dir)
      : site_(site), origin_(origin_of(site.config().public_url)), dir_(std::move(dir)) {
    const uint64_t epoch = site.data_state().delegate_epoch;
    if (epoch == 0)
      throw std::runtime_error(
          "no delegate password is set (`confsched passwd delegate`): the archive holds the "
          "pages as a delegate sees them");
    token_ = sign_session(SessionClaims{Role::kDelegate, site.now() + 3600, epoch}, secret);
  }

  // Archives target (a path and query of the site) and every archived page
  // it leads to, unless archived already.
  void archive(const std::string& target) {
    queue_.push_back(target);
    drain();
  }

  // The page the links to what is left out lead to.
  void write_note() {
    const std::string name = site_.event().name;
    std::string html = site_.templates().render(
        page_frame("Not in this archive", true, name), "archive_note.tpl",
        [&](ctemplate::TemplateDictionary& d) { d.SetValue("SITE_NAME", name); });
    write_page(std::string(kNotArchivedFile), html);
    drain();
  }

  size_t pages() const { return pages_; }
  size_t files() const { return written_.size() + (note_written_ ? 1 : 0); }
  uintmax_t bytes() const { return bytes_; }

 private:
  void drain() {
    while (!queue_.empty()) {
      const std::string next = std::move(queue_.front());
      queue_.pop_front();
      const size_t question = next.find('?');
      const std::string_view path = std::string_view(next).substr(0, question);
      const std::string_view query = question == std::string::npos
                                         ? std::string_view()
                                         : std::string_view(next).substr(question + 1);
      const std::optional<std::string> file = archive_file(path, query);
      if (!file) throw std::runtime_error(next + " has no place in the archive");
      if (!written_.insert(*file).second) continue;
      if (path.starts_with("/static/"))
        write(*file, read_whole_file(asset_source(next)));
      else if (file->ends_with(".html"))
        write_page(*file, get(next));
      else
        write(*file, get(next));
    }
  }

  // The body of a GET of target, as the server answers a signed-in
  // delegate; throws unless that is a 200.
  std::string get(const std::string& target) {
    const size_t question = target.find('?');
    const std::map<std::string, std::string> params = {
        {"REQUEST_METHOD", "GET"},
        {"REQUEST_URI", target},
        {"DOCUMENT_URI", target.substr(0, question)},
        {"QUERY_STRING", question == std::string::npos ? "" : target.substr(question + 1)},
        {"HTTP_HOST", origin_.host},
        {"REMOTE_ADDR", "127.0.0.1"},
        {"REQUEST_SCHEME", origin_.https ? "https" : "http"},
        {"HTTPS", origin_.https ? "on" : ""},
        {"CONFSCHED_SESSION", token_},
    };
    auto built = build_request(
        [&](const char* name) -> const char* {
          auto it = params.find(name);
          return it == params.end() || it->second.empty() ? nullptr : it->second.c_str();
        },
        "");
    if (std::holds_alternative<int>(built))
      throw std::runtime_error(target + " is not a request the site takes");
    Response r = dispatch(site_, std::get<Request>(built));
    if (r.status != 200)
      throw std::runtime_error(target + " answered " + std::to_string(r.status) + " " +
                               std::string(status_text(r.status)));
    return std::move(r.body);
  }

  // The stylesheet, by its hashed name (site/templates.h): the only asset
  // an archived page names (it loads no script).
  std::string asset_source(const std::string& target) const {
    if (target == site_.templates().stylesheet_url())
      return site_.config().static_dir + "/style.css";
    throw std::runtime_error(target + " is no asset the archived pages use");
  }

  void write_page(const std::string& file, const std::string& html) {
    ArchivedPage page = archive_links(html, file);
    for (std::string& target : page.targets) queue_.push_back(std::move(target));
    if (file == kNotArchivedFile)
      note_written_ = true;
    else
      ++pages_;
    write(file, page.html);
  }

  void write(const std::string& file, const std::string& content) {
    const fs::path path = dir_ / file;
    fs::create_directories(path.parent_path());
    write_file_replacing(path.string(), content);
    bytes_ += content.size();
  }

  Site& site_;
  Origin origin_;
  fs::path dir_;
  std::string token_;
  std::deque<std::string> queue_;
  std::set<std::string> written_;
  bool note_written_ = false;
  size_t pages_ = 0;
  uintmax_t bytes_ = 0;
};

bool is_empty_or_missing(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  return fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
}

}  // namespace

int export_site_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kExportSiteHelp)) return 0;
  std::vector<std::string> dirs;
  bool force = false;
  for (const std::string& a : args) {
    if (a == "--force")
      force = true;
    else
      dirs.push_back(a);
  }
  if (dirs.size() != 1 || dirs[0].starts_with("-")) {
    std::cerr << kExportSiteHelp;
    return 2;
  }
  fs::path dir = fs::path(dirs[0]).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // "archive/"
  // A folder of its own: never "/", "." or "..", which --force would empty.
  if (!dir.has_filename() || dir.filename() == "." || dir.filename() == "..") {
    std::cerr << "confsched export site: " << dirs[0] << " names no folder of its own\n";
    return 2;
  }
  if (!force && !is_empty_or_missing(dir)) {
    std::cerr << "confsched export site: " << dir.string()
              << " is not empty (--force replaces it)\n";
    return 1;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  const fs::path partial = dir.string() + ".partial";
  try {
    Templates templates(config);
    templates.render_for_archive();
    Database db(config.database);
    const std::string secret = load_secret(config);
    Site site(config, secret, templates, db);
    fs::remove_all(partial);
    Archiver archiver(site, secret, partial);
    for (const char* target : {"/", "/schedule", "/schedule?view=all", "/speakers", "/changes",
                               "/schedule.json", "/schedule.xml", "/schedule.ics"})
      archiver.archive(target);
    for (const std::string& target : schedule_targets(site.programme())) archiver.archive(target);
    archiver.write_note();
    fs::remove_all(dir);
    fs::rename(partial, dir);
    std::cerr << "archived " << site.event().name << " to " << dir.string() << ": "
              << archiver.pages() << " pages, " << archiver.files() << " files, "
              << archiver.bytes() << " bytes\n";
    return 0;
  } catch (const std::exception& e) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    std::cerr << "confsched export site: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
