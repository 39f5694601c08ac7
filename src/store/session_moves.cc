#include "store/session_moves.h"

#include <algorithm>

namespace confsched {

namespace {

Previewed listed(const std::vector<StoredSession>& sessions) {
  Previewed out;
  for (const StoredSession& s : sessions) out.emplace_back(s.id, s.revision);
  return out;
}

std::vector<StoredSession> targets(Database& db, int64_t id, bool following, bool lock) {
  auto first = load_stored_session(db, id);
  if (!first) return {};
  std::vector<StoredSession> out;
  if (!following) {
    if (lock) first = load_locked_session(db, id);
    if (first) out.push_back(std::move(*first));
    return out;
  }
  // The room's sessions that day from this one's start on. Under lock, the
  // rows are locked and so is the gap after them (InnoDB's next-key locks on
  // the index range): a session added meanwhile waits for this save.
  const std::string day = first->values.day;
  for (const DbRow& r :
       db.query(std::string("SELECT id FROM sessions WHERE room_id = ?"
                            " AND starts_at >= ? AND starts_at < ? + INTERVAL 1 DAY"
                            " AND status <> 'cancelled' ORDER BY starts_at, id") +
                    (lock ? " FOR UPDATE" : ""),
                {*parse_id(first->values.room_id), first->values.starts_at(), day + " 00:00:00"})) {
    auto s = load_stored_session(db, cell_int(r[0]));
    if (s) out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace

std::vector<StoredSession> delay_targets(Database& db, int64_t id, bool following) {
  return targets(db, id, following, false);
}

MoveOutcome delay_sessions(Database& db, int64_t id, bool following, int minutes,
                           const Previewed& previewed, const AuditContext& who) {
  Transaction tx(db);
  std::vector<StoredSession> now = targets(db, id, following, true);
  if (now.empty() || listed(now) != previewed) return MoveOutcome::kChanged;
  for (const StoredSession& s : now) {
    std::optional<SessionDraft> after = delayed(s.values, minutes);
    if (!after) return MoveOutcome::kChanged;
    write_session_change(db, s.id, s.values, *after, "update", who);
  }
  tx.commit();
  return MoveOutcome::kSaved;
}

MoveOutcome save_together(Database& db, const std::vector<PlannedChange>& changes,
                          const AuditContext& who) {
  std::vector<const PlannedChange*> by_id;
  for (const PlannedChange& c : changes) by_id.push_back(&c);
  // One order for every writer that locks several sessions: no deadlock
  // between two swaps that share one.
  std::sort(by_id.begin(), by_id.end(),
            [](const PlannedChange* a, const PlannedChange* b) { return a->id < b->id; });
  Transaction tx(db);
  std::vector<StoredSession> before;
  for (const PlannedChange* c : by_id) {
    auto row = load_locked_session(db, c->id);
    if (!row || row->revision != c->revision) return MoveOutcome::kChanged;
    before.push_back(std::move(*row));
  }
  for (size_t i = 0; i < by_id.size(); ++i)
    write_session_change(db, by_id[i]->id, before[i].values, by_id[i]->after, "update", who);
  tx.commit();
  return MoveOutcome::kSaved;
}

}  // namespace confsched
