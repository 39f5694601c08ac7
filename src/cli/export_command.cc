// `confsched export [FORMAT] FILE`: the programme as /schedule.json or
// /schedule.xml serve it, written to a file, for keeping a copy before and
// after an event or for moving it to another tool; `confsched import`
// reads either back.
#include <iostream>

#include "cli/cli.h"
#include "feeds/exchange_feed.h"
#include "import/import_format.h"
#include "store/credentials.h"
#include "store/database.h"
#include "store/programme.h"
#include "util/files.h"

namespace confsched {

namespace {

constexpr const char* kExportHelp =
    "usage: confsched [--config FILE] export [schedule-json|frab-xml] FILE\n"
    "       confsched [--config FILE] export site DIR [--force]\n"
    "\n"
    "Writes the programme to FILE (\"-\": standard output) as the site's\n"
    "/schedule.json (the default) or /schedule.xml, with the same guids, for\n"
    "another schedule tool or `confsched import`. Like those feeds it leaves out\n"
    "cancelled sessions, announcements, the audit history and the passwords:\n"
    "`confsched db backup` keeps everything. FILE is replaced only once the\n"
    "export is complete.\n"
    "\n"
    "`export site DIR` writes the delegate pages as static files instead\n"
    "(`confsched export site --help`).\n";

}  // namespace

int export_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "site")
    return export_site_command(config_path, {args.begin() + 1, args.end()});
  if (wants_help(args, kExportHelp)) return 0;
  std::optional<ImportFormat> format;
  size_t first = 0;
  if (!args.empty() && (format = format_from_name(args[0]))) first = 1;
  if (args.size() != first + 1 || args[first].starts_with("--") ||
      format.value_or(ImportFormat::kScheduleJson) == ImportFormat::kCsv) {
    std::cerr << kExportHelp;
    return 2;
  }
  const std::string& file = args[first];
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  try {
    Database db(config.database);
    std::optional<Programme> programme = load_programme(db, ProgrammeDetail::kFull);
    if (!programme) {
      std::cerr << "confsched export: the database holds no event yet\n";
      return 1;
    }
    // The options the site's feeds use, so the guids match theirs.
    FeedOptions options{config.public_url, feed_uid_domain(config.public_url, load_secret(config)),
                        std::to_string(load_data_state(db).data_version)};
    std::string text = format == ImportFormat::kFrabXml ? render_schedule_xml(*programme, options)
                                                        : render_schedule_json(*programme, options);
    if (file == "-") {
      std::cout << text;
      return std::cout.flush() ? 0 : 1;
    }
    write_file_replacing(file, text);
    std::cerr << "exported " << programme->event.name << " to " << file << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "confsched export: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
