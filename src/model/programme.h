// The programme as pages, feeds and staff lists see it: the event, its rooms,
// tracks, speakers and sessions, joined by pointers. Loaded by
// store/programme.h; written by the importer and the staff forms through
// their own shapes (model/session_form.h, model/imported_programme.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confsched {

struct EventInfo {
  std::string name, tagline, venue, time_zone, starts_on, ends_on, intro;
  // When one conference day hands over to the next, minutes after midnight
  // (model/conference_day.h).
  int day_change = 0;
};

// What a room tells delegates beyond its name, for finding it and for
// following it from elsewhere (sql/006_room_details.sql). Each is "" when
// staff gave none. Staff set them on /admin/rooms; model/settings_form.h
// holds their limits and checks (the links are http(s) only:
// util/web_url.h).
struct RoomDetails {
  std::string description = {};  // directions: "2nd floor, left of the main stairs"
  std::string floor = {};        // "Level 2"
  std::string map_url = {};      // a venue map
  std::string stream_url = {};   // the room's live stream
  bool operator==(const RoomDetails&) const = default;
};

struct Room {
  int64_t id = 0;
  std::string name;
  int64_t position = 0;
  // Its screen link's nonce (auth/display_token.h); none: the screen is off.
  std::optional<int64_t> display_nonce;
  RoomDetails details = {};
};

struct Track {
  int64_t id = 0;
  std::string name, colour;
};

struct Speaker {
  int64_t id = 0;
  std::string name, affiliation, bio;
};

// A link a session carries (slides, a recording): as stored, as imported and
// as the staff form's lines parse (model/session_form.h), one type.
struct Material {
  std::string label, url;
};

struct Session {
  int64_t id = 0;
  std::string title, abstract, starts_at, ends_at, kind, status;
  const Room* room = nullptr;            // points into Programme::rooms
  const Track* track = nullptr;          // may be null
  std::vector<const Speaker*> speakers;  // in billing order
  std::vector<Material> materials;
  int64_t revision = 1;    // sessions.revision: rises with every save
  int64_t updated_at = 0;  // sessions.updated_at, Unix seconds
  // Its identity at the source it was imported from (sql/004, sql/012):
  // the guid, slug and page URL; "" for sessions created here and where
  // the source gave none. The exchange feeds give them back.
  std::string external_id = {}, external_slug = {}, external_url = {};
};

// Owns everything the Session pointers point to; not copyable for that
// reason (a copy would point into the original).
struct Programme {
  Programme() = default;
  Programme(const Programme&) = delete;
  Programme& operator=(const Programme&) = delete;
  Programme(Programme&&) = default;
  Programme& operator=(Programme&&) = default;

  EventInfo event;
  std::vector<Room> rooms;  // by position
  std::vector<Track> tracks;
  std::vector<Speaker> speakers;
  std::vector<Session> sessions;  // by start, then room position, then id
};

}  // namespace confsched
