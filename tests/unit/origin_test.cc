#include "auth/origin.h"

#include "test_support.h"

using confsched::is_cross_site_request;

namespace {
constexpr std::string_view kOwn = "https://conf.example.org";

bool refused(std::string_view origin, std::string_view sec_fetch_site) {
  return is_cross_site_request(origin, sec_fetch_site, kOwn);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(origin)

BOOST_AUTO_TEST_CASE(same_origin_is_allowed) {
  BOOST_TEST(!refused("https://conf.example.org", ""));
  BOOST_TEST(!refused("https://conf.example.org", "same-origin"));
}

BOOST_AUTO_TEST_CASE(other_origin_is_refused) {
  BOOST_TEST(refused("https://evil.example", ""));
  BOOST_TEST(refused("http://conf.example.org", ""));            // scheme differs
  BOOST_TEST(refused("https://conf.example.org:8443", ""));      // port differs
  BOOST_TEST(refused("https://conf.example.org.evil.com", ""));  // own as prefix
  BOOST_TEST(refused("https://conf.example.or", ""));            // truncated
  BOOST_TEST(refused("https://xconf.example.org", ""));
  BOOST_TEST(refused("https://sub.conf.example.org", ""));
}

BOOST_AUTO_TEST_CASE(null_origin_is_refused) {
  BOOST_TEST(refused("null", ""));
  BOOST_TEST(refused("null", "same-origin"));
}

BOOST_AUTO_TEST_CASE(sec_fetch_site_cross_or_same_site_is_refused) {
  BOOST_TEST(refused("", "cross-site"));
  BOOST_TEST(refused("", "same-site"));
  BOOST_TEST(refused("", "unknown-future-value"));
  // Sec-Fetch-Site wins over an Origin that looks right.
  BOOST_TEST(refused("https://conf.example.org", "cross-site"));
  BOOST_TEST(refused("https://conf.example.org", "same-site"));
}

BOOST_AUTO_TEST_CASE(sec_fetch_site_same_origin_or_none_is_allowed) {
  BOOST_TEST(!refused("", "same-origin"));
  BOOST_TEST(!refused("", "none"));
  // ...but a foreign Origin alongside it is still refused.
  BOOST_TEST(refused("https://evil.example", "same-origin"));
  BOOST_TEST(refused("https://evil.example", "none"));
}

BOOST_AUTO_TEST_CASE(neither_header_is_allowed) { BOOST_TEST(!refused("", "")); }

BOOST_AUTO_TEST_CASE(host_compares_case_insensitively) {
  BOOST_TEST(!refused("https://CONF.Example.ORG", ""));
  BOOST_TEST(!refused("HTTPS://conf.example.org", ""));
  BOOST_TEST(!is_cross_site_request("https://conf.example.org", "", "https://Conf.Example.Org"));
}

BOOST_AUTO_TEST_SUITE_END()
