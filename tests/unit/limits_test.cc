// The column limits of model/limits.h held against the schema in sql/*.sql,
// the importer and the staff form refusing the same values in the same
// words, and the session form's body limit held against the largest
// session a browser can send and the web server sites (issue 15).
#include "model/limits.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "http/form.h"
#include "import/schedule_csv.h"
#include "model/session_form.h"
#include "test_support.h"
#include "util/utf8.h"

using namespace confsched;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct SchemaColumn {
  LimitUnit unit;
  size_t max;
};

// "table.column" -> its limit, from every CREATE TABLE and ALTER TABLE of
// the migrations in the order they run (a later MODIFY replaces an earlier
// definition). Only the types a limit can name: CHAR/VARCHAR(n) count
// characters in a utf8mb4 table, the TEXT types bytes.
std::map<std::string, SchemaColumn> schema_columns() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(CONFSCHED_SOURCE_DIR "/sql"))
    if (entry.path().extension() == ".sql") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  BOOST_REQUIRE(!files.empty());
  const std::regex table_re(R"(^\s*(?:CREATE|ALTER)\s+TABLE\s+`?(\w+)`?)", std::regex::icase);
  const std::regex column_re(
      R"(^\s*(?:ADD\s+COLUMN\s+|MODIFY\s+COLUMN\s+|MODIFY\s+|ADD\s+)?`?(\w+)`?\s+)"
      R"((VARCHAR|CHAR|TINYTEXT|MEDIUMTEXT|LONGTEXT|TEXT)\b(?:\s*\((\d+)\))?)",
      std::regex::icase);
  std::map<std::string, SchemaColumn> columns;
  for (const auto& file : files) {
    std::istringstream lines(read_file(file));
    std::string table, line;
    while (std::getline(lines, line)) {
      if (line.rfind("--", 0) == 0) continue;
      std::smatch m;
      if (std::regex_search(line, m, table_re)) {
        table = m[1];
      } else if (!table.empty() && std::regex_search(line, m, column_re)) {
        std::string type = m[2];
        std::transform(type.begin(), type.end(), type.begin(), ::toupper);
        SchemaColumn c{LimitUnit::kBytes, 0};
        if (type == "VARCHAR" || type == "CHAR")
          c = {LimitUnit::kCharacters, m[3].matched ? std::stoul(m[3]) : 1};
        else if (type == "TINYTEXT")
          c.max = 255;
        else if (type == "TEXT")
          c.max = 65535;
        else if (type == "MEDIUMTEXT")
          c.max = 16777215;
        else
          c.max = 4294967295u;
        columns[table + "." + std::string(m[1])] = c;
      }
      if (line.find(';') != std::string::npos) table.clear();
    }
  }
  return columns;
}

std::string name_of(const ColumnLimit& limit) {
  return std::string(limit.table) + "." + std::string(limit.column);
}

std::string repeat(std::string_view text, size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (size_t i = 0; i < times; ++i) out += text;
  return out;
}

const std::string kCyrillicA = "\xD0\x90";      // U+0410, two bytes
const std::string kEmoji = "\xF0\x9F\x8E\xA4";  // U+1F3A4, four bytes

// A form field as a browser sends it (URL Standard §5.2, the urlencoded
// serializer; HTML converts a textarea's line breaks to CRLF first).
std::string browser_encoded(std::string_view value, bool textarea) {
  std::string text;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (textarea && (c == '\n' || c == '\r')) {
      text += "\r\n";
      if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') ++i;
    } else {
      text += c;
    }
  }
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char byte : text) {
    auto c = static_cast<unsigned char>(byte);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' ||
        c == '-' || c == '.' || c == '_')
      out += static_cast<char>(c);
    else if (c == ' ')
      out += '+';
    else
      out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return out;
}

std::string csv_refusal(const std::string& title, const std::string& abstract) {
  std::string csv = "guid,title,day,start,end,room,track,kind,status,speakers,abstract\r\n";
  csv += "g1,\"" + title + "\",2026-06-12,10:00,10:30,Hall,,talk,,,\"" + abstract + "\"\r\n";
  ScheduleParseResult r = parse_schedule_csv(csv, ScheduleParseOptions{"Europe/Berlin", "Test"});
  return r.ok() ? std::string() : r.error;
}

SessionChoices choices() {
  SessionChoices c;
  c.first_day = c.last_day = "2026-06-12";
  c.room_ids = {1, 2};
  return c;
}

SessionDraft draft(const std::string& title, const std::string& abstract) {
  SessionDraft d;
  d.title = title;
  d.abstract = abstract;
  d.day = "2026-06-12";
  d.start = "10:00";
  d.end = "10:30";
  d.room_id = "1";
  d.kind = "talk";
  d.status = "scheduled";
  return d;
}

// The number in the first `directive` line after `anchor` in text, with
// nginx's k/m suffixes.
size_t size_after(const std::string& text, const std::string& anchor,
                  const std::string& directive) {
  size_t at = text.find(anchor);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no " << anchor);
  size_t d = text.find(directive, at);
  BOOST_REQUIRE(d != std::string::npos);
  size_t pos = d + directive.size();
  size_t n = std::stoul(text.substr(pos));
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  if (text[pos] == 'k' || text[pos] == 'K') n <<= 10;
  if (text[pos] == 'm' || text[pos] == 'M') n <<= 20;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(every_limit_is_its_columns_in_the_schema) {
  const auto columns = schema_columns();
  BOOST_TEST_REQUIRE(columns.count("sessions.title") == 1u);  // the parser found the schema
  for (const ColumnLimit& limit : kColumnLimits) {
    auto it = columns.find(name_of(limit));
    BOOST_TEST_REQUIRE((it != columns.end()), name_of(limit) << " is not in sql/*.sql");
    BOOST_TEST((it->second.unit == limit.unit), name_of(limit) << ": unit");
    BOOST_TEST(it->second.max == limit.max, name_of(limit)
                                                << ": the schema says " << it->second.max);
  }
}

BOOST_AUTO_TEST_CASE(characters_are_code_points_and_text_is_bytes) {
  BOOST_TEST(!exceeds(kSessionTitle, repeat(kEmoji, 300)));  // 1,200 bytes
  BOOST_TEST(exceeds(kSessionTitle, repeat(kEmoji, 301)));
  BOOST_TEST(!exceeds(kSessionAbstract, std::string(65535, 'a')));
  BOOST_TEST(exceeds(kSessionAbstract, std::string(65536, 'a')));
  BOOST_TEST(exceeds(kSessionAbstract, repeat(kCyrillicA, 32768)));  // 65,536 bytes
  // An ill-formed byte counts as one character, never as less.
  BOOST_TEST(exceeds(kSessionTitle, std::string(301, '\x80')));
  BOOST_TEST(longer_than(kSessionTitle) == "is longer than 300 characters");
  BOOST_TEST(longer_than(kSessionAbstract) == "is longer than 65,535 bytes");
  BOOST_TEST(longer_than(stricter(kSpeakerBio, 20000)) == "is longer than 20,000 bytes");
  BOOST_TEST(stricter(kSpeakerBio, 20000).column == "bio");
}

// Issue 15: the importer took 300 characters and 65,535 bytes, the form
// 300 and 20,000 bytes, so an imported session could not be saved again.
BOOST_AUTO_TEST_CASE(importer_and_form_accept_and_refuse_alike_in_the_same_words) {
  const std::string title = repeat(kCyrillicA, 300);
  const std::string abstract = repeat(kCyrillicA, 32767) + "a";  // 65,535 bytes
  BOOST_TEST(csv_refusal(title, abstract) == "");
  BOOST_TEST(validate_draft(draft(title, abstract), choices()).empty());

  const std::string long_title = title + kCyrillicA;
  std::string imported = csv_refusal(long_title, "");
  FieldErrors typed = validate_draft(draft(long_title, ""), choices());
  BOOST_TEST(typed["title"] == "The title is longer than 300 characters.");
  BOOST_TEST(imported.find("the title is longer than 300 characters") != std::string::npos,
             imported);

  const std::string long_abstract = abstract + "a";
  imported = csv_refusal("T", long_abstract);
  typed = validate_draft(draft("T", long_abstract), choices());
  BOOST_TEST(typed["abstract"] == "The abstract is longer than 65,535 bytes.");
  BOOST_TEST(imported.find("the abstract is longer than 65,535 bytes") != std::string::npos,
             imported);
}

BOOST_AUTO_TEST_CASE(the_largest_session_fits_the_session_forms_body) {
  // The worst case per byte: four-byte characters in every one-line field,
  // and an abstract of line breaks (each sent as "%0D%0A").
  const std::string title = repeat(kEmoji, kSessionTitle.max);
  const std::string abstract = "a" + std::string(kSessionAbstract.max - 2, '\n') + "a";
  std::string speakers, materials;
  for (size_t i = 0; i < kMaxSpeakersPerSession; ++i)
    speakers += std::to_string(i + 10) + repeat(kEmoji, kSpeakerName.max - 2) + "\n";
  for (size_t i = 0; i < kMaxMaterialsPerSession; ++i) {
    std::string url = "https://x.example/" + std::to_string(i + 10);
    url += repeat(kEmoji, kMaterialUrl.max - code_point_count(url));
    materials += repeat(kEmoji, kMaterialLabel.max) + " | " + url + "\n";
  }
  const std::string body =
      "csrf=" + std::string(100, 'c') +
      "&revision=4294967295&title=" + browser_encoded(title, false) +
      "&abstract=" + browser_encoded(abstract, true) +
      "&day=2026-06-12&start=10%3A00&end=10%3A30&room_id=4294967295&track_id=4294967295"
      "&kind=workshop&status=cancelled&speakers=" +
      browser_encoded(speakers, true) + "&materials=" + browser_encoded(materials, true) +
      "&accept_clash=1&action=save";
  BOOST_TEST(body.size() <= kMaxSessionFormBodyBytes);
  BOOST_TEST(body.size() > kMaxSessionFormBodyBytes / 100 * 99);  // and not loose
  BOOST_TEST(kMaxSessionFormBodyBytes == 974254u);                // as the site files say

  // And it is a session the form saves.
  auto form = parse_urlencoded(body);
  BOOST_TEST_REQUIRE(form.has_value());
  SessionDraft d = draft_from_form(*form);
  BOOST_TEST(d.abstract == abstract);
  d.room_id = "1";
  d.track_id = "";
  FieldErrors errors = validate_draft(d, choices());
  for (const auto& [field, message] : errors) BOOST_TEST_MESSAGE(field << ": " << message);
  BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_CASE(the_web_server_sites_take_the_session_forms_body) {
  const std::string nginx = read_file(CONFSCHED_SOURCE_DIR "/conf/nginx/confsched.conf");
  const size_t nginx_limit = size_after(nginx, "location ~ ^/admin/session/(?:new|[1-9][0-9]*)$ {",
                                        "client_max_body_size ");
  BOOST_TEST(nginx_limit >= kMaxSessionFormBodyBytes);
  // nginx's own error page must take what it refuses, or its 413 is bare.
  BOOST_TEST(size_after(nginx, "location = /_confsched_error {", "client_max_body_size ") >=
             nginx_limit);
  BOOST_TEST(size_after(nginx, "location = /_confsched_auth_upload {", "client_max_body_size ") >=
             nginx_limit);
  const std::string apache = read_file(CONFSCHED_SOURCE_DIR "/conf/apache/confsched.conf");
  BOOST_TEST(size_after(apache, "<LocationMatch \"^/admin/session/(?:new|[1-9][0-9]*)$\">",
                        "LimitRequestBody ") >= kMaxSessionFormBodyBytes);
}

BOOST_AUTO_TEST_SUITE_END()
