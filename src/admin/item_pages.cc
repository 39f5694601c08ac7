// /admin/rooms and /admin/tracks: one list page each, with an add form and
// per row a form that saves (rename, reorder, recolour; a room's details)
// or deletes. Row actions are POST fields (id, action) on the list's own
// path.
#include <cctype>
#include <optional>

#include "admin/settings_common.h"
#include "admin/settings_pages.h"
#include "site/site.h"
#include "store/audit.h"
#include "store/settings_store.h"

namespace confsched {

namespace {

// What differs between the rooms page and the tracks page.
struct ItemPage {
  const ItemTable& table;
  const char* path;          // "/admin/rooms"
  const char* title;         // "Rooms"
  const char* singular;      // "room"
  const char* detail_field;  // form field and error key: "position"
  const char* detail_label;
  const char* detail_type;  // the input's type
  const char* detail_hint;
  FieldErrors (*validate)(const ItemDraft&);
};

const ItemPage kRoomsPage{
    .table = kRoomTable,
    .path = "/admin/rooms",
    .title = "Rooms",
    .singular = "room",
    .detail_field = "position",
    .detail_label = "Position",
    .detail_type = "number",
    .detail_hint =
        "Rooms are listed by position, smallest first. The description (directions, such as "
        "“2nd floor, left of the main stairs”) and the floor show on session pages, on /now and "
        "on the room's screen, the map link on session pages, and the stream link on /now while "
        "a session runs in the room. Each is optional; links start with https:// (or http://).",
    .validate = validate_room,
};
const ItemPage kTracksPage{
    .table = kTrackTable,
    .path = "/admin/tracks",
    .title = "Tracks",
    .singular = "track",
    .detail_field = "colour",
    .detail_label = "Colour",
    .detail_type = "text",
    .detail_hint = "The colour is # and six hex digits, such as #1f6feb.",
    .validate = validate_track,
};

struct ItemsState {
  bool refused = false;  // a refused post: the values below are shown
  int64_t row_id = 0;    // its row; 0 for the add form
  ItemDraft typed;
  std::string version;  // what that row's form carries now
  FieldErrors errors;
  std::string problem;      // above everything
  std::string row_problem;  // next to the row
  std::optional<ItemDraft> theirs;
  std::string notice;
};

std::string usage_text(int64_t sessions) {
  if (sessions == 0) return "not used by any session";
  return "used by " + std::to_string(sessions) + (sessions == 1 ? " session" : " sessions");
}

// Errors for the detail field go to DETAIL_ERROR, whatever it is called.
FieldErrors generic_errors(const ItemPage& page, const FieldErrors& errors) {
  FieldErrors out;
  for (const auto& [key, message] : errors)
    out[key == page.detail_field ? "detail" : key] = message;
  return out;
}

// A room's details as form values (the inputs of section ROOM_DETAILS) and
// their messages; nothing for a track.
void fill_room_details(SettingsDict& d, const ItemPage& page, const RoomDetails& shown) {
  if (!page.table.room_details) return;
  d.ShowSection("ROOM_DETAILS");
  for (const RoomDetailField& f : kRoomDetailFields) {
    std::string key(f.name);
    for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    d.SetValue(key, shown.*f.member);
  }
}

// "; floor Level 2; map link https://…": the room details of the version
// someone else saved, after its name and detail.
std::string their_room_details(const ItemPage& page, const RoomDetails& theirs) {
  std::string text;
  if (!page.table.room_details) return text;
  for (const RoomDetailField& f : kRoomDetailFields) {
    const std::string& value = theirs.*f.member;
    if (value.empty()) continue;
    text += "; " + std::string(f.noun) + " " + value;
  }
  return text;
}

void fill_row(SettingsDict& row, const ItemPage& page, const StoredItem& item,
              const ItemsState& state) {
  row.SetIntValue("ID", static_cast<long>(item.id));
  row.SetValue("USAGE", usage_text(item.sessions));
  bool refused_here = state.refused && state.row_id == item.id;
  const ItemDraft& shown = refused_here ? state.typed : item.values;
  row.SetValue("NAME", shown.name);
  row.SetValue("DETAIL", shown.detail);
  fill_room_details(row, page, shown.room);
  row.SetValue("VERSION", refused_here ? state.version : item_version(item.values));
  if (!refused_here) return;
  show_field_errors(row, generic_errors(page, state.errors));
  if (!state.row_problem.empty())
    row.AddSectionDictionary("ROW_PROBLEM")->SetValue("MESSAGE", state.row_problem);
  if (state.theirs) {
    SettingsDict* c = row.AddSectionDictionary("CONFLICT");
    c->SetValue("NAME", state.theirs->name);
    c->SetValue("DETAIL", state.theirs->detail);
    c->SetValue("ROOM_DETAILS", their_room_details(page, state.theirs->room));
  }
}

void fill_add_form(SettingsDict& d, const ItemPage& page, const ItemsState& state) {
  SettingsDict* add = d.AddSectionDictionary("ADD");
  bool refused_here = state.refused && state.row_id == 0;
  add->SetValue("NAME", refused_here ? state.typed.name : "");
  add->SetValue("DETAIL", refused_here                  ? state.typed.detail
                          : page.table.detail_is_number ? "0"
                                                        : "#777777");
  fill_room_details(*add, page, refused_here ? state.typed.room : RoomDetails{});
  if (refused_here) show_field_errors(*add, generic_errors(page, state.errors));
}

Response render_items(Site& site, const Request& request, const ItemPage& page, int status,
                      const ItemsState& state) {
  auto items = site.staff().items(page.table);
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, page.title, "admin_items.tpl", [&](SettingsDict& d) {
    d.SetValue("TITLE", page.title);
    d.SetValue("PATH", page.path);
    d.SetValue("SINGULAR", page.singular);
    d.SetValue("DETAIL_FIELD", page.detail_field);
    d.SetValue("DETAIL_LABEL", page.detail_label);
    d.SetValue("DETAIL_TYPE", page.detail_type);
    d.SetValue("DETAIL_HINT", page.detail_hint);
    d.SetValue("CSRF", token);
    if (!state.notice.empty()) d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", state.notice);
    show_problem(d, state.problem);
    for (const StoredItem& item : items)
      fill_row(*d.AddSectionDictionary("ROW"), page, item, state);
    fill_add_form(d, page, state);
  });
}

std::string duplicate_message(const ItemPage& page, const std::string& name) {
  return std::string("Another ") + page.singular + " is already called “" + name +
         "” (names must differ, ignoring case).";
}

std::string in_use_message(const ItemPage& page, const WriteResult<ItemDraft>& result) {
  const int64_t sessions = result.sessions, announcements = result.announcements;
  if (sessions == 0 && announcements > 0)
    return "Not deleted: " + std::to_string(announcements) +
           (announcements == 1 ? " announcement that shows or will show is"
                               : " announcements that show or will show are") +
           " for this " + page.singular + ". Withdraw " + (announcements == 1 ? "it" : "them") +
           " or make " + (announcements == 1 ? "it" : "them") +
           " for everywhere first, on the announcements page.";
  std::string count = std::to_string(sessions);
  return "Not deleted: " + count + (sessions == 1 ? " session uses" : " sessions use") + " this " +
         page.singular + ". Move " + (sessions == 1 ? "it" : "them") + " to another " +
         page.singular + " first.";
}

const char* kNotSaved = "Nothing was saved: please correct the fields marked below.";

Response add_posted(Site& site, const Request& request, const ItemPage& page, ItemsState& state,
                    const RouteParams& params) {
  state.errors = page.validate(state.typed);
  if (state.errors.empty()) {
    auto result =
        site.staff().add_item(page.table, state.typed, audit_context(request, *params.staff));
    if (result.outcome == WriteOutcome::kSaved)
      return redirect_303(std::string(page.path) + "?done=added");
    state.errors["name"] = duplicate_message(page, state.typed.name);
  }
  state.problem = kNotSaved;
  return render_items(site, request, page, 422, state);
}

Response update_posted(Site& site, const Request& request, const ItemPage& page, ItemsState& state,
                       const RouteParams& params) {
  state.errors = page.validate(state.typed);
  if (!state.errors.empty()) {
    state.problem = kNotSaved;
    return render_items(site, request, page, 422, state);
  }
  auto result = site.staff().update_item(page.table, state.row_id, state.typed, state.version,
                                         audit_context(request, *params.staff));
  switch (result.outcome) {
    case WriteOutcome::kSaved:
      return redirect_303(std::string(page.path) + "?done=saved");
    case WriteOutcome::kDuplicate:
      state.errors["name"] = duplicate_message(page, state.typed.name);
      state.problem = kNotSaved;
      return render_items(site, request, page, 422, state);
    case WriteOutcome::kConflict:
      state.row_problem = "Not saved: someone else changed this " + std::string(page.singular) +
                          " meanwhile. Their version is shown; save again to replace it.";
      state.theirs = result.current;
      state.version = item_version(*result.current);
      return render_items(site, request, page, 409, state);
    default:
      state.problem = "Not saved: this " + std::string(page.singular) +
                      " was deleted meanwhile. Your values are in the add form below.";
      state.row_id = 0;
      return render_items(site, request, page, 409, state);
  }
}

Response delete_posted(Site& site, const Request& request, const ItemPage& page, ItemsState& state,
                       const RouteParams& params) {
  auto result = site.staff().delete_item(page.table, state.row_id, state.version,
                                         audit_context(request, *params.staff));
  switch (result.outcome) {
    case WriteOutcome::kSaved:
      return redirect_303(std::string(page.path) + "?done=deleted");
    case WriteOutcome::kInUse:
      state.row_problem = in_use_message(page, result);
      return render_items(site, request, page, 409, state);
    case WriteOutcome::kConflict:
      state.row_problem =
          "Not deleted: someone else changed this " + std::string(page.singular) +
          " meanwhile. Look at their version and delete again if you still mean to.";
      state.theirs = result.current;
      state.version = item_version(*result.current);
      return render_items(site, request, page, 409, state);
    default:
      state.problem = "This " + std::string(page.singular) + " had already been deleted.";
      return render_items(site, request, page, 409, state);
  }
}

Response items_posted(Site& site, const Request& request, const RouteParams& params,
                      const ItemPage& page) {
  const FormFields& form = *params.form;
  ItemsState state;
  state.refused = true;
  state.typed = item_draft_from_form(form, page.detail_field, page.table.room_details);
  state.version = form_value(form, "version");
  std::string action = form_value(form, "action");
  if (action == "add") return add_posted(site, request, page, state, params);
  auto id = parse_id(form_value(form, "id"));
  if (!id) return site.error_page(400);
  state.row_id = *id;
  if (action == "save") return update_posted(site, request, page, state, params);
  if (action == "delete") return delete_posted(site, request, page, state, params);
  return site.error_page(400);
}

std::string notice_for(const Request& request) {
  auto done = request.query.get("done").value_or("");
  if (done == "added") return "Added. Delegates see it within a few seconds.";
  if (done == "saved") return "Saved. Delegates see the change within a few seconds.";
  if (done == "deleted") return "Deleted.";
  return "";
}

Response items_page(Site& site, const Request& request, const RouteParams& params,
                    const ItemPage& page) {
  if (request.method == "POST") return items_posted(site, request, params, page);
  ItemsState state;
  state.notice = notice_for(request);
  return render_items(site, request, page, 200, state);
}

}  // namespace

Response admin_rooms(Site& site, const Request& request, const RouteParams& params) {
  return items_page(site, request, params, kRoomsPage);
}

Response admin_tracks(Site& site, const Request& request, const RouteParams& params) {
  return items_page(site, request, params, kTracksPage);
}

}  // namespace confsched
