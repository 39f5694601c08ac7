#include "site/staff_post.h"

#include <string>

#include "auth/csrf.h"
#include "site/site.h"
#include "util/log.h"
#include "util/translate.h"

namespace confsched {

namespace {

// Whether the form's csrf field is the staff session's token; if not,
// refusal is the 403 page and the attempt is logged.
bool csrf_accepted(Site& site, const Request& request, const FormFields& form, Response& refusal) {
  if (csrf_token_valid(form.get("csrf").value_or(""), site.session_token(request), site.secret()))
    return true;
  log_warning("403 " + request.path + " post without a valid CSRF token from " +
              request.remote_addr);
  refusal = site.error_page(403);
  return false;
}

}  // namespace

std::optional<FormFields> checked_staff_post(Site& site, const Request& request,
                                             Response& refusal) {
  auto form = parse_urlencoded(request.body);
  if (!form) {
    refusal = site.error_page(400);
    return std::nullopt;
  }
  if (!csrf_accepted(site, request, *form, refusal)) return std::nullopt;
  return form;
}

std::optional<MultipartForm> checked_staff_upload(Site& site, const Request& request,
                                                  size_t max_body, Response& refusal) {
  MultipartLimits limits;
  limits.max_body_bytes = max_body;
  MultipartForm form = parse_multipart_form(request.content_type, request.body, limits);
  if (!form.ok()) {
    refusal = site.error_page(form.status, fill_text(tr("The form could not be read: {problem}."),
                                                     {{"problem", form.error}}));
    return std::nullopt;
  }
  if (!csrf_accepted(site, request, form.fields, refusal)) return std::nullopt;
  return form;
}

}  // namespace confsched
