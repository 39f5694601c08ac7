// `confsched import [FORMAT] FILE`: replaces the programme with a frab or
// pretalx schedule.xml, a schedule JSON or a CSV file.
#include <charconv>
#include <fstream>
#include <iostream>
#include <optional>

#include "auth/crypto.h"
#include "cli/cli.h"
#include "import/import_format.h"
#include "model/imported_programme.h"
#include "store/database.h"
#include "store/programme.h"
#include "store/programme_import.h"
#include "store/programme_merge.h"
#include "sync/sync.h"

namespace confsched {

namespace {

constexpr const char* kImportHelp =
    "usage: confsched [--config FILE] import [FORMAT] (FILE | --url URL) [--time-zone ZONE]\n"
    "                                       [--dry-run] [--prune | --replace]\n"
    "                                       [--scale SESSIONS:ROOMS]\n"
    "\n"
    "Imports the schedule in FILE, or fetched from URL (http, https or\n"
    "file:///; conditionally, as `confsched sync` does, with [sync]'s timeout\n"
    "and size limit), in one transaction: on any error nothing\n"
    "changes. FORMAT is frab-xml (schedule.xml as frab and pretalx export it),\n"
    "schedule-json (the c3voc schedule JSON, as /schedule.json writes it) or csv\n"
    "(columns: see the README); without it the format is told from the content.\n"
    "\n"
    "Sessions are matched by the file's guid: a matched session is updated in\n"
    "place (same id, links and history), others are added. Stored sessions the\n"
    "file does not hold stay unless --prune. Rooms, tracks and speakers are\n"
    "matched by name. The event's name (a CSV keeps the current one), time zone\n"
    "and dates come from the file; its tagline and intro stay. Every session\n"
    "changed leaves an audit row. A session staff edited here since an import\n"
    "brought it is pinned: the import keeps it and parks upstream's change for\n"
    "staff (/admin/upstream, `confsched check`).\n"
    "\n"
    "  --time-zone ZONE  the zone of the file's times when it names none (CSV\n"
    "                    never does; default: the current event's)\n"
    "  --dry-run         check the file and list what would be added, updated and\n"
    "                    deleted; write nothing\n"
    "  --prune           delete stored sessions the file does not hold\n"
    "  --replace         replace the whole programme instead (announcements too);\n"
    "                    frab ids become session ids when unique\n"
    "  --scale S:R       for benchmarks (implies --replace): copy rooms until there\n"
    "                    are R and sessions into them until there are S (e.g. 900:40)\n";

struct ImportArgs {
  std::optional<ImportFormat> format;  // nullopt: detect from the content
  std::string file, url, time_zone;
  bool dry_run = false, replace = false, prune = false;
  size_t scale_sessions = 0, scale_rooms = 0;
};

PruneMode prune_mode(const ImportArgs& args) {
  return args.prune ? PruneMode::kAll : PruneMode::kKeep;
}

bool parse_size(std::string_view text, size_t& out) {
  auto r = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && r.ec == std::errc() && r.ptr == text.data() + text.size() && out > 0;
}

bool parse_args(const std::vector<std::string>& args, ImportArgs& out) {
  size_t first = 0;
  if (!args.empty() && (out.format = format_from_name(args[0]))) first = 1;
  if (args.size() <= first) return false;
  if (args[first] == "--url" && first + 1 < args.size()) {
    out.url = args[++first];
    if (!sync_url_allowed(out.url)) return false;
  } else if (args[first].starts_with("--")) {
    return false;
  } else {
    out.file = args[first];
  }
  for (size_t i = first + 1; i < args.size(); ++i) {
    if (args[i] == "--dry-run") {
      out.dry_run = true;
    } else if (args[i] == "--replace") {
      out.replace = true;
    } else if (args[i] == "--prune") {
      out.prune = true;
    } else if (args[i] == "--time-zone" && i + 1 < args.size()) {
      out.time_zone = args[++i];
    } else if (args[i] == "--scale" && i + 1 < args.size()) {
      std::string_view v = args[++i];
      size_t colon = v.find(':');
      if (colon == std::string_view::npos || !parse_size(v.substr(0, colon), out.scale_sessions) ||
          !parse_size(v.substr(colon + 1), out.scale_rooms))
        return false;
      out.replace = true;  // copies have no guids to merge by
    } else {
      return false;
    }
  }
  // --prune belongs to the merge; with --replace everything goes anyway.
  // A fetched file is not scaled: that is for benchmarks, on local files.
  return !(out.prune && out.replace) && !(out.scale_sessions > 0 && !out.url.empty());
}

// At most kMaxScheduleBytes + 1 bytes, so that a huge file (or a device
// that never ends) is refused without being read whole.
bool read_bounded(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open the file";
    return false;
  }
  out.resize(kMaxScheduleBytes + 1);
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

int run_url_import(const Config& config, const ImportArgs& args) {
  Database db(config.database);
  SyncRequest request;
  request.url = args.url;
  request.timeout_s = config.sync.timeout_s;
  request.max_bytes = config.sync.max_bytes;
  request.format = args.format;
  request.time_zone = args.time_zone;
  request.prune = prune_mode(args);
  request.replace = args.replace;
  // A replace is a reset: it imports even what was imported last time.
  request.force = args.replace;
  request.dry_run = args.dry_run;
  SyncOutcome outcome = sync_programme(db, request, AuditContext{"command line: import", ""});
  if (args.dry_run && outcome.kind == SyncOutcome::Kind::kImported && !args.replace)
    std::cout << "dry run, nothing written:\n" << describe_plan(outcome.plan);
  else
    std::cout << (args.dry_run ? "dry run, nothing written: " : "")
              << describe_outcome(outcome, args.url) << "\n";
  return outcome.kind == SyncOutcome::Kind::kFailed ? 1 : 0;
}

int run_import(const Config& config, const ImportArgs& args) {
  if (!args.url.empty()) return run_url_import(config, args);
  std::string xml, error;
  if (!read_bounded(args.file, xml, error)) {
    std::cerr << "confsched import: " << args.file << ": " << error << "\n";
    return 1;
  }
  // The database is needed for the default time zone only when no zone is
  // given, and for the event's name only for CSV (which carries none); it
  // is opened lazily for that reason.
  std::optional<Database> db;
  ScheduleParseOptions options{args.time_zone, ""};
  ImportFormat format = args.format.value_or(detect_import_format(xml));
  if (options.default_time_zone.empty() || format == ImportFormat::kCsv) {
    db.emplace(config.database);
    if (auto event = load_event(*db)) {
      if (options.default_time_zone.empty()) options.default_time_zone = event->time_zone;
      options.default_event_name = event->name;
    }
  }
  ScheduleParseResult parsed = parse_schedule(format, xml, options);
  if (!parsed.ok()) {
    std::cerr << "confsched import: " << args.file << ": " << parsed.error << "\n";
    return 1;
  }
  ImportedProgramme programme = std::move(*parsed.programme);
  if (args.scale_sessions > 0)
    programme = scale_programme(programme, args.scale_sessions, args.scale_rooms);
  ImportSource source{std::string(format_name(format)), args.file, sha256_hex(xml)};
  AuditContext who{"command line: import", ""};
  if (args.dry_run) {
    std::cout << "dry run, nothing written: " << programme.event.name << " ("
              << programme.event.starts_on << " to " << programme.event.ends_on << ", "
              << programme.event.time_zone << "): " << describe(count_imported(programme)) << "\n";
    if (args.replace) return 0;
    if (!db) db.emplace(config.database);
    std::cout << describe_plan(
        merge_programme(*db, programme, prune_mode(args), true, source, who));
    return 0;
  }
  if (!db) db.emplace(config.database);
  if (args.replace) {
    ImportCounts counts = import_programme(*db, programme, source, who);
    std::cout << "imported " << programme.event.name << " (" << programme.event.time_zone
              << "), replacing the programme: " << describe(counts) << "\n";
    return 0;
  }
  MergePlan plan = merge_programme(*db, programme, prune_mode(args), false, source, who);
  std::cout << "imported " << programme.event.name << " (" << programme.event.time_zone
            << "): " << plan.added.size() << " added, " << plan.updated.size() << " updated, "
            << plan.deleted.size() << " deleted, " << plan.unchanged.size() << " unchanged, "
            << plan.kept.size() << " kept, "
            << plan.edited_here.size() + plan.pinned.size() + plan.pinned_removed.size()
            << " edited here and kept (" << plan.pinned.size() + plan.pinned_removed.size()
            << " with an upstream change waiting: /admin/upstream)\n";
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
