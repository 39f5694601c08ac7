// The staff pages' store as a worker uses it: the primary database,
// through the functions of store/ (site/staff_store.h says why the
// primary).
#pragma once

#include "site/staff_store.h"
#include "store/database.h"

namespace confsched {

class DatabaseStaffStore final : public StaffStore {
 public:
  explicit DatabaseStaffStore(Database& primary) : db_(primary) {}

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
  Database& db_;
};

}  // namespace confsched
