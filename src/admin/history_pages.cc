#include "admin/history_pages.h"

#include <map>

#include "admin/staff_page.h"
#include "auth/csrf.h"
#include "site/site.h"
#include "store/audit.h"
#include "store/history_store.h"
#include "util/log.h"
#include "util/translate.h"

namespace confsched {

namespace {

using Dict = ctemplate::TemplateDictionary;

// Room and track names by id, so the history says "Main Hall", not "3".
struct Names {
  std::map<std::string, std::string> rooms, tracks;
};

Names load_names(StaffStore& staff) {
  Names n;
  for (const StoredItem& room : staff.items(kRoomTable))
    n.rooms.emplace(std::to_string(room.id), room.values.name);
  for (const StoredItem& track : staff.items(kTrackTable))
    n.tracks.emplace(std::to_string(track.id), track.values.name);
  return n;
}

std::string named(const std::map<std::string, std::string>& names, const std::string& id,
                  std::string_view what) {
  auto it = names.find(id);
  return it != names.end() ? it->second : fill_text(tr(what), {{"id", id}});
}

std::string shown_value(std::string_view key, const std::optional<std::string>& value,
                        bool side_exists, const Names& names) {
  if (!value) return key == "track_id" && side_exists ? tr("(none)") : "—";
  if (key == "room_id") return named(names.rooms, *value, tr_mark("room {id} (deleted)"));
  if (key == "track_id") return named(names.tracks, *value, tr_mark("track {id} (deleted)"));
  return *value;
}

std::string action_label(const std::string& action) {
  if (action == "update") return tr("edited");
  if (action == "restore") return tr("restored an earlier version");
  if (action == "create") return tr("created the session");
  if (action == "delete") return tr("deleted the session");
  return action;
}

void fill_entry(Dict& e, const AuditEntry& entry, const Names& names, bool restorable,
                bool oldest) {
  e.SetValue("TIME", entry.changed_at);
  e.SetValue("STAFF_NAME", entry.staff_name);
  e.SetValue("CLIENT_ADDR", entry.client_addr);
  e.SetValue("ACTION", entry.action);
  e.SetValue("ACTION_LABEL", action_label(entry.action));
  e.SetIntValue("AUDIT_ID", static_cast<long>(entry.id));
  auto changes = changed_fields(entry.before, entry.after);
  if (changes.empty()) e.ShowSection("NO_CHANGE");
  Dict* table = changes.empty() ? nullptr : e.AddSectionDictionary("CHANGES");
  for (const FieldChange& c : changes) {
    Dict* row = table->AddSectionDictionary("CHANGE");
    row->SetValue("FIELD", tr(c.label));
    row->SetValue("KEY", std::string(c.key));
    row->SetValue("BEFORE", shown_value(c.key, c.before, entry.before.has_value(), names));
    row->SetValue("AFTER", shown_value(c.key, c.after, entry.after.has_value(), names));
  }
  if (restorable && entry.after) e.ShowSection("RESTORE");
  // Only the oldest row holds the version before any staff change.
  if (restorable && oldest && entry.before) e.ShowSection("RESTORE_BEFORE");
}

struct HistoryView {
  int64_t id = 0;
  std::optional<StoredSession> stored;  // nullopt: the session was deleted
  std::vector<AuditEntry> entries;
  std::string problem;  // a message above the list (409)
};

Response render_history(Site& site, const Request& request, int status, const HistoryView& v) {
  Names names = load_names(site.staff());
  std::string title = v.stored ? v.stored->values.title
                               : fill_text(tr("Session {id}"), {{"id", std::to_string(v.id)}});
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, fill_text(tr("History: {title}"), {{"title", title}}),
                    "admin_history.tpl", [&](Dict& d) {
                      d.SetIntValue("ID", static_cast<long>(v.id));
                      d.SetValue("TITLE", title);
                      d.SetValue("CSRF", token);
                      if (v.stored)
                        d.SetIntValue("REVISION", static_cast<long>(v.stored->revision));
                      d.ShowSection(v.stored ? "EDIT_LINK" : "GONE");
                      if (!v.problem.empty())
                        d.AddSectionDictionary("PROBLEM")->SetValue("MESSAGE", v.problem);
                      if (v.entries.empty()) d.ShowSection("NO_ENTRIES");
                      for (const AuditEntry& entry : v.entries)
                        fill_entry(*d.AddSectionDictionary("ENTRY"), entry, names,
                                   v.stored.has_value(), &entry == &v.entries.back());
                    });
}

std::optional<AuditSide> restore_side(std::string_view version) {
  if (version == "after") return AuditSide::kAfter;
  if (version == "before") return AuditSide::kBefore;
  return std::nullopt;
}

// The history again, fresh from the database, with a message on top.
Response history_with_problem(Site& site, const Request& request, int64_t id,
                              const std::string& problem) {
  HistoryView v{id, site.staff().stored_session(id), site.staff().session_history(id), problem};
  if (!v.stored && v.entries.empty()) return site.error_page(404);
  return render_history(site, request, 409, v);
}

}  // namespace

Response admin_history(Site& site, const Request& request, const RouteParams& params) {
  HistoryView v{params.id, site.staff().stored_session(params.id),
                site.staff().session_history(params.id), ""};
  // A deleted session with a history still shows it; an id that never
  // had either is no page.
  if (!v.stored && v.entries.empty()) return site.error_page(404);
  return render_history(site, request, 200, v);
}

Response admin_restore(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  auto audit_id = parse_id(std::string(form.get("audit_id").value_or("")));
  auto revision = parse_id(std::string(form.get("revision").value_or("")));
  auto side = restore_side(form.get("version").value_or("after"));
  if (!audit_id || !revision || !side) return site.error_page(400);

  RestoreResult result = site.staff().restore_session(params.id, *audit_id, *side, *revision,
                                                      audit_context(request, *params.staff));
  switch (result.outcome) {
    case RestoreOutcome::kRestored:
      return redirect_303("/admin/session/" + std::to_string(params.id) + "?saved=1");
    case RestoreOutcome::kNoSession:
    case RestoreOutcome::kNoEntry:
      return site.error_page(404);
    case RestoreOutcome::kStale:
      return history_with_problem(
          site, request, params.id,
          tr("Not restored: someone changed this session after you opened its history. Nothing "
             "was changed; the history below is up to date, so look again and choose anew."));
    case RestoreOutcome::kRefused:
      break;
  }
  return history_with_problem(
      site, request, params.id,
      fill_text(tr("{problem} Nothing was changed."), {{"problem", result.problem}}));
}

}  // namespace confsched
