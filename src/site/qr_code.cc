#include "site/qr_code.h"

#include <qrencode.h>

#include <memory>

namespace confsched {

namespace {

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

// ISO/IEC 18004 §6.3.8: a quiet zone four modules wide on every side.
constexpr int kQuietZone = 4;

}  // namespace

std::optional<std::string> qr_code_svg(std::string_view text) {
  const std::string data(text);  // libqrencode wants a C string
  std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return std::nullopt;
  const int width = code->width;
  const int side = width + 2 * kQuietZone;
  std::string path;
  for (int y = 0; y < width; ++y)
    for (int x = 0; x < width; ++x)
      // The lowest bit of each byte: 1 for a dark module.
      if (code->data[y * width + x] & 1)
        path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) +
                "h1v1h-1z";
  const std::string size = std::to_string(side);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

}  // namespace confsched
