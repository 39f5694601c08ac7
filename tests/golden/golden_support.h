// What the golden tier's tests share: a Site over the fixed programme
// (fixed_source.h), requests as the FastCGI edge builds them, and the
// comparison with tests/golden/expected/.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "fixed_source.h"
#include "fixed_staff_store.h"
#include "http/request.h"
#include "http/response.h"
#include "site/site.h"
#include "site/templates.h"
#include "store/database.h"

namespace confsched::golden {

// The cookie key of every golden Site; what it signs is printed in the
// expected pages, so it is fixed. Not a secret of any real site.
inline constexpr const char* kSecret = "golden-tier-cookie-key-0123456789abcdef0123456789";

// A Site as a worker holds it, but whose delegate data comes from a
// FixedSource and whose staff pages read and write a FixedStaffStore over
// the same programme and data state. Its database is one nobody listens
// for: only the schedule import (which writes through import/, not the
// staff store) and /_status use it, and meet DbUnavailable there.
struct GoldenSite {
  // branding: the [site] files and colour as load_config reads them;
  // language: [site] language, read from the build's catalogues, which is
  // also the language of the C++ code's text (util/translate.h) until the
  // site is destroyed.
  explicit GoldenSite(unsigned int version_check_ms = 500, SiteBranding branding = {},
                      const std::string& language = "en");
  ~GoldenSite();
  GoldenSite(const GoldenSite&) = delete;
  GoldenSite& operator=(const GoldenSite&) = delete;

  FixedSource source;
  FixedStaffStore staff{source.state, source.roster};
  Config config;
  std::unique_ptr<Templates> templates;
  std::unique_ptr<Database> db;
  std::unique_ptr<Site> site;
};

struct RequestSpec {
  std::string method = "GET";
  std::string target = "/";  // path and query, as the client sends them
  std::string session{};     // the token nginx passes (CONFSCHED_SESSION)
  std::string body{};
  std::string content_type{};
  std::map<std::string, std::string> extra{};  // more FastCGI parameters
};

// The request the FastCGI edge builds from these parameters (build_request).
Request make_request(const RequestSpec& spec);

// A session token of role under epoch, as the login issues it.
std::string session_for(Role role, uint64_t epoch);
// Adds a staff member to the golden site's roster (as `confsched staff
// add` would) and returns a session token of theirs.
std::string add_person(GoldenSite& golden, const std::string& name, StaffRole role);

// The response in its wire form with LF line ends, and with what changes
// whenever a template or the stylesheet changes (the templates' digest in
// ETags, content hashes in asset names) replaced by placeholders, so that
// a golden file changes only when the page it holds does.
std::string printable(const Response& response);

// Compares text with tests/golden/expected/<name>.txt; with
// CONFSCHED_GOLDEN_UPDATE=1 in the environment, writes it there instead.
// Returns "" on a match, else what differs (the first differing line).
std::string compare_with_expected(const std::string& name, const std::string& text);

}  // namespace confsched::golden
