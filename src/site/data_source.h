// Where a worker's delegate data comes from: the data state (version,
// announcement clock, role epochs), the event, the programme, the audit
// rows /changes lists, the announcements showing and the role
// credentials. Site (site/site.h) holds what it got, keyed on the data
// version, and asks again only when the version moves.
//
// DatabaseSource (site/database_source.h) reads them from MariaDB, from a
// replica where one is configured. Tests of what pages show give Site a
// source of their own (tests/golden/), so that a page can be rendered
// from a fixed programme without a database server.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/session_token.h"
#include "model/programme.h"
#include "model/staff_member.h"
#include "store/announcement_store.h"
#include "store/credentials.h"
#include "store/history_store.h"

namespace confsched {

class DataSource {
 public:
  virtual ~DataSource() = default;

  // Each throws DbUnavailable when the data cannot be had now (Site then
  // keeps what it holds).
  virtual DataState data_state() = 0;
  // nullopt: the database holds no event yet.
  virtual std::optional<EventInfo> event() = 0;
  virtual std::optional<Programme> programme() = 0;
  // The newest audit rows of sessions, at most `most`, newest first.
  virtual std::vector<AuditEntry> changes(int64_t most) = 0;
  virtual std::vector<ShownAnnouncement> shown_announcements() = 0;
  virtual std::optional<RoleCredential> credential(Role role) = 0;
  // Every staff member (store/staff_members.h).
  virtual std::vector<StaffMember> staff_roster() = 0;
  // The data state as the primary has it, when reads go to a replica that
  // may lag behind it; nullopt when they go to the primary already.
  virtual std::optional<DataState> data_state_from_primary() = 0;
  // The same for the roster.
  virtual std::optional<std::vector<StaffMember>> staff_roster_from_primary() = 0;
};

}  // namespace confsched
