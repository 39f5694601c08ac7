// Who the audit log records: the display name from its cookie, "staff"
// without one (or with a forged one), and the client address.
#include "store/audit.h"

#include "site/site.h"
#include "test_support.h"

using namespace confsched;

namespace {

// A site whose database is never opened: audit_context needs none.
struct OfflineSite {
  Config config;
  Templates templates{CONFSCHED_SOURCE_DIR "/templates", CONFSCHED_SOURCE_DIR "/templates/static"};
  Database db{DatabaseConfig{}};
  Site site{config, std::string(32, 's'), templates, db};
};

Request with_cookie(const std::string& cookie) {
  Request r;
  r.cookie_header = cookie;
  r.remote_addr = "192.0.2.7";
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit)

BOOST_AUTO_TEST_CASE(the_chosen_name_is_recorded) {
  OfflineSite s;
  AuditContext who =
      audit_context(s.site, with_cookie("confsched=abc; confsched_staff_name=Zo%C3%AB%20K"));
  BOOST_TEST(who.staff_name == "Zoë K");
  BOOST_TEST(who.client_addr == "192.0.2.7");
}

BOOST_AUTO_TEST_CASE(staff_without_a_usable_name_are_staff) {
  OfflineSite s;
  for (const char* cookie : {"", "confsched=abc", "confsched_staff_name=",
                             "confsched_staff_name=a%0Ab", "confsched_staff_name=%E2%80%AEevil"}) {
    BOOST_TEST(audit_context(s.site, with_cookie(cookie)).staff_name == "staff", cookie);
    BOOST_TEST(staff_display_name(with_cookie(cookie)) == "", cookie);
  }
}

BOOST_AUTO_TEST_SUITE_END()
