// Who is making a staff change, as the audit log records it: the display
// name the staff member chose on /admin (staff share one login) and the
// client address.
#pragma once

#include <string>

#include "http/request.h"
#include "store/session_store.h"

namespace confsched {

// What audit rows record when no display name is set.
inline constexpr const char* kDefaultStaffName = "staff";

// The display name in the request's cookie, or "" when none (or a
// malformed one) is set.
std::string staff_display_name(const Request& request);

// The display name, or "staff" when none is set, and request.remote_addr.
AuditContext audit_context(const Request& request);

}  // namespace confsched
