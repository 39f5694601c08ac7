// Whose failed logins an attempt spends. Pure.
//
// An attempt targets the role its user name names; an unknown user name
// targets the delegate role (it can never succeed, but it costs a full
// Argon2id check, so it must be counted somewhere, and a mistyped name is
// most likely a delegate's). Delegate and staff budgets are separate, so a
// flood of wrong staff passwords blocks no delegate login and the other
// way round.
//
// A browser whose device cookie (auth/device_token.h) says it once logged
// in as that role is trusted: its failures are counted under its device id
// alone, so a flood from the address it shares (a venue's NAT) does not
// block it. Every other attempt is counted under its client address, as
// before device cookies.
#pragma once

#include <string>
#include <string_view>

#include "auth/device_token.h"
#include "auth/session_token.h"

namespace confsched {

struct LoginBudget {
  bool trusted = false;  // counted under a device id, not an address
  Role role = Role::kDelegate;
  // The device id, or throttle_address_key(REMOTE_ADDR).
  std::string id;
};

// device: the attempt's verified device cookie, or nullptr.
LoginBudget login_budget(Role role, const DeviceClaims* device, std::string_view remote_addr);

// The bytes a budget is counted under (before the table's keyed hash):
// owner and role come first, in fixed-length form, so no two budgets share
// bytes.
std::string budget_key(const LoginBudget& budget);

}  // namespace confsched
