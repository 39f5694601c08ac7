// The golden tier's staff store: the fixed programme (fixed_source.h) held
// in memory as the staff pages read and write it (site/staff_store.h), in
// place of MariaDB. It starts as fixed_programme() and fixed_session_audit()
// say, with three announcements (one showing, one ended, one withdrawn) and
// one room's screen on, and its writes keep the promises of store/*.h that
// a page can show: optimistic locking (a stale revision or version hash is
// kConflict with the stored values, an unknown id kGone), new ids for new
// rows, names unique ignoring case (kDuplicate), rooms and tracks in use
// kept (kInUse), event dates that would leave sessions out refused
// (kOutsideDates), rooms with announcements not over kept (kInUse), an
// announcement's room that is gone refused (kRoomGone), a deleted room
// forgotten by the announcements that were for it (ON DELETE SET NULL),
// withdrawal as a soft delete, restore of a known audit
// row, a password change that moves the role's epoch, and speakers'
// arrivals that move no data version (sql/010 has no trigger).
//
// What it leaves out, because no page can tell: transactions and locks
// (one request at a time), SQL collations beyond ASCII case (a name that
// differs from another only in an accent is a duplicate in MariaDB, not
// here), and randomness: a new screen link's nonce comes from a counter,
// where the database draws it at random (auth/display_token.h), so a page
// after a change is the same on every run.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixed_source.h"
#include "site/staff_store.h"

namespace confsched::golden {

class FixedStaffStore final : public StaffStore {
 public:
  // state is the data state the FixedSource serves: a write moves its
  // data version as the database's triggers do, and a password change the
  // role's epoch, so that Site notices both as a worker would.
  // roster is the source's: what a page writes there, Site reads.
  FixedStaffStore(DataState& state, std::vector<StaffMember>& roster);

  // False: every call throws DbUnavailable, as when MariaDB is away.
  bool available = true;
  // The next this-many calls throw DbConflict, as when another Galera
  // node's write to the same rows was certified first.
  mutable int conflicts = 0;
  // The staff members: none (the shared staff login) until a test adds
  // some. Writes move state.staff_roster_version, as sql/007 has it.
  std::vector<StaffMember>& people;
  // The database's clock (UTC_TIMESTAMP()): announcements' states and the
  // times writes record.
  int64_t now = kNow;
  // Keeping in step with upstream: what sync_state() answers (never synced
  // until a test says otherwise), and the upstream changes parked. Taking
  // or keeping one removes it, recorded as a write of entity "upstream";
  // taking does not rewrite the session here (no page shows the
  // difference but the list, which the integration tests cover).
  SyncState sync = {};
  std::vector<UpstreamChange> parked_upstream;

  // One write, as its audit_log row records it.
  struct AuditRow {
    std::string entity;  // "session", "announcement", "room", ...
    int64_t entity_id = 0;
    std::string action;  // "create", "update", "delete", "restore"
    AuditContext who;
  };
  // Every write made through this store, oldest first (the fixed rows of
  // fixed_session_audit() are not among them): a refused write adds none.
  const std::vector<AuditRow>& writes() const { return writes_; }
  // Who made the last write: nullopt when there was none.
  std::optional<AuditContext> last_writer() const;
  // The role's password hash as a change stored it ("" before any).
  const std::string& password_hash(Role role) const;

  std::optional<EventInfo> event() override;
  std::optional<Programme> schedule() override;
  std::vector<SessionListing> session_listing() override;
  std::optional<StoredSession> stored_session(int64_t id) override;
  SessionChoices session_choices() override;
  std::vector<std::string> session_clashes(const std::vector<ProposedSession>& proposed) override;
  SaveResult save_session(int64_t id, const SessionDraft& draft, int64_t expected_revision,
                          const AuditContext& who) override;
  int64_t create_session(const SessionDraft& draft, const AuditContext& who) override;
  SaveResult delete_session(int64_t id, int64_t expected_revision,
                            const AuditContext& who) override;
  std::vector<StoredSession> delay_targets(int64_t id, bool following) override;
  MoveOutcome delay_sessions(int64_t id, bool following, int minutes, const Previewed& previewed,
                             const AuditContext& who) override;
  MoveOutcome save_together(const std::vector<PlannedChange>& changes,
                            const AuditContext& who) override;
  std::vector<AuditEntry> session_history(int64_t session_id) override;
  RestoreResult restore_session(int64_t session_id, int64_t audit_id, AuditSide side,
                                int64_t expected_revision, const AuditContext& who) override;
  std::vector<StoredAnnouncement> announcements() override;
  std::optional<StoredAnnouncement> announcement(int64_t id) override;
  AnnouncementResult create_announcement(const AnnouncementWrite& write,
                                         const AuditContext& who) override;
  AnnouncementResult save_announcement(int64_t id, const AnnouncementWrite& write,
                                       int64_t expected_revision, const AuditContext& who) override;
  AnnouncementResult withdraw_announcement(int64_t id, int64_t expected_revision,
                                           const AuditContext& who) override;
  std::vector<StoredAnnouncement> room_statuses() override;
  AnnouncementResult set_room_status(const RoomStatusWrite& write,
                                     const AuditContext& who) override;
  std::vector<RoomDisplay> room_displays() override;
  std::optional<DisplayChanged> change_display(int64_t room_id, DisplayChange change,
                                               const AuditContext& who) override;
  std::optional<EventDraft> event_draft() override;
  WriteResult<EventDraft> save_event(const EventDraft& draft, const std::string& expected_version,
                                     const AuditContext& who) override;
  std::vector<StoredItem> items(const ItemTable& table) override;
  WriteResult<ItemDraft> add_item(const ItemTable& table, const ItemDraft& draft,
                                  const AuditContext& who) override;
  WriteResult<ItemDraft> update_item(const ItemTable& table, int64_t id, const ItemDraft& draft,
                                     const std::string& expected_version,
                                     const AuditContext& who) override;
  WriteResult<ItemDraft> delete_item(const ItemTable& table, int64_t id,
                                     const std::string& expected_version,
                                     const AuditContext& who) override;
  std::vector<StoredSpeaker> speakers() override;
  std::optional<SpeakerDraft> speaker(int64_t id) override;
  std::vector<std::pair<int64_t, std::string>> speaker_sessions(int64_t id) override;
  WriteResult<SpeakerDraft> add_speaker(const SpeakerDraft& draft,
                                        const AuditContext& who) override;
  WriteResult<SpeakerDraft> save_speaker(int64_t id, const SpeakerDraft& draft,
                                         const std::string& expected_version,
                                         const AuditContext& who) override;
  uint64_t change_role_password(Role role, const std::string& password_hash,
                                const AuditContext& who) override;
  std::vector<SpeakerToday> speakers_on(const std::string& day) override;
  CheckinOutcome set_speaker_arrival(int64_t speaker_id, const std::string& day,
                                     const std::optional<std::string>& arrived_at,
                                     const AuditContext& who) override;
  SyncState sync_state() override;
  std::vector<UpstreamChange> upstream_changes() override;
  ResolveOutcome resolve_upstream_change(int64_t session_id, UpstreamChoice choice,
                                         const AuditContext& who) override;
  std::vector<StaffMember> staff_members() override;
  PeopleResult add_staff_member(const std::string& name, StaffRole role,
                                const std::string& password_hash, const AuditContext& who) override;
  PeopleResult remove_staff_member(int64_t id, const AuditContext& who) override;
  PeopleResult set_staff_password(int64_t id, const std::string& password_hash,
                                  const AuditContext& who) override;
  PeopleResult set_staff_role(int64_t id, StaffRole role, const AuditContext& who) override;

 private:
  // The rows as the tables hold them.
  struct SessionRow {
    int64_t id = 0;
    std::string title, abstract, starts_at, ends_at;  // "YYYY-MM-DD HH:MM:SS"
    int64_t room_id = 0;
    std::optional<int64_t> track_id;
    std::string kind, status;
    std::vector<int64_t> speaker_ids;  // in billing order
    std::vector<Material> materials;
    int64_t revision = 1;
    int64_t updated_at = 0;  // Unix seconds
  };
  struct AnnouncementRow {
    int64_t id = 0;
    std::string body, level;
    std::optional<int64_t> room_id = std::nullopt;  // nullopt: everywhere
    std::string room_status = {};                   // sql/009
    int64_t published_at = 0;
    std::optional<int64_t> expires_at, withdrawn_at;
    int64_t revision = 1;
  };
  // A room or a track as the item pages see it: name and detail.
  struct ItemRow {
    int64_t id = 0;
    ItemDraft values;
    std::optional<int64_t> display_nonce;  // rooms only
  };

  void check_available() const;
  // Records a write that went through and moves the data version.
  void committed(std::string_view entity, int64_t id, std::string_view action,
                 const AuditContext& who);
  std::vector<ItemRow>& rows_of(const ItemTable& table);
  bool is_room_table(const ItemTable& table) const;
  int64_t room_position(int64_t room_id) const;
  int64_t sessions_using(const ItemTable& table, int64_t id) const;
  // store/announcement_store.h's announcements_not_over, by this store's clock.
  int64_t announcements_not_over(int64_t room_id) const;
  // An announcement time as the database sets it (AnnouncementTime):
  // kKeep leaves `current`.
  std::optional<int64_t> time_of(const AnnouncementTime& t, std::optional<int64_t> current) const;
  SessionRow* find_session(int64_t id);
  AnnouncementRow* find_announcement(int64_t id);
  StoredSession stored(const SessionRow& row) const;
  StoredAnnouncement stored(const AnnouncementRow& row) const;
  // What a session's write and a restore share (store/session_store.h,
  // write_session_change): the row, revision + 1, speakers (new names
  // become speakers) and links, and the audit row.
  void write_session(SessionRow& row, const SessionDraft& after, const char* action,
                     const AuditContext& who);
  void add_session_audit(int64_t id, const char* action, const std::optional<SessionDraft>& before,
                         const std::optional<SessionDraft>& after, const AuditContext& who);
  int64_t speaker_id_for(const std::string& name);
  // The row a write at expected_revision (expected_version) may change,
  // or nullptr with why not in refusal: kGone, or kConflict with the row
  // as stored.
  SessionRow* session_to_write(int64_t id, int64_t expected_revision, SaveResult& refusal);
  ItemRow* item_to_write(const ItemTable& table, int64_t id, const std::string& expected_version,
                         WriteResult<ItemDraft>& refusal);
  // Makes change to the announcement, revision + 1, if a write at
  // expected_revision may go ahead (announcement_store.cc's lock_for_write:
  // not kGone, kConflict or kWithdrawn).
  AnnouncementResult write_announcement(int64_t id, int64_t expected_revision, const char* action,
                                        const AuditContext& who,
                                        const std::function<void(AnnouncementRow&)>& change);

  // A speaker_checkins row (sql/010).
  struct ArrivalRow {
    std::string day, arrived_at, arrived_by;
  };

  DataState& state_;
  EventInfo event_;
  std::map<int64_t, ArrivalRow> arrivals_;  // by speaker id
  std::vector<ItemRow> rooms_, tracks_;
  std::vector<Speaker> speakers_;
  std::vector<SessionRow> sessions_;
  std::vector<AnnouncementRow> announcements_;
  std::vector<AuditEntry> session_audit_;  // newest first, as fixed_session_audit()
  std::vector<AuditRow> writes_;
  std::array<std::string, 2> password_hashes_;  // [0] delegate, [1] staff
  // The next AUTO_INCREMENT values, never reused.
  int64_t next_room_ = 0, next_track_ = 0, next_speaker_ = 0, next_session_ = 0;
  int64_t next_announcement_ = 0, next_audit_ = 0;
  int64_t next_nonce_ = 1001;
};

}  // namespace confsched::golden
