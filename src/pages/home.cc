// "/": the public landing page. Visitors get the login form; a delegate or
// staff member who is already signed in (back from a bookmark, or from the
// event's printed QR code) is offered the schedule instead. Each of these
// three is the same bytes for everybody in it, so each is cached: the
// variant is the role, never the person. The login form therefore carries
// no token, and the login post is protected by its Origin check instead.
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

namespace {

// The variant's key: who the page is for, as a role.
std::string audience(Site& site, const Request& request) {
  std::optional<Role> role = site.signed_in_role(request);
  if (!role) return "";
  return *role == Role::kStaff ? "staff" : "delegate";
}

}  // namespace

PageVariant home_variant(Site& site, const Request& request, const RouteParams&) {
  return {audience(site, request), true, std::nullopt};
}

Response home_page(Site& site, const Request& request, const RouteParams&) {
  const EventInfo& event = site.event();
  const std::string who = audience(site, request);
  const PageFrame frame =
      who.empty() ? site.frame(event.name, false) : site.shared_frame(event.name, event.name);
  std::string body =
      site.templates().render(frame, "home.tpl", [&](ctemplate::TemplateDictionary& d) {
        d.SetValue("EVENT_NAME", event.name);
        if (!event.tagline.empty())
          d.AddSectionDictionary("TAGLINE")->SetValue("TEXT", event.tagline);
        d.SetValue("DATES", event_dates(event));
        d.SetValue("VENUE", event.venue);
        for (const std::string& paragraph : split_paragraphs(event.intro))
          d.AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", paragraph);
        if (!who.empty()) {
          auto* in = d.AddSectionDictionary("SIGNED_IN");
          if (who == "staff") in->ShowSection("STAFF");
          return;
        }
        auto* out = d.AddSectionDictionary("SIGNED_OUT");
        auto* form = out->AddIncludeDictionary("LOGIN_FORM");
        form->SetFilename("login_form.tpl");
        form->SetValue("NEXT", "/schedule");
        form->SetValue("USERNAME", "");
      });
  // Private: the variant follows the cookie, which a shared cache would not
  // know to key on.
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

}  // namespace confsched
