#include "model/text.h"

#include "util/text_rules.h"

namespace confsched {

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    std::string_view t = trim_blanks(current);
    if (!t.empty()) paragraphs.emplace_back(t);
    current.clear();
  };
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (trim_blanks(line).empty()) {
      flush();
    } else {
      if (!current.empty()) current += ' ';
      current += trim_blanks(line);
    }
  }
  flush();
  return paragraphs;
}

std::string lf_line_breaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

std::string shorten(std::string_view text, size_t max_bytes) {
  text = trim_blanks(text);
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && is_continuation_byte(text[cut])) --cut;
  size_t space = text.substr(0, cut).find_last_of(" \n\t");
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  std::string out(trim_blanks(text.substr(0, cut)));
  while (!out.empty() &&
         (out.back() == ',' || out.back() == '.' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  return out + "…";
}

std::string room_whereabouts(const RoomDetails& details) {
  if (details.floor.empty() || details.description.empty())
    return details.floor + details.description;
  return details.floor + " \u00B7 " + details.description;
}

}  // namespace confsched
