#include "store/audit.h"

#include "http/cookie.h"
#include "model/staff_name.h"

namespace confsched {

std::string staff_display_name(const Request& request) {
  auto value = find_cookie(request.cookie_header, kStaffNameCookie);
  if (!value) return "";
  return display_name_from_cookie(*value).value_or("");
}

// The site is part of the signature so that every staff write asks one
// place, whatever it may come to need (it needs only the request today).
AuditContext audit_context(const Request& request) {
  std::string name = staff_display_name(request);
  return AuditContext{name.empty() ? kDefaultStaffName : std::move(name), request.remote_addr};
}

}  // namespace confsched
