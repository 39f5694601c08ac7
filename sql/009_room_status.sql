-- A room's status (issue 17, README "Room status"): "full", "starting
-- late" or "moved to ...", set with one tap on /admin/rooms/status.
--
-- A status is an announcement for its room with this column set: it then
-- shows where room announcements show (the room's block on /now, its
-- screen, every banner as "Hall A: Full: no seats left") and is audited,
-- withdrawn and counted by the workers' announcement clock like one. Its
-- expires_at is the end of the session it is about, so it clears itself
-- when that session ends with no request to trigger it; a new status for
-- the room withdraws the one before (store/announcement_store.cc). NULL:
-- an announcement staff wrote.
ALTER TABLE announcements
  ADD COLUMN room_status ENUM('full','late','moved') NULL AFTER room_id;
