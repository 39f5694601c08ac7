// `confsched messages extract [DIR]`: the text of the templates as a gettext
// template (.pot) on standard output, for translators (po/README). The same
// tokenizer (util/template_text.h) picks what a worker translates when it
// loads the templates, so the catalogue's msgids are exactly what is
// replaced. po/update joins its output for templates/ with the C++ code's
// tr() messages into po/confsched.pot.
#include <dirent.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "config/config.h"
#include "util/files.h"
#include "util/template_text.h"

namespace confsched {

namespace {

constexpr const char* kMessagesHelp =
    "usage: confsched messages extract [TEMPLATE_DIR]\n"
    "\n"
    "Prints the text of every template (TEMPLATE_DIR, default the installed\n"
    "ones) as a gettext .pot file: each run of words between tags and the\n"
    "aria-label, title, alt, placeholder and data-text-* values, with the\n"
    "file and line it comes from. po/update joins it with the C++ code's\n"
    "messages (xgettext) into po/confsched.pot and merges that into every\n"
    "po/*.po.\n"
    "Reads no configuration and no database.\n";

// A .po string: quoted, with the escapes PO files use.
std::string po_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::vector<std::string> tpl_files(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* entry = readdir(d)) {
      std::string name = entry->d_name;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".tpl") == 0) names.push_back(name);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

int messages_command(const std::string&, const std::vector<std::string>& args) {
  if (wants_help(args, kMessagesHelp)) return 0;
  if (args.empty() || args[0] != "extract" || args.size() > 2) {
    std::cerr << kMessagesHelp;
    return 2;
  }
  const std::string dir = args.size() == 2 ? args[1] : installed_data_dir() + "/templates";
  const std::vector<std::string> names = tpl_files(dir);
  if (names.empty()) {
    std::cerr << "confsched messages: no templates in " << dir << "\n";
    return 1;
  }
  // msgid -> where it occurs, in order of first occurrence.
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> where;
  for (const std::string& name : names) {
    const std::string text = read_whole_file(dir + "/" + name);
    for (const TextRun& run : translatable_runs(text)) {
      std::string msgid = text.substr(run.offset, run.length);
      auto [it, added] = where.try_emplace(msgid);
      if (added) order.push_back(msgid);
      it->second.push_back(name + ":" + std::to_string(run.line));
    }
  }
  std::cout << "# The text of confsched's templates (confsched messages extract).\n"
               "msgid \"\"\n"
               "msgstr \"\"\n"
               "\"Content-Type: text/plain; charset=UTF-8\\n\"\n";
  for (const std::string& msgid : order) {
    std::cout << "\n#:";
    for (const std::string& at : where[msgid]) std::cout << " " << at;
    std::cout << "\n";
    // Template variables are not C format strings.
    std::cout << "#, no-c-format\nmsgid " << po_quoted(msgid) << "\nmsgstr \"\"\n";
  }
  return 0;
}

}  // namespace confsched
