#include "admin/delay_page.h"

#include "admin/settings_common.h"
#include "model/announcement_form.h"
#include "model/running_late.h"
#include "site/site.h"
#include "store/audit.h"
#include "store/errors.h"
#include "util/log.h"
#include "util/translate.h"

namespace confsched {

namespace {

// The announcement a running-late save posts: important, for the room
// that runs late (its screen, /now, and every delegate page's banner),
// from now for two hours.
AnnouncementDraft delay_note(const std::string& text, const std::string& room_id) {
  AnnouncementDraft note;
  note.body = text;
  note.level = "important";
  note.room = room_id;
  note.starts = std::string(kStartsNow);
  note.ends = std::string(kEndsAfter);
  note.duration = "2";
  note.unit = "hours";
  return note;
}

AnnouncementContext note_context(Site& site, const std::string& room_id) {
  AnnouncementContext context;
  context.now = site.now();
  std::optional<EventInfo> event = site.staff().event();
  if (!event) throw NotSeeded();
  context.zone = &site.event_zone(event->time_zone);
  if (auto room = parse_id(room_id)) context.room_ids.insert(*room);
  return context;
}

struct DelayState {
  int64_t id = 0;
  std::string minutes;  // as typed
  bool following = false;
  std::string problem;
  // The preview, when the typed values make one.
  std::vector<StoredSession> targets;
  std::vector<SessionDraft> moved;
  std::vector<std::string> clashes;
  std::string announcement;
  bool announce = false;
};

std::string room_name(Site& site, const std::string& room_id) {
  auto programme = site.staff().schedule();
  if (programme)
    for (const Room& r : programme->rooms)
      if (std::to_string(r.id) == room_id) return r.name;
  return fill_text(tr("Room {id}"), {{"id", room_id}});
}

// Fills the preview from the typed values; a problem (bad minutes, gone,
// past midnight) leaves it empty.
void make_preview(Site& site, DelayState& state) {
  std::optional<int> minutes = parse_delay_minutes(state.minutes);
  if (!minutes) {
    state.problem = fill_text(tr("Give the delay as a whole number of minutes, 1 to {max}."),
                              {{"max", std::to_string(kMaxDelayMinutes)}});
    return;
  }
  std::vector<StoredSession> targets = site.staff().delay_targets(state.id, state.following);
  std::vector<SessionDraft> moved;
  std::vector<ProposedSession> proposed;
  for (const StoredSession& s : targets) {
    auto after = delayed(s.values, *minutes);
    if (!after) {
      state.problem = fill_text(
          tr("Not possible: “{title}” would start after midnight (it runs {start}–{end} now)."),
          {{"title", s.values.title}, {"start", s.values.start}, {"end", s.values.end}});
      return;
    }
    moved.push_back(*after);
    proposed.push_back({s.id, *after, s.values});
  }
  if (targets.empty()) return;
  state.clashes = site.staff().session_clashes(proposed);
  const SessionDraft& first = moved.front();
  if (state.announcement.empty())
    state.announcement =
        delay_announcement(room_name(site, first.room_id), first.title, first.start, *minutes,
                           state.following && targets.size() > 1);
  state.targets = std::move(targets);
  state.moved = std::move(moved);
}

Response render_delay(Site& site, const Request& request, int status, const DelayState& state) {
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, tr("Running late"), "admin_delay.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    d.SetIntValue("ID", static_cast<long>(state.id));
    d.SetValue("MINUTES", state.minutes);
    if (state.following) d.ShowSection("FOLLOWING");
    show_problem(d, state.problem);
    if (state.targets.empty()) return;
    SettingsDict* preview = d.AddSectionDictionary("PREVIEW");
    Previewed previewed;
    for (size_t i = 0; i < state.targets.size(); ++i) {
      const StoredSession& s = state.targets[i];
      previewed.emplace_back(s.id, s.revision);
      SettingsDict* row = preview->AddSectionDictionary("MOVE");
      row->SetValue("TITLE", s.values.title);
      row->SetIntValue("SESSION", static_cast<long>(s.id));
      row->SetValue("OLD", s.values.start + "–" + s.values.end);
      row->SetValue("NEW", state.moved[i].start + "–" + state.moved[i].end);
    }
    preview->SetIntValue("COUNT", static_cast<long>(state.targets.size()));
    preview->SetValue("PREVIEWED", previewed_text(previewed));
    if (!state.clashes.empty()) {
      SettingsDict* clash = preview->AddSectionDictionary("CLASH");
      for (const std::string& c : state.clashes)
        clash->AddSectionDictionary("CLASH_ITEM")->SetValue("TEXT", c);
    }
    preview->SetValue("ANNOUNCEMENT", state.announcement);
    preview->SetValue("MINUTES", state.minutes);
    if (state.following) preview->ShowSection("FOLLOWING");
    if (state.announce) preview->ShowSection("ANNOUNCE");
  });
}

Response save_delay(Site& site, const Request& request, const RouteParams& params,
                    DelayState& state) {
  const FormFields& form = *params.form;
  make_preview(site, state);
  if (!state.problem.empty() || state.targets.empty())
    return render_delay(site, request, state.targets.empty() && state.problem.empty() ? 404 : 422,
                        state);
  auto previewed = parse_previewed(form_value(form, "previewed"));
  if (!previewed) return site.error_page(400);
  if (!state.clashes.empty() && !form.get("accept_clash")) {
    state.problem = tr("Not saved yet: tick “Save anyway” to accept the clashes listed below.");
    return render_delay(site, request, 422, state);
  }
  const std::string room_id = state.targets.front().values.room_id;
  if (state.announce) {
    if (FieldErrors errors = validate_announcement(delay_note(state.announcement, room_id),
                                                   note_context(site, room_id));
        !errors.empty()) {
      state.problem = fill_text(tr("Not saved: the announcement {problem}"),
                                {{"problem", errors.begin()->second}});
      return render_delay(site, request, 422, state);
    }
  }
  const AuditContext who = audit_context(request, *params.staff);
  const int minutes = *parse_delay_minutes(state.minutes);
  if (site.staff().delay_sessions(state.id, state.following, minutes, *previewed, who) !=
      MoveOutcome::kSaved) {
    // Someone changed one of them since the preview (or added a session
    // after it): nothing moved; this is the list as it is now.
    state.problem =
        tr("Nothing was moved: the sessions changed since the preview. Here is the preview "
           "again, as the programme is now.");
    return render_delay(site, request, 409, state);
  }
  if (state.announce) {
    const AnnouncementContext context = note_context(site, room_id);
    site.staff().create_announcement(
        announcement_write(delay_note(state.announcement, room_id), context), who);
  }
  return redirect_303("/admin/session/" + std::to_string(state.id) +
                      "?delayed=" + std::to_string(state.targets.size()));
}

}  // namespace

Response admin_delay(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  DelayState state;
  state.id = params.id;
  state.minutes = form_value(form, "minutes");
  state.following = form.get("following").has_value();
  state.announce = form.get("announce").has_value();
  state.announcement = form_value(form, "announcement");
  if (form_value(form, "action") == "save") return save_delay(site, request, params, state);
  make_preview(site, state);
  if (state.targets.empty() && state.problem.empty()) return site.error_page(404);
  return render_delay(site, request, state.problem.empty() ? 200 : 422, state);
}

}  // namespace confsched
