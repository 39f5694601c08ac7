// Baselines and parked upstream changes (sql/011, store/upstream.h).
#include "store/upstream.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "auth/crypto.h"
#include "store/settings_store.h"
#include "util/translate.h"

namespace confsched {

namespace {

using Json = nlohmann::json;

// Length-prefixed, so that "ab" + "c" and "a" + "bc" differ.
void put(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

std::string short_time(const std::string& stored) { return stored.substr(0, 16); }

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? tr("nobody") : out;
}

// Who last wrote session `id` here, from its newest audit row.
std::string last_editor(Database& db, int64_t id) {
  auto rows = db.query(
      "SELECT staff_name FROM audit_log WHERE entity = 'session' AND entity_id = ?"
      " ORDER BY id DESC LIMIT 1",
      {id});
  return rows.empty() ? std::string() : cell_text(rows[0][0]);
}

bool same_links(const std::vector<Material>& a, const std::vector<Material>& b) {
  return std::equal(
      a.begin(), a.end(), b.begin(), b.end(),
      [](const Material& x, const Material& y) { return x.label == y.label && x.url == y.url; });
}

}  // namespace

std::string upstream_fingerprint(const FlatSession& s) {
  std::string text;
  for (const std::string* field :
       {&s.external_id, &s.title, &s.abstract, &s.starts_at, &s.ends_at, &s.room, &s.track, &s.kind,
        &s.status, &s.external_slug, &s.external_url})
    put(text, *field);
  put(text, std::to_string(s.speakers.size()));
  for (const std::string& name : s.speakers) put(text, name);
  put(text, std::to_string(s.materials.size()));
  for (const Material& m : s.materials) {
    put(text, m.label);
    put(text, m.url);
  }
  return sha256_hex(text);
}

std::string flat_session_json(const FlatSession& s) {
  Json materials = Json::array();
  for (const Material& m : s.materials) materials.push_back({{"label", m.label}, {"url", m.url}});
  Json j = {{"external_id", s.external_id},
            {"title", s.title},
            {"abstract", s.abstract},
            {"starts_at", s.starts_at},
            {"ends_at", s.ends_at},
            {"room", s.room},
            {"track", s.track},
            {"kind", s.kind},
            {"status", s.status},
            {"external_slug", s.external_slug},
            {"external_url", s.external_url},
            {"speakers", s.speakers},
            {"materials", materials}};
  return j.dump();
}

std::optional<FlatSession> flat_session_from_json(const std::string& json) {
  Json j = Json::parse(json, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  FlatSession s;
  const std::pair<const char*, std::string*> fields[] = {{"external_id", &s.external_id},
                                                         {"title", &s.title},
                                                         {"abstract", &s.abstract},
                                                         {"starts_at", &s.starts_at},
                                                         {"ends_at", &s.ends_at},
                                                         {"room", &s.room},
                                                         {"track", &s.track},
                                                         {"kind", &s.kind},
                                                         {"status", &s.status}};
  for (const auto& [key, target] : fields) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    *target = it->get<std::string>();
  }
  // Optional: versions parked before sql/012 have no slug or URL.
  const std::pair<const char*, std::string*> identity[] = {{"external_slug", &s.external_slug},
                                                           {"external_url", &s.external_url}};
  for (const auto& [key, target] : identity) {
    auto it = j.find(key);
    if (it == j.end()) continue;
    if (!it->is_string()) return std::nullopt;
    *target = it->get<std::string>();
  }
  auto speakers = j.find("speakers");
  auto materials = j.find("materials");
  if (speakers == j.end() || !speakers->is_array() || materials == j.end() ||
      !materials->is_array())
    return std::nullopt;
  for (const Json& name : *speakers) {
    if (!name.is_string()) return std::nullopt;
    s.speakers.push_back(name.get<std::string>());
  }
  for (const Json& m : *materials) {
    if (!m.is_object() || !m.contains("label") || !m.contains("url") || !m["label"].is_string() ||
        !m["url"].is_string())
      return std::nullopt;
    s.materials.push_back(Material{m["label"].get<std::string>(), m["url"].get<std::string>()});
  }
  return s;
}

std::map<int64_t, UpstreamRow> load_upstream_rows(Database& db) {
  std::map<int64_t, UpstreamRow> out;
  for (const DbRow& r :
       db.query("SELECT session_id, fingerprint, pending_kind IS NOT NULL FROM session_upstream"))
    out.emplace(cell_int(r[0]), UpstreamRow{cell_text(r[1]), cell_int(r[2]) != 0});
  return out;
}

void set_upstream_baseline(Database& db, int64_t session_id, const std::string& fingerprint) {
  db.execute(
      "INSERT INTO session_upstream (session_id, fingerprint) VALUES (?, ?)"
      " ON DUPLICATE KEY UPDATE fingerprint = VALUES(fingerprint), pending_kind = NULL,"
      " pending = NULL, pending_since = NULL",
      {session_id, fingerprint});
}

void park_upstream_change(Database& db, int64_t session_id, const FlatSession& upstream) {
  db.execute(
      "UPDATE session_upstream SET pending_since = IF(pending_kind IS NULL, UTC_TIMESTAMP(),"
      " pending_since), pending_kind = 'change', pending = ? WHERE session_id = ?",
      {flat_session_json(upstream), session_id});
}

void park_upstream_removal(Database& db, int64_t session_id) {
  db.execute(
      "UPDATE session_upstream SET pending_since = IF(pending_kind IS NULL, UTC_TIMESTAMP(),"
      " pending_since), pending_kind = 'removal', pending = NULL WHERE session_id = ?",
      {session_id});
}

void clear_parked(Database& db, int64_t session_id) {
  db.execute(
      "UPDATE session_upstream SET pending_kind = NULL, pending = NULL, pending_since = NULL"
      " WHERE session_id = ?",
      {session_id});
}

void baseline_imported_sessions(Database& db, const ImportedProgramme& p) {
  db.execute("DELETE FROM session_upstream");
  std::map<std::string, std::string> by_guid;
  for (const FlatSession& s : flatten(p))
    if (!s.external_id.empty()) by_guid.emplace(s.external_id, upstream_fingerprint(s));
  for (const DbRow& r :
       db.query("SELECT id, external_id FROM sessions WHERE external_id IS NOT NULL"))
    if (auto it = by_guid.find(cell_text(r[1])); it != by_guid.end())
      set_upstream_baseline(db, cell_int(r[0]), it->second);
}

std::vector<std::string> describe_upstream_change(const FlatSession& here,
                                                  const FlatSession& upstream,
                                                  const std::string& set_by) {
  std::vector<std::string> lines;
  // Each line in two whole patterns: without and with the name of who set
  // the version kept here ({editor}).
  auto line = [&](std::string_view anonymous, std::string_view named, std::string_view theirs,
                  std::string_view ours) {
    lines.push_back(
        fill_text(set_by.empty() ? tr(anonymous) : tr(named),
                  {{"title", here.title}, {"theirs", theirs}, {"ours", ours}, {"editor", set_by}}));
  };
  if (here.starts_at != upstream.starts_at || here.ends_at != upstream.ends_at)
    line(tr_mark("upstream moved “{title}” to {theirs}; kept {ours} set here"),
         tr_mark("upstream moved “{title}” to {theirs}; kept {ours} set here by {editor}"),
         short_time(upstream.starts_at) + "–" + upstream.ends_at.substr(11, 5),
         short_time(here.starts_at) + "–" + here.ends_at.substr(11, 5));
  if (here.room != upstream.room)
    line(tr_mark("upstream moved “{title}” to {theirs}; kept {ours} set here"),
         tr_mark("upstream moved “{title}” to {theirs}; kept {ours} set here by {editor}"),
         upstream.room, here.room);
  if (here.title != upstream.title)
    line(tr_mark("upstream renamed “{title}” to “{theirs}”; kept the title set here"),
         tr_mark("upstream renamed “{title}” to “{theirs}”; kept the title set here by {editor}"),
         upstream.title, here.title);
  if (here.speakers != upstream.speakers)
    line(tr_mark("upstream gave “{title}” the speakers {theirs}; kept {ours} set here"),
         tr_mark("upstream gave “{title}” the speakers {theirs}; kept {ours} set here by {editor}"),
         joined(upstream.speakers), joined(here.speakers));
  if (here.status != upstream.status)
    line(tr_mark("upstream set “{title}” to {theirs}; kept {ours} set here"),
         tr_mark("upstream set “{title}” to {theirs}; kept {ours} set here by {editor}"),
         upstream.status, here.status);
  std::vector<std::string> other;
  if (here.abstract != upstream.abstract) other.push_back(tr("abstract"));
  if (here.track != upstream.track) other.push_back(tr("track"));
  if (here.kind != upstream.kind) other.push_back(tr("kind"));
  if (!same_links(here.materials, upstream.materials)) other.push_back(tr("links"));
  if (here.external_slug != upstream.external_slug) other.push_back(tr("slug"));
  if (here.external_url != upstream.external_url) other.push_back(tr("url"));
  if (!other.empty())
    line(tr_mark("upstream changed the {theirs} of “{title}”; kept the version set here"),
         tr_mark(
             "upstream changed the {theirs} of “{title}”; kept the version set here by {editor}"),
         joined(other), "");
  return lines;
}

std::vector<UpstreamChange> load_upstream_changes(Database& db) {
  std::map<int64_t, FlatSession> here;
  for (FlatSession& s : load_flat_sessions(db, false)) here.emplace(s.id, std::move(s));
  std::vector<UpstreamChange> out;
  for (const DbRow& r :
       db.query("SELECT session_id, pending_kind, pending,"
                " DATE_FORMAT(pending_since, '%Y-%m-%d %H:%i') FROM session_upstream"
                " WHERE pending_kind IS NOT NULL ORDER BY pending_since, session_id")) {
    auto it = here.find(cell_int(r[0]));
    if (it == here.end()) continue;
    UpstreamChange change;
    change.session_id = it->first;
    change.title = it->second.title;
    change.since = cell_text(r[3]);
    const std::string editor = last_editor(db, change.session_id);
    if (cell_text(r[1]) == "removal") {
      change.removal = true;
      change.lines.push_back(
          editor.empty()
              ? fill_text(tr("upstream removed “{title}”; kept it, edited here"),
                          {{"title", change.title}})
              : fill_text(tr("upstream removed “{title}”; kept it, edited here by {editor}"),
                          {{"title", change.title}, {"editor", editor}}));
    } else if (auto theirs = flat_session_from_json(cell_text(r[2]))) {
      change.lines = describe_upstream_change(it->second, *theirs, editor);
      if (change.lines.empty()) continue;  // the same by now: nothing to decide
    } else {
      continue;  // unreadable: the next import parks it again
    }
    out.push_back(std::move(change));
  }
  return out;
}

size_t count_upstream_changes(Database& db) {
  return static_cast<size_t>(cell_int(
      db.query("SELECT COUNT(*) FROM session_upstream WHERE pending_kind IS NOT NULL")[0][0]));
}

ResolveOutcome resolve_upstream_change(Database& db, int64_t session_id, UpstreamChoice choice,
                                       const AuditContext& who) {
  Transaction tx(db);
  // The event row first, as imports take it: an import running now
  // finishes before this reads what it parked.
  db.query("SELECT id FROM event WHERE id = 1 FOR UPDATE");
  auto rows = db.query(
      "SELECT pending_kind, pending FROM session_upstream WHERE session_id = ?"
      " AND pending_kind IS NOT NULL FOR UPDATE",
      {session_id});
  if (rows.empty()) return ResolveOutcome::kNothingParked;
  const bool removal = cell_text(rows[0][0]) == "removal";
  // Staff's decision in the audit log (entity "upstream", which /changes
  // and the feeds do not read); taking a change also leaves the session's
  // own row, as any edit does.
  const AuditFields parked = {{"parked", std::string(removal ? "removal" : "change")}};
  const AuditFields chosen = {
      {"choice",
       std::string(choice == UpstreamChoice::kTakeUpstream ? "take upstream's" : "keep ours")}};
  write_audit(db, "upstream", session_id, "update", who, parked, chosen);
  std::optional<FlatSession> here;
  for (FlatSession& s : load_flat_sessions(db, true))
    if (s.id == session_id) here = std::move(s);
  if (!here) return ResolveOutcome::kNothingParked;  // deleted meanwhile (the row cascades)
  if (removal) {
    if (choice == UpstreamChoice::kTakeUpstream) {
      delete_flat_session(db, *here, who);
    } else {
      db.execute("DELETE FROM session_upstream WHERE session_id = ?", {session_id});
    }
    tx.commit();
    return ResolveOutcome::kDone;
  }
  std::optional<FlatSession> theirs = flat_session_from_json(cell_text(rows[0][1]));
  if (!theirs) return ResolveOutcome::kNothingParked;
  if (choice == UpstreamChoice::kTakeUpstream) update_flat_session(db, *here, *theirs, who);
  set_upstream_baseline(db, session_id, upstream_fingerprint(*theirs));
  tx.commit();
  return ResolveOutcome::kDone;
}

}  // namespace confsched
