// The staff announcement pages; see announcement_pages.h.
#include "admin/announcement_pages.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "admin/staff_page.h"
#include "auth/csrf.h"
#include "model/text.h"
#include "site/site.h"
#include "store/announcement_store.h"
#include "store/audit.h"
#include "util/log.h"

namespace confsched {

namespace {

using Dict = ctemplate::TemplateDictionary;

constexpr size_t kListTextBytes = 160;

const SelectOptions kLevels = {{"info", "Information"}, {"important", "Important"}};
const SelectOptions kUnits = {{"minutes", "minutes"}, {"hours", "hours"}};

std::string level_name(const std::string& level) {
  for (const auto& [value, label] : kLevels)
    if (value == level) return label;
  return level;
}

std::string state_label(const std::string& state) {
  if (state == "active") return "Showing";
  if (state == "scheduled") return "Not showing yet";
  if (state == "expired") return "Ended";
  if (state == "withdrawn") return "Withdrawn";
  return state;
}

// "2027-06-15 14:05 UTC" from a stored DATETIME.
std::string utc_text(const std::string& datetime) {
  return datetime.empty() ? "" : datetime.substr(0, 16) + " UTC";
}

std::string end_text(const StoredAnnouncement& a) {
  if (a.expires_at.empty()) return "when withdrawn";
  std::string left = describe_time_left(a.seconds_left.value_or(0));
  if (left.empty()) return "ended " + utc_text(a.expires_at);
  return "in " + left + " (" + utc_text(a.expires_at) + ")";
}

// The end, or when it was withdrawn.
std::string fate_text(const StoredAnnouncement& a) {
  return a.state == "withdrawn" ? "withdrawn " + utc_text(a.withdrawn_at) : end_text(a);
}

// The words after "published …" on the page of one announcement: "ends in
// 2 h (…)", "ends when withdrawn", "ended …" or "withdrawn …".
std::string fate_phrase(const StoredAnnouncement& a) {
  const std::string fate = fate_text(a);
  return a.state == "withdrawn" || fate.starts_with("ended ") ? fate : "ends " + fate;
}

// The shared fields of both forms (announcement_fields.tpl). With a stored
// announcement the end may also be kept as it is.
void fill_fields(Dict& form, const AnnouncementDraft& v, const FieldErrors& errors,
                 const StoredAnnouncement* editing) {
  Dict* d = form.AddIncludeDictionary("FIELDS");
  d->SetFilename("announcement_fields.tpl");
  d->SetValue("BODY", v.body);
  d->SetValue("DURATION", v.duration);
  add_select_options(*d, "LEVEL_OPTION", kLevels, v.level);
  add_select_options(*d, "UNIT_OPTION", kUnits, v.unit);
  SelectOptions ends;
  if (editing) ends.push_back({std::string(kEndsKeep), "Keep as it is: " + end_text(*editing)});
  ends.push_back({std::string(kEndsNever), "When withdrawn"});
  ends.push_back({std::string(kEndsAfter), "After the duration below, from now"});
  add_select_options(*d, "ENDS_OPTION", ends, v.ends);
  show_field_errors(*d, errors);
}

AnnouncementDraft blank_draft() {
  AnnouncementDraft d;
  d.level = "info";
  d.ends = std::string(kEndsNever);
  d.unit = "minutes";
  return d;
}

// ----------------------------------------------------------------- the list

struct NewForm {
  AnnouncementDraft values = blank_draft();
  FieldErrors errors;
  std::string problem;
};

void fill_row(Dict& row, const StoredAnnouncement& a) {
  row.SetIntValue("ID", static_cast<long>(a.id));
  row.SetValue("TEXT", shorten(a.body, kListTextBytes));
  row.SetValue("LEVEL", level_name(a.level));
  row.SetValue("STATE", a.state);
  row.SetValue("STATE_LABEL", state_label(a.state));
  row.SetValue("PUBLISHED", utc_text(a.published_at));
  row.SetValue("ENDS", fate_text(a));
  if (a.state == "active" || a.state == "scheduled") {
    Dict* withdraw = row.AddSectionDictionary("CAN_WITHDRAW");
    withdraw->SetIntValue("REVISION", static_cast<long>(a.revision));
  }
}

Response render_list(Site& site, const Request& request, int status, const NewForm& form) {
  auto announcements = site.staff().announcements();
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, "Announcements", "admin_announcements.tpl", [&](Dict& d) {
    d.SetValue("CSRF", token);
    if (status == 200 && request.query.get("posted")) d.ShowSection("POSTED");
    if (status == 200 && request.query.get("withdrawn")) d.ShowSection("WITHDRAWN");
    if (!form.problem.empty()) d.AddSectionDictionary("PROBLEM")->SetValue("MESSAGE", form.problem);
    fill_fields(d, form.values, form.errors, nullptr);
    if (announcements.empty()) d.ShowSection("NONE");
    Dict* table = announcements.empty() ? nullptr : d.AddSectionDictionary("HAS_ROWS");
    for (const StoredAnnouncement& a : announcements)
      fill_row(*table->AddSectionDictionary("ROW"), a);
  });
}

Response create_posted(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  NewForm state;
  state.values = announcement_from_form(form);
  state.errors = validate_announcement(state.values, false);
  if (!state.errors.empty()) {
    state.problem = "Nothing was posted: please correct the fields marked below.";
    return render_list(site, request, 422, state);
  }
  site.staff().create_announcement(state.values, audit_context(request, *params.staff));
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
  d.ends = std::string(kEndsKeep);
  return d;
}

void fill_conflict(Dict& d, const StoredAnnouncement& theirs) {
  Dict* c = d.AddSectionDictionary("CONFLICT");
  c->SetValue("BODY", theirs.body);
  c->SetValue("LEVEL", level_name(theirs.level));
  c->SetValue("STATE", state_label(theirs.state));
  c->SetValue("ENDS", fate_text(theirs));
}

Response render_edit(Site& site, const Request& request, int status, EditState state) {
  std::string token = page_csrf_token(site, request);
  const StoredAnnouncement& a = state.stored;
  bool withdrawn = a.state == "withdrawn";
  // A withdrawn announcement is final; its text can be posted again as new.
  if (withdrawn && state.values.ends == kEndsKeep) state.values.ends = std::string(kEndsNever);
  return staff_page(site, status, "Edit announcement", "admin_announcement.tpl", [&](Dict& d) {
    d.SetIntValue("ID", static_cast<long>(a.id));
    d.SetValue("CSRF", token);
    d.SetValue("STATE_LABEL", state_label(a.state));
    d.SetValue("PUBLISHED", utc_text(a.published_at));
    d.SetValue("FATE", fate_phrase(a));
    if (state.saved) d.ShowSection("SAVED");
    if (!state.problem.empty())
      d.AddSectionDictionary("PROBLEM")->SetValue("MESSAGE", state.problem);
    if (state.conflict) fill_conflict(d, a);
    Dict* form = d.AddSectionDictionary(withdrawn ? "REPOST" : "EDIT");
    form->SetIntValue("REVISION", static_cast<long>(state.revision));
    fill_fields(*form, state.values, state.errors, withdrawn ? nullptr : &a);
  });
}

// A refused write: their version beside what was typed, and the revision
// set to theirs, so saving again means "mine, after looking at theirs".
Response refused(Site& site, const Request& request, const AnnouncementResult& result,
                 AnnouncementDraft typed, const std::string& what) {
  EditState state;
  state.stored = *result.current;
  state.values = std::move(typed);
  state.revision = result.current->revision;
  state.conflict = true;
  state.problem =
      result.outcome == AnnouncementOutcome::kWithdrawn || result.current->state == "withdrawn"
          ? "Not " + what + ": this announcement was withdrawn meanwhile."
          : "Not " + what + ": someone else changed this announcement meanwhile.";
  return render_edit(site, request, 409, std::move(state));
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
  return refused(site, request, result, std::move(shown), "withdrawn");
}

Response save_posted(Site& site, const Request& request, const RouteParams& params, int64_t id) {
  const FormFields& form = *params.form;
  auto revision = parse_id(std::string(form.get("revision").value_or(""))).value_or(0);
  std::string action(form.get("action").value_or("save"));
  if (action == "withdraw") return withdraw_posted(site, request, params, id, revision);
  if (action != "save") return site.error_page(400);

  auto stored = site.staff().announcement(id);
  if (!stored) return site.error_page(404);
  EditState state;
  state.stored = *stored;
  state.values = announcement_from_form(form);
  state.revision = revision;
  state.errors = validate_announcement(state.values, true);
  if (!state.errors.empty()) {
    state.problem = "Nothing was saved: please correct the fields marked below.";
    return render_edit(site, request, 422, std::move(state));
  }
  AnnouncementResult result = site.staff().save_announcement(id, state.values, revision,
                                                             audit_context(request, *params.staff));
  if (result.outcome == AnnouncementOutcome::kGone) return site.error_page(404);
  if (result.outcome == AnnouncementOutcome::kDone)
    return redirect_303("/admin/announcements/" + std::to_string(id) + "?saved=1");
  return refused(site, request, result, std::move(state.values), "saved");
}

}  // namespace

Response admin_announcements(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return create_posted(site, request, params);
  return render_list(site, request, 200, NewForm{});
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
  return render_edit(site, request, 200, std::move(state));
}

}  // namespace confsched
