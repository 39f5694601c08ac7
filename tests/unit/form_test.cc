#include "http/form.h"

#include <string>

#include "test_support.h"

// Lets a failed check on optional<FormFields> show what was parsed.
namespace boost::test_tools::tt_detail {
template <>
struct print_log_value<confsched::FormFields> {
  void operator()(std::ostream& os, const confsched::FormFields& f) {
    os << f.all().size() << " fields {";
    for (const auto& [name, value] : f.all()) os << " \"" << name << "\"=\"" << value << '"';
    os << " }";
  }
};
}  // namespace boost::test_tools::tt_detail

using confsched::FormFields;
using confsched::kMaxFormFields;
using confsched::parse_urlencoded;

namespace {

std::string many_fields(size_t count) {
  std::string s;
  for (size_t i = 0; i < count; ++i) {
    if (i) s += '&';
    // Appended piecewise: "f" + to_string(...) trips GCC 12's false
    // -Wrestrict positive (GCC bug 105329).
    s += 'f';
    s += std::to_string(i);
    s += '=';
    s += std::to_string(i);
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(form)

BOOST_AUTO_TEST_CASE(empty_input_is_an_empty_form) {
  auto f = parse_urlencoded("");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->all().empty());
  BOOST_TEST(f->get("anything") == std::nullopt);
  BOOST_TEST(f->get("") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(fields_keep_their_order) {
  auto f = parse_urlencoded("user=delegate&password=s3cret&next=%2Fschedule");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST_REQUIRE(f->all().size() == 3u);
  BOOST_TEST(f->all()[0].first == "user");
  BOOST_TEST(f->all()[1].first == "password");
  BOOST_TEST(f->all()[2].first == "next");
  BOOST_TEST(f->get("user") == "delegate");
  BOOST_TEST(f->get("password") == "s3cret");
  BOOST_TEST(f->get("next") == "/schedule");
  BOOST_TEST(f->get("missing") == std::nullopt);
  // Names are exact, not prefixes or case-folded.
  BOOST_TEST(f->get("use") == std::nullopt);
  BOOST_TEST(f->get("User") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(repeated_names_first_wins_but_all_are_kept) {
  auto f = parse_urlencoded("role=delegate&role=staff&role=admin");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->get("role") == "delegate");
  BOOST_TEST_REQUIRE(f->all().size() == 3u);
  BOOST_TEST(f->all()[1].second == "staff");
  BOOST_TEST(f->all()[2].second == "admin");
}

BOOST_AUTO_TEST_CASE(missing_equals_sign_means_empty_value) {
  auto f = parse_urlencoded("flag&x=1");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->get("flag") == "");
  BOOST_TEST(f->get("x") == "1");

  auto g = parse_urlencoded("a=&=b&=");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST_REQUIRE(g->all().size() == 3u);
  BOOST_TEST(g->get("a") == "");
  BOOST_TEST(g->all()[1].first == "");
  BOOST_TEST(g->all()[1].second == "b");
  BOOST_TEST(g->all()[2].first == "");
  BOOST_TEST(g->all()[2].second == "");
}

BOOST_AUTO_TEST_CASE(only_the_first_equals_sign_splits) {
  auto f = parse_urlencoded("expr=a=b=c");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->get("expr") == "a=b=c");
}

BOOST_AUTO_TEST_CASE(empty_pairs_are_skipped) {
  auto f = parse_urlencoded("&&a=1&&b=2&&");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST_REQUIRE(f->all().size() == 2u);
  BOOST_TEST(f->get("a") == "1");
  BOOST_TEST(f->get("b") == "2");

  auto g = parse_urlencoded("&");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->all().empty());
}

BOOST_AUTO_TEST_CASE(names_and_values_are_decoded) {
  auto f = parse_urlencoded("first+name=Ada+Lovelace&q=1%2B1%3D2&%C3%A9t%C3%A9=%E2%82%AC");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->get("first name") == "Ada Lovelace");
  BOOST_TEST(f->get("q") == "1+1=2");
  BOOST_TEST(f->get("\xC3\xA9t\xC3\xA9") == "\xE2\x82\xAC");
  // An encoded '&' or '=' is data, not a separator.
  auto g = parse_urlencoded("a=x%26b%3Dy");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST_REQUIRE(g->all().size() == 1u);
  BOOST_TEST(g->get("a") == "x&b=y");
}

BOOST_AUTO_TEST_CASE(field_limit) {
  auto at_limit = parse_urlencoded(many_fields(kMaxFormFields));
  BOOST_TEST_REQUIRE(at_limit.has_value());
  BOOST_TEST(at_limit->all().size() == kMaxFormFields);
  BOOST_TEST(parse_urlencoded(many_fields(kMaxFormFields + 1)) == std::nullopt);
  BOOST_TEST(parse_urlencoded(many_fields(kMaxFormFields * 4)) == std::nullopt);
  // Repeating one name does not dodge the limit.
  std::string same;
  for (size_t i = 0; i <= kMaxFormFields; ++i) same += "a=1&";
  BOOST_TEST(parse_urlencoded(same) == std::nullopt);
}

BOOST_AUTO_TEST_CASE(malformed_percent_encoding_is_rejected) {
  BOOST_TEST(parse_urlencoded("a=%zz") == std::nullopt);
  BOOST_TEST(parse_urlencoded("a%zz=1") == std::nullopt);
  BOOST_TEST(parse_urlencoded("a=%4") == std::nullopt);
  BOOST_TEST(parse_urlencoded("a=1&b=%") == std::nullopt);
  // A bad pair late in the body spoils the whole body.
  BOOST_TEST(parse_urlencoded("a=1&b=2&c=%G0") == std::nullopt);
  BOOST_TEST(parse_urlencoded("flag%") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(nul_is_rejected) {
  BOOST_TEST(parse_urlencoded("a=%00") == std::nullopt);
  BOOST_TEST(parse_urlencoded("%00=1") == std::nullopt);
  BOOST_TEST(parse_urlencoded("a=x%00y") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_after_decoding_is_rejected) {
  BOOST_TEST(parse_urlencoded("a=%FF") == std::nullopt);
  BOOST_TEST(parse_urlencoded("a=%C0%80") == std::nullopt);     // overlong NUL
  BOOST_TEST(parse_urlencoded("a=%ED%A0%80") == std::nullopt);  // surrogate
  BOOST_TEST(parse_urlencoded("a=%F4%90%80%80") == std::nullopt);
  BOOST_TEST(parse_urlencoded("a=%E2%82") == std::nullopt);  // truncated
  BOOST_TEST(parse_urlencoded("%C3=1") == std::nullopt);     // in the name
  // Raw (unencoded) invalid bytes are just as bad.
  BOOST_TEST(parse_urlencoded("a=\xFF") == std::nullopt);
  // A sequence split across two escapes and a literal byte is still fine.
  BOOST_TEST(parse_urlencoded("a=%C3\xA9") != std::nullopt);
}

BOOST_AUTO_TEST_CASE(constructed_fields_lookup) {
  FormFields f({{"a", "1"}, {"b", "2"}, {"a", "3"}});
  BOOST_TEST(f.get("a") == "1");
  BOOST_TEST(f.get("b") == "2");
  BOOST_TEST(FormFields().get("a") == std::nullopt);
}

BOOST_AUTO_TEST_SUITE_END()
