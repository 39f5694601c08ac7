// "/brand/<name>.<hash>.<ext>": the logo, the accent rules and the extra
// stylesheet of [site] (config/branding.h), from the worker's memory. Each
// name carries its content's hash (site/templates.h), so, like the hashed
// files under /static/, it may be kept for a year and never revalidated:
// a changed file gets a new name, and the old name becomes a 404.
#include "http/response.h"
#include "pages/pages.h"
#include "site/site.h"

namespace confsched {

namespace {
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
}  // namespace

Response brand_asset(Site& site, const Request& request, const RouteParams&) {
  const BrandAsset* asset = site.templates().brand_asset(request.path);
  if (asset == nullptr) return site.error_page(404);
  return typed_response(200, asset->bytes, asset->type, kImmutable);
}

}  // namespace confsched
