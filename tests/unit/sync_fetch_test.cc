// The pure parts around fetching an upstream export: what a URL shows in
// logs and pages, which URLs sync may fetch, and which validators it sends
// back.
#include <boost/test/unit_test.hpp>
#include <string>

#include "config/config.h"
#include "sync/fetch.h"
#include "util/web_url.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(sync_fetch)

BOOST_AUTO_TEST_CASE(urls_are_shown_without_their_secrets) {
  BOOST_TEST(url_for_display("https://user:token@pretalx.example/democon/schedule.xml?key=1#x") ==
             "https://pretalx.example/democon/schedule.xml");
  BOOST_TEST(url_for_display("https://pretalx.example/a@b/schedule.json") ==
             "https://pretalx.example/a@b/schedule.json");  // '@' in the path is no user info
  BOOST_TEST(url_for_display("file:///srv/export/schedule.json") ==
             "file:///srv/export/schedule.json");
  BOOST_TEST(url_for_display("http://u@h?q") == "http://h");
}

BOOST_AUTO_TEST_CASE(only_web_and_local_files_are_fetched) {
  for (const char* good : {"https://pretalx.example/x/schedule.xml", "http://127.0.0.1:8/s.json",
                           "file:///srv/schedule.json"})
    BOOST_TEST(sync_url_allowed(good), good);
  for (const char* bad :
       {"", "ftp://example.org/s.xml", "file://host/s.xml", "gopher://x", "https://", "http://",
        "https://example.org/a b", "https://example.org/\n", "/srv/schedule.json",
        "HTTPS://example.org/", "dict://127.0.0.1:11211/"})
    BOOST_TEST(!sync_url_allowed(bad), bad);
}

BOOST_AUTO_TEST_CASE(validators_sent_back_are_plain_header_values) {
  BOOST_TEST(usable_validator("\"5f1a-61c\""));
  BOOST_TEST(usable_validator("W/\"x\""));
  BOOST_TEST(usable_validator("Wed, 02 Dec 2026 10:00:00 GMT"));
  BOOST_TEST(!usable_validator(""));
  BOOST_TEST(!usable_validator("\"a\"\r\nX-Injected: 1"));
  BOOST_TEST(!usable_validator("caf\xC3\xA9"));
  BOOST_TEST(!usable_validator(std::string(501, 'a')));
}

BOOST_AUTO_TEST_CASE(a_url_that_does_not_answer_fails_with_one_line) {
  // Port 1 on loopback: refused at once, so the test is quick; nothing
  // leaves the machine.
  FetchResult r = fetch_url(
      FetchRequest{.url = "http://user:secret@127.0.0.1:1/s.json?token=t", .timeout_s = 5});
  BOOST_TEST((r.kind == FetchResult::Kind::kFailed));
  BOOST_TEST(r.error.find("http://127.0.0.1:1/s.json") == 0u, r.error);
  BOOST_TEST(r.error.find("secret") == std::string::npos, r.error);
  BOOST_TEST(r.error.find("token") == std::string::npos, r.error);
  BOOST_TEST(r.error.find('\n') == std::string::npos, r.error);
}

BOOST_AUTO_TEST_SUITE_END()
