// The data source of a worker: MariaDB, through a ReadRoute (the replica
// while it answers, else the primary; store/read_route.h).
#pragma once

#include <chrono>

#include "site/data_source.h"
#include "store/database.h"
#include "store/read_route.h"

namespace confsched {

class DatabaseSource final : public DataSource {
 public:
  explicit DatabaseSource(Database& primary) : primary_(primary), reads_(primary) {}

  // Reads go to replica from now on, falling back to the primary while it
  // is unavailable.
  void use_replica(Database& replica, std::chrono::seconds retry_after) {
    reads_.use_replica(replica, retry_after);
  }

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
  Database& primary_;
  ReadRoute reads_;
};

}  // namespace confsched
