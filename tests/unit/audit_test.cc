// Who the audit log records: the display name from its cookie, "staff"
// without one (or with a forged one), and the client address.
#include "store/audit.h"

#include "test_support.h"

using namespace confsched;

namespace {

Request with_cookie(const std::string& cookie) {
  Request r;
  r.cookie_header = cookie;
  r.remote_addr = "192.0.2.7";
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit)

BOOST_AUTO_TEST_CASE(the_chosen_name_is_recorded) {
  AuditContext who = audit_context(with_cookie("confsched=abc; confsched_staff_name=Zo%C3%AB%20K"));
  BOOST_TEST(who.staff_name == "Zoë K");
  BOOST_TEST(who.client_addr == "192.0.2.7");
}

BOOST_AUTO_TEST_CASE(staff_without_a_usable_name_are_staff) {
  for (const char* cookie : {"", "confsched=abc", "confsched_staff_name=",
                             "confsched_staff_name=a%0Ab", "confsched_staff_name=%E2%80%AEevil"}) {
    BOOST_TEST(audit_context(with_cookie(cookie)).staff_name == "staff", cookie);
    BOOST_TEST(staff_display_name(with_cookie(cookie)) == "", cookie);
  }
}

BOOST_AUTO_TEST_SUITE_END()
