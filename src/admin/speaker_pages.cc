// /admin/speakers (the list and an add form) and /admin/speakers/<id> (the
// edit form): name, affiliation and biography, under optimistic locking by
// version hash.
#include <optional>

#include "admin/settings_common.h"
#include "admin/settings_pages.h"
#include "site/site.h"
#include "store/audit.h"
#include "store/settings_store.h"
#include "util/translate.h"

namespace confsched {

namespace {

constexpr std::string_view kNotSaved =
    tr_mark("Nothing was saved: please correct the fields marked below.");

void fill_speaker_values(SettingsDict& d, const SpeakerDraft& v) {
  d.SetValue("NAME", v.name);
  d.SetValue("AFFILIATION", v.affiliation);
  d.SetValue("BIO", v.bio);
}

// ------------------------------------------------------------------- list

struct ListState {
  SpeakerDraft typed;  // in the add form
  FieldErrors errors;
  std::string problem;
};

Response render_list(Site& site, const Request& request, int status, const ListState& state) {
  auto speakers = site.staff().speakers();
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, tr("Speakers"), "admin_speakers.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    show_problem(d, state.problem);
    show_field_errors(d, state.errors);
    fill_speaker_values(d, state.typed);
    for (const StoredSpeaker& s : speakers) {
      SettingsDict* row = d.AddSectionDictionary("ROW");
      row->SetIntValue("ID", static_cast<long>(s.id));
      row->SetValue("NAME", s.values.name);
      row->SetValue("AFFILIATION", s.values.affiliation);
      row->SetIntValue("SESSIONS", static_cast<long>(s.sessions));
    }
  });
}

Response add_posted(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  ListState state;
  state.typed = speaker_draft_from_form(form);
  state.errors = validate_speaker(state.typed);
  if (!state.errors.empty()) {
    state.problem = tr(kNotSaved);
    return render_list(site, request, 422, state);
  }
  auto result = site.staff().add_speaker(state.typed, audit_context(request, *params.staff));
  return redirect_303("/admin/speakers/" + std::to_string(result.id) + "?saved=1");
}

// ------------------------------------------------------------------- edit

struct EditState {
  int64_t id = 0;
  SpeakerDraft values;  // stored, or as typed
  std::string version;
  FieldErrors errors;
  std::string problem;
  std::optional<SpeakerDraft> theirs;
  bool saved = false;
};

Response render_edit(Site& site, const Request& request, int status, const EditState& state) {
  auto sessions = site.staff().speaker_sessions(state.id);
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, fill_text(tr("Speaker: {name}"), {{"name", state.values.name}}),
                    "admin_speaker.tpl", [&](SettingsDict& d) {
                      d.SetIntValue("ID", static_cast<long>(state.id));
                      d.SetValue("CSRF", token);
                      d.SetValue("VERSION", state.version);
                      if (state.saved) d.ShowSection("SAVED");
                      show_problem(d, state.problem);
                      show_field_errors(d, state.errors);
                      if (state.theirs)
                        fill_speaker_values(*d.AddSectionDictionary("CONFLICT"), *state.theirs);
                      fill_speaker_values(d, state.values);
                      if (sessions.empty()) return;
                      SettingsDict* list = d.AddSectionDictionary("HAS_SESSIONS");
                      for (const auto& [session_id, title] : sessions) {
                        SettingsDict* s = list->AddSectionDictionary("SESSION");
                        s->SetIntValue("SESSION_ID", static_cast<long>(session_id));
                        s->SetValue("TITLE", title);
                      }
                    });
}

Response save_posted(Site& site, const Request& request, const RouteParams& params, int64_t id) {
  const FormFields& form = *params.form;
  EditState state;
  state.id = id;
  state.values = speaker_draft_from_form(form);
  state.version = form_value(form, "version");
  state.errors = validate_speaker(state.values);
  if (!state.errors.empty()) {
    state.problem = tr(kNotSaved);
    return render_edit(site, request, 422, state);
  }
  auto result = site.staff().save_speaker(id, state.values, state.version,
                                          audit_context(request, *params.staff));
  if (result.outcome == WriteOutcome::kSaved)
    return redirect_303("/admin/speakers/" + std::to_string(id) + "?saved=1");
  if (result.outcome == WriteOutcome::kGone) {
    state.problem = tr("This speaker was deleted while you were editing. Your values are below.");
    return render_edit(site, request, 409, state);
  }
  state.problem = tr("Not saved: someone else changed this speaker meanwhile.");
  state.theirs = result.current;
  state.version = speaker_version(*result.current);
  return render_edit(site, request, 409, state);
}

}  // namespace

Response admin_speakers(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return add_posted(site, request, params);
  return render_list(site, request, 200, ListState{});
}

Response admin_speaker(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return save_posted(site, request, params, params.id);
  auto stored = site.staff().speaker(params.id);
  if (!stored) return site.error_page(404);
  EditState state;
  state.id = params.id;
  state.values = *stored;
  state.version = speaker_version(*stored);
  state.saved = request.query.get("saved").has_value();
  return render_edit(site, request, 200, state);
}

}  // namespace confsched
