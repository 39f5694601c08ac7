// Storing an imported programme: it replaces the current one in one
// transaction (through the demo seed's writer), keeps the staff-written
// event texts the file does not carry, and leaves one audit row.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "model/imported_programme.h"
#include "store/database.h"
#include "store/programme.h"
#include "store/programme_writer.h"
#include "store/session_store.h"

namespace confsched {

struct ImportCounts {
  size_t days = 0, rooms = 0, tracks = 0, sessions = 0, speakers = 0, materials = 0;
};

ImportCounts count_imported(const ImportedProgramme& p);

// The rows to store. Pure. Sessions keep their frab event ids when every
// session has a distinct one (so /session/<id> links survive a re-import),
// else they are numbered 1, 2, ...; speakers keep their frab person ids and
// those without one are numbered after the largest. The event takes name,
// time zone and dates (and the venue, when given) from the file, and the
// tagline, intro (and venue otherwise) from `current`, which staff wrote.
ProgrammeRows imported_rows(const ImportedProgramme& p, const std::optional<EventInfo>& current);

// Where an import came from, for the audit row.
struct ImportSource {
  std::string format;  // format_name's: "frab-xml", "schedule-json" or "csv"
  std::string file;    // as given on the command line
  std::string sha256;  // of the file's bytes, hex
};

// Replaces the programme with `p` and writes an audit row (entity
// "programme", action "update", counts before and after), all in one
// transaction: on any error nothing changes. Announcements are removed
// with the old programme, as the demo seed does. Throws DbError /
// DbUnavailable.
ImportCounts import_programme(Database& db, const ImportedProgramme& p, const ImportSource& source,
                              const AuditContext& who);

// For benchmarks (bench/large_render.sh): `p` with its rooms copied until
// there are `rooms` of them ("Saal 1 · 2", ...) and its sessions copied
// into the copied rooms, at the same times, until there are `sessions`.
// Copies get no frab id (so ids are numbered) and share the originals'
// speakers. Pure; returns p unchanged when it is already as large.
ImportedProgramme scale_programme(const ImportedProgramme& p, size_t sessions, size_t rooms);

}  // namespace confsched
