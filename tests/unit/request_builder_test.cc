// build_request / declared_body_length: CGI parameters to a Request.
#include "http/request_builder.h"

#include <map>

#include "test_support.h"

using namespace confsched;

namespace {

ParamLookup lookup(std::map<std::string, std::string> values) {
  auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(values));
  return [shared](const char* name) -> const char* {
    auto it = shared->find(name);
    return it == shared->end() ? nullptr : it->second.c_str();
  };
}

Request built(std::map<std::string, std::string> values) {
  auto result = build_request(lookup(std::move(values)), "");
  BOOST_REQUIRE(std::holds_alternative<Request>(result));
  return std::get<Request>(result);
}

int refused(std::map<std::string, std::string> values) {
  auto result = build_request(lookup(std::move(values)), "");
  BOOST_REQUIRE(std::holds_alternative<int>(result));
  return std::get<int>(result);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_builder)

BOOST_AUTO_TEST_CASE(splits_path_and_query_and_decodes_both) {
  Request r = built({{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/session/%31?next=%2Fa+b&x"}});
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(r.path == "/session/1");
  BOOST_TEST(r.raw_target == "/session/%31?next=%2Fa+b&x");
  BOOST_TEST(r.query.get("next").value_or("?") == "/a b");
  BOOST_TEST(r.query.get("x").value_or("?") == "");
}

BOOST_AUTO_TEST_CASE(plus_in_a_path_stays_a_plus) {
  BOOST_TEST(built({{"REQUEST_URI", "/a+b"}}).path == "/a+b");
}

BOOST_AUTO_TEST_CASE(malformed_percent_encoding_is_400) {
  BOOST_TEST(refused({{"REQUEST_URI", "/login?next=%zz"}}) == 400);
  BOOST_TEST(refused({{"REQUEST_URI", "/sched%2"}}) == 400);
  BOOST_TEST(refused({{"REQUEST_URI", "/a%00b"}}) == 400);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_400) {
  BOOST_TEST(refused({{"REQUEST_URI", "/%ff"}}) == 400);
  BOOST_TEST(refused({{"REQUEST_URI", "/?q=%c0%af"}}) == 400);
}

BOOST_AUTO_TEST_CASE(falls_back_to_cgi_parts_without_request_uri) {
  Request r = built({{"SCRIPT_NAME", "/schedule"}, {"QUERY_STRING", "a=1"}});
  BOOST_TEST(r.path == "/schedule");
  BOOST_TEST(r.query.get("a").value_or("?") == "1");
  BOOST_TEST(built({}).path == "/");
}

BOOST_AUTO_TEST_CASE(https_detection) {
  BOOST_TEST(built({{"HTTPS", "on"}}).https);
  BOOST_TEST(built({{"REQUEST_SCHEME", "https"}}).https);
  BOOST_TEST(!built({{"HTTPS", "off"}}).https);
  BOOST_TEST(!built({{"REQUEST_SCHEME", "http"}}).https);
  BOOST_TEST(built({{"HTTPS", "on"}, {"HTTP_HOST", "example.org"}}).own_origin() ==
             "https://example.org");
}

// Regression: Debian's fastcgi_params passes HTTP_HOST without the port, so
// a browser's Origin "http://host:8080" never matched and every login on a
// non-default port was refused as cross-site.
BOOST_AUTO_TEST_CASE(own_origin_has_the_port_the_browser_used) {
  BOOST_TEST(built({{"HTTP_HOST", "127.0.0.1"}, {"SERVER_PORT", "8080"}}).own_origin() ==
             "http://127.0.0.1:8080");
  BOOST_TEST(built({{"HTTP_HOST", "127.0.0.1:8080"}, {"SERVER_PORT", "8080"}}).own_origin() ==
             "http://127.0.0.1:8080");
  BOOST_TEST(built({{"HTTP_HOST", "example.org"}, {"SERVER_PORT", "80"}}).own_origin() ==
             "http://example.org");
  BOOST_TEST(
      built({{"HTTP_HOST", "example.org"}, {"SERVER_PORT", "443"}, {"HTTPS", "on"}}).own_origin() ==
      "https://example.org");
  BOOST_TEST(
      built({{"HTTP_HOST", "[::1]"}, {"SERVER_PORT", "8443"}, {"HTTPS", "on"}}).own_origin() ==
      "https://[::1]:8443");
  BOOST_TEST(built({{"HTTP_HOST", "[::1]:9"}, {"SERVER_PORT", "8443"}}).own_origin() ==
             "http://[::1]:9");
}

BOOST_AUTO_TEST_CASE(copies_the_headers_it_needs) {
  Request r = built({{"HTTP_COOKIE", "a=b"},
                     {"HTTP_IF_NONE_MATCH", "\"x\""},
                     {"HTTP_ORIGIN", "http://h"},
                     {"HTTP_SEC_FETCH_SITE", "same-origin"},
                     {"CONTENT_TYPE", "application/x-www-form-urlencoded"}});
  BOOST_TEST(r.cookie_header == "a=b");
  BOOST_TEST(r.if_none_match == "\"x\"");
  BOOST_TEST(r.origin == "http://h");
  BOOST_TEST(r.sec_fetch_site == "same-origin");
  BOOST_TEST(r.content_type == "application/x-www-form-urlencoded");
}

// Regression (issue: the gate leaks): nginx keyed its cache of login checks
// on the token its own regex found while the app judged the token its own,
// more lenient parser found in the whole Cookie header; "confsched =TOKEN"
// made nginx file the app's "yes" under the key of every client without a
// cookie. Behind nginx the app now judges exactly the token nginx passes.
BOOST_AUTO_TEST_CASE(the_front_servers_token_is_the_one_judged) {
  // Present, even empty: the Cookie header is not read at all.
  BOOST_TEST(built({{"CONFSCHED_SESSION", ""}, {"HTTP_COOKIE", "confsched=t"}}).session_token ==
             "");
  BOOST_TEST(built({{"CONFSCHED_SESSION", "a"}, {"HTTP_COOKIE", "confsched=t"}}).session_token ==
             "a");
  // Verbatim: no trimming, no quote stripping.
  BOOST_TEST(built({{"CONFSCHED_SESSION", "\"a\" "}}).session_token == "\"a\" ");
  // Without a front server's token: the scheme's cookie name only.
  BOOST_TEST(built({{"HTTP_COOKIE", "confsched=t"}}).session_token == "t");
  BOOST_TEST(built({{"HTTP_COOKIE", "__Host-confsched=t"}}).session_token == "");
  BOOST_TEST(built({{"HTTP_COOKIE", "confsched=t"}, {"HTTPS", "on"}}).session_token == "");
  BOOST_TEST(
      built({{"HTTP_COOKIE", "confsched=p; __Host-confsched=t"}, {"HTTPS", "on"}}).session_token ==
      "t");
}

BOOST_AUTO_TEST_CASE(front_cache_policy_is_printable_or_nothing) {
  BOOST_TEST(built({{"CONFSCHED_FRONT_CACHE", "stale-while-revalidate=1"}}).front_cache ==
             "stale-while-revalidate=1");
  BOOST_TEST(built({}).front_cache == "");
  BOOST_TEST(built({{"CONFSCHED_FRONT_CACHE", "a\r\nSet-Cookie: x=y"}}).front_cache == "");
  BOOST_TEST(built({{"CONFSCHED_FRONT_CACHE", "a\x7f"}}).front_cache == "");
}

BOOST_AUTO_TEST_CASE(body_length_limits) {
  BOOST_TEST(declared_body_length(lookup({})).refuse_status == 0);
  BOOST_TEST(declared_body_length(lookup({{"CONTENT_LENGTH", "65536"}})).bytes == 65536u);
  BOOST_TEST(declared_body_length(lookup({{"CONTENT_LENGTH", "65536"}})).refuse_status == 0);
  BOOST_TEST(declared_body_length(lookup({{"CONTENT_LENGTH", "65537"}})).refuse_status == 413);
  BOOST_TEST(
      declared_body_length(lookup({{"CONTENT_LENGTH", "99999999999999999999999"}})).refuse_status ==
      413);
  BOOST_TEST(declared_body_length(lookup({{"CONTENT_LENGTH", "12abc"}})).refuse_status == 400);
  BOOST_TEST(declared_body_length(lookup({{"CONTENT_LENGTH", "-1"}})).refuse_status == 400);
  // A route's own limit (the file upload's).
  BOOST_TEST(declared_body_length(lookup({{"CONTENT_LENGTH", "65537"}}), 1 << 20).refuse_status ==
             0);
  BOOST_TEST(declared_body_length(lookup({{"CONTENT_LENGTH", "1048577"}}), 1 << 20).refuse_status ==
             413);
}

BOOST_AUTO_TEST_CASE(the_path_is_known_before_the_body) {
  BOOST_TEST(request_path(lookup({{"REQUEST_URI", "/admin/%69mport?x=1"}})) ==
             std::optional<std::string>("/admin/import"));
  BOOST_TEST(request_path(lookup({{"SCRIPT_NAME", "/admin"}, {"PATH_INFO", "/import"}})) ==
             std::optional<std::string>("/admin/import"));
  BOOST_TEST(!request_path(lookup({{"REQUEST_URI", "/%zz"}})));
  BOOST_TEST(!request_path(lookup({{"REQUEST_URI", "/%ff"}})));
}

BOOST_AUTO_TEST_CASE(request_id_is_the_servers_when_safe) {
  const std::string id32(32, 'a');
  BOOST_TEST(request_id_of(lookup({{"REQUEST_ID", "0f3c9e"}}), "7-1") == "0f3c9e");
  BOOST_TEST(request_id_of(lookup({{"UNIQUE_ID", "Zk1@Wx-y_2"}}), "7-1") == "Zk1@Wx-y_2");
  BOOST_TEST(request_id_of(lookup({{"REQUEST_ID", "ab"}, {"UNIQUE_ID", "cd"}}), "7-1") == "ab");
  BOOST_TEST(request_id_of(lookup({}), "7-1") == "7-1");
  // Nothing that could forge or split a log line is taken.
  for (std::string bad :
       {std::string(""), std::string("a b"), std::string("a\nb"), std::string("x: y"),
        std::string("a=b"), std::string(65, 'a'), std::string("caf\xc3\xa9")})
    BOOST_TEST(request_id_of(lookup({{"REQUEST_ID", bad}}), "7-1") == "7-1", bad);
  BOOST_TEST(request_id_of(lookup({{"REQUEST_ID", std::string(64, 'a')}}), "f") ==
             std::string(64, 'a'));
  BOOST_TEST(request_id_of(lookup({{"REQUEST_ID", "a b"}, {"UNIQUE_ID", id32}}), "f") == id32);
}

BOOST_AUTO_TEST_SUITE_END()
