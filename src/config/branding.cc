#include "config/branding.h"

#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "config/config.h"
#include "http/percent.h"
#include "util/files.h"
#include "util/utf8.h"

namespace confsched {

namespace {

bool is_hex_colour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i)
    if (hex_value(text[i]) < 0) return false;
  return true;
}

// WCAG 2.x "relative luminance": each sRGB channel linearised, then
// weighted 0.2126 R + 0.7152 G + 0.0722 B. WCAG 2.0 wrote the threshold as
// 0.03928, sRGB's own is 0.04045; no 8-bit channel value lies between
// them, so both give the same result.
double relative_luminance(std::string_view colour) {
  const double weights[3] = {0.2126, 0.7152, 0.0722};
  double luminance = 0;
  for (size_t channel = 0; channel < 3; ++channel) {
    int value = hex_value(colour[1 + 2 * channel]) * 16 + hex_value(colour[2 + 2 * channel]);
    double c = value / 255.0;
    double linear = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    luminance += weights[channel] * linear;
  }
  return luminance;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  text = text.substr(text.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// The file's bytes, refused when it is not a regular file of at most
// kMaxBrandingFileBytes (checked before reading, so a wrong path to
// something huge costs nothing).
std::string read_branding_file(const std::string& path, const char* key) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0)
    throw ConfigError(std::string("[site] ") + key + ": cannot read " + path + ": " +
                      std::strerror(errno));
  if (!S_ISREG(st.st_mode))
    throw ConfigError(std::string("[site] ") + key + ": " + path + " is not a regular file");
  if (st.st_size == 0) throw ConfigError(std::string("[site] ") + key + ": " + path + " is empty");
  if (static_cast<size_t>(st.st_size) > kMaxBrandingFileBytes)
    throw ConfigError(std::string("[site] ") + key + ": " + path + " is " +
                      std::to_string(st.st_size) + " bytes, more than the " +
                      std::to_string(kMaxBrandingFileBytes / 1024) + " KiB allowed");
  try {
    std::string bytes = read_whole_file(path);
    if (bytes.empty() || bytes.size() > kMaxBrandingFileBytes)  // changed since stat
      throw ConfigError(std::string("[site] ") + key + ": " + path + " changed while being read");
    return bytes;
  } catch (const ConfigError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw ConfigError(std::string("[site] ") + key + ": " + e.what());
  }
}

// Whether text is an SVG document: UTF-8 without NUL bytes whose first
// element, after an optional byte order mark, XML declaration, comments and
// doctype, is <svg. A browser shows nothing for anything else in an <img>,
// so a wrong file is better refused at start than shown as a broken image.
bool looks_like_svg(std::string_view text) {
  if (text.find('\0') != std::string_view::npos || !is_valid_utf8(text)) return false;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  for (;;) {
    size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    text.remove_prefix(start);
    if (text.starts_with("<svg")) return text.size() > 4 && std::strchr(" \t\r\n>/", text[4]);
    std::string_view end;
    if (text.starts_with("<?"))
      end = "?>";
    else if (text.starts_with("<!--"))
      end = "-->";
    else if (text.starts_with("<!"))
      end = ">";
    else
      return false;
    size_t close = text.find(end);
    if (close == std::string_view::npos) return false;
    text.remove_prefix(close + end.size());
  }
}

}  // namespace

double wcag_contrast_ratio(std::string_view a, std::string_view b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  // WCAG 2.x "contrast ratio": (L1 + 0.05) / (L2 + 0.05), L1 the lighter.
  return (la + 0.05) / (lb + 0.05);
}

// A colour below AA is refused rather than darkened to fit: the accent is
// the event's brand, and a silently different colour would surprise the
// organisers more than a start-up error that names the ratio and the
// minimum, and which a reload with the bad value leaves without effect
// (the running site keeps its configuration). WCAG 2.x, SC 1.4.3 Contrast
// (Minimum): at least 4.5:1 for text of normal size, where the contrast
// ratio is (L1 + 0.05) / (L2 + 0.05) of the relative luminances
// (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). The accent colours
// link text on the page's light backgrounds and is the background of the
// buttons' white labels, so it is checked against each of those.
std::string parse_accent_colour(const std::string& value, const char* key) {
  if (!is_hex_colour(value))
    throw ConfigError(std::string("[site] ") + key + " must be a colour as #rrggbb, not \"" +
                      value + "\"");
  std::string colour = value;
  for (char& c : colour)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  for (std::string_view surrounding : kAccentSurroundings) {
    double ratio = wcag_contrast_ratio(colour, surrounding);
    if (ratio < kMinimumContrast) {
      char text[16];
      std::snprintf(text, sizeof text, "%.2f", std::floor(ratio * 100) / 100);
      throw ConfigError(std::string("[site] ") + key + " " + colour +
                        " is too light for links and buttons: its contrast with " +
                        std::string(surrounding) + " is " + text +
                        ":1, and WCAG 2.x AA asks at least 4.5:1 (choose a darker colour)");
    }
  }
  return colour;
}

void read_logo(const std::string& path, SiteBranding& branding) {
  const bool png_name = ends_with_ignoring_case(path, ".png");
  const bool svg_name = ends_with_ignoring_case(path, ".svg");
  if (!png_name && !svg_name)
    throw ConfigError("[site] logo must be an SVG or PNG file named *.svg or *.png, not " + path);
  std::string bytes = read_branding_file(path, "logo");
  if (png_name) {
    if (!bytes.starts_with("\x89PNG\r\n\x1a\n"))
      throw ConfigError("[site] logo " + path + " is named .png but is not a PNG image");
    branding.logo_type = "image/png";
  } else {
    if (!looks_like_svg(bytes))
      throw ConfigError("[site] logo " + path +
                        " is named .svg but is not an SVG image (UTF-8 text starting with <svg)");
    branding.logo_type = "image/svg+xml";
  }
  branding.logo = std::move(bytes);
}

std::string read_branding_stylesheet(const std::string& path) {
  if (!ends_with_ignoring_case(path, ".css"))
    throw ConfigError("[site] stylesheet must be a CSS file named *.css, not " + path);
  std::string bytes = read_branding_file(path, "stylesheet");
  if (bytes.find('\0') != std::string::npos || !is_valid_utf8(bytes))
    throw ConfigError("[site] stylesheet " + path + " is not UTF-8 text");
  return bytes;
}

}  // namespace confsched
