#include "admin/move_page.h"

#include <map>

#include "admin/settings_common.h"
#include "model/slot_swap.h"
#include "site/site.h"
#include "store/audit.h"
#include "util/translate.h"

namespace confsched {

namespace {

struct MoveState {
  int64_t id = 0;
  std::string with, room_id;  // as sent: one of them
  std::vector<StoredSession> before;
  std::vector<PlannedChange> plan;
  std::vector<std::string> clashes;
  std::string problem;
};

std::map<std::string, std::string> room_names(Site& site) {
  std::map<std::string, std::string> names;
  if (auto programme = site.staff().schedule())
    for (const Room& r : programme->rooms) names[std::to_string(r.id)] = r.name;
  return names;
}

std::string slot_text(const SessionDraft& d, const std::map<std::string, std::string>& rooms) {
  auto room = rooms.find(d.room_id);
  return fill_text(tr("{day} {start}–{end}, {room}"),
                   {{"day", d.day},
                    {"start", d.start},
                    {"end", d.end},
                    {"room", room == rooms.end() ? fill_text(tr("room {id}"), {{"id", d.room_id}})
                                                 : room->second}});
}

Response render_move(Site& site, const Request& request, int status, const MoveState& state) {
  const auto rooms = room_names(site);
  std::string token = page_csrf_token(site, request);
  return staff_page(
      site, status, state.with.empty() ? tr("Move to a room") : tr("Swap two sessions"),
      "admin_move.tpl", [&](SettingsDict& d) {
        d.SetValue("CSRF", token);
        d.SetIntValue("ID", static_cast<long>(state.id));
        d.SetValue("HEADING",
                   state.with.empty() ? tr("Move to another room") : tr("Swap two sessions"));
        show_problem(d, state.problem);
        if (state.plan.empty()) return;
        SettingsDict* preview = d.AddSectionDictionary("PREVIEW");
        Previewed previewed;
        for (size_t i = 0; i < state.plan.size(); ++i) {
          previewed.emplace_back(state.plan[i].id, state.plan[i].revision);
          SettingsDict* row = preview->AddSectionDictionary("MOVE");
          row->SetIntValue("SESSION", static_cast<long>(state.plan[i].id));
          row->SetValue("TITLE", state.before[i].values.title);
          row->SetValue("OLD", slot_text(state.before[i].values, rooms));
          row->SetValue("NEW", slot_text(state.plan[i].after, rooms));
        }
        preview->SetValue("PREVIEWED", previewed_text(previewed));
        if (!state.with.empty())
          preview->AddSectionDictionary("SWAP")->SetValue("WITH", state.with);
        else
          preview->AddSectionDictionary("ROOM")->SetValue("ROOM_ID", state.room_id);
        preview->SetValue("BUTTON", state.with.empty() ? tr("Move it") : tr("Swap them"));
        if (!state.clashes.empty()) {
          SettingsDict* clash = preview->AddSectionDictionary("CLASH");
          for (const std::string& c : state.clashes)
            clash->AddSectionDictionary("CLASH_ITEM")->SetValue("TEXT", c);
        }
      });
}

// The plan from the rows as they are now; a problem (or a 404) otherwise.
std::optional<Response> make_plan(Site& site, MoveState& state) {
  auto self = site.staff().stored_session(state.id);
  if (!self) return site.error_page(404);
  state.before = {*self};
  if (!state.with.empty()) {
    std::optional<StoredSession> other;
    if (auto with_id = parse_id(state.with)) other = site.staff().stored_session(*with_id);
    if (!other) return site.error_page(404);
    if (other->id == self->id) return site.error_page(400);
    if (other->values.day != self->values.day) {
      state.problem =
          tr("Only sessions on the same day swap here; use the session's form to move it "
             "to another day.");
      return std::nullopt;
    }
    auto [mine, theirs] = swap_slots(self->values, other->values);
    state.before.push_back(*other);
    state.plan = {{self->id, self->revision, mine}, {other->id, other->revision, theirs}};
  } else {
    auto room = parse_id(state.room_id);
    if (!room || !site.staff().session_choices().room_ids.count(*room)) {
      state.problem = tr("That room does not exist (any more). Choose another.");
      return std::nullopt;
    }
    state.plan = {{self->id, self->revision, moved_to_room(self->values, state.room_id)}};
  }
  std::vector<ProposedSession> proposed;
  for (size_t i = 0; i < state.plan.size(); ++i)
    proposed.push_back({state.plan[i].id, state.plan[i].after, state.before[i].values});
  state.clashes = site.staff().session_clashes(proposed);
  return std::nullopt;
}

}  // namespace

Response admin_move(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  MoveState state;
  state.id = params.id;
  state.with = form_value(form, "with");
  state.room_id = form_value(form, "room_id");
  if (state.with.empty() == state.room_id.empty()) return site.error_page(400);
  if (auto answer = make_plan(site, state)) return std::move(*answer);
  if (!state.problem.empty()) return render_move(site, request, 422, state);
  if (form_value(form, "action") != "save") return render_move(site, request, 200, state);

  Previewed now;
  for (const PlannedChange& c : state.plan) now.emplace_back(c.id, c.revision);
  auto previewed = parse_previewed(form_value(form, "previewed"));
  if (!previewed) return site.error_page(400);
  const std::string changed =
      tr("Nothing was saved: a session changed since the preview. Here it is again, as the "
         "programme is now.");
  if (*previewed != now) {
    state.problem = changed;
    return render_move(site, request, 409, state);
  }
  if (!state.clashes.empty() && !form.get("accept_clash")) {
    state.problem = tr("Not saved yet: tick “Save anyway” to accept the clashes listed below.");
    return render_move(site, request, 422, state);
  }
  if (site.staff().save_together(state.plan, audit_context(request, *params.staff)) !=
      MoveOutcome::kSaved) {
    state.problem = changed;
    return render_move(site, request, 409, state);
  }
  return redirect_303("/admin/session/" + std::to_string(state.id) + "?saved=1");
}

}  // namespace confsched
