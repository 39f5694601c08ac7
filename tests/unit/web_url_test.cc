// The links a session may carry: one check for the staff form, the
// importers and restore from history.
#include "util/web_url.h"

#include <string>

#include "test_support.h"

using confsched::check_web_url;
using confsched::is_web_url;
using confsched::WebUrlCheck;

BOOST_AUTO_TEST_SUITE(web_url)

BOOST_AUTO_TEST_CASE(plain_http_and_https_links_pass) {
  for (const char* good :
       {"https://example.org/slides", "http://example.org", "https://example.org:8443/a?b=c#d",
        "https://[2001:db8::1]/talk", "https://xn--bcher-kva.example/",
        // '@' after the authority is data, not userinfo (RFC 3986 §3.3-3.5).
        "https://example.org/@foo", "https://example.org?x=@", "https://example.org/#@x",
        "https://mastodon.example/@alice/1", "https://example.org/a%40b"})
    BOOST_TEST((check_web_url(good) == WebUrlCheck::kOk), good);
}

BOOST_AUTO_TEST_CASE(userinfo_is_told_apart) {
  for (const char* bad :
       {"https://a@b", "https://a:b@c/", "https://alice:secret@example.org/slides",
        "https://user@:443", "https://@example.org/", "http://example.org@evil.example/",
        "https://a:b@c?x", "https://a%40b@c/", "https://u@[::1]/",
        "https://example.org%2f@evil.example/"})
    BOOST_TEST((check_web_url(bad) == WebUrlCheck::kHasUserinfo), bad);
}

BOOST_AUTO_TEST_CASE(everything_else_is_not_a_web_link) {
  for (const char* bad :
       {"", "javascript:alert(1)", "data:text/html,x", "ftp://example.org/", "//example.org/x",
        "/session/1", "HTTPS://example.org/", "https:example.org/x", "http://a",
        "https:///path/only", "https://:443/x",
        // A percent-encoded '@' (or anything) in the host: no real host
        // has one, and a browser would decode it.
        "https://a%40b/",
        // Backslashes: a browser reads them as '/', a strict parser not.
        "https://example.org\\@evil.example/", "https://evil.example\\.example.org/",
        "https://example.org/a b", "https://example.org/\"x", "https://example.org/<x>",
        "https://example.org/\x7F", "https://example.org/\n"})
    BOOST_TEST((check_web_url(bad) == WebUrlCheck::kNotAWebUrl), bad);
  // No length limit of its own: materials.url's is model/limits.h's.
  BOOST_TEST(is_web_url("https://" + std::string(5000, 'a')));
}

BOOST_AUTO_TEST_SUITE_END()
