// [site]: the event's own look without a fork of the templates (issue 18):
// a logo, an accent colour and an extra stylesheet. Checked and read once
// with the rest of the configuration (a bad file or colour is a
// ConfigError, so a reload with one keeps the running site as it was);
// site/templates.h serves them under content-hashed names.
#pragma once

#include <string>
#include <string_view>

namespace confsched {

struct SiteBranding {
  // The logo's bytes and its type ("image/svg+xml" or "image/png"); empty
  // when there is none.
  std::string logo = {};
  std::string logo_type = {};
  // "#rrggbb" in lower case, or "" for the stylesheet's own accent.
  std::string accent_colour = {};
  // The extra stylesheet's bytes, linked after the main one; "" for none.
  std::string stylesheet = {};

  bool empty() const { return logo.empty() && accent_colour.empty() && stylesheet.empty(); }
};

// The largest logo or extra stylesheet [site] takes: a header image and a
// few rules, not a page's worth of assets.
inline constexpr size_t kMaxBrandingFileBytes = 256 * 1024;

// The lightest backgrounds the accent colour is drawn on as text, and the
// text it is the background of (templates/static/style.css: --paper,
// --wash, .mine-changed's background, and the white of button labels).
inline constexpr std::string_view kAccentSurroundings[] = {"#ffffff", "#f3f5f8", "#eef4fb"};
// WCAG 2.x success criterion 1.4.3 (Contrast, Minimum), level AA, for
// text of normal size.
inline constexpr double kMinimumContrast = 4.5;

// The WCAG 2.x contrast ratio of two "#rrggbb" colours, from 1 to 21.
// Both must be well-formed (parse_accent_colour). Pure. (pages/
// schedule_grid.h has one for track colours; it sits above this layer.)
double wcag_contrast_ratio(std::string_view a, std::string_view b);

// "#RRGGBB" or "#rrggbb" as "#rrggbb". Throws ConfigError naming key for
// anything else, and for a colour whose contrast with any of
// kAccentSurroundings is below kMinimumContrast. Pure.
std::string parse_accent_colour(const std::string& value, const char* key);

// The logo at path: a PNG (by its signature) named *.png, or an SVG
// (text whose first element is <svg>) named *.svg, of at most
// kMaxBrandingFileBytes. Sets logo and logo_type; throws ConfigError.
void read_logo(const std::string& path, SiteBranding& branding);
// The extra stylesheet at path: *.css, UTF-8 text without NUL bytes, at
// most kMaxBrandingFileBytes. Throws ConfigError.
std::string read_branding_stylesheet(const std::string& path);

}  // namespace confsched
