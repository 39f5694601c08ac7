#include "store/audit.h"

namespace confsched {

AuditContext audit_context(const Request& request, const StaffIdentity& who) {
  return AuditContext{who.name, request.remote_addr};
}

}  // namespace confsched
