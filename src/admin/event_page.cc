// /admin/event: the event's name, tagline, venue, dates and introduction,
// saved under optimistic locking by version hash.
#include <optional>

#include "admin/settings_common.h"
#include "admin/settings_pages.h"
#include "site/site.h"
#include "store/audit.h"
#include "store/settings_store.h"
#include "util/translate.h"

namespace confsched {

namespace {

struct EventState {
  EventDraft values;    // shown in the form: stored, or as typed
  std::string version;  // of the stored values the form is based on
  FieldErrors errors;
  std::string problem;
  std::optional<EventDraft> theirs;  // on a conflict
  bool saved = false;
};

void fill_event_values(SettingsDict& d, const EventDraft& v) {
  d.SetValue("NAME", v.name);
  d.SetValue("TAGLINE", v.tagline);
  d.SetValue("VENUE", v.venue);
  d.SetValue("STARTS_ON", v.starts_on);
  d.SetValue("ENDS_ON", v.ends_on);
  d.SetValue("INTRO", v.intro);
  d.SetValue("DAY_CHANGE", v.day_change);
}

Response render_event(Site& site, const Request& request, int status, const EventState& state) {
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, tr("The event"), "admin_event.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    d.SetValue("VERSION", state.version);
    if (state.saved) d.ShowSection("SAVED");
    show_problem(d, state.problem);
    show_field_errors(d, state.errors);
    if (state.theirs) fill_event_values(*d.AddSectionDictionary("CONFLICT"), *state.theirs);
    fill_event_values(d, state.values);
  });
}

std::string outside_message(int64_t sessions) {
  if (sessions == 1)
    return tr(
        "1 session lies outside these dates. Move it first, or choose dates that include it.");
  return fill_text(tr("{count} sessions lie outside these dates. Move them first, or choose dates "
                      "that include them all."),
                   {{"count", std::to_string(sessions)}});
}

Response save_posted_event(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  EventState state;
  state.values = event_draft_from_form(form);
  state.version = form_value(form, "version");
  state.errors = validate_event(state.values);
  if (!state.errors.empty()) {
    state.problem = tr("Nothing was saved: please correct the fields marked below.");
    return render_event(site, request, 422, state);
  }
  auto result =
      site.staff().save_event(state.values, state.version, audit_context(request, *params.staff));
  switch (result.outcome) {
    case WriteOutcome::kSaved:
      return redirect_303("/admin/event?saved=1");
    case WriteOutcome::kOutsideDates:
      state.errors["starts_on"] = outside_message(result.sessions);
      state.problem = tr("Nothing was saved: please correct the fields marked below.");
      return render_event(site, request, 422, state);
    case WriteOutcome::kConflict:
      state.problem = tr("Not saved: someone else changed the event meanwhile.");
      state.theirs = result.current;
      // Saving again now means "mine, after looking at theirs".
      state.version = event_version(*result.current);
      return render_event(site, request, 409, state);
    default:
      throw NotSeeded();  // the event row is gone
  }
}

}  // namespace

Response admin_event(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return save_posted_event(site, request, params);
  auto stored = site.staff().event_draft();
  if (!stored) throw NotSeeded();
  EventState state;
  state.values = *stored;
  state.version = event_version(*stored);
  state.saved = request.query.get("saved").has_value();
  return render_event(site, request, 200, state);
}

}  // namespace confsched
