// multipart/form-data reading: the boundary from the Content-Type, then the
// body's parts between its delimiters (RFC 2046 §5.1.1) with their
// form-data headers (RFC 7578 §4).
#include "http/multipart.h"

#include <utility>

#include "http/header_text.h"
#include "util/translate.h"
#include "util/utf8.h"

namespace confsched {

namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::string_view kBareLf =
    tr_mark("a line ends in a bare LF (multipart lines end in CRLF)");
constexpr std::string_view kNoCloseDelimiter =
    tr_mark("the body ends without its closing boundary line");
constexpr size_t kMaxBoundaryChars = 70;  // RFC 2046 §5.1.1

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 9110 §5.6.2.
bool is_tchar(char c) {
  return is_alnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_tchar(c)) return false;
  return true;
}

// RFC 2046 §5.1.1: bcharsnospace, and space.
bool is_bchar(char c) {
  return is_alnum(c) || std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

struct Parameter {
  std::string name;  // lower case
  std::string value;
};

// The parameters after a media type or disposition type:
// *( OWS ";" OWS [ name "=" ( token / quoted-string ) ] ) (RFC 9110
// §5.6.6, RFC 2183 §2). In a Content-Type a quoted-string may hold
// quoted-pairs (RFC 9110 §5.6.4). In a part's Content-Disposition a
// backslash is a character like any other: browsers write file names so
// (WHATWG HTML's multipart/form-data encoding escapes '"', CR and LF as
// %22, %0D and %0A, and nothing else), and "C:\new.csv" must stay whole.
bool parse_parameters(std::string_view text, bool quoted_pairs, std::vector<Parameter>& out,
                      std::string& error) {
  size_t i = 0;
  auto skip_ows = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  for (;;) {
    skip_ows();
    if (i == text.size()) return true;
    if (text[i] != ';') {
      error = tr("a header holds text where a ';' should separate parameters");
      return false;
    }
    ++i;
    skip_ows();
    if (i == text.size() || text[i] == ';') continue;  // empty parameters are allowed
    size_t start = i;
    while (i < text.size() && text[i] != '=' && text[i] != ';') ++i;
    std::string_view name = trim_ows(text.substr(start, i - start));
    if (i == text.size() || text[i] != '=' || !is_token(name)) {
      error = tr("a header parameter has no name or no value");
      return false;
    }
    Parameter p;
    for (char c : name) p.name += ascii_lower(c);
    ++i;
    if (i < text.size() && text[i] == '"') {
      ++i;
      for (;;) {
        if (i == text.size()) {
          error = tr("a quoted header value is never closed");
          return false;
        }
        char c = text[i++];
        if (c == '"') break;
        if (c == '\\' && quoted_pairs && i < text.size()) c = text[i++];
        p.value += c;
      }
    } else {
      size_t value_start = i;
      while (i < text.size() && is_tchar(text[i])) ++i;
      p.value = std::string(text.substr(value_start, i - value_start));
      if (p.value.empty()) {
        error = tr("a header parameter has no name or no value");
        return false;
      }
    }
    for (const Parameter& seen : out) {
      if (seen.name == p.name) {
        // Only the names that matter are named: the page quotes nothing else.
        bool known = p.name == "boundary" || p.name == "name" || p.name == "filename";
        error = known
                    ? fill_text(tr("a header gives its {parameter} twice"), {{"parameter", p.name}})
                    : tr("a header gives a parameter twice");
        return false;
      }
    }
    out.push_back(std::move(p));
  }
}

const Parameter* find_parameter(const std::vector<Parameter>& params, std::string_view name) {
  for (const Parameter& p : params)
    if (p.name == name) return &p;
  return nullptr;
}

// The media type before any parameters, and the parameters' text.
std::pair<std::string_view, std::string_view> split_type(std::string_view header) {
  size_t semi = header.find(';');
  if (semi == std::string_view::npos) return {trim_ows(header), {}};
  return {trim_ows(header.substr(0, semi)), header.substr(semi)};
}

// What a part's header lines say.
struct PartHead {
  std::string name;
  bool is_file = false;
  std::string filename;
  std::string content_type;
};

bool read_disposition(std::string_view value, PartHead& head, std::string& error) {
  auto [type, rest] = split_type(value);
  if (!iequals(type, "form-data")) {
    error = tr("a part's Content-Disposition is not form-data");
    return false;
  }
  std::vector<Parameter> params;
  if (!parse_parameters(rest, false, params, error)) return false;
  const Parameter* name = find_parameter(params, "name");
  if (!name) {
    error = tr("a part's Content-Disposition has no name");
    return false;
  }
  head.name = name->value;
  // filename*= (RFC 5987) is not for form-data (RFC 7578 §4.2): ignored
  // like any other parameter.
  if (const Parameter* filename = find_parameter(params, "filename")) {
    head.is_file = true;
    head.filename = filename->value;
  }
  return true;
}

// One header line of a part: name ":" value. Only the three fields RFC 7578
// gives a meaning count; others are ignored (§4.8).
bool read_header_line(std::string_view line, bool& has_disposition, bool& has_type, PartHead& head,
                      std::string& error) {
  if (line.find('\n') != std::string_view::npos) {
    error = kBareLf;
    return false;
  }
  if (has_control_characters(line, false)) {
    error = tr("a part's header holds a control character (a NUL byte or a bare CR)");
    return false;
  }
  if (!is_valid_utf8(line)) {
    error = tr("a part's header is not UTF-8");
    return false;
  }
  if (line.front() == ' ' || line.front() == '\t') {
    error = tr("a part's header line is folded onto the next (not accepted)");
    return false;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
    error = tr("a part's header line has no field name");
    return false;
  }
  std::string_view name = line.substr(0, colon);
  std::string_view value = trim_ows(line.substr(colon + 1));
  if (iequals(name, "Content-Disposition")) {
    if (has_disposition) {
      error = tr("a part has two Content-Disposition lines");
      return false;
    }
    has_disposition = true;
    return read_disposition(value, head, error);
  }
  if (iequals(name, "Content-Type")) {
    if (has_type) {
      error = tr("a part has two Content-Type lines");
      return false;
    }
    has_type = true;
    head.content_type = std::string(value);
    return true;
  }
  // Deprecated for form-data (RFC 7578 §4.7) and never sent by browsers;
  // an encoded part would reach the reader still encoded.
  if (iequals(name, "Content-Transfer-Encoding") && !iequals(value, "binary") &&
      !iequals(value, "8bit") && !iequals(value, "7bit")) {
    error = tr("a part is sent with a Content-Transfer-Encoding, which is not accepted");
    return false;
  }
  return true;
}

// The header lines of a part, from `pos` (just after its boundary line)
// through the blank line, which `pos` ends up after. The search for each
// line end stays within max_bytes of the header's start, so a body
// without line ends costs one bounded scan.
bool read_part_head(std::string_view body, size_t& pos, size_t max_bytes, PartHead& head,
                    std::string& error) {
  const size_t start = pos;
  const std::string_view window = body.substr(start, max_bytes);
  bool has_disposition = false;
  bool has_type = false;
  for (;;) {
    size_t eol = window.find(kCrlf, pos - start);
    if (eol == std::string_view::npos) {
      if (window.find('\n', pos - start) != std::string_view::npos)
        error = kBareLf;
      else if (body.size() - start > max_bytes)
        error = fill_text(tr("a part's header is longer than {count} bytes"),
                          {{"count", std::to_string(max_bytes)}});
      else
        error = tr(kNoCloseDelimiter);
      return false;
    }
    std::string_view line = window.substr(pos - start, eol - (pos - start));
    pos = start + eol + kCrlf.size();
    if (line.empty()) break;
    if (!read_header_line(line, has_disposition, has_type, head, error)) return false;
  }
  if (!has_disposition) {
    error = tr("a part has no Content-Disposition");
    return false;
  }
  return true;
}

std::string size_text(size_t bytes) {
  if (bytes != 0 && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes != 0 && bytes % (size_t{1} << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return fill_text(tr("{count} bytes"), {{"count", std::to_string(bytes)}});
}

MultipartForm refused(int status, std::string error) {
  MultipartForm form;
  form.status = status;
  form.error = std::move(error);
  return form;
}

}  // namespace

const UploadedFile* MultipartForm::file(std::string_view name) const {
  for (const UploadedFile& f : files)
    if (f.name == name) return &f;
  return nullptr;
}

bool is_multipart_form(std::string_view content_type) {
  return iequals(split_type(content_type).first, "multipart/form-data");
}

std::string multipart_boundary(std::string_view content_type, std::string& error) {
  auto [type, rest] = split_type(content_type);
  if (!iequals(type, "multipart/form-data")) {
    error = tr("the form was not sent as multipart/form-data");
    return {};
  }
  if (has_control_characters(content_type, false)) {
    error = tr("the Content-Type holds a control character");
    return {};
  }
  std::vector<Parameter> params;
  if (!parse_parameters(rest, true, params, error)) return {};
  const Parameter* boundary = find_parameter(params, "boundary");
  if (!boundary) {
    error = tr("the Content-Type names no boundary");
    return {};
  }
  const std::string& b = boundary->value;
  bool valid = !b.empty() && b.size() <= kMaxBoundaryChars && b.back() != ' ';
  for (char c : b) valid = valid && is_bchar(c);
  if (!valid) {
    error = tr("the boundary is not 1 to 70 letters, digits or '()+_,-./:=? (RFC 2046)");
    return {};
  }
  return b;
}

MultipartForm parse_multipart_form(std::string_view content_type, std::string_view body,
                                   const MultipartLimits& limits) {
  std::string error;
  if (!is_multipart_form(content_type))
    return refused(415, tr("the form was not sent as multipart/form-data"));
  const std::string boundary = multipart_boundary(content_type, error);
  if (boundary.empty()) return refused(400, error);
  if (body.size() > limits.max_body_bytes)
    return refused(413, fill_text(tr("the form is larger than {size}"),
                                  {{"size", size_text(limits.max_body_bytes)}}));

  // The first boundary line may open the body; a preamble before it is
  // ignored (RFC 2046 §5.1.1). Every later one is the delimiter: CRLF,
  // "--", the boundary, which the CRLF belongs to rather than the data.
  const std::string dash_boundary = "--" + boundary;
  const std::string delimiter = std::string(kCrlf) + dash_boundary;
  size_t pos;
  if (body.substr(0, dash_boundary.size()) == dash_boundary) {
    pos = dash_boundary.size();
  } else {
    size_t first = body.find(delimiter);
    if (first == std::string_view::npos)
      return refused(400, tr("the body holds no line with the boundary its Content-Type names"));
    pos = first + delimiter.size();
  }

  MultipartForm form;
  std::vector<std::pair<std::string, std::string>> fields;
  size_t parts = 0;
  for (;;) {
    // After a boundary: "--" closes the body (an epilogue is ignored), or
    // transport padding and CRLF open the next part.
    if (body.substr(pos, 2) == "--") break;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, kCrlf.size()) != kCrlf) {
      if (pos == body.size()) return refused(400, tr(kNoCloseDelimiter));
      if (body[pos] == '\n') return refused(400, tr(kBareLf));
      return refused(400,
                     tr("a boundary line goes on with other text (is the boundary in the data?)"));
    }
    pos += kCrlf.size();
    if (++parts > limits.max_parts)
      return refused(400, fill_text(tr("the form has more than {count} parts"),
                                    {{"count", std::to_string(limits.max_parts)}}));
    PartHead head;
    if (!read_part_head(body, pos, limits.max_part_header_bytes, head, error))
      return refused(400, error);
    size_t end = body.find(delimiter, pos);
    if (end == std::string_view::npos) return refused(400, tr(kNoCloseDelimiter));
    std::string_view data = body.substr(pos, end - pos);
    pos = end + delimiter.size();
    if (head.is_file) {
      form.files.push_back({std::move(head.name), std::move(head.filename),
                            std::move(head.content_type), std::string(data)});
      continue;
    }
    if (data.find('\0') != std::string_view::npos || !is_valid_utf8(data))
      return refused(400, tr("a form field is not UTF-8 text"));
    fields.emplace_back(std::move(head.name), std::string(data));
  }
  form.fields = FormFields(std::move(fields));
  return form;
}

}  // namespace confsched
