-- Announcements that staff post, edit and withdraw: a level, optimistic
-- locking, and withdrawal as a soft delete (the row stays, so the staff list
-- can still show it and the audit log can point at it).
--
-- Unlike the programme's times, announcement times are UTC, set and compared
-- by MariaDB's own clock (UTC_TIMESTAMP()): an announcement lives for
-- "N minutes from now", which needs no time-zone arithmetic, and the test
-- stack has no time-zone tables for CONVERT_TZ. Rows written before this
-- migration were never shown anywhere, so reinterpreting them is harmless.
--
-- Expiry changes no row, so no trigger bumps data_version when an
-- announcement ends; workers notice from the number of start and end times
-- that have passed (src/store/credentials.cc), which the two indexes keep cheap.

ALTER TABLE announcements
  ADD COLUMN level ENUM('info','important') NOT NULL DEFAULT 'info' AFTER body,
  ADD COLUMN revision INT UNSIGNED NOT NULL DEFAULT 1,
  ADD COLUMN withdrawn_at DATETIME NULL,
  ADD KEY announcements_expires (expires_at);
