// "/": the public landing page with the login form. The same bytes for
// everybody, so it is cached; the login form therefore carries no token
// and the login post is protected by its Origin check instead.
#include "model/text.h"
#include "pages/pages.h"
#include "site/site.h"
#include "util/time_text.h"

namespace confsched {

std::string event_dates(const EventInfo& event) {
  auto first = parse_civil(event.starts_on);
  auto last = parse_civil(event.ends_on);
  if (!first || !last) return event.starts_on + " – " + event.ends_on;
  return format_date_range(*first, *last);
}

Response home_page(Site& site, const Request&, const RouteParams&) {
  const EventInfo& event = site.event();
  std::string body = site.templates().render(
      site.frame(event.name, false), "home.tpl", [&](ctemplate::TemplateDictionary& d) {
        d.SetValue("EVENT_NAME", event.name);
        if (!event.tagline.empty())
          d.AddSectionDictionary("TAGLINE")->SetValue("TEXT", event.tagline);
        d.SetValue("DATES", event_dates(event));
        d.SetValue("VENUE", event.venue);
        for (const std::string& paragraph : split_paragraphs(event.intro))
          d.AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", paragraph);
        auto* form = d.AddIncludeDictionary("LOGIN_FORM");
        form->SetFilename("login_form.tpl");
        form->SetValue("NEXT", "/schedule");
        form->SetValue("USERNAME", "");
      });
  return html_response(200, std::move(body), cache_control::kRevalidate);
}

}  // namespace confsched
