// /admin/import: preview (a dry run of the merge) first, then import on
// confirmation, both through merge_programme like the CLI.
#include "admin/import_page.h"

#include <cstdio>

#include "admin/settings_common.h"
#include "admin/staff_page.h"
#include "auth/crypto.h"
#include "site/site.h"
#include "store/audit.h"
#include "store/errors.h"
#include "store/programme_merge.h"
#include "util/text_rules.h"
#include "util/translate.h"

namespace confsched {

namespace {

constexpr size_t kMaxFileNameBytes = 255;

struct ImportState {
  ImportFormValues values;
  std::string problem;
  std::optional<std::string> plan;    // the preview, when the file is importable
  std::optional<std::string> result;  // after an import
};

// The format box's value: "auto" or a format_name.
std::string format_choice(const ImportFormValues& v) {
  return v.format ? std::string(format_name(*v.format)) : "auto";
}

std::string mib_text(size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return text;
}

// "Nothing was imported from “name”: why", or without the name for a file
// that has none.
std::string not_imported(const ImportFormValues& v, const std::string& why) {
  if (v.filename.empty()) return fill_text(tr("Nothing was imported: {why}"), {{"why", why}});
  return fill_text(tr("Nothing was imported from “{file}”: {why}"),
                   {{"file", v.filename}, {"why", why}});
}

Response render_import(Site& site, const Request& request, int status, const ImportState& s) {
  std::string token = page_csrf_token(site, request);
  return staff_page(site, status, tr("Import a schedule"), "admin_import.tpl",
                    [&](ctemplate::TemplateDictionary& d) {
                      d.SetValue("CSRF", token);
                      d.SetIntValue("MAX_MIB", static_cast<long>(kMaxUploadFileBytes >> 20));
                      show_problem(d, s.problem);
                      SelectOptions formats = {{"auto", tr("Tell from the content")},
                                               {"frab-xml", tr("frab schedule XML")},
                                               {"schedule-json", tr("Schedule JSON")},
                                               {"csv", "CSV"}};
                      add_select_options(d, "FORMAT", formats, format_choice(s.values));
                      if (s.values.prune) d.ShowSection("PRUNE");
                      if (s.plan) {
                        // The Import button's form: the previewed file and choices,
                        // hidden, bound together by the digest.
                        ctemplate::TemplateDictionary* plan = d.AddSectionDictionary("PLAN");
                        plan->SetValue("TEXT", *s.plan);
                        plan->SetValue("FILENAME", s.values.filename.empty() ? tr("the file")
                                                                             : s.values.filename);
                        plan->SetValue("FILENAME_VALUE", s.values.filename);
                        plan->SetValue("CHOSEN_FORMAT", format_choice(s.values));
                        if (s.values.prune) plan->ShowSection("PRUNE_CHOSEN");
                        plan->SetValue("CONTENT", base64url_encode(s.values.schedule));
                        plan->SetValue("DIGEST", preview_digest(s.values));
                      }
                      if (s.result) {
                        ctemplate::TemplateDictionary* result = d.AddSectionDictionary("RESULT");
                        result->SetValue("TEXT", *s.result);
                      }
                    });
}

Response post_import(Site& site, const Request& request, const RouteParams& params) {
  const MultipartForm& form = *params.upload;
  ImportFormResult read = read_import_form(form);
  ImportState state{read.values, read.error, std::nullopt, std::nullopt};
  if (read.status != 0) return render_import(site, request, read.status, state);

  // Times without a zone and a CSV's event name come from the event as it is.
  ScheduleParseOptions options;
  if (auto event = site.staff().event()) {
    options.default_time_zone = event->time_zone;
    options.default_event_name = event->name;
  }
  const std::string& text = state.values.schedule;
  ImportFormat format = state.values.format.value_or(detect_import_format(text));
  ScheduleParseResult parsed = parse_schedule(format, text, options);
  if (!parsed.ok()) {
    state.problem = not_imported(state.values, parsed.error);
    return render_import(site, request, 422, state);
  }
  std::string file = "/admin/import";
  if (!state.values.filename.empty()) file += ": " + state.values.filename;
  ImportSource source{std::string(format_name(format)), file, sha256_hex(text)};
  // Staff confirm what they saw: a file or choice other than the one
  // previewed is previewed again rather than imported unseen.
  if (state.values.confirmed && state.values.previewed != preview_digest(state.values)) {
    state.values.confirmed = false;
    state.problem = tr("This is not what was previewed: here is the preview of what was sent.");
  }
  try {
    MergePlan plan = merge_programme(
        site.db(), *parsed.programme, state.values.prune ? PruneMode::kAll : PruneMode::kKeep,
        !state.values.confirmed, source, audit_context(request, *params.staff));
    if (state.values.confirmed)
      state.result = describe_plan(plan);
    else
      state.plan = describe_plan(plan);
  } catch (const DbError& e) {
    // A constraint the parser cannot see (names the collation equates):
    // the transaction rolled back, so say so rather than answer 500.
    state.problem = not_imported(
        state.values, fill_text(tr("the database refused it: {error}"), {{"error", e.what()}}));
    return render_import(site, request, 422, state);
  }
  return render_import(site, request, 200, state);
}

}  // namespace

ImportFormResult read_import_form(const MultipartForm& form) {
  ImportFormResult r;
  auto refuse = [&r](int status, std::string message) {
    if (r.status != 0) return;  // the first problem is the one shown
    r.status = status;
    r.error = std::move(message);
  };
  const FormFields& fields = form.fields;
  std::string format(fields.get("format").value_or("auto"));
  if (format != "auto") {
    r.values.format = format_from_name(format);
    if (!r.values.format) refuse(422, tr("Choose one of the formats offered."));
  }
  r.values.prune = fields.get("prune").value_or("") == "1";
  r.values.confirmed = fields.get("action").value_or("") == "import";
  bool chosen = false;
  if (r.values.confirmed) {
    r.values.previewed = std::string(fields.get("previewed").value_or(""));
    r.values.filename = upload_base_name(fields.get("filename").value_or(""));
    auto content = base64url_decode(fields.get("content").value_or(""));
    if (!content) {
      refuse(422,
             tr("The previewed file did not come back whole: choose it again and preview it."));
      return r;
    }
    r.values.schedule = std::move(*content);
    chosen = true;
  } else if (const UploadedFile* file = form.file("schedule")) {
    r.values.filename = upload_base_name(file->filename);
    r.values.schedule = file->data;
    chosen = !file->filename.empty() || !file->data.empty();
  }
  if (r.values.schedule.size() > kMaxUploadFileBytes) {
    refuse(413, fill_text(tr("The file is {size}; this page takes files up to {max} MiB. Import "
                             "larger files on the server with: confsched import FILE"),
                          {{"size", mib_text(r.values.schedule.size())},
                           {"max", std::to_string(kMaxUploadFileBytes >> 20)}}));
    r.values.schedule.clear();
  } else if (!chosen) {
    refuse(422, tr("Choose a schedule file first."));
  } else if (r.values.schedule.find_first_not_of(" \t\r\n") == std::string::npos) {
    refuse(422, r.values.filename.empty()
                    ? tr("The file is empty.")
                    : fill_text(tr("The file “{file}” is empty."), {{"file", r.values.filename}}));
  }
  return r;
}

std::string preview_digest(const ImportFormValues& values) {
  return sha256_hex(format_choice(values) + (values.prune ? "\nprune\n" : "\nkeep\n") +
                    values.schedule);
}

std::string upload_base_name(std::string_view filename) {
  size_t separator = filename.find_last_of("/\\");
  if (separator != std::string_view::npos) filename.remove_prefix(separator + 1);
  if (filename.size() > kMaxFileNameBytes) {
    size_t cut = kMaxFileNameBytes;
    // Back to the first byte of a character (continuation bytes are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(filename[cut]) & 0xC0) == 0x80) --cut;
    filename = filename.substr(0, cut);
  }
  // A name that is not one-line text (util/text_rules.h: it holds a
  // control, or a bidirectional override that makes "invoice\u202Egnp.csv"
  // read as "invoicevsc.png") is dropped: the file imports all the same.
  if (text_problem(filename, TextLines::kOne)) return {};
  return std::string(filename);
}

Response admin_import(Site& site, const Request& request, const RouteParams& params) {
  if (request.method == "POST") return post_import(site, request, params);
  return render_import(site, request, 200, ImportState{});
}

}  // namespace confsched
