#include "http/accept_encoding.h"

#include "test_support.h"

using confsched::accepts_gzip;

BOOST_AUTO_TEST_SUITE(accept_encoding)

BOOST_AUTO_TEST_CASE(what_browsers_send) {
  BOOST_TEST(accepts_gzip("gzip, deflate, br"));
  BOOST_TEST(accepts_gzip("gzip, deflate, br, zstd"));
  BOOST_TEST(accepts_gzip("GZIP"));
  BOOST_TEST(accepts_gzip("x-gzip"));
  BOOST_TEST(accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
}

BOOST_AUTO_TEST_CASE(no_preference_gets_identity) {
  BOOST_TEST(!accepts_gzip(""));
  BOOST_TEST(!accepts_gzip("identity"));
  BOOST_TEST(!accepts_gzip("deflate, br"));
  BOOST_TEST(!accepts_gzip("gzipped"));
  BOOST_TEST(!accepts_gzip("agzip"));
}

BOOST_AUTO_TEST_CASE(q_zero_refuses) {
  BOOST_TEST(!accepts_gzip("gzip;q=0"));
  BOOST_TEST(!accepts_gzip("gzip; q=0.000"));
  BOOST_TEST(!accepts_gzip("gzip;Q=0."));
  BOOST_TEST(!accepts_gzip("*;q=0"));
  BOOST_TEST(accepts_gzip("gzip;q=0.001"));
  BOOST_TEST(accepts_gzip("gzip ; q=1"));
  BOOST_TEST(accepts_gzip("gzip;q=1.000"));
}

BOOST_AUTO_TEST_CASE(star_counts_only_when_gzip_is_not_named) {
  BOOST_TEST(accepts_gzip("*"));
  BOOST_TEST(accepts_gzip("br, *;q=0.5"));
  BOOST_TEST(!accepts_gzip("gzip;q=0, *"));
  BOOST_TEST(!accepts_gzip("*, gzip;q=0"));
  BOOST_TEST(accepts_gzip("gzip, *;q=0"));
}

BOOST_AUTO_TEST_CASE(a_refusal_wins_over_a_repeat) {
  BOOST_TEST(!accepts_gzip("gzip, gzip;q=0"));
  BOOST_TEST(!accepts_gzip("gzip;q=0, x-gzip"));
}

BOOST_AUTO_TEST_CASE(malformed_q_values_count_as_zero) {
  BOOST_TEST(!accepts_gzip("gzip;q=2"));
  BOOST_TEST(!accepts_gzip("gzip;q=1.5"));
  BOOST_TEST(!accepts_gzip("gzip;q=0.0001"));
  BOOST_TEST(!accepts_gzip("gzip;q=abc"));
  BOOST_TEST(!accepts_gzip("gzip;q="));
  BOOST_TEST(!accepts_gzip("gzip;q=.5"));
  // Other parameters are ignored.
  BOOST_TEST(accepts_gzip("gzip;level=9"));
}

BOOST_AUTO_TEST_SUITE_END()
