// The display name a staff member picks for the audit log: staff share one
// login, so the name is all that tells their changes apart. It is kept in a
// cookie of its own (percent-encoded) and checked on the way in and out.
// Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/form_keys.h"
#include "model/limits.h"

namespace confsched {

inline constexpr std::string_view kStaffNameCookie = "confsched_staff_name";
// Short enough to sit in a history row; audit_log.staff_name holds more.
inline constexpr ColumnLimit kDisplayName = stricter(kAuditStaffName, 60);
inline constexpr size_t kMaxDisplayNameChars = kDisplayName.max;

// The typed name without leading and trailing spaces and tabs.
std::string trim_display_name(std::string_view typed);

// Why name (already trimmed) cannot be used, or nullopt when it can: it
// must be valid UTF-8 of 1 to 60 characters (code points), one-line text
// as util/text_rules.h says, and hold no tab.
std::optional<std::string> display_name_error(std::string_view name);

// The cookie value for a valid name: percent-encoded, so only RFC 6265
// cookie-octets.
std::string display_name_cookie_value(std::string_view name);

// The name a cookie value carries, or nullopt when it is malformed or the
// decoded name would not pass display_name_error: a forged cookie cannot
// put anything into the audit log that the form would refuse.
std::optional<std::string> display_name_from_cookie(std::string_view value);

// The Set-Cookie header value: HttpOnly, SameSite=Lax, Path=/, Secure over
// https, living as long as a staff session.
std::string display_name_set_cookie(std::string_view name, bool https, int64_t max_age);

// The field of the name form (templates/admin_name_form.tpl), as dispatch
// checks it (http/form_keys.h).
inline constexpr FormKey kStaffNameFormKeys[] = {{.name = "display_name"}};

}  // namespace confsched
