// What the staff pages read and write: the sessions, their history, the
// announcements, the rooms' screens, the event, rooms, tracks, speakers,
// the passwords, the staff members and the speakers' arrivals.
// DatabaseStaffStore (site/database_staff_store.h) is the
// primary database through store/, as a worker uses it; tests/golden/ has
// one in memory, so that a staff page can be rendered and a form posted
// without a database server.
//
// The primary and not a replica: staff see their own save at once. Each
// call throws DbUnavailable when the database cannot be had now, exactly as
// the store/ function it stands for (the staff pages then put the form back
// on screen).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/session_token.h"
#include "model/programme.h"
#include "store/announcement_store.h"
#include "store/display_store.h"
#include "store/history_store.h"
#include "store/session_moves.h"
#include "store/session_store.h"
#include "store/settings_store.h"
#include "store/speaker_checkins.h"
#include "store/staff_members.h"
#include "store/sync_state.h"
#include "store/upstream.h"

namespace confsched {

class StaffStore {
 public:
  virtual ~StaffStore() = default;

  // --- the programme (store/programme.h): nullopt when there is no event
  virtual std::optional<EventInfo> event() = 0;
  // Rooms, tracks and sessions without bios and materials.
  virtual std::optional<Programme> schedule() = 0;

  // --- sessions (store/session_store.h)
  virtual std::vector<SessionListing> session_listing() = 0;
  virtual std::optional<StoredSession> stored_session(int64_t id) = 0;
  virtual SessionChoices session_choices() = 0;
  virtual std::vector<std::string> session_clashes(
      const std::vector<ProposedSession>& proposed) = 0;
  virtual SaveResult save_session(int64_t id, const SessionDraft& draft, int64_t expected_revision,
                                  const AuditContext& who) = 0;
  virtual int64_t create_session(const SessionDraft& draft, const AuditContext& who) = 0;
  virtual SaveResult delete_session(int64_t id, int64_t expected_revision,
                                    const AuditContext& who) = 0;

  // --- several sessions at once (store/session_moves.h)
  virtual std::vector<StoredSession> delay_targets(int64_t id, bool following) = 0;
  virtual MoveOutcome delay_sessions(int64_t id, bool following, int minutes,
                                     const Previewed& previewed, const AuditContext& who) = 0;
  virtual MoveOutcome save_together(const std::vector<PlannedChange>& changes,
                                    const AuditContext& who) = 0;

  // --- a session's history (store/history_store.h)
  virtual std::vector<AuditEntry> session_history(int64_t session_id) = 0;
  virtual RestoreResult restore_session(int64_t session_id, int64_t audit_id, AuditSide side,
                                        int64_t expected_revision, const AuditContext& who) = 0;

  // --- announcements (store/announcement_store.h)
  virtual std::vector<StoredAnnouncement> announcements() = 0;
  virtual std::optional<StoredAnnouncement> announcement(int64_t id) = 0;
  virtual AnnouncementResult create_announcement(const AnnouncementWrite& write,
                                                 const AuditContext& who) = 0;
  virtual AnnouncementResult save_announcement(int64_t id, const AnnouncementWrite& write,
                                               int64_t expected_revision,
                                               const AuditContext& who) = 0;
  virtual AnnouncementResult withdraw_announcement(int64_t id, int64_t expected_revision,
                                                   const AuditContext& who) = 0;
  // Room statuses (sql/009), which are announcements for a room.
  virtual std::vector<StoredAnnouncement> room_statuses() = 0;
  virtual AnnouncementResult set_room_status(const RoomStatusWrite& write,
                                             const AuditContext& who) = 0;

  // --- the rooms' screens (store/display_store.h)
  virtual std::vector<RoomDisplay> room_displays() = 0;
  virtual std::optional<DisplayChanged> change_display(int64_t room_id, DisplayChange change,
                                                       const AuditContext& who) = 0;

  // --- the event, rooms, tracks, speakers, passwords
  // (store/settings_store.h)
  virtual std::optional<EventDraft> event_draft() = 0;
  virtual WriteResult<EventDraft> save_event(const EventDraft& draft,
                                             const std::string& expected_version,
                                             const AuditContext& who) = 0;
  virtual std::vector<StoredItem> items(const ItemTable& table) = 0;
  virtual WriteResult<ItemDraft> add_item(const ItemTable& table, const ItemDraft& draft,
                                          const AuditContext& who) = 0;
  virtual WriteResult<ItemDraft> update_item(const ItemTable& table, int64_t id,
                                             const ItemDraft& draft,
                                             const std::string& expected_version,
                                             const AuditContext& who) = 0;
  virtual WriteResult<ItemDraft> delete_item(const ItemTable& table, int64_t id,
                                             const std::string& expected_version,
                                             const AuditContext& who) = 0;
  virtual std::vector<StoredSpeaker> speakers() = 0;
  virtual std::optional<SpeakerDraft> speaker(int64_t id) = 0;
  virtual std::vector<std::pair<int64_t, std::string>> speaker_sessions(int64_t id) = 0;
  virtual WriteResult<SpeakerDraft> add_speaker(const SpeakerDraft& draft,
                                                const AuditContext& who) = 0;
  virtual WriteResult<SpeakerDraft> save_speaker(int64_t id, const SpeakerDraft& draft,
                                                 const std::string& expected_version,
                                                 const AuditContext& who) = 0;
  virtual uint64_t change_role_password(Role role, const std::string& password_hash,
                                        const AuditContext& who) = 0;

  // --- speaker check-in (store/speaker_checkins.h): writes here move no
  // data version
  virtual std::vector<SpeakerToday> speakers_on(const std::string& day) = 0;
  virtual CheckinOutcome set_speaker_arrival(int64_t speaker_id, const std::string& day,
                                             const std::optional<std::string>& arrived_at,
                                             const AuditContext& who) = 0;

  // --- keeping in step with upstream (store/sync_state.h, store/upstream.h)
  virtual SyncState sync_state() = 0;
  virtual std::vector<UpstreamChange> upstream_changes() = 0;
  virtual ResolveOutcome resolve_upstream_change(int64_t session_id, UpstreamChoice choice,
                                                 const AuditContext& who) = 0;

  // --- the staff members (store/staff_members.h); the web keeps an admin
  // among them (AdminGuard::kKeepOne)
  virtual std::vector<StaffMember> staff_members() = 0;
  virtual PeopleResult add_staff_member(const std::string& name, StaffRole role,
                                        const std::string& password_hash,
                                        const AuditContext& who) = 0;
  virtual PeopleResult remove_staff_member(int64_t id, const AuditContext& who) = 0;
  virtual PeopleResult set_staff_password(int64_t id, const std::string& password_hash,
                                          const AuditContext& who) = 0;
  virtual PeopleResult set_staff_role(int64_t id, StaffRole role, const AuditContext& who) = 0;
};

}  // namespace confsched
