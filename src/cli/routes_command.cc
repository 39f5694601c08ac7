// `confsched routes`: the route table as the app applies it, one row per
// line, so that a web server site written by hand can be checked against
// it (tests/integration/check_front_routes.py does that for the shipped
// nginx and Apache sites).
#include <iostream>
#include <span>
#include <string>

#include "cli/cli.h"
#include "web/route_table.h"

namespace confsched {

namespace {

constexpr const char* kHelp =
    "usage: confsched routes\n"
    "\n"
    "Prints every path the app answers, one per line, tab-separated:\n"
    "  path      /session/{id} stands for /session/ and a decimal id\n"
    "  methods   GET (with HEAD), POST\n"
    "  access    public, signed-in, staff, admin, feed or status\n"
    "  caching   shared (one page for all, kept per data version) or none\n"
    "  front     microcache (the front server may keep it) or -\n"
    "  body      what a POST carries: none, form or upload; and its limit in bytes\n"
    "  csrf      csrf when a POST must carry the staff session's token;\n"
    "            same-site when a POST from another site's page is refused; else -\n"
    "  fields    the fields (and files) a POST's form may carry, comma-separated; -\n"
    "            for none. Any other field is refused with 400.\n"
    "Reads no configuration and no database.\n";

const char* access_name(Access access) {
  switch (access) {
    case Access::kPublic:
      return "public";
    case Access::kSignedIn:
      return "signed-in";
    case Access::kStaff:
      return "staff";
    case Access::kAdmin:
      return "admin";
    case Access::kFeed:
      return "feed";
    case Access::kStatus:
      return "status";
  }
  return "?";
}

const char* body_name(Body body) {
  switch (body) {
    case Body::kNone:
      return "none";
    case Body::kForm:
      return "form";
    case Body::kUpload:
      return "upload";
  }
  return "?";
}

std::string methods_text(unsigned methods) {
  std::string text;
  if (methods & kGet) text = "GET";
  if (methods & kPost) text += text.empty() ? "POST" : ",POST";
  return text;
}

std::string field_names(std::span<const FormKey> keys) {
  if (keys.empty()) return "-";
  std::string names;
  for (const FormKey& key : keys) {
    if (!names.empty()) names += ',';
    names += key.name;
  }
  return names;
}

}  // namespace

int routes_command(const std::string&, const std::vector<std::string>& args) {
  if (wants_help(args, kHelp)) return 0;
  if (!args.empty()) {
    std::cerr << kHelp;
    return 2;
  }
  std::cout << "path\tmethods\taccess\tcaching\tfront\tbody\tmax_body\tcsrf\tfields\n";
  for (const Route& route : route_table()) {
    std::string path(route.path);
    if (route.with_id) path += "{id}" + std::string(route.suffix);
    if (route.any_name) path += "{name}";
    std::cout << path << '\t' << methods_text(route.methods) << '\t' << access_name(route.access)
              << '\t' << (route.caching == Caching::kShared ? "shared" : "none") << '\t'
              << (route.front_cached ? "microcache" : "-") << '\t' << body_name(route.body) << '\t'
              << route.max_body << '\t'
              << (route.csrf        ? "csrf"
                  : route.same_site ? "same-site"
                                    : "-")
              << '\t' << field_names(route.keys) << '\n';
  }
  return 0;
}

}  // namespace confsched
