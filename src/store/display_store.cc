// SQL for the rooms' screen links: the row locked under SELECT ... FOR
// UPDATE, the new nonce written and audited in the same transaction.
#include "store/display_store.h"

#include "auth/display_token.h"
#include "store/settings_store.h"

namespace confsched {

namespace {

RoomDisplay to_room_display(const DbRow& r) {
  RoomDisplay room{cell_int(r[0]), cell_text(r[1]), std::nullopt};
  if (r[2]) room.nonce = cell_int(r[2]);
  return room;
}

std::optional<RoomDisplay> lock_room(Database& db, int64_t room_id) {
  auto rows =
      db.query("SELECT id, name, display_nonce FROM rooms WHERE id = ? FOR UPDATE", {room_id});
  if (rows.empty()) return std::nullopt;
  return to_room_display(rows[0]);
}

// One side of the audit row. The nonce is no secret (a token also needs
// the cookie secret); it tells which link a screen had.
AuditFields display_audit(const RoomDisplay& room) {
  if (!room.nonce) return {{"room", room.name}, {"screen", std::string("off")}};
  return {{"room", room.name}, {"screen", std::string("on")}, {"link", *room.nonce}};
}

// Writes `after`'s nonce and the audit row; the caller holds the row lock.
void store_nonce(Database& db, const RoomDisplay& before, const RoomDisplay& after,
                 const AuditContext& who) {
  // Not a ?: inside the braces: GCC 12's -Wmaybe-uninitialized misreads
  // that variant temporary in a Release build.
  DbValue nonce = nullptr;
  if (after.nonce) nonce = *after.nonce;
  db.execute("UPDATE rooms SET display_nonce = ? WHERE id = ?", {nonce, after.id});
  write_audit(db, "display", after.id, "update", who, display_audit(before), display_audit(after));
}

}  // namespace

std::vector<RoomDisplay> load_room_displays(Database& db) {
  std::vector<RoomDisplay> rooms;
  for (const DbRow& r : db.query("SELECT id, name, display_nonce FROM rooms ORDER BY position, id"))
    rooms.push_back(to_room_display(r));
  return rooms;
}

std::optional<DisplayChanged> change_display(Database& db, int64_t room_id, DisplayChange change,
                                             const AuditContext& who) {
  Transaction tx(db);
  auto before = lock_room(db, room_id);
  if (!before) return std::nullopt;
  const bool on = before->nonce.has_value();
  if ((change == DisplayChange::kOff && !on) || (change == DisplayChange::kOn && on))
    return DisplayChanged{*before, false};
  RoomDisplay after = *before;
  after.nonce =
      change == DisplayChange::kOff ? std::nullopt : std::optional<int64_t>(new_display_nonce());
  store_nonce(db, *before, after, who);
  tx.commit();
  return DisplayChanged{after, true};
}

}  // namespace confsched
