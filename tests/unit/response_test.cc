#include "http/response.h"

#include <string>

#include "test_support.h"

using confsched::html_response;
using confsched::redirect_303;
using confsched::Response;
using confsched::status_text;
namespace cache_control = confsched::cache_control;

BOOST_AUTO_TEST_SUITE(response)

BOOST_AUTO_TEST_CASE(serialize_status_headers_body) {
  Response r;
  r.status = 404;
  r.add_header("Content-Type", "text/plain");
  r.add_header("X-One", "1");
  r.body = "missing\n";
  BOOST_TEST(r.serialize(false) ==
             "Status: 404 Not Found\r\nContent-Length: 8\r\nContent-Type: text/plain\r\nX-One: "
             "1\r\n\r\nmissing\n");
}

BOOST_AUTO_TEST_CASE(omit_body_for_head_and_304) {
  Response r;
  r.add_header("ETag", "\"x\"");
  r.body = "<html>big</html>";
  // HEAD: no body, but the length the GET's body has.
  BOOST_TEST(r.serialize(true) == "Status: 200 OK\r\nContent-Length: 16\r\nETag: \"x\"\r\n\r\n");
  r.status = 304;
  BOOST_TEST(r.serialize(true) == "Status: 304 Not Modified\r\nETag: \"x\"\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(no_headers_still_ends_the_head) {
  Response r;
  BOOST_TEST(r.serialize(false) == "Status: 200 OK\r\nContent-Length: 0\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(a_given_content_length_is_not_doubled) {
  Response r;
  r.add_header("Content-Length", "3");
  r.body = "abc";
  BOOST_TEST(r.serialize(false) == "Status: 200 OK\r\nContent-Length: 3\r\n\r\nabc");
}

BOOST_AUTO_TEST_CASE(header_order_is_insertion_order) {
  Response r;
  r.add_header("B", "2");
  r.add_header("A", "1");
  r.add_header("C", "3");
  std::string wire = r.serialize(true);
  BOOST_TEST(wire.find("B: 2") < wire.find("A: 1"));
  BOOST_TEST(wire.find("A: 1") < wire.find("C: 3"));
}

BOOST_AUTO_TEST_CASE(set_header_replaces_in_place_case_insensitively) {
  Response r;
  r.add_header("Content-Type", "text/plain");
  r.add_header("X-Other", "o");
  r.set_header("content-type", "text/html");
  BOOST_TEST_REQUIRE(r.headers.size() == 2u);
  BOOST_TEST(r.headers[0].second == "text/html");
  BOOST_TEST(r.headers[1].first == "X-Other");
  r.set_header("X-New", "n");
  BOOST_TEST_REQUIRE(r.headers.size() == 3u);
  BOOST_TEST(r.headers[2].first == "X-New");
}

BOOST_AUTO_TEST_CASE(add_header_keeps_duplicates) {
  Response r;
  r.add_header("Set-Cookie", "a=1");
  r.add_header("Set-Cookie", "b=2");
  BOOST_TEST(r.headers.size() == 2u);
  std::string wire = r.serialize(true);
  BOOST_TEST(wire.find("Set-Cookie: a=1\r\n") != std::string::npos);
  BOOST_TEST(wire.find("Set-Cookie: b=2\r\n") != std::string::npos);
  // header() returns the first one.
  BOOST_TEST_REQUIRE(r.header("set-cookie") != nullptr);
  BOOST_TEST(*r.header("set-cookie") == "a=1");
}

BOOST_AUTO_TEST_CASE(header_lookup) {
  Response r;
  r.add_header("Location", "/x");
  BOOST_TEST_REQUIRE(r.header("LOCATION") != nullptr);
  BOOST_TEST(*r.header("LOCATION") == "/x");
  BOOST_TEST(r.header("Locatio") == nullptr);
  BOOST_TEST(r.header("Locations") == nullptr);
  BOOST_TEST(r.header("") == nullptr);
}

BOOST_AUTO_TEST_CASE(status_texts) {
  BOOST_TEST(status_text(200) == "OK");
  BOOST_TEST(status_text(303) == "See Other");
  BOOST_TEST(status_text(304) == "Not Modified");
  BOOST_TEST(status_text(400) == "Bad Request");
  BOOST_TEST(status_text(403) == "Forbidden");
  BOOST_TEST(status_text(404) == "Not Found");
  BOOST_TEST(status_text(500) == "Internal Server Error");
  BOOST_TEST(status_text(503) == "Service Unavailable");
  // Whatever an unlisted code yields, it must not break the status line.
  for (int code : {0, 299, 418, 999}) {
    std::string_view text = status_text(code);
    BOOST_TEST(!text.empty());
    BOOST_TEST(text.find_first_of("\r\n") == std::string_view::npos);
  }
}

BOOST_AUTO_TEST_CASE(html_response_sets_security_headers) {
  Response r = html_response(200, "<p>hi</p>", cache_control::kRevalidate);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body == "<p>hi</p>");
  BOOST_TEST_REQUIRE(r.header("Content-Type") != nullptr);
  BOOST_TEST(*r.header("Content-Type") == "text/html; charset=utf-8");
  BOOST_TEST_REQUIRE(r.header("X-Content-Type-Options") != nullptr);
  BOOST_TEST(*r.header("X-Content-Type-Options") == "nosniff");
  BOOST_TEST_REQUIRE(r.header("Cache-Control") != nullptr);
  BOOST_TEST(*r.header("Cache-Control") == "no-cache");

  const std::string* csp = r.header("Content-Security-Policy");
  BOOST_TEST_REQUIRE(csp != nullptr);
  BOOST_TEST(csp->find("default-src 'self'") != std::string::npos);
  BOOST_TEST(csp->find("object-src 'none'") != std::string::npos);
  BOOST_TEST(csp->find("frame-ancestors") != std::string::npos);
  BOOST_TEST(csp->find("unsafe-inline") == std::string::npos);
  BOOST_TEST(csp->find("unsafe-eval") == std::string::npos);
  BOOST_TEST(csp->find('*') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_response_passes_status_and_cache_policy) {
  Response r = html_response(403, "no", cache_control::kNoStore);
  BOOST_TEST(r.status == 403);
  BOOST_TEST(*r.header("Cache-Control") == "no-store");
  BOOST_TEST(r.serialize(false).rfind("Status: 403 Forbidden\r\n", 0) == 0u);
  Response p = html_response(200, "", cache_control::kPrivateRevalidate);
  BOOST_TEST(*p.header("Cache-Control") == "private, no-cache");
}

BOOST_AUTO_TEST_CASE(html_response_headers_are_unique) {
  Response r = html_response(200, "", cache_control::kRevalidate);
  for (size_t i = 0; i < r.headers.size(); ++i)
    for (size_t j = i + 1; j < r.headers.size(); ++j)
      BOOST_TEST(r.headers[i].first != r.headers[j].first);
}

BOOST_AUTO_TEST_CASE(redirect_303_shape) {
  Response r = redirect_303("/schedule");
  BOOST_TEST(r.status == 303);
  BOOST_TEST_REQUIRE(r.header("Location") != nullptr);
  BOOST_TEST(*r.header("Location") == "/schedule");
  BOOST_TEST_REQUIRE(r.header("Cache-Control") != nullptr);
  BOOST_TEST(*r.header("Cache-Control") == "no-store");
  BOOST_TEST(r.serialize(false).rfind("Status: 303 See Other\r\n", 0) == 0u);
}

// Regression: a header value with a line break could start a header of its
// own; set_header and add_header refuse it.
BOOST_AUTO_TEST_CASE(line_breaks_in_headers_are_refused) {
  Response r;
  BOOST_CHECK_THROW(r.set_header("Location", "/x\r\nSet-Cookie: a=b"), std::invalid_argument);
  BOOST_CHECK_THROW(r.add_header("Set-Cookie", "a=b\nX: y"), std::invalid_argument);
  BOOST_CHECK_THROW(r.add_header("X\r\nY", "v"), std::invalid_argument);
  BOOST_TEST(r.headers.empty());
}

BOOST_AUTO_TEST_SUITE_END()
