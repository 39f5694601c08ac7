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
#include "util/translate.h"

namespace confsched {

namespace {

// What differs between the rooms page and the tracks page.
struct ItemPage {
  const ItemTable& table;
  const char* path;          // "/admin/rooms"
  std::string_view title;    // "Rooms"
  const char* singular;      // "room": the rows' ids
  std::string_view noun;     // "room" in the page's text
  const char* detail_field;  // form field and error key: "position"
  std::string_view detail_label;
  const char* detail_type;  // the input's type
  std::string_view detail_hint;
  FieldErrors (*validate)(const ItemDraft&);
  // The messages, whole, as a translation needs them.
  std::string_view duplicate;        // {name}
  std::string_view changed_on_save;  // someone else saved first
  std::string_view gone_on_save;     // deleted while being edited
  std::string_view changed_on_delete;
  std::string_view gone_on_delete;
  std::string_view one_session, sessions;            // in use; {count}
  std::string_view one_announcement, announcements;  // in use; {count}
};

const ItemPage kRoomsPage{
    .table = kRoomTable,
    .path = "/admin/rooms",
    .title = tr_mark("Rooms"),
    .singular = "room",
    .noun = tr_mark("room"),
    .detail_field = "position",
    .detail_label = tr_mark("Position"),
    .detail_type = "number",
    .detail_hint = tr_mark(
        "Rooms are listed by position, smallest first. The description (directions, such as "
        "“2nd floor, left of the main stairs”) and the floor show on session pages, on /now and "
        "on the room's screen, the map link on session pages, and the stream link on /now while "
        "a session runs in the room. Each is optional; links start with https:// (or http://)."),
    .validate = validate_room,
    .duplicate =
        tr_mark("Another room is already called “{name}” (names must differ, ignoring case)."),
    .changed_on_save = tr_mark("Not saved: someone else changed this room meanwhile. Their "
                               "version is shown; save again to replace it."),
    .gone_on_save = tr_mark("Not saved: this room was deleted meanwhile. Your values are in the "
                            "add form below."),
    .changed_on_delete = tr_mark("Not deleted: someone else changed this room meanwhile. Look at "
                                 "their version and delete again if you still mean to."),
    .gone_on_delete = tr_mark("This room had already been deleted."),
    .one_session = tr_mark("Not deleted: 1 session uses this room. Move it to another room first."),
    .sessions =
        tr_mark("Not deleted: {count} sessions use this room. Move them to another room first."),
    .one_announcement = tr_mark("Not deleted: 1 announcement that shows or will show is for this "
                                "room. Withdraw it or make it for everywhere first, on the "
                                "announcements page."),
    .announcements = tr_mark("Not deleted: {count} announcements that show or will show are for "
                             "this room. Withdraw them or make them for everywhere first, on the "
                             "announcements page."),
};
const ItemPage kTracksPage{
    .table = kTrackTable,
    .path = "/admin/tracks",
    .title = tr_mark("Tracks"),
    .singular = "track",
    .noun = tr_mark("track"),
    .detail_field = "colour",
    .detail_label = tr_mark("Colour"),
    .detail_type = "text",
    .detail_hint = tr_mark("The colour is # and six hex digits, such as #1f6feb."),
    .validate = validate_track,
    .duplicate =
        tr_mark("Another track is already called “{name}” (names must differ, ignoring case)."),
    .changed_on_save = tr_mark("Not saved: someone else changed this track meanwhile. Their "
                               "version is shown; save again to replace it."),
    .gone_on_save = tr_mark("Not saved: this track was deleted meanwhile. Your values are in the "
                            "add form below."),
    .changed_on_delete = tr_mark("Not deleted: someone else changed this track meanwhile. Look at "
                                 "their version and delete again if you still mean to."),
    .gone_on_delete = tr_mark("This track had already been deleted."),
    .one_session =
        tr_mark("Not deleted: 1 session uses this track. Move it to another track first."),
    .sessions =
        tr_mark("Not deleted: {count} sessions use this track. Move them to another track first."),
    .one_announcement = tr_mark("Not deleted: 1 announcement that shows or will show is for this "
                                "track. Withdraw it or make it for everywhere first, on the "
                                "announcements page."),
    .announcements = tr_mark("Not deleted: {count} announcements that show or will show are for "
                             "this track. Withdraw them or make them for everywhere first, on the "
                             "announcements page."),
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
  if (sessions == 0) return tr("not used by any session");
  if (sessions == 1) return tr("used by 1 session");
  return fill_text(tr("used by {count} sessions"), {{"count", std::to_string(sessions)}});
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
    text += "; " + tr(f.noun) + " " + value;
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
  const std::string title = tr(page.title);
  return staff_page(site, status, title, "admin_items.tpl", [&](SettingsDict& d) {
    d.SetValue("TITLE", title);
    d.SetValue("PATH", page.path);
    d.SetValue("ANCHOR", page.singular);
    d.SetValue("SINGULAR", tr(page.noun));
    d.SetValue("DETAIL_FIELD", page.detail_field);
    d.SetValue("DETAIL_LABEL", tr(page.detail_label));
    d.SetValue("DETAIL_TYPE", page.detail_type);
    d.SetValue("DETAIL_HINT", tr(page.detail_hint));
    d.SetValue("CSRF", token);
    if (!state.notice.empty()) d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", state.notice);
    show_problem(d, state.problem);
    for (const StoredItem& item : items)
      fill_row(*d.AddSectionDictionary("ROW"), page, item, state);
    fill_add_form(d, page, state);
  });
}

std::string duplicate_message(const ItemPage& page, const std::string& name) {
  return fill_text(tr(page.duplicate), {{"name", name}});
}

std::string in_use_message(const ItemPage& page, const WriteResult<ItemDraft>& result) {
  const int64_t sessions = result.sessions, announcements = result.announcements;
  if (sessions == 0 && announcements > 0)
    return announcements == 1
               ? tr(page.one_announcement)
               : fill_text(tr(page.announcements), {{"count", std::to_string(announcements)}});
  return sessions == 1 ? tr(page.one_session)
                       : fill_text(tr(page.sessions), {{"count", std::to_string(sessions)}});
}

constexpr std::string_view kNotSaved =
    tr_mark("Nothing was saved: please correct the fields marked below.");

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
  state.problem = tr(kNotSaved);
  return render_items(site, request, page, 422, state);
}

Response update_posted(Site& site, const Request& request, const ItemPage& page, ItemsState& state,
                       const RouteParams& params) {
  state.errors = page.validate(state.typed);
  if (!state.errors.empty()) {
    state.problem = tr(kNotSaved);
    return render_items(site, request, page, 422, state);
  }
  auto result = site.staff().update_item(page.table, state.row_id, state.typed, state.version,
                                         audit_context(request, *params.staff));
  switch (result.outcome) {
    case WriteOutcome::kSaved:
      return redirect_303(std::string(page.path) + "?done=saved");
    case WriteOutcome::kDuplicate:
      state.errors["name"] = duplicate_message(page, state.typed.name);
      state.problem = tr(kNotSaved);
      return render_items(site, request, page, 422, state);
    case WriteOutcome::kConflict:
      state.row_problem = tr(page.changed_on_save);
      state.theirs = result.current;
      state.version = item_version(*result.current);
      return render_items(site, request, page, 409, state);
    default:
      state.problem = tr(page.gone_on_save);
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
      state.row_problem = tr(page.changed_on_delete);
      state.theirs = result.current;
      state.version = item_version(*result.current);
      return render_items(site, request, page, 409, state);
    default:
      state.problem = tr(page.gone_on_delete);
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
  if (done == "added") return tr("Added. Delegates see it within a few seconds.");
  if (done == "saved") return tr("Saved. Delegates see the change within a few seconds.");
  if (done == "deleted") return tr("Deleted.");
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
