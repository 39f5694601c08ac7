// Update-by-guid import: plan (pure) and apply (one transaction).
#include "store/programme_merge.h"

#include <map>
#include <set>

#include "model/clashes.h"
#include "model/session_terms.h"
#include "store/settings_store.h"
#include "store/upstream.h"
#include "util/translate.h"

namespace confsched {

namespace {

bool same_materials(const std::vector<Material>& a, const std::vector<Material>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].label != b[i].label || a[i].url != b[i].url) return false;
  return true;
}

std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += s + "\n";
  return out;
}

std::string material_lines(const std::vector<Material>& items) {
  std::string out;
  for (const Material& m : items) out += m.label + " | " + m.url + "\n";
  return out;
}

SessionAuditValues audit_of(const FlatSession& s) {
  return SessionAuditValues{
      s.title,    s.abstract, s.starts_at, s.ends_at,         s.room_id,
      s.track_id, s.kind,     s.status,    lines(s.speakers), material_lines(s.materials)};
}

// What differs, by field name, for the dry-run listing.
std::string changed_fields(const FlatSession& a, const FlatSession& b) {
  std::string out;
  auto note = [&](bool differs, std::string_view name) {
    if (differs) out += std::string(out.empty() ? "" : ", ") + tr(name);
  };
  note(a.title != b.title, tr_mark("title"));
  note(a.abstract != b.abstract, tr_mark("abstract"));
  note(a.starts_at != b.starts_at || a.ends_at != b.ends_at, tr_mark("time"));
  note(a.room != b.room, tr_mark("room"));
  note(a.track != b.track, tr_mark("track"));
  note(a.kind != b.kind, tr_mark("kind"));
  note(a.status != b.status, tr_mark("status"));
  note(a.speakers != b.speakers, tr_mark("speakers"));
  note(!same_materials(a.materials, b.materials), tr_mark("links"));
  note(a.external_slug != b.external_slug, tr_mark("slug"));
  note(a.external_url != b.external_url, tr_mark("url"));
  return out;
}

std::string summary(const FlatSession& s) {
  return s.title + " (" + s.starts_at.substr(0, 16) + ", " + s.room + ")";
}

// The id of the row named `name`, inserted when there is none. The lookup
// goes through SQL so that names match as the UNIQUE key compares them
// (case- and accent-insensitively in utf8mb4_unicode_ci).
int64_t upsert_named(Database& db, const char* table, const std::string& name,
                     const std::string& update_sql, const std::string& insert_sql,
                     const std::vector<DbValue>& extra) {
  auto rows = db.query(
      std::string("SELECT id FROM ") + table + " WHERE name = ? ORDER BY id LIMIT 1", {name});
  if (!rows.empty()) {
    int64_t id = cell_int(rows[0][0]);
    std::vector<DbValue> params = extra;
    params.emplace_back(id);
    params.insert(params.end(), extra.begin(), extra.end());  // update_sql's "<> ?"
    db.execute(update_sql, params);
    return id;
  }
  std::vector<DbValue> params = {name};
  params.insert(params.end(), extra.begin(), extra.end());
  db.execute(insert_sql, params);
  return static_cast<int64_t>(db.last_insert_id());
}

void write_people_and_links(Database& db, int64_t id, const FlatSession& s,
                            std::map<std::string, int64_t>& speaker_ids) {
  db.execute("DELETE FROM session_speakers WHERE session_id = ?", {id});
  int64_t position = 1;
  for (const std::string& name : s.speakers) {
    auto it = speaker_ids.find(name);
    if (it == speaker_ids.end()) {
      auto rows = db.query("SELECT id FROM speakers WHERE name = ? ORDER BY id LIMIT 1", {name});
      int64_t sid = 0;
      if (!rows.empty()) {
        sid = cell_int(rows[0][0]);
      } else {
        db.execute("INSERT INTO speakers (name, affiliation, bio) VALUES (?, '', '')", {name});
        sid = static_cast<int64_t>(db.last_insert_id());
      }
      it = speaker_ids.emplace(name, sid).first;
    }
    // INSERT IGNORE: two names the collation equates are one speaker.
    db.execute(
        "INSERT IGNORE INTO session_speakers (session_id, speaker_id, position) VALUES (?, ?, ?)",
        {id, it->second, position++});
  }
  db.execute("DELETE FROM materials WHERE session_id = ?", {id});
  position = 1;
  for (const Material& m : s.materials)
    db.execute("INSERT INTO materials (session_id, label, url, position) VALUES (?, ?, ?, ?)",
               {id, m.label, m.url, position++});
}

DbValue optional_id(const std::optional<int64_t>& id) {
  return id ? DbValue{*id} : DbValue{nullptr};
}

DbValue optional_text(const std::string& s) { return s.empty() ? DbValue{nullptr} : DbValue{s}; }

const char* prune_mode_name(PruneMode prune) {
  switch (prune) {
    case PruneMode::kKeep:
      return "merge";
    case PruneMode::kAll:
      return "merge, prune";
    case PruneMode::kFromUpstream:
      return "merge, prune upstream's";
  }
  return "merge";
}

// `after` (room and track ids resolved) over stored session `before.id`.
void write_update(Database& db, const FlatSession& before, const FlatSession& after,
                  std::map<std::string, int64_t>& speaker_ids, const AuditContext& who) {
  db.execute(
      "UPDATE sessions SET title = ?, abstract = ?, starts_at = ?, ends_at = ?, room_id = ?,"
      " track_id = ?, kind = ?, status = ?, external_slug = ?, external_url = ?,"
      " revision = revision + 1 WHERE id = ?",
      {after.title, after.abstract, after.starts_at, after.ends_at, *after.room_id,
       optional_id(after.track_id), after.kind, after.status, optional_text(after.external_slug),
       optional_text(after.external_url), before.id});
  write_people_and_links(db, before.id, after, speaker_ids);
  write_session_audit(db, before.id, "update", audit_of(before), audit_of(after), who);
}

// The id of the room or track named `name`; a new one is added last (a
// room) or in the default colour (a track).
int64_t id_by_name(Database& db, const char* table, const std::string& name) {
  auto rows = db.query(
      std::string("SELECT id FROM ") + table + " WHERE name = ? ORDER BY id LIMIT 1", {name});
  if (!rows.empty()) return cell_int(rows[0][0]);
  if (std::string_view(table) == "rooms") {
    int64_t last = cell_int(db.query("SELECT COALESCE(MAX(position), 0) FROM rooms")[0][0]);
    db.execute("INSERT INTO rooms (name, position) VALUES (?, ?)", {name, last + 1});
  } else {
    db.execute("INSERT INTO tracks (name) VALUES (?)", {name});
  }
  return static_cast<int64_t>(db.last_insert_id());
}

}  // namespace

bool FlatSession::operator==(const FlatSession& o) const {
  return external_id == o.external_id && title == o.title && abstract == o.abstract &&
         starts_at == o.starts_at && ends_at == o.ends_at && room == o.room && track == o.track &&
         kind == o.kind && status == o.status && speakers == o.speakers &&
         same_materials(materials, o.materials) && external_slug == o.external_slug &&
         external_url == o.external_url;
}

std::vector<FlatSession> flatten(const ImportedProgramme& p) {
  std::vector<FlatSession> out;
  for (const ImportedSession& s : p.sessions) {
    FlatSession f;
    f.frab_id = s.frab_id;
    f.external_id = s.guid;
    f.external_slug = s.slug;
    f.external_url = s.url;
    f.title = s.title;
    f.abstract = s.abstract;
    f.starts_at = s.starts_at;
    f.ends_at = s.ends_at;
    f.room = p.rooms.at(s.room);
    if (s.track) f.track = p.tracks.at(*s.track).name;
    f.kind = s.kind;
    f.status = s.status;
    for (size_t i : s.speakers) f.speakers.push_back(p.speakers.at(i).name);
    f.materials = s.materials;
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<FlatSession> load_flat_sessions(Database& db, bool lock) {
  std::vector<FlatSession> out;
  std::map<int64_t, size_t> at;
  const std::string sql = std::string(
                              "SELECT s.id, s.external_id, s.title, s.abstract,"
                              " DATE_FORMAT(s.starts_at, '%Y-%m-%d %H:%i:%s'),"
                              " DATE_FORMAT(s.ends_at, '%Y-%m-%d %H:%i:%s'), r.name, t.name,"
                              " s.kind, s.status, s.room_id, s.track_id, s.external_slug,"
                              " s.external_url FROM sessions s"
                              " JOIN rooms r ON r.id = s.room_id"
                              " LEFT JOIN tracks t ON t.id = s.track_id ORDER BY s.id") +
                          (lock ? " FOR UPDATE" : "");
  for (const DbRow& r : db.query(sql)) {
    FlatSession s;
    s.id = cell_int(r[0]);
    s.external_id = cell_text(r[1]);
    s.title = cell_text(r[2]);
    s.abstract = cell_text(r[3]);
    s.starts_at = cell_text(r[4]);
    s.ends_at = cell_text(r[5]);
    s.room = cell_text(r[6]);
    s.track = cell_text(r[7]);
    s.kind = cell_text(r[8]);
    s.status = cell_text(r[9]);
    s.room_id = cell_int(r[10]);
    if (r[11]) s.track_id = cell_int(r[11]);
    s.external_slug = cell_text(r[12]);
    s.external_url = cell_text(r[13]);
    at[s.id] = out.size();
    out.push_back(std::move(s));
  }
  for (const DbRow& r : db.query("SELECT ss.session_id, sp.name FROM session_speakers ss"
                                 " JOIN speakers sp ON sp.id = ss.speaker_id"
                                 " ORDER BY ss.session_id, ss.position, sp.id"))
    if (auto it = at.find(cell_int(r[0])); it != at.end())
      out[it->second].speakers.push_back(cell_text(r[1]));
  for (const DbRow& r :
       db.query("SELECT session_id, label, url FROM materials ORDER BY session_id, position, id"))
    if (auto it = at.find(cell_int(r[0])); it != at.end())
      out[it->second].materials.push_back(Material{cell_text(r[1]), cell_text(r[2])});
  return out;
}

MergePlan plan_merge(const std::vector<FlatSession>& file, const std::vector<FlatSession>& stored,
                     PruneMode prune, const Baselines& baselines) {
  MergePlan plan;
  std::map<std::string, const FlatSession*> by_external;
  for (const FlatSession& s : stored)
    if (!s.external_id.empty()) by_external.emplace(s.external_id, &s);
  // The baseline of a session edited here since its import; nullptr for
  // one that was not (or that no import brought).
  auto edited_baseline = [&](const FlatSession& s) -> const std::string* {
    auto it = baselines.find(s.id);
    if (it == baselines.end() || it->second == upstream_fingerprint(s)) return nullptr;
    return &it->second;
  };
  std::set<int64_t> matched;
  for (const FlatSession& f : file) {
    auto it = f.external_id.empty() ? by_external.end() : by_external.find(f.external_id);
    if (it == by_external.end()) {
      plan.added.push_back(f);
      continue;
    }
    const FlatSession& old = *it->second;
    matched.insert(old.id);
    if (old == f) {
      plan.unchanged.push_back(old);
    } else if (const std::string* baseline = edited_baseline(old)) {
      if (*baseline == upstream_fingerprint(f))
        plan.edited_here.push_back(old);  // upstream has not moved since
      else
        plan.pinned.emplace_back(old, f);
    } else {
      FlatSession after = f;
      after.id = old.id;
      plan.updated.emplace_back(old, std::move(after));
    }
  }
  for (const FlatSession& s : stored) {
    if (matched.count(s.id)) continue;
    if (edited_baseline(s)) {
      (prune == PruneMode::kKeep ? plan.kept : plan.pinned_removed).push_back(s);
      continue;
    }
    const bool goes =
        prune == PruneMode::kAll || (prune == PruneMode::kFromUpstream && baselines.count(s.id));
    (goes ? plan.deleted : plan.kept).push_back(s);
  }
  return plan;
}

void update_flat_session(Database& db, const FlatSession& before, const FlatSession& after,
                         const AuditContext& who) {
  FlatSession resolved = after;
  resolved.room_id = id_by_name(db, "rooms", after.room);
  resolved.track_id.reset();
  if (!after.track.empty()) resolved.track_id = id_by_name(db, "tracks", after.track);
  std::map<std::string, int64_t> speaker_ids;
  write_update(db, before, resolved, speaker_ids, who);
}

void delete_flat_session(Database& db, const FlatSession& s, const AuditContext& who) {
  // Speaker links, materials and the upstream row go by ON DELETE CASCADE.
  db.execute("DELETE FROM sessions WHERE id = ?", {s.id});
  write_session_audit(db, s.id, "delete", audit_of(s), std::nullopt, who);
}

std::vector<std::string> plan_clashes(const MergePlan& plan) {
  // The programme as it would be: everything but what the plan deletes.
  // Only pairs with a side the import adds or changes are listed: a clash
  // the programme has already is not the import's doing.
  std::vector<Booking> bookings;
  std::vector<bool> changed;
  auto add = [&](const FlatSession& s, bool by_import) {
    bookings.push_back(Booking{.title = s.title,
                               .room = s.room,
                               .starts_at = s.starts_at,
                               .ends_at = s.ends_at,
                               .speakers = s.speakers,
                               .cancelled = is_cancelled(s.status)});
    changed.push_back(by_import);
  };
  for (const FlatSession& s : plan.added) add(s, true);
  for (const auto& [before, after] : plan.updated) add(after, true);
  for (const FlatSession& s : plan.unchanged) add(s, false);
  for (const FlatSession& s : plan.kept) add(s, false);
  for (const auto& [here, upstream] : plan.pinned) add(here, false);
  for (const FlatSession& s : plan.pinned_removed) add(s, false);
  for (const FlatSession& s : plan.edited_here) add(s, false);
  std::vector<std::string> lines;
  for (const Clash& c : find_clashes(bookings)) {
    if (!changed[c.first] && !changed[c.second]) continue;
    const size_t from = changed[c.first] ? c.first : c.second;
    const Booking& self = bookings[from];
    lines.push_back(fill_text(tr("“{title}” ({when}, {room}): {clash}"),
                              {{"title", self.title},
                               {"when", self.starts_at.substr(0, 16)},
                               {"room", self.room},
                               {"clash", describe_clash(bookings, c, from)}}));
  }
  return lines;
}

std::string describe_plan(const MergePlan& plan) {
  std::string out;
  auto n = [](size_t count) { return std::to_string(count); };
  for (const FlatSession& s : plan.added)
    out += fill_text(tr("+ add {session}"), {{"session", summary(s)}}) + "\n";
  for (const auto& [before, after] : plan.updated)
    out += fill_text(tr("~ update #{id} {session}: {fields}"),
                     {{"id", std::to_string(before.id)},
                      {"session", summary(after)},
                      {"fields", changed_fields(before, after)}}) +
           "\n";
  for (const FlatSession& s : plan.deleted)
    out += fill_text(tr("- delete #{id} {session}"),
                     {{"id", std::to_string(s.id)}, {"session", summary(s)}}) +
           "\n";
  for (const auto& [here, upstream] : plan.pinned)
    out += fill_text(tr("= keep #{id} {session}: edited here; upstream's change ({fields}) waits "
                        "for staff"),
                     {{"id", std::to_string(here.id)},
                      {"session", summary(here)},
                      {"fields", changed_fields(here, upstream)}}) +
           "\n";
  for (const FlatSession& s : plan.pinned_removed)
    out += fill_text(tr("= keep #{id} {session}: edited here; upstream's removal waits for staff"),
                     {{"id", std::to_string(s.id)}, {"session", summary(s)}}) +
           "\n";
  out += fill_text(plan.kept.empty()
                       ? tr("{added} to add, {updated} to update, {deleted} to delete, {unchanged} "
                            "unchanged, {kept} not in the file and kept")
                       : tr("{added} to add, {updated} to update, {deleted} to delete, {unchanged} "
                            "unchanged, {kept} not in the file and kept (--prune deletes them)"),
                   {{"added", n(plan.added.size())},
                    {"updated", n(plan.updated.size())},
                    {"deleted", n(plan.deleted.size())},
                    {"unchanged", n(plan.unchanged.size())},
                    {"kept", n(plan.kept.size())}}) +
         "\n";
  const size_t parked = plan.pinned.size() + plan.pinned_removed.size();
  if (parked + plan.edited_here.size() > 0)
    out += fill_text(tr("{count} edited here and kept, {parked} of them with an upstream change "
                        "waiting for staff"),
                     {{"count", n(plan.edited_here.size() + parked)}, {"parked", n(parked)}}) +
           "\n";
  // Warnings, as the staff form gives them: importing goes ahead anyway
  // (the file is the programme as its source has it), but staff see what
  // to sort out.
  const std::vector<std::string> clashes = plan_clashes(plan);
  for (const std::string& line : clashes)
    out += fill_text(tr("! clash: {clash}"), {{"clash", line}}) + "\n";
  if (clashes.size() == 1)
    out += tr("1 clash of a room or a speaker after the import") + "\n";
  else if (!clashes.empty())
    out += fill_text(tr("{count} clashes of a room or a speaker after the import"),
                     {{"count", std::to_string(clashes.size())}}) +
           "\n";
  return out;
}

MergePlan merge_programme(Database& db, const ImportedProgramme& p, PruneMode prune, bool dry_run,
                          const ImportSource& source, const AuditContext& who) {
  Transaction tx(db);
  // The event row first, as import_programme does: it serialises imports
  // and staff saves of the event texts.
  db.query("SELECT id FROM event WHERE id = 1 FOR UPDATE");
  std::optional<EventInfo> current = load_event(db);
  const std::map<int64_t, UpstreamRow> upstream = load_upstream_rows(db);
  Baselines baselines;
  for (const auto& [id, row] : upstream) baselines.emplace(id, row.fingerprint);
  MergePlan plan = plan_merge(flatten(p), load_flat_sessions(db, true), prune, baselines);
  if (dry_run) return plan;  // the Transaction rolls back: nothing written

  std::map<std::string, int64_t> room_ids, track_ids, speaker_ids;
  // Rows already as the file has them are not written: every write fires
  // the data version's triggers, and an export that changed nothing (a
  // forced sync, a server without validators) must leave every page and
  // cache as it is.
  for (size_t i = 0; i < p.rooms.size(); ++i)
    room_ids[p.rooms[i]] = upsert_named(
        db, "rooms", p.rooms[i], "UPDATE rooms SET position = ? WHERE id = ? AND position <> ?",
        "INSERT INTO rooms (name, position) VALUES (?, ?)", {static_cast<int64_t>(i + 1)});
  for (const ImportedTrack& t : p.tracks)
    track_ids[t.name] = upsert_named(db, "tracks", t.name,
                                     "UPDATE tracks SET colour = ? WHERE id = ? AND colour <> ?",
                                     "INSERT INTO tracks (name, colour) VALUES (?, ?)", {t.colour});
  auto resolve = [&](FlatSession& s) {
    s.room_id = room_ids.at(s.room);
    if (!s.track.empty()) s.track_id = track_ids.at(s.track);
  };

  for (auto& [before, after] : plan.updated) {
    resolve(after);
    write_update(db, before, after, speaker_ids, who);
    set_upstream_baseline(db, before.id, upstream_fingerprint(after));
  }
  // The import's baselines: what it wrote (or found as it would have
  // written it), so that a later edit here shows as one. Rows already
  // right are left alone: an import of an unchanged file writes nothing.
  for (const FlatSession& s : plan.unchanged) {
    auto it = upstream.find(s.id);
    const std::string fingerprint = upstream_fingerprint(s);
    if (it == upstream.end() || it->second.fingerprint != fingerprint || it->second.pending)
      set_upstream_baseline(db, s.id, fingerprint);
  }
  for (const auto& [here, theirs] : plan.pinned) park_upstream_change(db, here.id, theirs);
  for (const FlatSession& s : plan.pinned_removed) park_upstream_removal(db, s.id);
  for (const FlatSession& s : plan.edited_here)
    if (upstream.at(s.id).pending) clear_parked(db, s.id);  // upstream went back
  for (const FlatSession& s : plan.deleted) delete_flat_session(db, s, who);
  std::set<int64_t> taken;
  for (FlatSession& s : plan.added) {
    resolve(s);
    // The file's id when it is free, so /session/<id> links from an
    // earlier replace-import (or from frab itself) keep working.
    bool use_frab_id =
        s.frab_id > 0 && taken.insert(s.frab_id).second &&
        cell_int(db.query("SELECT COUNT(*) FROM sessions WHERE id = ?", {s.frab_id})[0][0]) == 0;
    db.execute(
        "INSERT INTO sessions (id, title, abstract, starts_at, ends_at, room_id, track_id, kind,"
        " status, external_id, external_slug, external_url)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {use_frab_id ? DbValue{s.frab_id} : DbValue{nullptr}, s.title, s.abstract, s.starts_at,
         s.ends_at, *s.room_id, optional_id(s.track_id), s.kind, s.status,
         optional_text(s.external_id), optional_text(s.external_slug),
         optional_text(s.external_url)});
    s.id = static_cast<int64_t>(db.last_insert_id());
    write_people_and_links(db, s.id, s, speaker_ids);
    write_session_audit(db, s.id, "create", std::nullopt, audit_of(s), who);
    if (!s.external_id.empty()) set_upstream_baseline(db, s.id, upstream_fingerprint(s));
  }

  // The event: name and zone from the file, dates widened to every
  // session now stored (kept ones included), staff texts kept.
  auto span = db.query(
      "SELECT DATE_FORMAT(MIN(starts_at), '%Y-%m-%d'),"
      " DATE_FORMAT(MAX(starts_at), '%Y-%m-%d') FROM sessions");
  std::string first = std::min(p.event.starts_on, cell_text(span[0][0]));
  std::string last = std::max(p.event.ends_on, cell_text(span[0][1]));
  EventInfo e = current.value_or(EventInfo{});
  const std::string venue = p.event.venue.value_or(e.venue);
  const int day_change = p.event.day_change.value_or(e.day_change);
  if (!current || e.name != p.event.name || e.venue != venue || e.time_zone != p.event.time_zone ||
      e.starts_on != first || e.ends_on != last || e.day_change != day_change)
    db.execute(
        "REPLACE INTO event (id, name, tagline, venue, time_zone, starts_on, ends_on, intro,"
        " day_change) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
        {p.event.name, e.tagline, venue, p.event.time_zone, first, last, e.intro,
         static_cast<int64_t>(day_change)});

  AuditFields before = {{"event_name", current ? current->name : std::string()}};
  AuditFields after = {
      {"event_name", p.event.name},
      {"time_zone", p.event.time_zone},
      {"mode", std::string(prune_mode_name(prune))},
      {"added", static_cast<int64_t>(plan.added.size())},
      {"updated", static_cast<int64_t>(plan.updated.size())},
      {"deleted", static_cast<int64_t>(plan.deleted.size())},
      {"unchanged", static_cast<int64_t>(plan.unchanged.size())},
      {"kept", static_cast<int64_t>(plan.kept.size())},
      {"edited_here", static_cast<int64_t>(plan.edited_here.size() + plan.pinned.size() +
                                           plan.pinned_removed.size())},
      {"parked", static_cast<int64_t>(plan.pinned.size() + plan.pinned_removed.size())},
      {"source", source.format},
      {"file", source.file},
      {"digest", "sha256:" + source.sha256}};
  write_audit(db, "programme", 1, "update", who, before, after);
  tx.commit();
  return plan;
}

}  // namespace confsched
