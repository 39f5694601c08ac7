// multipart/form-data request bodies (RFC 7578 over the multipart syntax of
// RFC 2046 §5.1.1): a form with a file input, as browsers send it. Pure.
//
// Strict where browsers are regular and a lenient reader would guess:
// lines end in CRLF (a bare LF is refused, not repaired), header lines are
// not folded, every part names itself in one Content-Disposition
// "form-data", and the body ends with the close delimiter. Limits bound the
// body, the number of parts and each part's header block. Errors are
// values: a status (400, 413 or 415) and a reason fit for the error page,
// which never quotes the request.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "http/form.h"

namespace confsched {

struct MultipartLimits {
  size_t max_body_bytes = 0;
  size_t max_parts = 32;
  // One part's header lines together, CRLFs included. A browser's longest
  // is a Content-Disposition with a long, percent-escaped file name.
  size_t max_part_header_bytes = 2048;
};

// A part that carried a filename parameter: a file input.
struct UploadedFile {
  std::string name;          // the form field's name
  std::string filename;      // as sent, path and all; "" when no file was chosen
  std::string content_type;  // the part's Content-Type, "" when it had none
  std::string data;          // the bytes exactly as sent (may hold NULs)
};

struct MultipartForm {
  // Parts without a filename, in order: UTF-8 text without NUL bytes, like
  // a urlencoded form's fields.
  FormFields fields;
  std::vector<UploadedFile> files;  // parts with a filename, in order
  int status = 0;                   // 0: read; else 400, 413 or 415
  std::string error;                // why not, in words for the error page

  bool ok() const { return status == 0; }
  // The first file part named `name`, or nullptr.
  const UploadedFile* file(std::string_view name) const;
};

// Whether a Content-Type header names multipart/form-data (parameters not
// checked).
bool is_multipart_form(std::string_view content_type);

// The boundary parameter of a "multipart/form-data; boundary=..." header:
// quoted or not, 1 to 70 characters of RFC 2046's bchars, not ending in a
// space. Returns "" and sets error when there is none or it is invalid,
// or when the parameter is given twice.
std::string multipart_boundary(std::string_view content_type, std::string& error);

// Reads a body sent with that Content-Type. status 415 when the type is not
// multipart/form-data, 413 above limits.max_body_bytes, 400 for anything
// malformed.
MultipartForm parse_multipart_form(std::string_view content_type, std::string_view body,
                                   const MultipartLimits& limits);

}  // namespace confsched
