#include "http/accept_encoding.h"

#include <strings.h>

#include "http/header_text.h"

namespace confsched {

namespace {

bool equals_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// A q-value is "0", "0.", "0.ddd", "1", "1." or "1.000" (§12.4.2); we only
// need to know whether it is above zero. Anything malformed counts as zero,
// so a garbled header never turns compression on.
bool q_above_zero(std::string_view q) {
  if (q.empty() || q.size() > 5) return false;
  if (q[0] == '1') {
    for (char c : q.substr(1))
      if (c != '.' && c != '0') return false;
    return q.size() == 1 || q[1] == '.';
  }
  if (q[0] != '0') return false;
  if (q.size() == 1) return false;
  if (q[1] != '.') return false;
  bool above = false;
  for (char c : q.substr(2)) {
    if (c < '0' || c > '9') return false;
    if (c != '0') above = true;
  }
  return above;
}

// The weight of one list member "coding;q=0.5;other=x": 1 when no q is
// given.
bool member_weight_above_zero(std::string_view params) {
  while (!params.empty()) {
    std::string_view param = trim_ows(next_item(params, ';'));
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    if (equals_nocase(trim_ows(param.substr(0, eq)), "q"))
      return q_above_zero(trim_ows(param.substr(eq + 1)));
  }
  return true;
}

}  // namespace

bool accepts_gzip(std::string_view header) {
  enum class Verdict { kUnnamed, kYes, kNo };
  Verdict gzip = Verdict::kUnnamed;
  Verdict star = Verdict::kUnnamed;
  while (!header.empty()) {
    std::string_view params = next_item(header, ',');
    std::string_view coding = trim_ows(next_item(params, ';'));
    Verdict v = member_weight_above_zero(params) ? Verdict::kYes : Verdict::kNo;
    // A coding named twice: a refusal wins, as the cautious reading.
    if (equals_nocase(coding, "gzip") || equals_nocase(coding, "x-gzip")) {
      if (gzip != Verdict::kNo) gzip = v;
    } else if (coding == "*") {
      if (star != Verdict::kNo) star = v;
    }
  }
  if (gzip != Verdict::kUnnamed) return gzip == Verdict::kYes;
  return star == Verdict::kYes;
}

}  // namespace confsched
