#include "model/session_terms.h"

#include <algorithm>

namespace confsched {

namespace {

template <size_t N>
const SessionTerm* find_term(const std::array<SessionTerm, N>& terms, std::string_view value) {
  auto it = std::find_if(terms.begin(), terms.end(),
                         [&](const SessionTerm& t) { return t.value == value; });
  return it == terms.end() ? nullptr : &*it;
}

}  // namespace

bool is_session_kind(std::string_view value) { return find_term(kSessionKinds, value) != nullptr; }

bool is_session_status(std::string_view value) {
  return find_term(kSessionStatuses, value) != nullptr;
}

std::string session_kind_label(std::string_view kind) {
  const SessionTerm* t = find_term(kSessionKinds, kind);
  return t ? tr(t->label) : std::string(kind);
}

std::string session_status_label(std::string_view status) {
  const SessionTerm* t = find_term(kSessionStatuses, status);
  return t ? tr(t->label) : std::string(status);
}

std::string session_status_note(std::string_view status) {
  return status == kSessionStatuses[0].value ? std::string() : session_status_label(status);
}

}  // namespace confsched
