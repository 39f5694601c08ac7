// `confsched import [FORMAT] FILE`: replaces the programme with a frab or
// pretalx schedule.xml, a schedule JSON or a CSV file.
#include <charconv>
#include <fstream>
#include <iostream>
#include <optional>

#include "auth/crypto.h"
#include "cli/cli.h"
#include "db/database.h"
#include "db/programme.h"
#include "import/frab_xml.h"
#include "import/import_format.h"
#include "import/programme_import.h"

namespace confsched {

namespace {

constexpr const char* kImportHelp =
    "usage: confsched [--config FILE] import [FORMAT] FILE [--time-zone ZONE] [--dry-run]\n"
    "                                                      [--scale SESSIONS:ROOMS]\n"
    "\n"
    "Replaces the whole programme (rooms, tracks, sessions, speakers, links;\n"
    "announcements are removed) with the schedule in FILE, in one transaction:\n"
    "on any error nothing changes. FORMAT is frab-xml (schedule.xml as frab and\n"
    "pretalx export it), schedule-json (the c3voc schedule JSON, as /schedule.json\n"
    "writes it) or csv; without it the format is told from the content. The\n"
    "event's name, time zone and dates come from the file; its tagline and intro\n"
    "stay (a CSV keeps the current name too). Sessions keep their frab ids as\n"
    "/session/<id> when those are unique. CSV columns: see the README.\n"
    "\n"
    "  --time-zone ZONE  the zone of the file's times when it names none (CSV\n"
    "                    never does; default: the current event's)\n"
    "  --dry-run         read and check the file, print what it holds, write nothing\n"
    "  --scale S:R       for benchmarks: copy rooms until there are R and sessions\n"
    "                    into them until there are S (e.g. 900:40)\n";

struct ImportArgs {
  std::optional<ImportFormat> format;  // nullopt: detect from the content
  std::string file, time_zone;
  bool dry_run = false;
  size_t scale_sessions = 0, scale_rooms = 0;
};

bool parse_size(std::string_view text, size_t& out) {
  auto r = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && r.ec == std::errc() && r.ptr == text.data() + text.size() && out > 0;
}

bool parse_args(const std::vector<std::string>& args, ImportArgs& out) {
  size_t first = 0;
  if (!args.empty() && (out.format = format_from_name(args[0]))) first = 1;
  if (args.size() <= first || args[first].starts_with("--")) return false;
  out.file = args[first];
  for (size_t i = first + 1; i < args.size(); ++i) {
    if (args[i] == "--dry-run") {
      out.dry_run = true;
    } else if (args[i] == "--time-zone" && i + 1 < args.size()) {
      out.time_zone = args[++i];
    } else if (args[i] == "--scale" && i + 1 < args.size()) {
      std::string_view v = args[++i];
      size_t colon = v.find(':');
      if (colon == std::string_view::npos || !parse_size(v.substr(0, colon), out.scale_sessions) ||
          !parse_size(v.substr(colon + 1), out.scale_rooms))
        return false;
    } else {
      return false;
    }
  }
  return true;
}

// At most kMaxFrabXmlBytes + 1 bytes, so that a huge file (or a device
// that never ends) is refused without being read whole.
bool read_bounded(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open the file";
    return false;
  }
  out.resize(kMaxFrabXmlBytes + 1);
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  if (in.bad()) {
    error = "cannot read the file";
    return false;
  }
  out.resize(static_cast<size_t>(in.gcount()));
  return true;
}

std::string describe(const ImportCounts& c) {
  return std::to_string(c.days) + " days, " + std::to_string(c.rooms) + " rooms, " +
         std::to_string(c.tracks) + " tracks, " + std::to_string(c.sessions) + " sessions, " +
         std::to_string(c.speakers) + " speakers, " + std::to_string(c.materials) + " links";
}

int run_import(const Config& config, const ImportArgs& args) {
  std::string xml, error;
  if (!read_bounded(args.file, xml, error)) {
    std::cerr << "confsched import: " << args.file << ": " << error << "\n";
    return 1;
  }
  // The database is needed for the default time zone only when no zone is
  // given, and for the event's name only for CSV (which carries none); it
  // is opened lazily for that reason.
  std::optional<Database> db;
  FrabOptions options{args.time_zone, ""};
  ImportFormat format = args.format.value_or(detect_import_format(xml));
  if (options.default_time_zone.empty() || format == ImportFormat::csv) {
    db.emplace(config.database);
    if (auto event = load_event(*db)) {
      if (options.default_time_zone.empty()) options.default_time_zone = event->time_zone;
      options.default_event_name = event->name;
    }
  }
  FrabParseResult parsed = parse_schedule(format, xml, options);
  if (!parsed.ok()) {
    std::cerr << "confsched import: " << args.file << ": " << parsed.error << "\n";
    return 1;
  }
  ImportedProgramme programme = std::move(*parsed.programme);
  if (args.scale_sessions > 0)
    programme = scale_programme(programme, args.scale_sessions, args.scale_rooms);
  if (args.dry_run) {
    std::cout << "dry run, nothing written: " << programme.event.name << " ("
              << programme.event.starts_on << " to " << programme.event.ends_on << ", "
              << programme.event.time_zone << "): " << describe(count_imported(programme)) << "\n";
    return 0;
  }
  if (!db) db.emplace(config.database);
  ImportCounts counts = import_programme(
      *db, programme, ImportSource{std::string(format_name(format)), args.file, sha256_hex(xml)},
      AuditContext{"command line: import", ""});
  std::cout << "imported " << programme.event.name << " (" << programme.event.time_zone
            << "): " << describe(counts) << "\n";
  return 0;
}

}  // namespace

int import_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kImportHelp)) return 0;
  ImportArgs parsed;
  if (!parse_args(args, parsed)) {
    std::cerr << kImportHelp;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  try {
    return run_import(config, parsed);
  } catch (const std::exception& e) {
    std::cerr << "confsched import: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
