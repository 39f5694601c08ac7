#include "auth/login_budget.h"

#include "auth/login_throttle.h"

namespace confsched {

LoginBudget login_budget(Role role, const DeviceClaims* device, std::string_view remote_addr) {
  if (device && device->trusts(role)) return {true, role, device->id};
  return {false, role, throttle_address_key(remote_addr)};
}

std::string budget_key(const LoginBudget& budget) {
  std::string key(budget.trusted ? "d" : "a");
  key += budget.role == Role::kStaff ? 's' : 'd';
  return key + budget.id;
}

}  // namespace confsched
