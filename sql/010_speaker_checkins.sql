-- Speaker check-in at the info desk (issue 17, README "Speaker check-in"):
-- one row per speaker who has arrived, for the event day they arrived on.
-- A row of an earlier day means "not arrived today": a two-day speaker is
-- checked in again on the second morning, and nobody has to clear the
-- desk's list overnight.
--
-- No trigger here bumps data_version, unlike the programme's tables
-- (sql/001_schema.sql): no delegate page shows arrivals, so a tap at the
-- desk must not make every worker and cache throw away every page. The
-- audit row a change writes (audit_log, which has no trigger either) is
-- for entity 'speaker_checkin', which /changes and the feeds never read
-- (they list only entity 'session').
--
-- day and arrived_at are the event's wall clock, as sessions' times are.
-- Deleting a speaker (or an `import --replace`) forgets their arrival.
CREATE TABLE speaker_checkins (
  speaker_id INT UNSIGNED NOT NULL PRIMARY KEY,
  day DATE NOT NULL,
  arrived_at DATETIME NOT NULL,
  arrived_by VARCHAR(100) NOT NULL DEFAULT '',
  CONSTRAINT speaker_checkins_speaker FOREIGN KEY (speaker_id) REFERENCES speakers (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
