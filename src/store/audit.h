// Who is making a staff change, as the audit log records it: the name of
// the person signed in (or the shared staff login's) and the client
// address.
#pragma once

#include "http/request.h"
#include "model/staff_member.h"
#include "store/session_store.h"

namespace confsched {

AuditContext audit_context(const Request& request, const StaffIdentity& who);

}  // namespace confsched
