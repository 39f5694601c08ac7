// Boost.Test's main() for the golden tier; every *_test.cc registers a suite.
#define BOOST_TEST_MODULE confsched_golden
#include <boost/test/unit_test.hpp>
