#include "http/local_path.h"

#include <string>

#include "test_support.h"

using confsched::is_local_path;
using confsched::local_path_or;

BOOST_AUTO_TEST_SUITE(local_path)

BOOST_AUTO_TEST_CASE(site_paths_are_local) {
  BOOST_TEST(is_local_path("/"));
  BOOST_TEST(is_local_path("/schedule"));
  BOOST_TEST(is_local_path("/schedule?day=2026-06-12#s42"));
  BOOST_TEST(is_local_path("/session/42"));
  BOOST_TEST(is_local_path("/a%20b"));
  // Percent-encoded slashes stay inside the path; browsers do not decode
  // them when resolving a Location.
  BOOST_TEST(is_local_path("/%2F%2Fevil.com"));
  BOOST_TEST(is_local_path("/./schedule"));
  BOOST_TEST(is_local_path("/schedule//day"));
}

BOOST_AUTO_TEST_CASE(other_sites_are_not) {
  BOOST_TEST(!is_local_path("//evil.com"));
  BOOST_TEST(!is_local_path("//evil.com/schedule"));
  BOOST_TEST(!is_local_path("///evil.com"));
  BOOST_TEST(!is_local_path("/\\evil.com"));
  BOOST_TEST(!is_local_path("\\\\evil.com"));
  BOOST_TEST(!is_local_path("\\/evil.com"));
  BOOST_TEST(!is_local_path("https://evil.com"));
  BOOST_TEST(!is_local_path("http:evil.com"));
  BOOST_TEST(!is_local_path("javascript:alert(1)"));
  BOOST_TEST(!is_local_path("evil.com"));
  BOOST_TEST(!is_local_path("schedule"));
  BOOST_TEST(!is_local_path("./schedule"));
  BOOST_TEST(!is_local_path("?x=1"));
}

BOOST_AUTO_TEST_CASE(empty_is_not_local) { BOOST_TEST(!is_local_path("")); }

BOOST_AUTO_TEST_CASE(control_characters_are_refused) {
  // Browsers strip tab and newlines from URLs, which turns "/\t/evil" into
  // "//evil"; CR LF would also split the Location header.
  BOOST_TEST(!is_local_path("/\t/evil.com"));
  BOOST_TEST(!is_local_path("/\n/evil.com"));
  BOOST_TEST(!is_local_path("/x\r\nSet-Cookie: a=b"));
  BOOST_TEST(!is_local_path(std::string_view("/\0", 2)));
  BOOST_TEST(!is_local_path("/\x01"));
  BOOST_TEST(!is_local_path("/x\x7F"));
}

BOOST_AUTO_TEST_CASE(non_ascii_is_refused) {
  BOOST_TEST(!is_local_path("/caf\xC3\xA9"));
  BOOST_TEST(!is_local_path("/\xFF"));
  BOOST_TEST(!is_local_path("/\xE2\x80\xAE"));  // right-to-left override
}

BOOST_AUTO_TEST_CASE(spaces_and_backslashes_are_refused) {
  BOOST_TEST(!is_local_path("/a b"));
  BOOST_TEST(!is_local_path("/ "));
  BOOST_TEST(!is_local_path(" /schedule"));
  BOOST_TEST(!is_local_path("/schedule "));
  BOOST_TEST(!is_local_path("/a\\b"));
}

BOOST_AUTO_TEST_CASE(every_printable_character_but_backslash_is_allowed) {
  for (char c = 0x21; c < 0x7F; ++c) {
    if (c == '\\' || c == '/') continue;
    BOOST_TEST(is_local_path(std::string("/x") + c), "character " << c);
  }
}

BOOST_AUTO_TEST_CASE(fallback) {
  BOOST_TEST(local_path_or("/schedule", "/") == "/schedule");
  BOOST_TEST(local_path_or("//evil.com", "/") == "/");
  BOOST_TEST(local_path_or("", "/home") == "/home");
  BOOST_TEST(local_path_or("https://evil.com", "/home") == "/home");
}

BOOST_AUTO_TEST_SUITE_END()
