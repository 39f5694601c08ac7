#include "admin/upstream_page.h"

#include "admin/settings_common.h"
#include "site/site.h"
#include "store/audit.h"
#include "util/time_text.h"
#include "util/translate.h"
#include "util/web_url.h"

namespace confsched {

namespace {

// The line above the list after a decision: fixed words, nothing from the
// query but which of them.
std::string upstream_notice(const Request& request) {
  const std::string done(request.query.get("done").value_or(""));
  if (done == "taken") return tr("Upstream's version is now the programme's.");
  if (done == "kept") return tr("Kept the version set here; upstream's change is set aside.");
  if (done == "gone") return tr("Nothing was waiting there any more: someone decided already.");
  return "";
}

Response render_upstream(Site& site, const Request& request) {
  const SyncState sync = site.staff().sync_state();
  const std::vector<UpstreamChange> changes = site.staff().upstream_changes();
  const std::string token = page_csrf_token(site, request);
  return staff_page(site, 200, tr("Upstream changes"), "admin_upstream.tpl", [&](SettingsDict& d) {
    d.SetValue("CSRF", token);
    if (std::string notice = upstream_notice(request); !notice.empty())
      d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", notice);
    if (sync.last_attempt_at.empty()) {
      d.ShowSection("NEVER_SYNCED");
    } else {
      SettingsDict* s = d.AddSectionDictionary("SYNC");
      s->SetValue("URL", url_for_display(sync.url));
      s->SetValue("LAST_ATTEMPT", sync.last_attempt_at);
      s->SetValue("LAST_SUCCESS", utc_or_never(sync.last_success_at));
      s->SetValue("LAST_CHANGE", utc_or_never(sync.last_change_at));
      if (sync.failing) {
        SettingsDict* e = s->AddSectionDictionary("ERROR");
        e->SetValue("AT", sync.last_error_at);
        e->SetValue("TEXT", sync.last_error);
      }
    }
    if (changes.empty()) d.ShowSection("NOTHING_WAITING");
    for (const UpstreamChange& c : changes) {
      SettingsDict* row = d.AddSectionDictionary("CHANGE");
      row->SetIntValue("ID", static_cast<long>(c.session_id));
      row->SetValue("TITLE", c.title);
      row->SetValue("SINCE", c.since);
      row->SetValue("TAKE_LABEL",
                    c.removal ? tr("Delete it, as upstream did") : tr("Take upstream's"));
      for (const std::string& line : c.lines)
        row->AddSectionDictionary("LINE")->SetValue("TEXT", line);
    }
  });
}

}  // namespace

Response admin_upstream(Site& site, const Request& request, const RouteParams& params) {
  if (request.method != "POST") return render_upstream(site, request);
  const FormFields& form = *params.form;
  std::optional<int64_t> session = parse_decimal<int64_t>(form_value(form, "session_id"));
  const std::string choice = form_value(form, "choice");
  if (!session || choice.empty()) return site.error_page(400);
  const bool take = choice == "take";
  const ResolveOutcome outcome = site.staff().resolve_upstream_change(
      *session, take ? UpstreamChoice::kTakeUpstream : UpstreamChoice::kKeepOurs,
      audit_context(request, *params.staff));
  // Nothing parked any more (another phone decided first, or a sync saw
  // upstream go back): the list shows how it is now, with a word why.
  const char* done = outcome == ResolveOutcome::kNothingParked ? "gone" : take ? "taken" : "kept";
  return redirect_303(std::string("/admin/upstream?done=") + done);
}

}  // namespace confsched
