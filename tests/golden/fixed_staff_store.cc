#include "fixed_staff_store.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "model/clashes.h"
#include "model/session_terms.h"
#include "store/errors.h"
#include "util/time_zone.h"

namespace confsched::golden {

namespace {

// "YYYY-MM-DD HH:MM:SS" of a Unix time, as the database shows its UTC
// TIMESTAMP and DATETIME columns.
std::string utc_text(int64_t unix_seconds) {
  return format_civil(civil_from_seconds(unix_seconds));
}

// Names compare as the tables' collation makes a UNIQUE key compare them,
// as far as ASCII goes: "main hall" is "Main Hall".
bool same_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

int64_t next_id(int64_t highest) { return highest + 1; }

template <typename Row>
Row* find_by_id(std::vector<Row>& rows, int64_t id) {
  auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.id == id; });
  return it == rows.end() ? nullptr : &*it;
}

template <typename Row>
int64_t highest_id(const std::vector<Row>& rows) {
  int64_t highest = 0;
  for (const Row& r : rows) highest = std::max(highest, r.id);
  return highest;
}

}  // namespace

FixedStaffStore::FixedStaffStore(DataState& state, std::vector<StaffMember>& roster)
    : people(roster), state_(state) {
  Programme p = fixed_programme();
  event_ = p.event;
  for (const Room& r : p.rooms)
    rooms_.push_back(
        {r.id, ItemDraft{r.name, std::to_string(r.position), r.details}, r.display_nonce});
  for (const Track& t : p.tracks) tracks_.push_back({t.id, ItemDraft{t.name, t.colour}, {}});
  speakers_ = p.speakers;
  for (const Session& s : p.sessions) {
    SessionRow row{.id = s.id,
                   .title = s.title,
                   .abstract = s.abstract,
                   .starts_at = s.starts_at,
                   .ends_at = s.ends_at,
                   .room_id = s.room->id,
                   .track_id = s.track ? std::optional<int64_t>(s.track->id) : std::nullopt,
                   .kind = s.kind,
                   .status = s.status,
                   .speaker_ids = {},
                   .materials = s.materials,
                   .revision = s.revision,
                   .updated_at = s.updated_at};
    for (const Speaker* speaker : s.speakers) row.speaker_ids.push_back(speaker->id);
    sessions_.push_back(std::move(row));
  }
  session_audit_ = fixed_session_audit();
  // One showing (FixedSource's banner), one that ended yesterday, one
  // withdrawn an hour ago, one for the Main Hall showing (FixedSource's
  // too) and one for Room <B> still to start; times UTC, by the
  // database's clock.
  announcements_ = {
      {.id = 1,
       .body = kShownAnnouncement,
       .level = "important",
       .room_id = std::nullopt,
       .published_at = kNow - 1800,
       .expires_at = kNow + 7200,
       .withdrawn_at = std::nullopt,
       .revision = 1},
      {.id = 2,
       .body = "Registration opens at 08:30 in the foyer.",
       .level = "info",
       .room_id = std::nullopt,
       .published_at = kNow - 86400,
       .expires_at = kNow - 82800,
       .withdrawn_at = std::nullopt,
       .revision = 1},
      {.id = 3,
       .body = "Wi-Fi: ask at the desk for the <password> & \"key\".",
       .level = "info",
       .room_id = std::nullopt,
       .published_at = kNow - 7200,
       .expires_at = std::nullopt,
       .withdrawn_at = kNow - 3600,
       .revision = 2},
      {.id = 4,
       .body = kShownRoomAnnouncement,
       .level = "info",
       .room_id = 1,
       .published_at = kNow - 600,
       .expires_at = kNow + 3000,
       .withdrawn_at = std::nullopt,
       .revision = 1},
      {.id = 5,
       .body = "Doors open at 13:00 for the <workshop>.",
       .level = "important",
       .room_id = 2,
       .published_at = kNow + 5400,
       .expires_at = kNow + 9000,
       .withdrawn_at = std::nullopt,
       .revision = 1},
  };
  next_room_ = next_id(highest_id(rooms_));
  next_track_ = next_id(highest_id(tracks_));
  next_speaker_ = next_id(highest_id(speakers_));
  next_session_ = next_id(highest_id(sessions_));
  next_announcement_ = next_id(highest_id(announcements_));
  next_audit_ = next_id(highest_id(session_audit_));
}

std::optional<AuditContext> FixedStaffStore::last_writer() const {
  if (writes_.empty()) return std::nullopt;
  return writes_.back().who;
}

const std::string& FixedStaffStore::password_hash(Role role) const {
  return password_hashes_[role == Role::kStaff ? 1 : 0];
}

void FixedStaffStore::check_available() const {
  if (!available) throw DbUnavailable("the golden tier's staff store is switched off");
  if (conflicts > 0) {
    --conflicts;
    throw DbConflict("the golden tier's staff store reports a conflict (error 1213)");
  }
}

void FixedStaffStore::committed(std::string_view entity, int64_t id, std::string_view action,
                                const AuditContext& who) {
  writes_.push_back({std::string(entity), id, std::string(action), who});
  ++state_.data_version;
}

// ------------------------------------------------------------ the programme

std::optional<EventInfo> FixedStaffStore::event() {
  check_available();
  return event_;
}

int64_t FixedStaffStore::room_position(int64_t room_id) const {
  for (const ItemRow& r : rooms_)
    if (r.id == room_id) return parse_position(r.values.detail).value_or(0);
  return 0;
}

std::optional<Programme> FixedStaffStore::schedule() {
  check_available();
  Programme p;
  p.event = event_;
  for (const ItemRow& r : rooms_)
    p.rooms.push_back(Room{r.id, r.values.name, parse_position(r.values.detail).value_or(0),
                           r.display_nonce, r.values.room});
  std::stable_sort(p.rooms.begin(), p.rooms.end(),
                   [](const Room& a, const Room& b) { return a.position < b.position; });
  for (const ItemRow& t : tracks_) p.tracks.push_back(Track{t.id, t.values.name, t.values.detail});
  // ProgrammeDetail::kSchedule: neither bios nor materials.
  for (const Speaker& s : speakers_) p.speakers.push_back(Speaker{s.id, s.name, s.affiliation, ""});
  std::vector<const SessionRow*> rows;
  for (const SessionRow& s : sessions_) rows.push_back(&s);
  std::stable_sort(rows.begin(), rows.end(), [&](const SessionRow* a, const SessionRow* b) {
    if (a->starts_at != b->starts_at) return a->starts_at < b->starts_at;
    return room_position(a->room_id) < room_position(b->room_id);
  });
  for (const SessionRow* row : rows) {
    Session s;
    s.id = row->id;
    s.title = row->title;
    s.abstract = row->abstract;
    s.starts_at = row->starts_at;
    s.ends_at = row->ends_at;
    s.kind = row->kind;
    s.status = row->status;
    s.revision = row->revision;
    s.updated_at = row->updated_at;
    s.room = find_by_id(p.rooms, row->room_id);
    s.track = row->track_id ? find_by_id(p.tracks, *row->track_id) : nullptr;
    for (int64_t id : row->speaker_ids) s.speakers.push_back(find_by_id(p.speakers, id));
    p.sessions.push_back(std::move(s));
  }
  return p;
}

// ----------------------------------------------------------------- sessions

FixedStaffStore::SessionRow* FixedStaffStore::find_session(int64_t id) {
  return find_by_id(sessions_, id);
}

StoredSession FixedStaffStore::stored(const SessionRow& row) const {
  StoredSession s;
  s.id = row.id;
  s.values.title = row.title;
  s.values.abstract = row.abstract;
  s.values.day = row.starts_at.substr(0, 10);
  s.values.start = row.starts_at.substr(11, 5);
  s.values.end = row.ends_at.substr(11, 5);
  s.values.room_id = std::to_string(row.room_id);
  s.values.track_id = row.track_id ? std::to_string(*row.track_id) : "";
  s.values.kind = row.kind;
  s.values.status = row.status;
  for (int64_t id : row.speaker_ids)
    for (const Speaker& speaker : speakers_)
      if (speaker.id == id) s.values.speakers += speaker.name + "\n";
  for (const Material& link : row.materials)
    s.values.materials += link.label + " | " + link.url + "\n";
  s.revision = row.revision;
  s.updated_at = utc_text(row.updated_at);
  return s;
}

std::vector<SessionListing> FixedStaffStore::session_listing() {
  check_available();
  std::vector<SessionListing> listing;
  const Programme programme = *schedule();
  for (const Session& s : programme.sessions)
    listing.push_back({.id = s.id,
                       .title = s.title,
                       .starts_at = s.starts_at,
                       .ends_at = s.ends_at,
                       .room = s.room->name,
                       .status = s.status,
                       .updated_at = utc_text(s.updated_at)});
  return listing;
}

std::optional<StoredSession> FixedStaffStore::stored_session(int64_t id) {
  check_available();
  const SessionRow* row = find_session(id);
  if (!row) return std::nullopt;
  return stored(*row);
}

SessionChoices FixedStaffStore::session_choices() {
  check_available();
  SessionChoices c;
  c.first_day = event_.starts_on;
  c.last_day = event_.ends_on;
  for (const ItemRow& r : rooms_) c.room_ids.insert(r.id);
  for (const ItemRow& t : tracks_) c.track_ids.insert(t.id);
  return c;
}

// store/session_store.cc's session_clashes over the rows in memory: the
// same rule (model/clashes.h), fed as the database would feed it.
std::vector<std::string> FixedStaffStore::session_clashes(
    const std::vector<ProposedSession>& proposed) {
  check_available();
  auto room_name = [&](int64_t id) {
    for (const ItemRow& r : rooms_)
      if (r.id == id) return r.values.name;
    return std::string();
  };
  auto booking_of = [&](const SessionDraft& draft) {
    Booking b{.title = draft.title,
              .room = room_name(parse_id(draft.room_id).value_or(0)),
              .starts_at = draft.starts_at(),
              .ends_at = draft.ends_at(),
              .cancelled = is_cancelled(draft.status)};
    std::string ignored;
    for (const std::string& name : parse_speaker_lines(draft.speakers, ignored)) {
      std::string stored = name;
      for (const Speaker& s : speakers_)
        if (same_name(s.name, name)) stored = s.name;
      b.speakers.push_back(stored);
    }
    return b;
  };
  std::vector<Booking> bookings, was;
  std::set<int64_t> moved;
  for (const ProposedSession& p : proposed) {
    bookings.push_back(booking_of(p.draft));
    if (p.was) was.push_back(booking_of(*p.was));
    moved.insert(p.id);
  }
  const size_t changed = bookings.size();
  for (const SessionRow& s : sessions_) {
    if (moved.count(s.id) || is_cancelled(s.status)) continue;
    Booking b{.title = s.title,
              .room = room_name(s.room_id),
              .starts_at = s.starts_at,
              .ends_at = s.ends_at};
    for (int64_t id : s.speaker_ids)
      for (const Speaker& sp : speakers_)
        if (sp.id == id) b.speakers.push_back(sp.name);
    bookings.push_back(std::move(b));
  }
  return clashes_of_changed(bookings, changed, was.size() == changed ? &was : nullptr);
}

int64_t FixedStaffStore::speaker_id_for(const std::string& name) {
  // session_store.cc's "WHERE name = ? ORDER BY id LIMIT 1", under the
  // table's case-insensitive collation.
  for (const Speaker& s : speakers_)
    if (same_name(s.name, name)) return s.id;
  speakers_.push_back(Speaker{next_speaker_, name, "", ""});
  return next_speaker_++;
}

void FixedStaffStore::add_session_audit(int64_t id, const char* action,
                                        const std::optional<SessionDraft>& before,
                                        const std::optional<SessionDraft>& after,
                                        const AuditContext& who) {
  AuditEntry e;
  e.id = next_audit_++;
  e.session_id = id;
  e.changed_unix = now;
  e.changed_at = utc_text(now);
  e.staff_name = who.staff_name;
  e.client_addr = who.client_addr;
  e.action = action;
  if (before) e.before = session_audit_values(*before);
  if (after) e.after = session_audit_values(*after);
  session_audit_.insert(session_audit_.begin(), std::move(e));
  committed("session", id, action, who);
}

void FixedStaffStore::write_session(SessionRow& row, const SessionDraft& after, const char* action,
                                    const AuditContext& who) {
  // The foreign keys: a draft naming a room or track that is gone fails
  // the statement, as in the database (callers validate first).
  auto room = parse_id(after.room_id);
  auto track = parse_id(after.track_id);
  if (!room || !find_by_id(rooms_, *room) || (track && !find_by_id(tracks_, *track)))
    throw DbError("a foreign key constraint fails (sessions)");
  const std::optional<SessionDraft> before =
      row.revision == 0 ? std::nullopt : std::optional<SessionDraft>(stored(row).values);
  std::string ignored;
  row.title = after.title;
  row.abstract = after.abstract;
  row.starts_at = after.starts_at();
  row.ends_at = after.ends_at();
  row.room_id = *room;
  row.track_id = track;
  row.kind = after.kind;
  row.status = after.status;
  row.speaker_ids.clear();
  for (const std::string& name : parse_speaker_lines(after.speakers, ignored))
    row.speaker_ids.push_back(speaker_id_for(name));
  row.materials = parse_material_lines(after.materials, ignored);
  row.revision += 1;
  row.updated_at = now;
  // The audit row's "after" is the draft as stored: its lists normalised.
  add_session_audit(row.id, action, before, stored(row).values, who);
}

FixedStaffStore::SessionRow* FixedStaffStore::session_to_write(int64_t id,
                                                               int64_t expected_revision,
                                                               SaveResult& refusal) {
  check_available();
  SessionRow* row = find_session(id);
  if (!row)
    refusal = {SaveOutcome::kGone, std::nullopt};
  else if (row->revision != expected_revision)
    refusal = {SaveOutcome::kConflict, stored(*row)};
  else
    return row;
  return nullptr;
}

SaveResult FixedStaffStore::save_session(int64_t id, const SessionDraft& draft,
                                         int64_t expected_revision, const AuditContext& who) {
  SaveResult result;
  if (SessionRow* row = session_to_write(id, expected_revision, result))
    write_session(*row, draft, "update", who);
  return result;
}

// store/session_moves.cc's rule over the rows in memory.
std::vector<StoredSession> FixedStaffStore::delay_targets(int64_t id, bool following) {
  check_available();
  const SessionRow* first = find_session(id);
  if (!first) return {};
  std::vector<const SessionRow*> rows;
  for (const SessionRow& s : sessions_)
    if (s.id == id || (following && s.room_id == first->room_id && !is_cancelled(s.status) &&
                       s.starts_at >= first->starts_at &&
                       s.starts_at.substr(0, 10) == first->starts_at.substr(0, 10)))
      rows.push_back(&s);
  std::stable_sort(rows.begin(), rows.end(), [](const SessionRow* a, const SessionRow* b) {
    return a->starts_at != b->starts_at ? a->starts_at < b->starts_at : a->id < b->id;
  });
  std::vector<StoredSession> out;
  for (const SessionRow* row : rows) out.push_back(stored(*row));
  return out;
}

MoveOutcome FixedStaffStore::delay_sessions(int64_t id, bool following, int minutes,
                                            const Previewed& previewed, const AuditContext& who) {
  std::vector<StoredSession> targets = delay_targets(id, following);
  Previewed listed;
  std::vector<SessionDraft> after;
  for (const StoredSession& s : targets) {
    listed.emplace_back(s.id, s.revision);
    auto moved = delayed(s.values, minutes);
    if (!moved) return MoveOutcome::kChanged;
    after.push_back(*moved);
  }
  if (targets.empty() || listed != previewed) return MoveOutcome::kChanged;
  for (size_t i = 0; i < targets.size(); ++i)
    write_session(*find_session(targets[i].id), after[i], "update", who);
  return MoveOutcome::kSaved;
}

MoveOutcome FixedStaffStore::save_together(const std::vector<PlannedChange>& changes,
                                           const AuditContext& who) {
  check_available();
  for (const PlannedChange& c : changes) {
    const SessionRow* row = find_session(c.id);
    if (!row || row->revision != c.revision) return MoveOutcome::kChanged;
  }
  for (const PlannedChange& c : changes) write_session(*find_session(c.id), c.after, "update", who);
  return MoveOutcome::kSaved;
}

int64_t FixedStaffStore::create_session(const SessionDraft& draft, const AuditContext& who) {
  check_available();
  // Revision 0 marks the row as new for write_session, which makes it 1,
  // the column's default, and audits it without a "before".
  SessionRow row;
  row.id = next_session_;
  row.revision = 0;
  write_session(row, draft, "create", who);
  sessions_.push_back(std::move(row));
  return next_session_++;
}

SaveResult FixedStaffStore::delete_session(int64_t id, int64_t expected_revision,
                                           const AuditContext& who) {
  SaveResult result;
  if (SessionRow* row = session_to_write(id, expected_revision, result)) {
    SessionDraft before = stored(*row).values;
    std::erase_if(sessions_, [&](const SessionRow& s) { return s.id == id; });
    add_session_audit(id, "delete", before, std::nullopt, who);
  }
  return result;
}

// ------------------------------------------------------------------ history

std::vector<AuditEntry> FixedStaffStore::session_history(int64_t session_id) {
  check_available();
  std::vector<AuditEntry> entries;
  for (const AuditEntry& e : session_audit_)
    if (e.session_id == session_id) entries.push_back(e);
  return entries;
}

RestoreResult FixedStaffStore::restore_session(int64_t session_id, int64_t audit_id, AuditSide side,
                                               int64_t expected_revision, const AuditContext& who) {
  check_available();
  const AuditEntry* entry = nullptr;
  for (const AuditEntry& e : session_audit_)
    if (e.id == audit_id && e.session_id == session_id) entry = &e;
  SessionRow* row = find_session(session_id);
  if (!row) return {RestoreOutcome::kNoSession, 0, ""};
  if (!entry) return {RestoreOutcome::kNoEntry, 0, ""};
  if (row->revision != expected_revision) return {RestoreOutcome::kStale, row->revision, ""};
  const std::optional<AuditValues>& values =
      side == AuditSide::kAfter ? entry->after : entry->before;
  // The same words as store/history_store.cc.
  if (!values)
    return {RestoreOutcome::kRefused, row->revision,
            side == AuditSide::kAfter
                ? "This entry records no values after its change (it deleted the session)."
                : "This entry records no values before its change (it created the session)."};
  RestoreDraft restored = draft_from_audit(*values);
  if (!restored.draft) return {RestoreOutcome::kRefused, row->revision, restored.problem};
  SessionDraft& draft = *restored.draft;
  FieldErrors errors = validate_draft(draft, session_choices());
  if (!errors.empty()) return {RestoreOutcome::kRefused, row->revision, restore_problem(errors)};
  const SessionDraft current = stored(*row).values;
  auto recorded = [&](const char* key) {
    auto it = values->find(key);
    return it != values->end() && it->second.has_value();
  };
  if (!recorded("speakers")) draft.speakers = current.speakers;
  if (!recorded("materials")) draft.materials = current.materials;
  write_session(*row, draft, "restore", who);
  return {RestoreOutcome::kRestored, row->revision, ""};
}

// ------------------------------------------------------------ announcements

FixedStaffStore::AnnouncementRow* FixedStaffStore::find_announcement(int64_t id) {
  return find_by_id(announcements_, id);
}

StoredAnnouncement FixedStaffStore::stored(const AnnouncementRow& row) const {
  StoredAnnouncement a;
  a.id = row.id;
  a.body = row.body;
  a.level = row.level;
  a.room_id = row.room_id;
  a.room_status = row.room_status;
  for (const ItemRow& room : rooms_)
    if (room.id == row.room_id) a.room_name = room.values.name;
  a.published_at = utc_text(row.published_at);
  a.expires_at = row.expires_at ? utc_text(*row.expires_at) : "";
  a.withdrawn_at = row.withdrawn_at ? utc_text(*row.withdrawn_at) : "";
  a.revision = row.revision;
  // announcement_store.cc's CASE, by this store's clock.
  if (row.withdrawn_at)
    a.state = "withdrawn";
  else if (row.published_at > now)
    a.state = "scheduled";
  else if (row.expires_at && *row.expires_at <= now)
    a.state = "expired";
  else
    a.state = "active";
  if (row.expires_at) a.seconds_left = *row.expires_at - now;
  return a;
}

std::vector<StoredAnnouncement> FixedStaffStore::announcements() {
  check_available();
  std::vector<const AnnouncementRow*> rows;
  for (const AnnouncementRow& a : announcements_) rows.push_back(&a);
  // Newest first: published_at DESC, id DESC.
  std::sort(rows.begin(), rows.end(), [](const AnnouncementRow* a, const AnnouncementRow* b) {
    return a->published_at != b->published_at ? a->published_at > b->published_at : a->id > b->id;
  });
  std::vector<StoredAnnouncement> out;
  for (const AnnouncementRow* a : rows) out.push_back(stored(*a));
  return out;
}

std::optional<StoredAnnouncement> FixedStaffStore::announcement(int64_t id) {
  check_available();
  const AnnouncementRow* row = find_announcement(id);
  if (!row) return std::nullopt;
  return stored(*row);
}

int64_t FixedStaffStore::announcements_not_over(int64_t room_id) const {
  return std::count_if(announcements_.begin(), announcements_.end(), [&](const AnnouncementRow& a) {
    return a.room_id == room_id && !a.withdrawn_at && (!a.expires_at || *a.expires_at > now);
  });
}

std::optional<int64_t> FixedStaffStore::time_of(const AnnouncementTime& t,
                                                std::optional<int64_t> current) const {
  switch (t.kind) {
    case AnnouncementTime::Kind::kKeep:
      return current;
    case AnnouncementTime::Kind::kNow:
      return now + t.minutes * 60;
    case AnnouncementTime::Kind::kAt:
      return t.at;
    case AnnouncementTime::Kind::kNone:
      break;
  }
  return std::nullopt;
}

AnnouncementResult FixedStaffStore::create_announcement(const AnnouncementWrite& write,
                                                        const AuditContext& who) {
  check_available();
  if (write.room_id && !find_by_id(rooms_, *write.room_id))
    return {AnnouncementOutcome::kRoomGone, std::nullopt};
  AnnouncementRow row;
  row.id = next_announcement_++;
  row.body = write.body;
  row.level = write.level;
  row.room_id = write.room_id;
  row.published_at = time_of(write.start, now).value_or(now);
  row.expires_at = time_of(write.end, std::nullopt);
  announcements_.push_back(row);
  committed("announcement", row.id, "create", who);
  return {AnnouncementOutcome::kDone, std::nullopt, row.id};
}

AnnouncementResult FixedStaffStore::write_announcement(
    int64_t id, int64_t expected_revision, const char* action, const AuditContext& who,
    const std::function<void(AnnouncementRow&)>& change) {
  check_available();
  AnnouncementRow* row = find_announcement(id);
  if (!row) return {AnnouncementOutcome::kGone, std::nullopt};
  StoredAnnouncement current = stored(*row);
  if (current.revision != expected_revision) return {AnnouncementOutcome::kConflict, current};
  if (row->withdrawn_at) return {AnnouncementOutcome::kWithdrawn, current};
  change(*row);
  ++row->revision;
  committed("announcement", id, action, who);
  return {AnnouncementOutcome::kDone, std::nullopt, id};
}

AnnouncementResult FixedStaffStore::save_announcement(int64_t id, const AnnouncementWrite& write,
                                                      int64_t expected_revision,
                                                      const AuditContext& who) {
  if (write.room_id && !find_by_id(rooms_, *write.room_id)) {
    check_available();
    const AnnouncementRow* row = find_announcement(id);
    return {row ? AnnouncementOutcome::kRoomGone : AnnouncementOutcome::kGone,
            row ? std::optional(stored(*row)) : std::nullopt};
  }
  return write_announcement(id, expected_revision, "update", who, [&](AnnouncementRow& row) {
    row.body = write.body;
    row.level = write.level;
    row.room_id = write.room_id;
    row.published_at = time_of(write.start, row.published_at).value_or(now);
    row.expires_at = time_of(write.end, row.expires_at);
  });
}

AnnouncementResult FixedStaffStore::withdraw_announcement(int64_t id, int64_t expected_revision,
                                                          const AuditContext& who) {
  // A soft delete, audited as one.
  return write_announcement(id, expected_revision, "delete", who,
                            [&](AnnouncementRow& row) { row.withdrawn_at = now; });
}

std::vector<StoredAnnouncement> FixedStaffStore::room_statuses() {
  check_available();
  std::vector<StoredAnnouncement> out;
  for (const AnnouncementRow& row : announcements_) {
    StoredAnnouncement a = stored(row);
    if (!row.room_status.empty() && a.state == "active") out.push_back(std::move(a));
  }
  return out;
}

AnnouncementResult FixedStaffStore::set_room_status(const RoomStatusWrite& write,
                                                    const AuditContext& who) {
  check_available();
  if (!find_by_id(rooms_, write.room_id)) return {AnnouncementOutcome::kRoomGone, std::nullopt};
  for (AnnouncementRow& row : announcements_) {
    if (row.room_id != write.room_id || row.room_status.empty() || stored(row).state != "active")
      continue;
    row.withdrawn_at = now;
    ++row.revision;
    committed("announcement", row.id, "delete", who);
  }
  if (write.status.empty()) return {AnnouncementOutcome::kDone, std::nullopt, 0};
  AnnouncementRow row;
  row.id = next_announcement_++;
  row.body = write.body;
  row.level = "important";
  row.room_id = write.room_id;
  row.room_status = write.status;
  row.published_at = now;
  row.expires_at = write.ends_at;
  announcements_.push_back(row);
  committed("announcement", row.id, "create", who);
  return {AnnouncementOutcome::kDone, std::nullopt, row.id};
}

// -------------------------------------------------------------- the screens

std::vector<RoomDisplay> FixedStaffStore::room_displays() {
  check_available();
  std::vector<RoomDisplay> rooms;
  const Programme programme = *schedule();
  for (const Room& r : programme.rooms) rooms.push_back({r.id, r.name, r.display_nonce});
  return rooms;
}

std::optional<DisplayChanged> FixedStaffStore::change_display(int64_t room_id, DisplayChange change,
                                                              const AuditContext& who) {
  check_available();
  ItemRow* room = find_by_id(rooms_, room_id);
  if (!room) return std::nullopt;
  const bool on = room->display_nonce.has_value();
  RoomDisplay shown{room->id, room->values.name, room->display_nonce};
  // A change that would change nothing writes nothing, not even an audit row.
  if ((change == DisplayChange::kOff && !on) || (change == DisplayChange::kOn && on))
    return DisplayChanged{shown, false};
  // A counter where the database draws at random: never the same twice
  // within this store, which is the property a page can show.
  room->display_nonce =
      change == DisplayChange::kOff ? std::nullopt : std::optional<int64_t>(next_nonce_++);
  shown.nonce = room->display_nonce;
  committed("display", room_id, "update", who);
  return DisplayChanged{shown, true};
}

// ---------------------------------------------------------------- the event

std::optional<EventDraft> FixedStaffStore::event_draft() {
  check_available();
  return EventDraft{event_.name,      event_.tagline, event_.venue,
                    event_.starts_on, event_.ends_on, event_.intro};
}

WriteResult<EventDraft> FixedStaffStore::save_event(const EventDraft& draft,
                                                    const std::string& expected_version,
                                                    const AuditContext& who) {
  check_available();
  // The version hash is model/settings_form.h's, as the database store
  // computes it from the row it locked.
  EventDraft current = *event_draft();
  if (event_version(current) != expected_version) return {WriteOutcome::kConflict, current, 0, 0};
  int64_t outside = 0;
  for (const SessionRow& s : sessions_) {
    std::string day = s.starts_at.substr(0, 10);
    if (day < draft.starts_on || day > draft.ends_on) ++outside;
  }
  if (outside > 0) return {WriteOutcome::kOutsideDates, std::nullopt, outside, 0};
  event_.name = draft.name;
  event_.tagline = draft.tagline;
  event_.venue = draft.venue;
  event_.starts_on = draft.starts_on;
  event_.ends_on = draft.ends_on;
  event_.intro = draft.intro;
  committed("event", 1, "update", who);
  return {};
}

// ------------------------------------------------------------ rooms, tracks

bool FixedStaffStore::is_room_table(const ItemTable& table) const {
  return table.table == kRoomTable.table;
}

std::vector<FixedStaffStore::ItemRow>& FixedStaffStore::rows_of(const ItemTable& table) {
  return is_room_table(table) ? rooms_ : tracks_;
}

int64_t FixedStaffStore::sessions_using(const ItemTable& table, int64_t id) const {
  const bool rooms = is_room_table(table);
  return std::count_if(sessions_.begin(), sessions_.end(), [&](const SessionRow& s) {
    return rooms ? s.room_id == id : s.track_id == id;
  });
}

std::vector<StoredItem> FixedStaffStore::items(const ItemTable& table) {
  check_available();
  std::vector<StoredItem> list;
  for (const ItemRow& row : rows_of(table))
    list.push_back({row.id, row.values, sessions_using(table, row.id)});
  // Rooms by position, then id; tracks by id (ItemTable::order_by).
  if (is_room_table(table))
    std::stable_sort(list.begin(), list.end(), [](const StoredItem& a, const StoredItem& b) {
      return parse_position(a.values.detail).value_or(0) <
             parse_position(b.values.detail).value_or(0);
    });
  return list;
}

WriteResult<ItemDraft> FixedStaffStore::add_item(const ItemTable& table, const ItemDraft& draft,
                                                 const AuditContext& who) {
  check_available();
  std::vector<ItemRow>& rows = rows_of(table);
  for (const ItemRow& row : rows)
    if (same_name(row.values.name, draft.name)) return {WriteOutcome::kDuplicate, {}, 0, 0};
  int64_t& next = is_room_table(table) ? next_room_ : next_track_;
  // A new room's screen is off (rooms.display_nonce is NULL).
  rows.push_back({next, draft, std::nullopt});
  committed(table.entity, next, "create", who);
  return {WriteOutcome::kSaved, std::nullopt, 0, next++};
}

FixedStaffStore::ItemRow* FixedStaffStore::item_to_write(const ItemTable& table, int64_t id,
                                                         const std::string& expected_version,
                                                         WriteResult<ItemDraft>& refusal) {
  check_available();
  ItemRow* row = find_by_id(rows_of(table), id);
  if (!row)
    refusal = {WriteOutcome::kGone, std::nullopt, 0, 0};
  else if (item_version(row->values) != expected_version)
    refusal = {WriteOutcome::kConflict, row->values, 0, 0};
  else
    return row;
  return nullptr;
}

WriteResult<ItemDraft> FixedStaffStore::update_item(const ItemTable& table, int64_t id,
                                                    const ItemDraft& draft,
                                                    const std::string& expected_version,
                                                    const AuditContext& who) {
  WriteResult<ItemDraft> result;
  ItemRow* row = item_to_write(table, id, expected_version, result);
  if (!row) return result;
  for (const ItemRow& other : rows_of(table))
    if (other.id != id && same_name(other.values.name, draft.name))
      return {WriteOutcome::kDuplicate, std::nullopt, 0, 0};
  row->values = draft;
  committed(table.entity, id, "update", who);
  return result;
}

WriteResult<ItemDraft> FixedStaffStore::delete_item(const ItemTable& table, int64_t id,
                                                    const std::string& expected_version,
                                                    const AuditContext& who) {
  WriteResult<ItemDraft> result;
  ItemRow* row = item_to_write(table, id, expected_version, result);
  if (!row) return result;
  if (int64_t n = sessions_using(table, id); n > 0)
    return {WriteOutcome::kInUse, row->values, n, 0};
  if (is_room_table(table)) {
    if (int64_t n = announcements_not_over(id); n > 0)
      return {WriteOutcome::kInUse, row->values, 0, 0, n};
    for (AnnouncementRow& a : announcements_)
      if (a.room_id == id) a.room_id = std::nullopt;
  }
  std::erase_if(rows_of(table), [&](const ItemRow& r) { return r.id == id; });
  committed(table.entity, id, "delete", who);
  return result;
}

// ----------------------------------------------------------------- speakers

std::vector<StoredSpeaker> FixedStaffStore::speakers() {
  check_available();
  std::vector<StoredSpeaker> list;
  for (const Speaker& s : speakers_) {
    int64_t sessions = std::count_if(sessions_.begin(), sessions_.end(), [&](const SessionRow& r) {
      return std::find(r.speaker_ids.begin(), r.speaker_ids.end(), s.id) != r.speaker_ids.end();
    });
    // The list leaves the bio out.
    list.push_back({s.id, SpeakerDraft{s.name, s.affiliation, ""}, sessions});
  }
  // By name, then id: byte order, where the database sorts by its
  // collation (the same order for the fixed names).
  std::sort(list.begin(), list.end(), [](const StoredSpeaker& a, const StoredSpeaker& b) {
    return a.values.name != b.values.name ? a.values.name < b.values.name : a.id < b.id;
  });
  return list;
}

std::optional<SpeakerDraft> FixedStaffStore::speaker(int64_t id) {
  check_available();
  const Speaker* s = find_by_id(speakers_, id);
  if (!s) return std::nullopt;
  return SpeakerDraft{s->name, s->affiliation, s->bio};
}

std::vector<std::pair<int64_t, std::string>> FixedStaffStore::speaker_sessions(int64_t id) {
  check_available();
  std::vector<const SessionRow*> rows;
  for (const SessionRow& s : sessions_)
    if (std::find(s.speaker_ids.begin(), s.speaker_ids.end(), id) != s.speaker_ids.end())
      rows.push_back(&s);
  // By start, then id.
  std::stable_sort(rows.begin(), rows.end(), [](const SessionRow* a, const SessionRow* b) {
    return a->starts_at < b->starts_at;
  });
  std::vector<std::pair<int64_t, std::string>> sessions;
  for (const SessionRow* s : rows) sessions.emplace_back(s->id, s->title);
  return sessions;
}

WriteResult<SpeakerDraft> FixedStaffStore::add_speaker(const SpeakerDraft& draft,
                                                       const AuditContext& who) {
  check_available();
  // Speakers have no UNIQUE name: two people may share one.
  speakers_.push_back(Speaker{next_speaker_, draft.name, draft.affiliation, draft.bio});
  committed("speaker", next_speaker_, "create", who);
  return {WriteOutcome::kSaved, std::nullopt, 0, next_speaker_++};
}

WriteResult<SpeakerDraft> FixedStaffStore::save_speaker(int64_t id, const SpeakerDraft& draft,
                                                        const std::string& expected_version,
                                                        const AuditContext& who) {
  check_available();
  Speaker* s = find_by_id(speakers_, id);
  if (!s) return {WriteOutcome::kGone, std::nullopt, 0, 0};
  SpeakerDraft current{s->name, s->affiliation, s->bio};
  if (speaker_version(current) != expected_version) return {WriteOutcome::kConflict, current, 0, 0};
  s->name = draft.name;
  s->affiliation = draft.affiliation;
  s->bio = draft.bio;
  committed("speaker", id, "update", who);
  return {};
}

// ---------------------------------------------------------------- passwords

uint64_t FixedStaffStore::change_role_password(Role role, const std::string& password_hash,
                                               const AuditContext& who) {
  check_available();
  password_hashes_[role == Role::kStaff ? 1 : 0] = password_hash;
  uint64_t& epoch = role == Role::kStaff ? state_.staff_epoch : state_.delegate_epoch;
  ++epoch;
  committed("credential", role == Role::kStaff ? 2 : 1, "update", who);
  return epoch;
}

// ---------------------------------------------------------- staff members

// ------------------------------------------------------ speaker check-in

std::vector<SpeakerToday> FixedStaffStore::speakers_on(const std::string& day) {
  check_available();
  std::vector<SpeakerToday> list;
  // By speaker id, as the store's query orders them.
  for (const Speaker& speaker : speakers_) {
    SpeakerToday today;
    today.id = speaker.id;
    today.name = speaker.name;
    for (const SessionRow& s : sessions_) {
      if (s.starts_at.substr(0, 10) != day || is_cancelled(s.status) ||
          std::find(s.speaker_ids.begin(), s.speaker_ids.end(), speaker.id) == s.speaker_ids.end())
        continue;
      std::string room;
      for (const ItemRow& r : rooms_)
        if (r.id == s.room_id) room = r.values.name;
      today.sessions.push_back(
          {s.id, s.title, room, s.starts_at.substr(11, 5), s.ends_at.substr(11, 5)});
    }
    if (today.sessions.empty()) continue;
    if (auto it = arrivals_.find(speaker.id); it != arrivals_.end() && it->second.day == day) {
      today.arrived = true;
      today.arrived_at = it->second.arrived_at.substr(11, 5);
      today.arrived_by = it->second.arrived_by;
    }
    list.push_back(std::move(today));
  }
  std::sort(list.begin(), list.end(),
            [](const SpeakerToday& a, const SpeakerToday& b) { return a.id < b.id; });
  return list;
}

CheckinOutcome FixedStaffStore::set_speaker_arrival(int64_t speaker_id, const std::string& day,
                                                    const std::optional<std::string>& arrived_at,
                                                    const AuditContext& who) {
  check_available();
  if (std::none_of(speakers_.begin(), speakers_.end(),
                   [&](const Speaker& s) { return s.id == speaker_id; }))
    return CheckinOutcome::kNoSpeaker;
  auto it = arrivals_.find(speaker_id);
  const bool was_arrived = it != arrivals_.end() && it->second.day == day;
  if (was_arrived == arrived_at.has_value()) return CheckinOutcome::kUnchanged;
  if (arrived_at)
    arrivals_[speaker_id] = {day, *arrived_at, who.staff_name};
  else
    arrivals_.erase(it);
  // Recorded as a write, but without committed()'s data version move.
  writes_.push_back({"speaker_checkin", speaker_id, arrived_at ? "create" : "delete", who});
  return CheckinOutcome::kChanged;
}

// ------------------------------------------------------ upstream

SyncState FixedStaffStore::sync_state() {
  check_available();
  return sync;
}

std::vector<UpstreamChange> FixedStaffStore::upstream_changes() {
  check_available();
  return parked_upstream;
}

ResolveOutcome FixedStaffStore::resolve_upstream_change(int64_t session_id, UpstreamChoice,
                                                        const AuditContext& who) {
  check_available();
  auto it = std::find_if(parked_upstream.begin(), parked_upstream.end(),
                         [&](const UpstreamChange& c) { return c.session_id == session_id; });
  if (it == parked_upstream.end()) return ResolveOutcome::kNothingParked;
  parked_upstream.erase(it);
  writes_.push_back({"upstream", session_id, "update", who});
  return ResolveOutcome::kDone;
}

std::vector<StaffMember> FixedStaffStore::staff_members() {
  check_available();
  return people;
}

PeopleResult FixedStaffStore::add_staff_member(const std::string& name, StaffRole role,
                                               const std::string& password_hash,
                                               const AuditContext& who) {
  check_available();
  for (const StaffMember& m : people)
    if (staff_login_key(m.name) == staff_login_key(name)) return {PeopleOutcome::kNameTaken};
  StaffMember m{.id = people.empty() ? 1 : people.back().id + 1,
                .name = name,
                .role = role,
                .password_hash = password_hash,
                .epoch = ++state_.staff_roster_version};
  people.push_back(m);
  writes_.push_back({"staff_member", m.id, "create", who});
  return {PeopleOutcome::kDone, m.id, m.epoch};
}

namespace {

bool other_admin(const std::vector<StaffMember>& people, int64_t id) {
  for (const StaffMember& m : people)
    if (m.id != id && m.role == StaffRole::kAdmin) return true;
  return false;
}

}  // namespace

PeopleResult FixedStaffStore::remove_staff_member(int64_t id, const AuditContext& who) {
  check_available();
  for (auto it = people.begin(); it != people.end(); ++it) {
    if (it->id != id) continue;
    if (it->role == StaffRole::kAdmin && people.size() > 1 && !other_admin(people, id))
      return {PeopleOutcome::kLastAdmin, id};
    people.erase(it);
    ++state_.staff_roster_version;
    writes_.push_back({"staff_member", id, "delete", who});
    return {PeopleOutcome::kDone, id};
  }
  return {PeopleOutcome::kNotFound};
}

PeopleResult FixedStaffStore::set_staff_password(int64_t id, const std::string& password_hash,
                                                 const AuditContext& who) {
  check_available();
  for (StaffMember& m : people) {
    if (m.id != id) continue;
    m.password_hash = password_hash;
    m.epoch = ++state_.staff_roster_version;
    writes_.push_back({"staff_member", id, "update", who});
    return {PeopleOutcome::kDone, id, m.epoch};
  }
  return {PeopleOutcome::kNotFound};
}

PeopleResult FixedStaffStore::set_staff_role(int64_t id, StaffRole role, const AuditContext& who) {
  check_available();
  for (StaffMember& m : people) {
    if (m.id != id) continue;
    if (m.role == StaffRole::kAdmin && role != StaffRole::kAdmin && !other_admin(people, id))
      return {PeopleOutcome::kLastAdmin, id};
    m.role = role;
    ++state_.staff_roster_version;
    writes_.push_back({"staff_member", id, "update", who});
    return {PeopleOutcome::kDone, id, m.epoch};
  }
  return {PeopleOutcome::kNotFound};
}

}  // namespace confsched::golden
