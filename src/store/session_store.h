// Reading a session for the staff form and writing it back: optimistic
// locking on sessions.revision, speakers and links replaced with the row,
// and an audit row in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/clashes.h"
#include "model/session_form.h"
#include "store/database.h"

namespace confsched {

struct StoredSession {
  int64_t id = 0;
  SessionDraft values;
  int64_t revision = 0;
  std::string updated_at;
};

// Who is saving, for the audit log.
struct AuditContext {
  std::string staff_name;
  std::string client_addr;
};

// A session as its audit rows record it (JSON keys title, abstract,
// starts_at, ends_at, room_id, track_id, kind, status, speakers,
// materials), for writers other than the form: the schedule import.
struct SessionAuditValues {
  std::string title, abstract, starts_at, ends_at;
  std::optional<int64_t> room_id, track_id;
  std::string kind, status;
  std::string speakers;   // one name per line
  std::string materials;  // one "Label | URL" per line
};

// One audit row (entity "session"); the caller holds the transaction.
void write_session_audit(Database& db, int64_t id, const char* action,
                         const std::optional<SessionAuditValues>& before,
                         const std::optional<SessionAuditValues>& after, const AuditContext& who);

std::optional<StoredSession> load_stored_session(Database& db, int64_t id);
// The same under SELECT ... FOR UPDATE, inside the caller's transaction.
std::optional<StoredSession> load_locked_session(Database& db, int64_t id);

// One line of the staff's programme list (/admin): times as stored
// ("YYYY-MM-DD HH:MM:SS", the event's wall clock).
struct SessionListing {
  int64_t id = 0;
  std::string title, starts_at, ends_at, room, status, updated_at;
};
// Every session, by start, then room, then id.
std::vector<SessionListing> load_session_listing(Database& db);

// The event's days and the ids a draft may use.
SessionChoices load_session_choices(Database& db);

// The sessions (ids, with rooms and speakers by name) that overlap the
// event-local interval [from, to), cancelled ones left out: what a clash
// check (model/clashes.h) compares a moved session with.
struct BookedSession {
  int64_t id = 0;
  Booking booking;
};
std::vector<BookedSession> load_bookings(Database& db, const std::string& from,
                                         const std::string& to);

// The draft as the clash check sees it: its room's and speakers' names as
// stored (speakers are matched by name under the table's collation, as a
// save matches them).
Booking draft_booking(Database& db, const SessionDraft& draft);

// A session as a change would leave it: id 0 for a new one.
struct ProposedSession {
  int64_t id = 0;
  SessionDraft draft;
  // As it is now, when the caller wants only the clashes the change
  // causes (running late: a clash the room had already is not news).
  std::optional<SessionDraft> was = std::nullopt;
};

// What the proposed sessions, saved in place of their ids, would clash
// with: each other, and the other sessions in their rooms and of their
// speakers at those times (model/clashes.h's sentences). A cancelled draft
// clashes with nothing.
std::vector<std::string> session_clashes(Database& db,
                                         const std::vector<ProposedSession>& proposed);

enum class SaveOutcome {
  kSaved,
  kConflict,  // someone saved in between: `current` holds their version
  kGone,      // the session was deleted meanwhile
};

struct SaveResult {
  SaveOutcome outcome = SaveOutcome::kSaved;
  std::optional<StoredSession> current;
};

// Saves draft (already validated) if the row is still at expected_revision.
SaveResult save_session(Database& db, int64_t id, const SessionDraft& draft,
                        int64_t expected_revision, const AuditContext& who);

// The write shared by a save and a restore: the row (revision + 1), its
// speakers and links, and the audit row (action "update" or "restore").
// The caller holds the transaction and the row lock, and has validated
// `after`.
void write_session_change(Database& db, int64_t id, const SessionDraft& before,
                          const SessionDraft& after, const char* action, const AuditContext& who);

// Inserts a new session from a validated draft; returns its id.
int64_t create_session(Database& db, const SessionDraft& draft, const AuditContext& who);

// Deletes the session if still at expected_revision (its speakers' links
// and materials go with it; the speakers themselves stay).
SaveResult delete_session(Database& db, int64_t id, int64_t expected_revision,
                          const AuditContext& who);

}  // namespace confsched
