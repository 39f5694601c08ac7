// The room form (/admin/rooms), read and judged as a staff POST body: a
// room validate_room accepts has only one-line text within its columns,
// trimmed, and links that are empty or absolute http(s) URLs without a
// user name or password (util/web_url.h), within theirs: safe to store and
// to put in an href on the delegate pages.
#include <string>

#include "fuzz_support.h"
#include "http/form.h"
#include "model/limits.h"
#include "model/settings_form.h"
#include "util/text_rules.h"
#include "util/web_url.h"

using namespace confsched;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto form = parse_urlencoded(fuzz_input(data, size));
  if (!form) return 0;
  ItemDraft draft = item_draft_from_form(*form, "position", true);
  // The version tag is a function of the values alone.
  FUZZ_CHECK(item_version(draft) == item_version(ItemDraft(draft)));
  FieldErrors errors = validate_room(draft);
  for (const RoomDetailField& f : kRoomDetailFields) {
    const std::string& value = draft.room.*f.member;
    FUZZ_CHECK(trim_blanks(value) == value);
    if (errors.count(std::string(f.name))) continue;
    FUZZ_CHECK(!exceeds(f.limit, value));
    if (value.empty()) continue;
    if (f.is_link)
      FUZZ_CHECK(check_web_url(value) == WebUrlCheck::kOk);
    else
      FUZZ_CHECK(!text_problem(value, TextLines::kOne));
  }
  return 0;
}
