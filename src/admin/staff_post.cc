#include "admin/staff_post.h"

#include "auth/csrf.h"
#include "pages/site.h"
#include "util/log.h"

namespace confsched {

std::optional<FormFields> checked_staff_post(Site& site, const Request& request,
                                             Response& refusal) {
  auto form = parse_urlencoded(request.body);
  if (!form) {
    refusal = site.error_page(400);
    return std::nullopt;
  }
  if (!csrf_token_valid(form->get("csrf").value_or(""), site.session_token(request),
                        site.secret())) {
    log_warning("403 " + request.path + " post without a valid CSRF token from " +
                request.remote_addr);
    refusal = site.error_page(403);
    return std::nullopt;
  }
  return form;
}

std::string page_csrf_token(Site& site, const Request& request) {
  return csrf_token(site.session_token(request), site.secret());
}

}  // namespace confsched
