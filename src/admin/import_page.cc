// /admin/import: preview (a dry run of the merge) first, then import on
// confirmation, both through merge_programme like the CLI.
#include "admin/import_page.h"

#include "admin/audit.h"
#include "admin/settings_common.h"
#include "admin/staff_page.h"
#include "auth/crypto.h"
#include "db/errors.h"
#include "import/programme_merge.h"
#include "pages/site.h"

namespace confsched {

namespace {

struct ImportState {
  ImportFormValues values;
  std::string problem;
  std::optional<std::string> plan;    // the preview, when the text is importable
  std::string digest;                 // of the previewed text
  std::optional<std::string> result;  // after an import
};

Response render_import(Site& site, const Request& request, int status, const ImportState& s) {
  std::string token = page_csrf_token(site, request);
  return staff_page(
      site, status, "Import a schedule", "admin_import.tpl", [&](ctemplate::TemplateDictionary& d) {
        d.SetValue("CSRF", token);
        d.SetValue("SCHEDULE", s.values.schedule);
        show_problem(d, s.problem);
        SelectOptions formats = {{"auto", "Tell from the content"},
                                 {"frab-xml", "frab schedule XML"},
                                 {"schedule-json", "Schedule JSON"},
                                 {"csv", "CSV"}};
        add_select_options(d, "FORMAT", formats,
                           s.values.format ? std::string(format_name(*s.values.format)) : "auto");
        if (s.values.prune) d.ShowSection("PRUNE");
        if (s.plan) {
          ctemplate::TemplateDictionary* plan = d.AddSectionDictionary("PLAN");
          plan->SetValue("TEXT", *s.plan);
          plan->SetValue("DIGEST", s.digest);
        }
        if (s.result) d.AddSectionDictionary("RESULT")->SetValue("TEXT", *s.result);
      });
}

Response post_import(Site& site, const Request& request) {
  Response refusal;
  auto form = checked_staff_post(site, request, refusal);
  if (!form) return refusal;
  ImportFormResult read = read_import_form(*form);
  ImportState state{read.values, read.error, std::nullopt, "", std::nullopt};
  if (!read.error.empty()) return render_import(site, request, 422, state);

  // Times without a zone and a CSV's event name come from the event as it is.
  FrabOptions options;
  if (auto event = load_event(site.db())) {
    options.default_time_zone = event->time_zone;
    options.default_event_name = event->name;
  }
  const std::string& text = state.values.schedule;
  ImportFormat format = state.values.format.value_or(detect_import_format(text));
  FrabParseResult parsed = parse_schedule(format, text, options);
  if (!parsed.ok()) {
    state.problem = "Nothing was imported: " + parsed.error;
    return render_import(site, request, 422, state);
  }
  ImportSource source{std::string(format_name(format)), "/admin/import", sha256_hex(text)};
  // Staff confirm what they saw: text edited after the preview is
  // previewed again rather than imported unseen.
  if (state.values.confirmed && state.values.previewed != source.sha256) {
    state.values.confirmed = false;
    state.problem = "The text changed since the preview: here is the preview of the new text.";
  }
  state.digest = source.sha256;
  try {
    MergePlan plan = merge_programme(site.db(), *parsed.programme, state.values.prune,
                                     !state.values.confirmed, source, audit_context(site, request));
    if (state.values.confirmed) {
      state.result = describe_plan(plan);
      state.values.schedule.clear();
    } else {
      state.plan = describe_plan(plan);
    }
  } catch (const DbError& e) {
    // A constraint the parser cannot see (names the collation equates):
    // the transaction rolled back, so say so rather than answer 500.
    state.problem = std::string("Nothing was imported: the database refused it: ") + e.what();
    return render_import(site, request, 422, state);
  }
  return render_import(site, request, 200, state);
}

}  // namespace

ImportFormResult read_import_form(const FormFields& form) {
  ImportFormResult r;
  r.values.schedule = std::string(form.get("schedule").value_or(""));
  std::string format(form.get("format").value_or("auto"));
  if (format != "auto") {
    r.values.format = format_from_name(format);
    if (!r.values.format) r.error = "Choose one of the formats offered.";
  }
  r.values.prune = form.get("prune").value_or("") == "1";
  r.values.confirmed = form.get("action").value_or("") == "import";
  r.values.previewed = std::string(form.get("previewed").value_or(""));
  if (r.error.empty() && r.values.schedule.find_first_not_of(" \t\r\n") == std::string::npos)
    r.error = "Paste a schedule into the box first.";
  return r;
}

Response admin_import(Site& site, const Request& request, const RouteParams&) {
  site.event();
  if (request.method == "POST") return post_import(site, request);
  return render_import(site, request, 200, ImportState{});
}

}  // namespace confsched
