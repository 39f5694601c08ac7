// The golden tier's data source: a fixed programme held in memory, in
// place of MariaDB (site/data_source.h). Small enough to read in full, and
// made to hold what pages must get right: two days, three rooms, a
// cancelled and a moved session, a break, two sessions at once in one room
// (the grid puts them side by side), a session without a track or
// speakers, a speaker on no session and one on a cancelled session only,
// text that must be escaped (markup, quotes, ampersands) in a title, a
// speaker's name, an abstract and an announcement, non-Latin text, and
// audit rows for /changes (and the staff pages' histories:
// fixed_staff_store.h).
//
// The state (data version, role epochs) is a public member: tests move it
// as a password change or an edit would, and count how often Site asks.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/history.h"
#include "model/session_form.h"
#include "site/data_source.h"
#include "store/database.h"

namespace confsched::golden {

// The clock of every golden page: 2026-06-10 09:30:00 UTC, 10:30 in the
// event's zone (Europe/London, BST), during the first day's morning.
inline constexpr int64_t kNow = 1781083800;

// The fixed programme, built afresh (Programme holds pointers into itself
// and cannot be copied).
Programme fixed_programme();
// Its session of that id (its sessions are in the order of start times).
Session* find_session(Programme& programme, int64_t id);

// The staff edits of the fixed programme, newest first: what /changes lists
// (FixedSource) and what the sessions' histories show (FixedStaffStore,
// fixed_staff_store.h). Their after-values are the sessions as
// fixed_programme() holds them.
std::vector<AuditEntry> fixed_session_audit();

// A session as the staff form shows it (store/session_store.h's
// StoredSession::values): speakers and links one a line.
SessionDraft session_draft(const Session& session);

// One side of a session's audit row as store/session_store.cc writes it and
// store/history_store.cc reads it back: ids as their decimal text, no track
// as nullopt (a JSON null).
AuditValues session_audit_values(const SessionDraft& draft);

// The announcements showing at kNow: one for everywhere, the banner of
// every delegate page and the active one of the staff list
// (FixedStaffStore); and one for the Main Hall (room 1), in the banner
// after the room's name, beside the room on /now and on its screen.
inline constexpr const char* kShownAnnouncement = "Lunch is in Hall <A> & the garden.";
inline constexpr const char* kShownRoomAnnouncement =
    "The closing <panel> moves to Room B & starts late.";

class FixedSource final : public DataSource {
 public:
  DataState state{
      .data_version = 7, .announcement_clock = 1, .delegate_epoch = 1, .staff_epoch = 1};
  // What the primary knows when reads go to a lagging replica; nullopt:
  // no replica (reads go to the primary already).
  std::optional<DataState> primary_state;
  // The staff members (none: the shared staff login is on), and the
  // primary's when reads go to a lagging replica.
  std::vector<StaffMember> roster;
  std::optional<std::vector<StaffMember>> primary_roster;
  // False: every read throws DbUnavailable, as when MariaDB is away.
  bool available = true;
  // What programme() holds: a test of a page's weight puts a large
  // conference in the fixed one's place, before the first request.
  Programme (*make_programme)() = fixed_programme;
  int state_reads = 0;

  DataState data_state() override;
  std::optional<EventInfo> event() override;
  std::optional<Programme> programme() override;
  std::vector<AuditEntry> changes(int64_t most) override;
  std::vector<ShownAnnouncement> shown_announcements() override;
  std::optional<RoleCredential> credential(Role role) override;
  std::optional<DataState> data_state_from_primary() override;
  std::vector<StaffMember> staff_roster() override;
  std::optional<std::vector<StaffMember>> staff_roster_from_primary() override;

 private:
  void check_available() const;
};

}  // namespace confsched::golden
