// The HTML templates: loaded once when a worker starts, then frozen, so a
// request never touches the disk. Every page is a body template shown
// inside layout.tpl.
#pragma once

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/branding.h"
#include "config/config.h"
#include "util/message_catalogue.h"

namespace confsched {

// The language pages are rendered in ([site] language): its code and its
// catalogue, which translates the templates' text as they load
// (util/template_text.h). English, the templates' own, has none.
struct PageLanguage {
  std::string code = "en";
  MessageCatalogue catalogue = {};
};

// The catalogue for `language` in locale_dir (<locale_dir>/<language>/
// LC_MESSAGES/confsched.mo); none for "en". Throws std::runtime_error
// naming the file when it is missing or malformed: a site configured for
// German must not quietly come up in English.
PageLanguage load_page_language(const std::string& locale_dir, const std::string& language);

struct PageFrame {
  std::string title;        // <title>
  std::string site_name;    // header and footer
  bool signed_in = false;   // shows the schedule link and the logout button
  int refresh_seconds = 0;  // > 0: the page reloads itself (meta refresh)
  // The page's own URL carries a secret (a room display's token): the page
  // tells browsers to send no Referer from it, so the token reaches no
  // server's log through the requests for its stylesheet.
  bool secret_url = false;
  // The pages version it was rendered at (Site::pages_version), written
  // into <html data-pages-version> for offline.js, which compares it with
  // /pages-version to tell a page left open that the programme changed.
  // Empty: not a page that goes stale that way.
  std::string pages_version = {};
};

// A [site] branding file as the app serves it (pages/brand.cc), under
// /brand/<name>.<hash>.<ext>: the app holds it in memory, so neither nginx
// nor Apache needs to know where the configuration keeps it.
struct BrandAsset {
  std::string url;   // "/brand/logo.<hash>.svg"
  std::string type;  // Content-Type
  std::string bytes;
};

class Templates {
 public:
  // Loads every *.tpl in dir, and the stylesheet's and the agenda script's
  // names (content hashes) and the service worker from static_dir, and
  // names the branding's assets (none when branding is empty, and then
  // every page is as without [site]). The templates' text is put into
  // `language` as they load. Throws std::runtime_error naming the template
  // that failed (a syntax error, or an unsafe auto-escape context) or the
  // message whose translation would change a page's structure
  // (util/template_text.h: usable_translation).
  Templates(const std::string& template_dir, const std::string& static_dir,
            const SiteBranding& branding = {}, const PageLanguage& language = {});
  // As a configuration names them: its templates, branding and language
  // ([site] language, whose catalogue it loads from [server] locale_dir),
  // which it also makes the language of the text C++ writes into pages
  // (util/translate.h). What a process that renders pages loads at
  // start-up.
  explicit Templates(const Config& config);
  Templates(const Templates&) = delete;
  Templates& operator=(const Templates&) = delete;

  // Renders body_template inside the layout. fill sets the body's values.
  // Throws std::runtime_error if expansion fails.
  std::string render(const PageFrame& frame, const std::string& body_template,
                     const std::function<void(ctemplate::TemplateDictionary&)>& fill) const;

  // Changes whenever a template, the stylesheet, the script or the branding changes: part of every
  // ETag, so a template update after SIGHUP invalidates browser copies.
  const std::string& digest() const { return digest_; }
  // "/static/style.<hash>.css"
  const std::string& stylesheet_url() const { return stylesheet_url_; }
  // "/static/agenda.<hash>.js": the starred-sessions script, loaded with
  // defer on signed-in pages only (progressive enhancement: no page needs it).
  const std::string& agenda_script_url() const { return agenda_script_url_; }
  // "/static/offline.<hash>.js": registers the service worker and shows the
  // offline notice; signed-in pages only, like the agenda script.
  const std::string& offline_script_url() const { return offline_script_url_; }
  // "/sw.js?v=<digest>": the service worker (static/sw.js, served at the
  // root so that its scope is the whole site). Its cache is named after v,
  // so a deployment with other templates or scripts replaces worker and
  // cache.
  const std::string& service_worker_url() const { return service_worker_url_; }

  // The branding asset at path ("/brand/site.<hash>.css"), or nullptr: an
  // old hash, like any other name, is no asset.
  const BrandAsset* brand_asset(std::string_view path) const;

  // For a static archive of the pages (`confsched export site`): pages
  // rendered from now on load no script (no service worker, no agenda,
  // whose links need the server), carry no pages version, and leave out
  // what only the live site can do: the {{#LIVE}} parts of the templates
  // (the logout button) give way to their {{#ARCHIVE}} ones. Both are
  // template-global sections, which every included template sees; being
  // sections, they must not enclose sections of the page's own
  // dictionary. Not for a worker: set once, before rendering.
  void render_for_archive() { for_archive_ = true; }
  // Whether it does: a page that leaves out more than these (the
  // schedule's filter form, whose options are sections of their own and
  // cannot sit inside a template-global one) asks.
  bool for_archive() const { return for_archive_; }

 private:
  Templates(const Config& config, PageLanguage language);

  std::string lang_attribute_ = "en";  // <html lang>: BCP 47 ("pt-BR")
  std::unique_ptr<ctemplate::TemplateCache> cache_;
  std::string digest_;
  std::string stylesheet_url_;
  std::string agenda_script_url_;
  std::string offline_script_url_;
  std::string service_worker_url_;
  // In the order pages link them: the generated accent-and-logo rules, the
  // extra stylesheet, the logo.
  std::vector<BrandAsset> brand_assets_;
  std::string brand_css_url_;
  std::string extra_css_url_;
  std::string logo_url_;
  bool for_archive_ = false;
};

}  // namespace confsched
