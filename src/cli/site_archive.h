// Where each page of the delegate site lives in a static archive
// (`confsched export site DIR`), and the links of an archived page made
// relative to it. Pure: no file, clock or database.
//
// One mapping, archive_file(), decides both the file a page is written to
// and what every link to that page becomes, so that a link in the archive
// points at a file the archive holds by construction: the export writes
// exactly the pages its pages link to (and the ones it starts from).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confsched {

// The file, relative to the archive's folder, that holds the site's page at
// path with query (what follows '?', "" for none), as the site spells it:
// "/" is "index.html", "/session/12" "session/12.html", "/schedule?day=
// 2027-06-15&view=grid" "schedule/2027-06-15-grid.html". nullopt for a
// page the archive leaves out: /now and the screens (they follow the
// clock), the login, staff pages, /feeds and /stars (per person), and any
// query but the schedule's canonical day, grid, room, track and whole
// views (a search needs the server). Hashed assets keep their names:
// "/static/style.<hash>.css" is "static/style.<hash>.css", a branding file
// "/brand/logo.<hash>.svg" "brand/logo.<hash>.svg".
std::optional<std::string> archive_file(std::string_view path, std::string_view query);

// Where links to the pages left out point: a page saying so.
inline constexpr std::string_view kNotArchivedFile = "not-archived.html";

// The link from the archived file `from` to the archived file `to`, both
// relative to the archive's folder ("session/12.html" to "schedule.html":
// "../schedule.html").
std::string relative_link(std::string_view from, std::string_view to);

struct ArchivedPage {
  std::string html;
  // The site's targets ("/session/12", "/schedule?day=2027-06-15") the
  // page links to and the archive holds, in order of appearance, repeats
  // included: what the export writes next.
  std::vector<std::string> targets = {};
};

// The page at file `from`, with the value of every href, src and action
// attribute (double-quoted, as the templates write them) that names a
// path of the site ("/...", not "//...") replaced by its link relative to
// `from`: to archive_file() of it, its #fragment kept, or to
// kNotArchivedFile when the archive leaves it out. Other values (another
// site, a #fragment alone) are kept. "&amp;" in a value is read as "&".
ArchivedPage archive_links(std::string_view html, std::string_view from);

}  // namespace confsched
