// A QR code as SVG, drawn here (by libqrencode, Debian's libqrencode-dev)
// so that a page showing one asks nothing of any other site.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confsched {

// The QR code of text (ISO/IEC 18004, error correction level M, byte
// mode), as a standalone SVG document: one path of dark modules on a
// white square with the four-module quiet zone the standard asks for.
// nullopt when text is too long for any QR code (about 2,300 bytes at
// level M).
std::optional<std::string> qr_code_svg(std::string_view text);

}  // namespace confsched
