#include "site/database_source.h"

#include "store/programme.h"
#include "store/staff_members.h"

namespace confsched {

DataState DatabaseSource::data_state() { return reads_.read(load_data_state); }

std::optional<EventInfo> DatabaseSource::event() { return reads_.read(load_event); }

std::optional<Programme> DatabaseSource::programme() {
  return reads_.read([](Database& db) { return load_programme(db, ProgrammeDetail::kFull); });
}

std::vector<AuditEntry> DatabaseSource::changes(int64_t most) {
  return reads_.read([most](Database& db) { return load_programme_changes(db, most); });
}

std::vector<ShownAnnouncement> DatabaseSource::shown_announcements() {
  return reads_.read(load_shown_announcements);
}

std::optional<RoleCredential> DatabaseSource::credential(Role role) {
  return reads_.read([role](Database& db) { return load_credential(db, role); });
}

std::vector<StaffMember> DatabaseSource::staff_roster() { return reads_.read(load_staff_roster); }

std::optional<std::vector<StaffMember>> DatabaseSource::staff_roster_from_primary() {
  if (!reads_.on_replica()) return std::nullopt;
  return load_staff_roster(primary_);
}

std::optional<DataState> DatabaseSource::data_state_from_primary() {
  if (!reads_.on_replica()) return std::nullopt;
  return load_data_state(primary_);
}

}  // namespace confsched
