// The staff announcement pages; see announcement_pages.h.
#include "admin/announcement_pages.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "admin/staff_page.h"
#include "auth/csrf.h"
#include "model/text.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "store/announcement_store.h"
#include "store/audit.h"
#include "util/log.h"
#include "util/time_text.h"
#include "util/time_zone.h"
#include "util/translate.h"

namespace confsched {

namespace {

using Dict = ctemplate::TemplateDictionary;

constexpr size_t kListTextBytes = 160;

// Translated as they are shown: these are built before the language is set.
SelectOptions levels() { return {{"info", tr("Information")}, {"important", tr("Important")}}; }
SelectOptions units() { return {{"minutes", tr("minutes")}, {"hours", tr("hours")}}; }

std::string level_name(const std::string& level) {
  for (const auto& [value, label] : levels())
    if (value == level) return label;
  return level;
}

// The instant of a stored DATETIME, which holds UTC (sql/003).
std::optional<int64_t> utc_seconds(const std::string& datetime) {
  auto t = parse_civil(datetime);
  if (!t) return std::nullopt;
  return seconds_from_civil(*t);
}

// What the staff pages need to judge a form and to show announcements: the
// event's zone (staff type and read times on its wall clock, as on the
// session form), the rooms to choose from and the clock. From the primary,
// as every staff read.
struct Setting {
  const TimeZone* zone = nullptr;
  std::string zone_name;
  SelectOptions rooms;  // "" (everywhere) first, then each room by id
  std::set<int64_t> room_ids;
  int64_t now = 0;

  // "Friday 12 June 2026, 14:00" on the event's wall clock, from a stored
  // DATETIME; only "14:00" when it falls on the day of `same_day_as`.
  std::string local(const std::string& datetime, const std::string& same_day_as = {}) const {
    auto at = utc_seconds(datetime);
    if (!at) return datetime;
    CivilDateTime t = zone->local_time(*at);
    if (auto other = utc_seconds(same_day_as)) {
      CivilDateTime o = zone->local_time(*other);
      if (o.year == t.year && o.month == t.month && o.day == t.day) return format_clock(t);
    }
    return fill_text(tr("{day}, {time}"),
                     {{"day", format_day_label(t)}, {"time", format_clock(t)}});
  }
};

Setting load_setting(Site& site) {
  std::optional<EventInfo> event = site.staff().event();
  if (!event) throw NotSeeded();
  Setting s;
  s.zone = &site.event_zone(event->time_zone);
  s.zone_name = event->time_zone;
  s.rooms.emplace_back("", tr("Everywhere"));
  for (const StoredItem& r : site.staff().items(kRoomTable)) {
    s.rooms.emplace_back(std::to_string(r.id), r.values.name);
    s.room_ids.insert(r.id);
  }
  s.now = site.now();
  return s;
}

AnnouncementContext context_of(const Setting& s, const StoredAnnouncement* editing) {
  AnnouncementContext c;
  c.now = s.now;
  c.zone = s.zone;
  c.room_ids = s.room_ids;
  if (editing)
    c.stored = AnnouncementContext::Stored{utc_seconds(editing->published_at).value_or(s.now),
                                           utc_seconds(editing->expires_at)};
  return c;
}

std::string room_text(const StoredAnnouncement& a) {
  return a.room_id ? a.room_name : tr("Everywhere");
}

// "until Friday 12 June 2026, 15:30 (1 h 5 min left)" or "until withdrawn"
// for one showing; for one still to start, without the time left and with
// only the time when it ends on the day it starts.
std::string until_text(const Setting& s, const StoredAnnouncement& a) {
  if (a.expires_at.empty()) return tr("until withdrawn");
  if (a.state == "scheduled")
    return fill_text(tr("until {time}"), {{"time", s.local(a.expires_at, a.published_at)}});
  std::string left = describe_time_left(a.seconds_left.value_or(0));
  if (left.empty()) return fill_text(tr("until {time}"), {{"time", s.local(a.expires_at)}});
  return fill_text(tr("until {time} ({left} left)"),
                   {{"time", s.local(a.expires_at)}, {"left", left}});
}

// The state in words, with the times that go with it: "Scheduled: starts
// …, until …", "Showing until …", "Ended …", "Withdrawn …".
std::string state_text(const Setting& s, const StoredAnnouncement& a) {
  if (a.state == "withdrawn")
    return fill_text(tr("Withdrawn {time}"), {{"time", s.local(a.withdrawn_at)}});
  if (a.state == "expired") return fill_text(tr("Ended {time}"), {{"time", s.local(a.expires_at)}});
  if (a.state == "scheduled")
    return fill_text(tr("Scheduled: starts {time}, {until}"),
                     {{"time", s.local(a.published_at)}, {"until", until_text(s, a)}});
  return fill_text(tr("Showing {until}"), {{"until", until_text(s, a)}});
}

// The zone the page's times are in, stated once (zone.tpl), with the
// offsets in force from the earliest to the latest of them.
void add_times_zone(Dict& d, const Setting& s, const std::vector<StoredAnnouncement>& shown) {
  int64_t first = s.now, last = s.now;
  for (const StoredAnnouncement& a : shown)
    for (const std::string* t : {&a.published_at, &a.expires_at, &a.withdrawn_at})
      if (auto at = utc_seconds(*t)) {
        first = std::min(first, *at);
        last = std::max(last, *at);
      }
  std::string offsets =
      s.zone->statement_between(s.zone->local_time(first), s.zone->local_time(last));
  fill_zone_note(d, s.zone_name, offsets);
}

// The shared fields of both forms (announcement_fields.tpl). With a stored
// announcement its start and end may also be kept as they are.
void fill_fields(Dict& form, const Setting& s, const AnnouncementDraft& v,
                 const FieldErrors& errors, const StoredAnnouncement* editing) {
  Dict* d = form.AddIncludeDictionary("FIELDS");
  d->SetFilename("announcement_fields.tpl");
  d->SetValue("BODY", v.body);
  d->SetValue("ZONE_NAME", s.zone_name);
  d->SetValue("START_DAY", v.start_day);
  d->SetValue("START_TIME", v.start_time);
  d->SetValue("DURATION", v.duration);
  d->SetValue("END_DAY", v.end_day);
  d->SetValue("END_TIME", v.end_time);
  add_select_options(*d, "LEVEL_OPTION", levels(), v.level);
  add_select_options(*d, "ROOM_OPTION", s.rooms, v.room);
  add_select_options(*d, "UNIT_OPTION", units(), v.unit);
  SelectOptions starts, ends;
  if (editing) {
    bool started = editing->state != "scheduled";
    const std::string start_time = s.local(editing->published_at);
    starts.push_back({std::string(kStartsKeep),
                      started
                          ? fill_text(tr("Keep as it is: started {time}"), {{"time", start_time}})
                          : fill_text(tr("Keep as it is: starts {time}"), {{"time", start_time}})});
    std::string end =
        editing->expires_at.empty() ? tr("Keep as it is: when withdrawn")
        : editing->state == "expired"
            ? fill_text(tr("Keep as it is: ended {time}"), {{"time", s.local(editing->expires_at)}})
            : fill_text(tr("Keep as it is: {until}"), {{"until", until_text(s, *editing)}});
    ends.push_back({std::string(kEndsKeep), end});
  }
  starts.push_back({std::string(kStartsNow), tr("Now")});
  starts.push_back({std::string(kStartsAt), tr("At the day and time below")});
  ends.push_back({std::string(kEndsNever), tr("When withdrawn")});
  ends.push_back({std::string(kEndsAfter), tr("After the duration below, from the start")});
  ends.push_back({std::string(kEndsAt), tr("At the day and time below")});
  add_select_options(*d, "STARTS_OPTION", starts, v.starts);
  add_select_options(*d, "ENDS_OPTION", ends, v.ends);
  show_field_errors(*d, errors);
}

AnnouncementDraft blank_draft() {
  AnnouncementDraft d;
  d.level = "info";
  d.starts = std::string(kStartsNow);
  d.ends = std::string(kEndsNever);
  d.unit = "minutes";
  return d;
}

constexpr std::string_view kRoomGone =
    tr_mark("That room was deleted meanwhile: choose another, or everywhere.");

// ----------------------------------------------------------------- the list

struct NewForm {
  AnnouncementDraft values = blank_draft();
  FieldErrors errors;
  std::string problem;
};

void fill_row(Dict& row, const Setting& s, const StoredAnnouncement& a) {
  row.SetIntValue("ID", static_cast<long>(a.id));
  row.SetValue("TEXT", shorten(a.body, kListTextBytes));
  row.SetValue("ROOM", room_text(a));
  row.SetValue("LEVEL", level_name(a.level));
  row.SetValue("STATE", a.state);
  row.SetValue("STATE_TEXT", state_text(s, a));
  if (a.state == "active" || a.state == "scheduled") {
    Dict* withdraw = row.AddSectionDictionary("CAN_WITHDRAW");
    withdraw->SetIntValue("REVISION", static_cast<long>(a.revision));
  }
}

Response render_list(Site& site, const Request& request, int status, const Setting& s,
                     const NewForm& form) {
  auto announcements = site.staff().announcements();
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, tr("Announcements"), "admin_announcements.tpl", [&](Dict& d) {
    d.SetValue("CSRF", token);
    add_times_zone(d, s, announcements);
    if (status == 200 && request.query.get("posted")) d.ShowSection("POSTED");
    if (status == 200 && request.query.get("withdrawn")) d.ShowSection("WITHDRAWN");
    if (!form.problem.empty()) d.AddSectionDictionary("PROBLEM")->SetValue("MESSAGE", form.problem);
    fill_fields(d, s, form.values, form.errors, nullptr);
    if (announcements.empty()) d.ShowSection("NONE");
    Dict* table = announcements.empty() ? nullptr : d.AddSectionDictionary("HAS_ROWS");
    for (const StoredAnnouncement& a : announcements)
      fill_row(*table->AddSectionDictionary("ROW"), s, a);
  });
}

Response create_posted(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  const Setting s = load_setting(site);
  const AnnouncementContext context = context_of(s, nullptr);
  NewForm state;
  state.values = announcement_from_form(form);
  state.errors = validate_announcement(state.values, context);
  if (!state.errors.empty()) {
    state.problem = tr("Nothing was posted: please correct the fields marked below.");
    return render_list(site, request, 422, s, state);
  }
  AnnouncementResult result = site.staff().create_announcement(
      announcement_write(state.values, context), audit_context(request, *params.staff));
  if (result.outcome == AnnouncementOutcome::kRoomGone) {
    state.errors["room"] = tr(kRoomGone);
    state.problem = tr("Nothing was posted: please correct the fields marked below.");
    return render_list(site, request, 409, load_setting(site), state);
  }
  return redirect_303("/admin/announcements?posted=1");
}

// -------------------------------------------------------------- one of them

struct EditState {
  StoredAnnouncement stored;  // as in the database now
  AnnouncementDraft values;   // in the form: stored, or as typed
  int64_t revision = 0;
  FieldErrors errors;
  std::string problem;
  bool conflict = false;  // show the stored version beside the form
  bool saved = false;
};

AnnouncementDraft draft_of(const StoredAnnouncement& a) {
  AnnouncementDraft d = blank_draft();
  d.body = a.body;
  d.level = a.level;
  if (a.room_id) d.room = std::to_string(*a.room_id);
  d.starts = std::string(kStartsKeep);
  d.ends = std::string(kEndsKeep);
  return d;
}

void fill_conflict(Dict& d, const Setting& s, const StoredAnnouncement& theirs) {
  Dict* c = d.AddSectionDictionary("CONFLICT");
  c->SetValue("BODY", theirs.body);
  c->SetValue("LEVEL", level_name(theirs.level));
  c->SetValue("ROOM", room_text(theirs));
  c->SetValue("STATE", state_text(s, theirs));
}

Response render_edit(Site& site, const Request& request, int status, const Setting& s,
                     EditState state) {
  std::string token = page_csrf_token(site, request);
  const StoredAnnouncement& a = state.stored;
  bool withdrawn = a.state == "withdrawn";
  // A withdrawn announcement is final; its text can be posted again as new.
  if (withdrawn && state.values.starts == kStartsKeep)
    state.values.starts = std::string(kStartsNow);
  if (withdrawn && state.values.ends == kEndsKeep) state.values.ends = std::string(kEndsNever);
  return staff_page(site, status, tr("Edit announcement"), "admin_announcement.tpl", [&](Dict& d) {
    d.SetIntValue("ID", static_cast<long>(a.id));
    d.SetValue("CSRF", token);
    add_times_zone(d, s, {a});
    d.SetValue("STATE_TEXT", state_text(s, a));
    d.SetValue("ROOM", room_text(a));
    if (state.saved) d.ShowSection("SAVED");
    if (!state.problem.empty())
      d.AddSectionDictionary("PROBLEM")->SetValue("MESSAGE", state.problem);
    if (state.conflict) fill_conflict(d, s, a);
    Dict* form = d.AddSectionDictionary(withdrawn ? "REPOST" : "EDIT");
    form->SetIntValue("REVISION", static_cast<long>(state.revision));
    fill_fields(*form, s, state.values, state.errors, withdrawn ? nullptr : &a);
  });
}

// A refused write: their version beside what was typed, and the revision
// set to theirs, so saving again means "mine, after looking at theirs".
Response refused(Site& site, const Request& request, const Setting& s,
                 const AnnouncementResult& result, AnnouncementDraft typed, bool withdrawing) {
  EditState state;
  state.stored = *result.current;
  state.values = std::move(typed);
  state.revision = result.current->revision;
  state.conflict = true;
  const bool gone =
      result.outcome == AnnouncementOutcome::kWithdrawn || result.current->state == "withdrawn";
  if (withdrawing)
    state.problem = gone ? tr("Not withdrawn: this announcement was withdrawn meanwhile.")
                         : tr("Not withdrawn: someone else changed this announcement meanwhile.");
  else
    state.problem = gone ? tr("Not saved: this announcement was withdrawn meanwhile.")
                         : tr("Not saved: someone else changed this announcement meanwhile.");
  return render_edit(site, request, 409, s, std::move(state));
}

Response withdraw_posted(Site& site, const Request& request, const RouteParams& params, int64_t id,
                         int64_t revision) {
  const FormFields& form = *params.form;
  AnnouncementResult result =
      site.staff().withdraw_announcement(id, revision, audit_context(request, *params.staff));
  if (result.outcome == AnnouncementOutcome::kGone) return site.error_page(404);
  // Withdrawn already, by whoever: what was asked for is done.
  if (result.outcome == AnnouncementOutcome::kDone || result.current->state == "withdrawn")
    return redirect_303("/admin/announcements?withdrawn=1");
  // From the edit form the typed values come back; from the list, theirs.
  AnnouncementDraft shown =
      form.get("body") ? announcement_from_form(form) : draft_of(*result.current);
  return refused(site, request, load_setting(site), result, std::move(shown), true);
}

Response save_posted(Site& site, const Request& request, const RouteParams& params, int64_t id) {
  const FormFields& form = *params.form;
  auto revision = parse_id(std::string(form.get("revision").value_or(""))).value_or(0);
  std::string action(form.get("action").value_or("save"));
  if (action == "withdraw") return withdraw_posted(site, request, params, id, revision);
  if (action != "save") return site.error_page(400);

  auto stored = site.staff().announcement(id);
  if (!stored) return site.error_page(404);
  const Setting s = load_setting(site);
  // Judged against the start and end stored now, which "keep" keeps. A
  // form shown before someone else's save carries an older revision, and
  // the write is refused (409), so keeping never means times its sender
  // did not see.
  const AnnouncementContext context = context_of(s, &*stored);
  EditState state;
  state.stored = *stored;
  state.values = announcement_from_form(form);
  state.revision = revision;
  state.errors = validate_announcement(state.values, context);
  if (!state.errors.empty()) {
    state.problem = tr("Nothing was saved: please correct the fields marked below.");
    return render_edit(site, request, 422, s, std::move(state));
  }
  AnnouncementResult result =
      site.staff().save_announcement(id, announcement_write(state.values, context), revision,
                                     audit_context(request, *params.staff));
  if (result.outcome == AnnouncementOutcome::kGone) return site.error_page(404);
  if (result.outcome == AnnouncementOutcome::kDone)
    return redirect_303("/admin/announcements/" + std::to_string(id) + "?saved=1");
  if (result.outcome == AnnouncementOutcome::kRoomGone) {
    state.errors["room"] = tr(kRoomGone);
    state.problem = tr("Nothing was saved: please correct the fields marked below.");
    return render_edit(site, request, 409, load_setting(site), std::move(state));
  }
  return refused(site, request, s, result, std::move(state.values), false);
}

}  // namespace

Response admin_announcements(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return create_posted(site, request, params);
  return render_list(site, request, 200, load_setting(site), NewForm{});
}

Response admin_announcement(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return save_posted(site, request, params, params.id);
  auto stored = site.staff().announcement(params.id);
  if (!stored) return site.error_page(404);
  EditState state;
  state.stored = *stored;
  state.values = draft_of(*stored);
  state.revision = stored->revision;
  state.saved = request.query.get("saved").has_value();
  return render_edit(site, request, 200, load_setting(site), std::move(state));
}

}  // namespace confsched
