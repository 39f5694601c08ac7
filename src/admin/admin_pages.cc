// /admin (the programme as a list per day) and /admin/session/<id> and
// /admin/session/new (the edit form: validation, room-clash warning,
// optimistic locking, audit, delete; a new one may come prefilled from a
// link).
#include "admin/admin_pages.h"

#include <utility>
#include <vector>

#include "admin/staff_page.h"
#include "auth/csrf.h"
#include "model/conference_day.h"
#include "model/session_terms.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "store/audit.h"
#include "store/programme.h"
#include "store/session_store.h"
#include "util/log.h"
#include "util/time_text.h"
#include "util/translate.h"
#include "util/web_url.h"

namespace confsched {

namespace {

using Dict = ctemplate::TemplateDictionary;
using Options = SelectOptions;

std::string name_of(const Options& options, const std::string& value) {
  for (const auto& [v, name] : options)
    if (v == value) return name;
  return value.empty() ? "(none)" : value;
}

struct FormLists {
  Options rooms, tracks;
};

// The rooms and tracks to choose from. While the database is unreachable
// the form still comes back, offering just what was chosen.
FormLists load_lists(Site& site, const SessionDraft& typed) {
  FormLists lists;
  try {
    auto programme = site.staff().schedule();
    if (!programme) throw NotSeeded();
    for (const Room& r : programme->rooms) lists.rooms.emplace_back(std::to_string(r.id), r.name);
    for (const Track& t : programme->tracks)
      lists.tracks.emplace_back(std::to_string(t.id), t.name);
  } catch (const DbUnavailable&) {
    lists.rooms = {
        {typed.room_id, fill_text(tr("Room {id} (as chosen)"), {{"id", typed.room_id}})}};
    if (!typed.track_id.empty())
      lists.tracks = {
          {typed.track_id, fill_text(tr("Track {id} (as chosen)"), {{"id", typed.track_id}})}};
  }
  return lists;
}

template <size_t N>
Options options_of(const std::array<SessionTerm, N>& terms) {
  Options options;
  for (const SessionTerm& t : terms) options.emplace_back(t.value, tr(t.label));
  return options;
}

// Built when a page is shown, not at start-up: their labels are in the
// site's language, which is set after static objects are made.
Options kind_options() { return options_of(kSessionKinds); }
Options status_options() { return options_of(kSessionStatuses); }

struct EditState {
  int64_t id = 0;       // 0: a new session
  SessionDraft values;  // shown in the form: stored, or as typed
  int64_t revision = 0;
  FieldErrors errors;
  std::string problem;                  // a message above the form
  std::optional<StoredSession> theirs;  // on a conflict
  std::vector<std::string> clashes;     // room and speaker clashes to accept
  bool saved = false;
  int64_t delayed = 0;  // how many sessions a running-late save just moved
};

void fill_values(Dict& d, const SessionDraft& v, const FormLists& lists) {
  d.SetValue("TITLE", v.title);
  d.SetValue("ABSTRACT", v.abstract);
  d.SetValue("DAY", v.day);
  d.SetValue("START", v.start);
  d.SetValue("END", v.end);
  d.SetValue("SPEAKERS", v.speakers);
  d.SetValue("MATERIALS", v.materials);
  add_select_options(d, "ROOM_OPTION", lists.rooms, v.room_id);
  add_select_options(d, "TRACK_OPTION", lists.tracks, v.track_id);
  add_select_options(d, "KIND_OPTION", kind_options(), v.kind);
  add_select_options(d, "STATUS_OPTION", status_options(), v.status);
}

void fill_conflict(Dict& d, const StoredSession& theirs, const FormLists& lists) {
  Dict* c = d.AddSectionDictionary("CONFLICT");
  c->SetValue("UPDATED_AT", theirs.updated_at);
  c->SetValue("TITLE", theirs.values.title);
  c->SetValue("DAY", theirs.values.day);
  c->SetValue("START", theirs.values.start);
  c->SetValue("END", theirs.values.end);
  c->SetValue("ROOM", name_of(lists.rooms, theirs.values.room_id));
  c->SetValue("TRACK", name_of(lists.tracks, theirs.values.track_id));
  c->SetValue("KIND", name_of(kind_options(), theirs.values.kind));
  c->SetValue("STATUS", name_of(status_options(), theirs.values.status));
  c->SetValue("SPEAKERS", theirs.values.speakers);
  c->SetValue("MATERIALS", theirs.values.materials);
  c->SetValue("ABSTRACT", theirs.values.abstract);
}

// The swap and move forms' choices: the day's other sessions (not
// cancelled), and the other rooms. Without the database, none: the forms
// need it anyway.
void fill_move_choices(Site& site, Dict& d, const EditState& state, const FormLists& lists) {
  std::vector<SessionListing> listing;
  try {
    listing = site.staff().session_listing();
  } catch (const DbUnavailable&) {
    return;
  }
  Dict* swap = nullptr;
  for (const SessionListing& s : listing) {
    if (s.id == state.id || is_cancelled(s.status) || s.starts_at.substr(0, 10) != state.values.day)
      continue;
    if (!swap) swap = d.AddSectionDictionary("SWAP_CHOICES");
    Dict* option = swap->AddSectionDictionary("SWAP_OPTION");
    option->SetValue("VALUE", std::to_string(s.id));
    option->SetValue("NAME", s.starts_at.substr(11, 5) + " " + s.room + ": " + s.title);
  }
  for (const auto& [value, name] : lists.rooms) {
    if (value == state.values.room_id) continue;
    Dict* option = d.AddSectionDictionary("MOVE_ROOM_OPTION");
    option->SetValue("VALUE", value);
    option->SetValue("NAME", name);
  }
}

void fill_messages(Dict& d, const EditState& state) {
  if (state.saved) d.ShowSection("SAVED");
  if (state.delayed > 0) {
    Dict* moved = d.AddSectionDictionary("DELAYED");
    moved->SetIntValue("COUNT", static_cast<long>(state.delayed));
    moved->SetValue("COUNT_NOUN", state.delayed == 1 ? tr("session") : tr("sessions"));
  }
  if (!state.problem.empty()) d.AddSectionDictionary("PROBLEM")->SetValue("MESSAGE", state.problem);
  show_field_errors(d, state.errors);
  if (!state.clashes.empty()) {
    Dict* warning = d.AddSectionDictionary("CLASH");
    for (const std::string& clash : state.clashes)
      warning->AddSectionDictionary("CLASH_ITEM")->SetValue("TEXT", clash);
  }
}

Response render_edit(Site& site, const Request& request, int status, const EditState& state) {
  FormLists lists = load_lists(site, state.values);
  std::string token = page_csrf_token(site, request);
  std::string title = state.id ? fill_text(tr("Edit: {title}"), {{"title", state.values.title}})
                               : tr("New session");
  return staff_page(site, status, title, "admin_session.tpl", [&](Dict& d) {
    if (state.id) {
      d.SetIntValue("ID", static_cast<long>(state.id));
      d.SetValue("FORM_ACTION", "/admin/session/" + std::to_string(state.id));
      d.ShowSection("EXISTING");
    } else {
      d.SetValue("FORM_ACTION", "/admin/session/new");
    }
    d.SetValue("HEADING", state.id ? tr("Edit session") : tr("New session"));
    d.SetValue("CSRF", token);
    d.SetIntValue("REVISION", static_cast<long>(state.revision));
    fill_messages(d, state);
    if (state.theirs) fill_conflict(d, *state.theirs, lists);
    fill_values(d, state.values, lists);
    if (state.id) fill_move_choices(site, d, state, lists);
  });
}

// Checks everything a save needs before it is tried; fills state.errors or
// state.clashes and returns false when the form must come back.
bool ready_to_save(Site& site, const FormFields& form, EditState& state) {
  state.errors = validate_draft(state.values, site.staff().session_choices());
  if (!state.errors.empty()) {
    state.problem = tr("Nothing was saved: please correct the fields marked below.");
    return false;
  }
  if (!form.get("accept_clash")) {
    state.clashes = site.staff().session_clashes({{state.id, state.values}});
    if (!state.clashes.empty()) {
      state.problem =
          tr("Not saved yet: at this time the room or a speaker is taken (listed below).");
      return false;
    }
  }
  return true;
}

Response after_outcome(Site& site, const Request& request, EditState& state,
                       const SaveResult& result, const std::string& done_location) {
  if (result.outcome == SaveOutcome::kSaved) return redirect_303(done_location);
  if (result.outcome == SaveOutcome::kGone) {
    state.problem =
        tr("This session was deleted while you were editing it. Your values are below.");
    return render_edit(site, request, 409, state);
  }
  state.problem = tr("Not saved: someone else changed this session meanwhile.");
  state.theirs = result.current;
  // Saving again now means "mine, after looking at theirs".
  state.revision = result.current->revision;
  return render_edit(site, request, 409, state);
}

Response handle_post(Site& site, const Request& request, const RouteParams& params,
                     EditState& state) {
  const FormFields& form = *params.form;
  if (form.get("action").value_or("") == "delete" && state.id) {
    SaveResult result = site.staff().delete_session(state.id, state.revision,
                                                    audit_context(request, *params.staff));
    return after_outcome(site, request, state, result, "/admin?deleted=1");
  }
  if (!ready_to_save(site, form, state)) return render_edit(site, request, 422, state);
  if (!state.id) {
    int64_t id = site.staff().create_session(state.values, audit_context(request, *params.staff));
    return redirect_303("/admin/session/" + std::to_string(id) + "?saved=1");
  }
  SaveResult result = site.staff().save_session(state.id, state.values, state.revision,
                                                audit_context(request, *params.staff));
  return after_outcome(site, request, state, result,
                       "/admin/session/" + std::to_string(state.id) + "?saved=1");
}

Response save_posted(Site& site, const Request& request, const RouteParams& params, int64_t id) {
  const FormFields& form = *params.form;
  EditState state;
  state.id = id;
  state.values = draft_from_form(form);
  state.revision = parse_id(std::string(form.get("revision").value_or(""))).value_or(0);
  try {
    return handle_post(site, request, params, state);
  } catch (const DbUnavailable& e) {
    // Nothing typed is lost: the form comes back as it was sent.
    log_error(std::string("503 admin save: ") + e.what());
    state.errors.clear();
    state.clashes.clear();
    state.problem =
        tr("The database is unavailable, so nothing was saved. Your values are below: press Save "
           "again in a moment.");
    Response r = render_edit(site, request, 503, state);
    // As every other 503 says (Site::error_page, resend_page).
    r.set_header("Retry-After", "5");
    return r;
  }
}

// A section per conference day (model/conference_day.h), as /schedule
// and /admin/day group them.
void fill_admin_list(Dict& d, const std::vector<SessionListing>& listing, int day_change) {
  Dict* day = nullptr;
  std::string current_day;
  for (const SessionListing& s : listing) {
    auto start = parse_civil(s.starts_at);
    auto end = parse_civil(s.ends_at);
    if (!day || conference_day(s.starts_at, day_change) != current_day) {
      current_day = conference_day(s.starts_at, day_change);
      auto label = parse_civil(current_day);
      day = d.AddSectionDictionary("DAY");
      day->SetValue("DAY", current_day);
      day->SetValue("DAY_LABEL", label ? format_day_label(*label) : current_day);
    }
    Dict* row = day->AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(s.id));
    row->SetValue("TITLE", s.title);
    row->SetValue("START", start ? format_clock(*start) : s.starts_at);
    row->SetValue("END", end ? format_clock(*end) : s.ends_at);
    row->SetValue("ROOM", s.room);
    row->SetValue("STATUS", s.status);
    row->SetValue("UPDATED_AT", s.updated_at);
  }
}

// The event as the primary has it, as every staff read is: after staff
// change the dates, the next page shows them, whatever a replica says.
EventInfo staff_event(Site& site) {
  std::optional<EventInfo> event = site.staff().event();
  if (!event) throw NotSeeded();
  return std::move(*event);
}

SessionDraft new_session_defaults(Site& site) {
  SessionDraft d;
  d.day = staff_event(site).starts_on;
  d.start = std::string(kNewSessionStart);
  d.end = clock_after(d.start, kNewSessionMinutes);
  d.kind = "talk";
  d.status = "scheduled";
  return d;
}

// Who is signed in, and the links of what their role may do.
void add_signed_in(Dict& d, const StaffIdentity& who) {
  Dict* line = d.AddSectionDictionary(who.person == 0 ? "SHARED" : "PERSON");
  line->SetValue("NAME", who.name);
  line->SetValue("ROLE", std::string(staff_role_name(who.role)));
  if (who.is_admin()) d.ShowSection("ADMIN");
}

// One line on how keeping in step with upstream goes, once it has run.
void add_sync_line(Dict& d, const SyncState& sync, size_t waiting) {
  if (sync.last_attempt_at.empty()) return;
  Dict* line = d.AddSectionDictionary("SYNC");
  line->SetValue("URL", url_for_display(sync.url));
  line->SetValue("LAST_SUCCESS", utc_or_never(sync.last_success_at));
  line->SetValue("LAST_CHANGE", utc_or_never(sync.last_change_at));
  if (sync.failing) {
    Dict* failing = line->AddSectionDictionary("FAILING");
    failing->SetValue("ERROR_AT", sync.last_error_at);
    failing->SetValue("ERROR", sync.last_error);
  }
  if (waiting > 0) {
    Dict* w = line->AddSectionDictionary("WAITING");
    w->SetIntValue("COUNT", static_cast<long>(waiting));
    w->SetValue("CHANGES", waiting == 1 ? tr("change") : tr("changes"));
  }
}

}  // namespace

Response admin_home(Site& site, const Request& request, const RouteParams& params) {
  const EventInfo event = staff_event(site);
  const std::vector<SessionListing> listing = site.staff().session_listing();
  const SyncState sync = site.staff().sync_state();
  const size_t waiting = sync.last_attempt_at.empty() ? 0 : site.staff().upstream_changes().size();
  return staff_page(site, 200, tr("Administration"), "admin_list.tpl", [&](Dict& d) {
    if (request.query.get("deleted")) d.ShowSection("DELETED");
    add_signed_in(d, *params.staff);
    add_sync_line(d, sync, waiting);
    fill_admin_list(d, listing, event.day_change);
    // Session times are the event's wall clock, like every delegate page.
    add_zone_note(site, d, event, event.starts_on, event.ends_on + " 23:59");
  });
}

// A POST goes straight to save_posted, which needs no database to bring the
// form back when the database is down.
Response admin_session(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return save_posted(site, request, params, params.id);
  auto stored = site.staff().stored_session(params.id);
  if (!stored) return site.error_page(404);
  EditState state;
  state.id = stored->id;
  state.values = stored->values;
  state.revision = stored->revision;
  state.saved = request.query.get("saved").has_value();
  state.delayed = parse_id(std::string(request.query.get("delayed").value_or(""))).value_or(0);
  return render_edit(site, request, 200, state);
}

Response admin_new_session(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return save_posted(site, request, params, 0);
  EditState state;
  // A link may fill in day, times and room (/admin/day's gaps).
  state.values =
      prefilled_draft(new_session_defaults(site), request.query, site.staff().session_choices());
  return render_edit(site, request, 200, state);
}

}  // namespace confsched
