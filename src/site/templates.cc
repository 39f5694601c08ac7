#include "site/templates.h"

#include <dirent.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "auth/crypto.h"
#include "util/files.h"
#include "util/template_text.h"

namespace confsched {

namespace {

std::vector<std::string> template_names(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (!d) throw std::runtime_error("cannot open the template folder " + dir);
  std::vector<std::string> names;
  while (dirent* entry = readdir(d)) {
    std::string name = entry->d_name;
    if (name.size() > 4 && name.substr(name.size() - 4) == ".tpl") names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

PageLanguage load_page_language(const std::string& locale_dir, const std::string& language) {
  PageLanguage loaded{language, {}};
  if (language == "en") return loaded;
  const std::string path = locale_dir + "/" + language + "/LC_MESSAGES/confsched.mo";
  std::string bytes;
  try {
    bytes = read_whole_file(path);
  } catch (const std::exception& e) {
    throw std::runtime_error("no catalogue for [site] language " + language + ": " + e.what());
  }
  std::string error;
  auto catalogue = MessageCatalogue::parse(bytes, error);
  if (!catalogue) throw std::runtime_error(path + ": " + error);
  loaded.catalogue = std::move(*catalogue);
  return loaded;
}

Templates::Templates(const std::string& template_dir, const std::string& static_dir,
                     const PageLanguage& language)
    : cache_(std::make_unique<ctemplate::TemplateCache>()) {
  cache_->SetTemplateRootDirectory(template_dir);
  lang_attribute_ = language.code;
  std::replace(lang_attribute_.begin(), lang_attribute_.end(), '_', '-');
  std::string all_sources = language.code + '\n';
  for (const std::string& name : template_names(template_dir)) {
    std::vector<std::string> refused;
    const std::string text = translated_template(read_whole_file(template_dir + "/" + name),
                                                 language.catalogue, &refused);
    if (!refused.empty())
      throw std::runtime_error("the " + language.code + " translation of \"" + refused.front() +
                               "\" (" + name + ") would change the page's markup or variables");
    if (!cache_->StringToTemplateCache(name, text, ctemplate::STRIP_BLANK_LINES))
      throw std::runtime_error("template " + template_dir + "/" + name +
                               " does not load (syntax error or unsafe escaping context)");
    all_sources += name + '\n' + text;
  }
  for (const char* required : {"layout.tpl", "error.tpl"})
    if (all_sources.find(std::string(required) + '\n') == std::string::npos)
      throw std::runtime_error(std::string("template folder lacks ") + required);
  cache_->Freeze();

  // Hashed names: nginx serves /static/<name>.<hash>.<ext> as immutable for
  // a year, so a changed file must get a new name.
  std::string css = read_whole_file(static_dir + "/style.css");
  stylesheet_url_ = "/static/style." + sha256_hex(css).substr(0, 16) + ".css";
  std::string js = read_whole_file(static_dir + "/agenda.js");
  agenda_script_url_ = "/static/agenda." + sha256_hex(js).substr(0, 16) + ".js";
  std::string offline = read_whole_file(static_dir + "/offline.js");
  offline_script_url_ = "/static/offline." + sha256_hex(offline).substr(0, 16) + ".js";
  std::string worker = read_whole_file(static_dir + "/sw.js");
  digest_ = sha256_hex(all_sources + css + js + offline + worker).substr(0, 12);
  service_worker_url_ = "/sw.js?v=" + digest_;
}

std::string Templates::render(
    const PageFrame& frame, const std::string& body_template,
    const std::function<void(ctemplate::TemplateDictionary&)>& fill) const {
  ctemplate::TemplateDictionary page("page");
  page.SetValue("LANG", lang_attribute_);
  page.SetValue("PAGE_TITLE", frame.title);
  page.SetValue("SITE_NAME", frame.site_name);
  page.SetValue("STYLESHEET", stylesheet_url_);
  page.ShowTemplateGlobalSection(for_archive_ ? "ARCHIVE" : "LIVE");
  if (frame.signed_in) page.ShowSection("SIGNED_IN_NAV");
  if (frame.signed_in && !for_archive_) {
    page.AddSectionDictionary("AGENDA_SCRIPT")->SetValue("URL", agenda_script_url_);
    auto* offline = page.AddSectionDictionary("OFFLINE_SCRIPT");
    offline->SetValue("URL", offline_script_url_);
    offline->SetValue("WORKER", service_worker_url_);
  }
  if (frame.refresh_seconds > 0)
    page.AddSectionDictionary("REFRESH")->SetIntValue("SECONDS", frame.refresh_seconds);
  if (frame.secret_url) page.ShowSection("NO_REFERRER");
  if (!frame.pages_version.empty() && !for_archive_)
    page.AddSectionDictionary("PAGES_VERSION")->SetValue("VALUE", frame.pages_version);
  ctemplate::TemplateDictionary* body = page.AddIncludeDictionary("BODY");
  body->SetFilename(body_template);
  fill(*body);

  std::string out;
  if (!cache_->ExpandNoLoad("layout.tpl", ctemplate::STRIP_BLANK_LINES, &page, nullptr, &out))
    throw std::runtime_error("expanding " + body_template + " failed");
  return out;
}

}  // namespace confsched
