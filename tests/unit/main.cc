// The one translation unit that lets Boost.Test generate main(); every
// *_test.cc only registers its suite.
#define BOOST_TEST_MODULE confsched_unit
#include <boost/test/unit_test.hpp>
