#include "golden_support.h"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "auth/session_token.h"
#include "http/request_builder.h"
#include "util/translate.h"

namespace confsched::golden {

GoldenSite::GoldenSite(unsigned int version_check_ms, SiteBranding branding,
                       const std::string& language) {
  config.template_dir = CONFSCHED_SOURCE_DIR "/templates";
  config.static_dir = CONFSCHED_SOURCE_DIR "/templates/static";
  config.version_check_ms = version_check_ms;
  config.public_url = "https://golden.example.org";
  // Nobody listens here: the import's read fails as in an outage.
  config.database.host = "localhost";
  config.database.socket = "/nonexistent/confsched-golden.sock";
  config.database.timeout_s = 1;
  config.site = std::move(branding);
  config.language = language;
  config.locale_dir = CONFSCHED_BUILD_LOCALE_DIR;
  // As a worker loads them: the catalogue for the templates and the code.
  templates = std::make_unique<Templates>(config);
  db = std::make_unique<Database>(config.database);
  site =
      std::make_unique<Site>(config, kSecret, *templates, *db, source, staff, [] { return kNow; });
}

// The next site's pages, and other suites', are in English again.
GoldenSite::~GoldenSite() { set_text_language({}); }

Request make_request(const RequestSpec& spec) {
  std::string path = spec.target.substr(0, spec.target.find('?'));
  std::string query = spec.target.find('?') == std::string::npos
                          ? ""
                          : spec.target.substr(spec.target.find('?') + 1);
  std::map<std::string, std::string> params = {
      {"REQUEST_METHOD", spec.method},
      {"REQUEST_URI", spec.target},
      {"DOCUMENT_URI", path},
      {"QUERY_STRING", query},
      {"HTTP_HOST", "golden.example.org"},
      {"REMOTE_ADDR", "127.0.0.1"},
      {"REQUEST_SCHEME", "http"},
      {"CONFSCHED_SESSION", spec.session},
      {"CONTENT_LENGTH", std::to_string(spec.body.size())},
  };
  if (!spec.content_type.empty()) params["CONTENT_TYPE"] = spec.content_type;
  for (const auto& [name, value] : spec.extra) params[name] = value;
  auto built = build_request(
      [&](const char* name) -> const char* {
        auto it = params.find(name);
        return it == params.end() ? nullptr : it->second.c_str();
      },
      spec.body);
  if (auto* status = std::get_if<int>(&built))
    throw std::runtime_error("build_request refused " + spec.target + ": " +
                             std::to_string(*status));
  return std::get<Request>(std::move(built));
}

std::string session_for(Role role, uint64_t epoch) {
  return sign_session(SessionClaims{role, kNow + 3600, epoch}, kSecret);
}

std::string add_person(GoldenSite& golden, const std::string& name, StaffRole role) {
  const int64_t id = static_cast<int64_t>(golden.source.roster.size()) + 1;
  const uint64_t epoch = ++golden.source.state.staff_roster_version;
  golden.source.roster.push_back(StaffMember{
      .id = id, .name = name, .role = role, .password_hash = "$argon2id$x", .epoch = epoch});
  return sign_session(SessionClaims{Role::kStaff, kNow + 3600, epoch, id}, kSecret);
}

std::string printable(const Response& response) {
  std::string wire = response.serialize(false);
  std::string text;
  text.reserve(wire.size());
  for (size_t i = 0; i < wire.size(); ++i)
    if (!(wire[i] == '\r' && i + 1 < wire.size() && wire[i + 1] == '\n')) text += wire[i];
  static const std::regex asset(R"(/static/([a-z0-9_-]+)\.[0-9a-f]{8,64}\.(css|js|svg|png|woff2))");
  text = std::regex_replace(text, asset, "/static/$1.HASH.$2");
  static const std::regex etag_digest(R"re(("v[0-9]+\.[0-9]+)-[0-9a-f]{8,64})re");
  text = std::regex_replace(text, etag_digest, "$1-DIGEST");
  static const std::regex sw_version(R"(/sw\.js\?v=[0-9a-f]{8,64})");
  return std::regex_replace(text, sw_version, "/sw.js?v=DIGEST");
}

std::string compare_with_expected(const std::string& name, const std::string& text) {
  const std::string file = CONFSCHED_SOURCE_DIR "/tests/golden/expected/" + name + ".txt";
  const char* update = std::getenv("CONFSCHED_GOLDEN_UPDATE");
  if (update && std::string(update) == "1") {
    std::ofstream out(file, std::ios::binary);
    out << text;
    return out ? "" : "could not write " + file;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return file +
           " is missing (CONFSCHED_GOLDEN_UPDATE=1 ctest -R golden writes it; read it "
           "before committing it)";
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() == text) return "";
  std::istringstream want(expected.str()), got(text);
  std::string want_line, got_line;
  for (int line = 1;; ++line) {
    bool has_want = static_cast<bool>(std::getline(want, want_line));
    bool has_got = static_cast<bool>(std::getline(got, got_line));
    if (!has_want && !has_got) return file + ": differs in line ends only";
    if (!has_want || !has_got || want_line != got_line)
      return file + ", line " + std::to_string(line) +
             ":\n  expected: " + (has_want ? want_line : "(end)") +
             "\n  got:      " + (has_got ? got_line : "(end)");
  }
}

}  // namespace confsched::golden
