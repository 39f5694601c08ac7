#include "site/database_staff_store.h"

#include "store/programme.h"

namespace confsched {

std::optional<EventInfo> DatabaseStaffStore::event() { return confsched::load_event(db_); }

std::optional<Programme> DatabaseStaffStore::schedule() {
  return load_programme(db_, ProgrammeDetail::kSchedule);
}

std::vector<SessionListing> DatabaseStaffStore::session_listing() {
  return confsched::load_session_listing(db_);
}

std::optional<StoredSession> DatabaseStaffStore::stored_session(int64_t id) {
  return confsched::load_stored_session(db_, id);
}

SessionChoices DatabaseStaffStore::session_choices() {
  return confsched::load_session_choices(db_);
}

std::vector<std::string> DatabaseStaffStore::session_clashes(
    const std::vector<ProposedSession>& proposed) {
  return confsched::session_clashes(db_, proposed);
}

SaveResult DatabaseStaffStore::save_session(int64_t id, const SessionDraft& draft,
                                            int64_t expected_revision, const AuditContext& who) {
  return confsched::save_session(db_, id, draft, expected_revision, who);
}

int64_t DatabaseStaffStore::create_session(const SessionDraft& draft, const AuditContext& who) {
  return confsched::create_session(db_, draft, who);
}

SaveResult DatabaseStaffStore::delete_session(int64_t id, int64_t expected_revision,
                                              const AuditContext& who) {
  return confsched::delete_session(db_, id, expected_revision, who);
}

std::vector<StoredSession> DatabaseStaffStore::delay_targets(int64_t id, bool following) {
  return confsched::delay_targets(db_, id, following);
}

MoveOutcome DatabaseStaffStore::delay_sessions(int64_t id, bool following, int minutes,
                                               const Previewed& previewed,
                                               const AuditContext& who) {
  return confsched::delay_sessions(db_, id, following, minutes, previewed, who);
}

MoveOutcome DatabaseStaffStore::save_together(const std::vector<PlannedChange>& changes,
                                              const AuditContext& who) {
  return confsched::save_together(db_, changes, who);
}

std::vector<AuditEntry> DatabaseStaffStore::session_history(int64_t session_id) {
  return confsched::load_session_history(db_, session_id);
}

RestoreResult DatabaseStaffStore::restore_session(int64_t session_id, int64_t audit_id,
                                                  AuditSide side, int64_t expected_revision,
                                                  const AuditContext& who) {
  return confsched::restore_session(db_, session_id, audit_id, side, expected_revision, who);
}

std::vector<StoredAnnouncement> DatabaseStaffStore::announcements() {
  return confsched::list_announcements(db_);
}

std::optional<StoredAnnouncement> DatabaseStaffStore::announcement(int64_t id) {
  return confsched::load_announcement(db_, id);
}

AnnouncementResult DatabaseStaffStore::create_announcement(const AnnouncementWrite& write,
                                                           const AuditContext& who) {
  return confsched::create_announcement(db_, write, who);
}

AnnouncementResult DatabaseStaffStore::save_announcement(int64_t id, const AnnouncementWrite& write,
                                                         int64_t expected_revision,
                                                         const AuditContext& who) {
  return confsched::save_announcement(db_, id, write, expected_revision, who);
}

AnnouncementResult DatabaseStaffStore::withdraw_announcement(int64_t id, int64_t expected_revision,
                                                             const AuditContext& who) {
  return confsched::withdraw_announcement(db_, id, expected_revision, who);
}

std::vector<StoredAnnouncement> DatabaseStaffStore::room_statuses() {
  return confsched::showing_room_statuses(db_);
}

AnnouncementResult DatabaseStaffStore::set_room_status(const RoomStatusWrite& write,
                                                       const AuditContext& who) {
  return confsched::set_room_status(db_, write, who);
}

std::vector<RoomDisplay> DatabaseStaffStore::room_displays() {
  return confsched::load_room_displays(db_);
}

std::optional<DisplayChanged> DatabaseStaffStore::change_display(int64_t room_id,
                                                                 DisplayChange change,
                                                                 const AuditContext& who) {
  return confsched::change_display(db_, room_id, change, who);
}

std::optional<EventDraft> DatabaseStaffStore::event_draft() {
  return confsched::load_event_draft(db_);
}

WriteResult<EventDraft> DatabaseStaffStore::save_event(const EventDraft& draft,
                                                       const std::string& expected_version,
                                                       const AuditContext& who) {
  return confsched::save_event(db_, draft, expected_version, who);
}

std::vector<StoredItem> DatabaseStaffStore::items(const ItemTable& table) {
  return confsched::load_items(db_, table);
}

WriteResult<ItemDraft> DatabaseStaffStore::add_item(const ItemTable& table, const ItemDraft& draft,
                                                    const AuditContext& who) {
  return confsched::add_item(db_, table, draft, who);
}

WriteResult<ItemDraft> DatabaseStaffStore::update_item(const ItemTable& table, int64_t id,
                                                       const ItemDraft& draft,
                                                       const std::string& expected_version,
                                                       const AuditContext& who) {
  return confsched::update_item(db_, table, id, draft, expected_version, who);
}

WriteResult<ItemDraft> DatabaseStaffStore::delete_item(const ItemTable& table, int64_t id,
                                                       const std::string& expected_version,
                                                       const AuditContext& who) {
  return confsched::delete_item(db_, table, id, expected_version, who);
}

std::vector<StoredSpeaker> DatabaseStaffStore::speakers() { return confsched::load_speakers(db_); }

std::optional<SpeakerDraft> DatabaseStaffStore::speaker(int64_t id) {
  return confsched::load_speaker(db_, id);
}

std::vector<std::pair<int64_t, std::string>> DatabaseStaffStore::speaker_sessions(int64_t id) {
  return confsched::load_speaker_sessions(db_, id);
}

WriteResult<SpeakerDraft> DatabaseStaffStore::add_speaker(const SpeakerDraft& draft,
                                                          const AuditContext& who) {
  return confsched::add_speaker(db_, draft, who);
}

WriteResult<SpeakerDraft> DatabaseStaffStore::save_speaker(int64_t id, const SpeakerDraft& draft,
                                                           const std::string& expected_version,
                                                           const AuditContext& who) {
  return confsched::save_speaker(db_, id, draft, expected_version, who);
}

uint64_t DatabaseStaffStore::change_role_password(Role role, const std::string& password_hash,
                                                  const AuditContext& who) {
  return confsched::change_role_password(db_, role, password_hash, who);
}

std::vector<SpeakerToday> DatabaseStaffStore::speakers_on(const std::string& day) {
  return load_speakers_on(db_, day);
}

CheckinOutcome DatabaseStaffStore::set_speaker_arrival(int64_t speaker_id, const std::string& day,
                                                       const std::optional<std::string>& arrived_at,
                                                       const AuditContext& who) {
  return confsched::set_speaker_arrival(db_, speaker_id, day, arrived_at, who);
}

SyncState DatabaseStaffStore::sync_state() { return load_sync_state(db_); }

std::vector<UpstreamChange> DatabaseStaffStore::upstream_changes() {
  return load_upstream_changes(db_);
}

ResolveOutcome DatabaseStaffStore::resolve_upstream_change(int64_t session_id,
                                                           UpstreamChoice choice,
                                                           const AuditContext& who) {
  return confsched::resolve_upstream_change(db_, session_id, choice, who);
}

std::vector<StaffMember> DatabaseStaffStore::staff_members() { return load_staff_roster(db_); }

PeopleResult DatabaseStaffStore::add_staff_member(const std::string& name, StaffRole role,
                                                  const std::string& password_hash,
                                                  const AuditContext& who) {
  return confsched::add_staff_member(db_, name, role, password_hash, who);
}

PeopleResult DatabaseStaffStore::remove_staff_member(int64_t id, const AuditContext& who) {
  return confsched::remove_staff_member(db_, id, AdminGuard::kKeepOne, who);
}

PeopleResult DatabaseStaffStore::set_staff_password(int64_t id, const std::string& password_hash,
                                                    const AuditContext& who) {
  return confsched::set_staff_password(db_, id, password_hash, who);
}

PeopleResult DatabaseStaffStore::set_staff_role(int64_t id, StaffRole role,
                                                const AuditContext& who) {
  return confsched::set_staff_role(db_, id, role, AdminGuard::kKeepOne, who);
}

}  // namespace confsched
