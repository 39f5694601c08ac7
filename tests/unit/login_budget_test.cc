// Which budget a login attempt spends: its address's unless its device
// cookie trusts the role it targets; never two budgets with one key.
#include "auth/login_budget.h"

#include <set>
#include <string>

#include "auth/login_throttle.h"
#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(login_budget)

BOOST_AUTO_TEST_CASE(strangers_spend_their_address) {
  LoginBudget b = confsched::login_budget(Role::kDelegate, nullptr, "192.0.2.7");
  BOOST_TEST(!b.trusted);
  BOOST_TEST((b.role == Role::kDelegate));
  BOOST_TEST(b.id == throttle_address_key("192.0.2.7"));
  // One /64, one budget.
  BOOST_TEST(budget_key(confsched::login_budget(Role::kStaff, nullptr, "2001:db8::1")) ==
             budget_key(confsched::login_budget(Role::kStaff, nullptr, "2001:db8::2")));
}

BOOST_AUTO_TEST_CASE(a_device_is_trusted_only_for_the_roles_it_logged_in_as) {
  DeviceClaims delegate_only{"AAECAwQFBgcICQoLDA0ODw", true, false, 0};
  LoginBudget as_delegate = confsched::login_budget(Role::kDelegate, &delegate_only, "192.0.2.7");
  BOOST_TEST(as_delegate.trusted);
  BOOST_TEST(as_delegate.id == delegate_only.id);
  LoginBudget as_staff = confsched::login_budget(Role::kStaff, &delegate_only, "192.0.2.7");
  BOOST_TEST(!as_staff.trusted);
  BOOST_TEST(as_staff.id == throttle_address_key("192.0.2.7"));
}

BOOST_AUTO_TEST_CASE(every_budget_has_its_own_key) {
  DeviceClaims both{"AAECAwQFBgcICQoLDA0ODw", true, true, 0};
  DeviceClaims other{"EBESExQVFhcYGRobHB0eHw", true, true, 0};
  std::set<std::string> keys;
  for (Role role : {Role::kDelegate, Role::kStaff}) {
    keys.insert(budget_key(confsched::login_budget(role, nullptr, "192.0.2.7")));
    keys.insert(budget_key(confsched::login_budget(role, nullptr, "192.0.2.8")));
    keys.insert(budget_key(confsched::login_budget(role, nullptr, "2001:db8::1")));
    keys.insert(budget_key(confsched::login_budget(role, &both, "192.0.2.7")));
    keys.insert(budget_key(confsched::login_budget(role, &other, "192.0.2.7")));
  }
  BOOST_TEST(keys.size() == 10u);
  // An address key can never spell a device's: the first byte differs.
  BOOST_TEST(budget_key(confsched::login_budget(Role::kDelegate, &both, "x"))[0] !=
             budget_key(confsched::login_budget(Role::kDelegate, nullptr, "x"))[0]);
}

BOOST_AUTO_TEST_SUITE_END()
