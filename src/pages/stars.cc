// "/stars?ids=12,34": carrying a delegate's stars to another device. Stars
// live in the browser only (agenda.js), so the way across is a link that
// holds them: "Share my stars" on /schedule leads here, where the page
// shows the sessions, a QR code of its own address (/stars/qr.svg, drawn by
// this site) to scan with the other device, and, with JavaScript, a button
// that adds them to the stars of the browser it is opened in. A device that
// is not logged in yet comes back here after the login (next=). The ids
// are read, never stored.
//
// Rendered per request and kept nowhere (no-store): every set of stars is
// its own page.
#include <algorithm>

#include "feeds/my_sessions.h"
#include "pages/pages.h"
#include "site/qr_code.h"
#include "site/site.h"
#include "util/time_text.h"
#include "util/translate.h"

namespace confsched {

namespace {

// The ids as the address writes them: "12,34".
std::string id_text(const std::vector<int64_t>& ids) {
  std::string text;
  for (int64_t id : ids) text += (text.empty() ? "" : ",") + std::to_string(id);
  return text;
}

}  // namespace

Response stars_page(Site& site, const Request& request, const RouteParams&) {
  SessionIdList list = parse_session_id_list(request.query.get("ids").value_or(""));
  if (!list.problem.empty()) return site.error_page(400, list.problem);
  const Programme& programme = site.programme();
  std::string body = site.templates().render(
      site.frame(tr("Share my stars"), true), "stars.tpl", [&](ctemplate::TemplateDictionary& d) {
        // Sessions come sorted by start: the list reads like the programme.
        std::vector<const Session*> named;
        for (const Session& s : programme.sessions)
          if (std::binary_search(list.ids.begin(), list.ids.end(), s.id)) named.push_back(&s);
        if (named.empty()) {
          d.ShowSection("NONE");
          return;
        }
        std::vector<int64_t> found;
        for (const Session* s : named) found.push_back(s->id);
        std::sort(found.begin(), found.end());
        auto* some = d.AddSectionDictionary("SOME");
        some->SetValue("COUNT", found.size() == 1
                                    ? tr("1 starred session")
                                    : fill_text(tr("{count} starred sessions"),
                                                {{"count", std::to_string(found.size())}}));
        some->SetValue("IDS", id_text(found));
        some->SetValue("SHARE_URL", site.public_origin(request) + "/stars?ids=" + id_text(found));
        some->SetValue("QR_URL", "/stars/qr.svg?ids=" + id_text(found));
        for (const Session* s : named) {
          auto* row = some->AddSectionDictionary("SESSION");
          row->SetIntValue("ID", static_cast<long>(s->id));
          row->SetValue("TITLE", s->title);
          auto start = parse_civil(s->starts_at);
          row->SetValue("WHEN", start ? format_day_label(*start) + ", " + format_clock(*start)
                                      : s->starts_at);
        }
      });
  return html_response(200, std::move(body), cache_control::kNoStore);
}

Response stars_qr_code(Site& site, const Request& request, const RouteParams&) {
  SessionIdList list = parse_session_id_list(request.query.get("ids").value_or(""));
  if (!list.problem.empty()) return site.error_page(400, list.problem);
  std::optional<std::string> svg =
      qr_code_svg(site.public_origin(request) + "/stars?ids=" + id_text(list.ids));
  // 300 ids of 12 digits do not fit in a QR code; real ones do (a few
  // digits each: 300 of them take about 1,500 bytes).
  if (!svg)
    return site.error_page(400, tr("Too many sessions for one QR code: share the link instead."));
  return typed_response(200, std::move(*svg), content_type::kSvg, cache_control::kNoStore);
}

}  // namespace confsched
