#include "admin/import_page.h"

#include "test_support.h"

using namespace confsched;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

}  // namespace

BOOST_AUTO_TEST_SUITE(import_page)

BOOST_AUTO_TEST_CASE(reads_the_declared_keys_only) {
  ImportFormResult r = read_import_form(FormFields({{"schedule", "title,day\n"},
                                                    {"format", "csv"},
                                                    {"prune", "1"},
                                                    {"action", "import"},
                                                    {"previewed", "abc"},
                                                    {"sneaky", "x"}}));
  BOOST_TEST(r.error.empty());
  BOOST_TEST((r.values.format == ImportFormat::csv));
  BOOST_TEST(r.values.prune);
  BOOST_TEST(r.values.confirmed);
  BOOST_TEST(r.values.previewed == "abc");
}

BOOST_AUTO_TEST_CASE(defaults_preview_and_auto) {
  ImportFormResult r = read_import_form(FormFields(Pairs{{"schedule", "<schedule/>"}}));
  BOOST_TEST(r.error.empty());
  BOOST_TEST(!r.values.format);
  BOOST_TEST(!r.values.prune);
  BOOST_TEST(!r.values.confirmed);
}

BOOST_AUTO_TEST_CASE(refuses_unknown_formats_and_empty_text) {
  BOOST_TEST(
      !read_import_form(FormFields(Pairs{{"schedule", "x"}, {"format", "xlsx"}})).error.empty());
  BOOST_TEST(!read_import_form(FormFields(Pairs{{"schedule", " \r\n"}})).error.empty());
}

BOOST_AUTO_TEST_SUITE_END()
