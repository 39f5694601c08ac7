-- An announcement can be for one room (issue 17): it then shows on that
-- room's screen and beside the room on /now, and in the banner of every
-- delegate page with the room's name before it. NULL: everywhere, as
-- every announcement before this migration.
--
-- Deleting a room: the staff form refuses while an announcement that is
-- showing or still to start is for it (store/settings_store.cc), because
-- "This session is cancelled" shown everywhere, without the room it
-- spoke of, would mislead. Announcements that ended or were withdrawn
-- never show again, and the rows stay (withdrawal is a soft delete), so
-- they must not keep a room from being deleted for ever: the foreign key
-- forgets their room (their audit rows keep its id and name). SET NULL
-- also lets `import --replace` clear the rooms before the announcements,
-- as it does.
--
-- Setting the column to NULL through the foreign key fires no trigger, but
-- the room's own delete does (rooms_ad), so data_version moves all the
-- same. Start and end times stay where they are (published_at,
-- expires_at, UTC: sql/003); a start in the future is already counted by
-- the workers' announcement clock only once it passes.
ALTER TABLE announcements
  ADD COLUMN room_id INT UNSIGNED NULL AFTER level,
  ADD CONSTRAINT announcements_room FOREIGN KEY (room_id) REFERENCES rooms (id)
    ON DELETE SET NULL;
