// The info desk's speaker check-in (sql/010_speaker_checkins.sql): who
// speaks on a day, who has arrived, and marking an arrival in one
// transaction with its audit row. No write here moves data_version: no
// delegate page shows arrivals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/speaker_checkin.h"
#include "store/database.h"
#include "store/session_store.h"

namespace confsched {

// Every speaker of a session on day ("YYYY-MM-DD", the event's wall clock)
// that is not cancelled, with those sessions and their arrival on that
// day; by speaker id.
std::vector<SpeakerToday> load_speakers_on(Database& db, const std::string& day);

enum class CheckinOutcome {
  kChanged,
  kUnchanged,  // already as asked: nothing written, not even an audit row
  kNoSpeaker,  // no speaker has that id
};

// Marks the speaker arrived at arrived_at ("YYYY-MM-DD HH:MM:SS", the
// event's clock; its date is the day the arrival counts for), or with
// nullopt not arrived on day. Audit entity "speaker_checkin", the
// speaker's id.
CheckinOutcome set_speaker_arrival(Database& db, int64_t speaker_id, const std::string& day,
                                   const std::optional<std::string>& arrived_at,
                                   const AuditContext& who);

}  // namespace confsched
